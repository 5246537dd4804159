"""Split a job posting into the statements that roleclf labels one at a time.

The splitter is a handful of precompiled regular expressions, chosen over the sentence
splitters pysbd, blingfire and syntok by ``scripts/measure_splitter.py`` (see that script
for the numbers). It handles the layouts job postings come in: line breaks, bullets of
many kinds (at line starts and inline), numbered lists, prose, headings, the HTML that
scrapers leave behind, and text whose line breaks were lost in scraping.
"""

from __future__ import annotations

import bisect
import html
import re

__all__ = ["split_statements"]

# --- HTML --------------------------------------------------------------------------------

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_CODE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_CODE_END = re.compile(r"</(?:script|style)", re.IGNORECASE)
_HTML_BREAK = re.compile(
    r"<\s*/?\s*(?:br|p|li|ul|ol|div|h[1-6]|tr|td|th|table|thead|tbody|section|article|header"
    r"|footer|blockquote|dl|dt|dd|hr|pre|nav|aside|main|figure|figcaption|details|summary"
    r"|center|address|title)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:a|abbr|b|big|body|button|cite|code|del|em|font|form|head|html|i|iframe|img"
    r"|input|ins|kbd|label|link|mark|meta|noscript|option|picture|q|s|samp|select|small|source"
    r"|span|strike|strong|sub|sup|svg|path|textarea|time|tt|u|var|wbr|[A-Za-z][\w-]*:[\w-]+)"
    r"\b[^<>]{0,2000}>|<[A-Za-z][\w-]*\s[^<>]{0,2000}=[^<>]{0,2000}>|</[A-Za-z][\w-]*\s*>"
)
"""Any other tag: a known inline one, a namespaced one, one with attributes, a closing one."""
_SOFT_WRAP = re.compile(r"\n(?<=[a-z,;]\n)[ \t]*(?=[a-z(])")
"""A line break inside a sentence of HTML source ("that does\ngreat things"), a space."""

# --- characters --------------------------------------------------------------------------

_BREAK_CHARS = "\u2028\u2029\x85\x0b\x0c"
"""Characters that break a line besides ``\\n`` and ``\\r``."""
_GLYPHS = "•●▪◦‣■□▫▸►▹○◆◇❖♦⁃∙✓✔➢➤"
"""Bullet glyphs that mark a list item wherever they stand."""
_SPACE_CHARS = (
    "\t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\xad"
_SPECIAL_REPLACEMENT = {
    **dict.fromkeys(_BREAK_CHARS + _GLYPHS, "\n"),
    **dict.fromkeys(_SPACE_CHARS, " "),
    **dict.fromkeys(_INVISIBLE, ""),
}
_SPECIAL_CHARS = re.compile("[" + re.escape("".join(_SPECIAL_REPLACEMENT)) + "]")
_MIDDLE_DOT = re.compile(r"(?:(?<=\s)|^)·|·(?=\s)")
"""A middle dot is a bullet or separator when whitespace stands on at least one side."""

# --- text whose line breaks were lost ----------------------------------------------------

_GLUE = re.compile(
    r"""[A-Z](?<![\s("'/-][A-Z])(?:                   # not after a space: most capitals
        (?<=[a-z][a-z].)(?=[a-z])                   # managerRef, DoingOwning
      | (?<=[A-Z][A-Z].)(?=[a-z]{4})                # WIDepartment (not SQLite)
      | (?<=[0-9].)(?=[a-z][a-z])(?![a-z]ps\b)      # 32337New (not 5Gbps)
      | (?<=[!?].)                                  # hello?What
      | (?<=[a-z'’")][a-z]\..)                      # done.Next, preferred.PMP
      | (?<=[A-Za-z0-9%)'’"]{2}\..)(?=[a-z])        # API.What, 2021.Next (not U.S.Army)
      | (?<=[)\]%].)(?=[a-z])                       # (UX)Research, 40%Growth
    )""",
    re.VERBOSE,
)

_GLUED_PERIOD = re.compile(r"\.(?:(?<=[a-z]{3}\.)(?=[a-z]{2})|(?<=[a-z]{2}\.)(?=[0-9]))")
"""A period glued between lowercase words or before a digit ("information.accruals",
"field.7+ years")."""
_LETTERS_PREFIX = re.compile(r"[A-Za-z]+")
_DOT_SUFFIXES = frozenset(
    word
    for line in (
        "com org net edu gov mil int info biz io ai co uk us eu de fr ca au in app dev tech",
        "js ts jsx tsx py rb go rs java php html htm css json xml yaml yml csv tsv txt pdf doc",
        "docx xls xlsx ppt pptx md png jpg jpeg gif svg zip exe sql sh net",
    )
    for word in line.split()
)
"""What follows the period of a domain or a file name ("acme.com", "report.pdf")."""

_CAMEL_NAMES = frozenset(
    name.lower()
    for line in (
        "JavaScript TypeScript CoffeeScript ActionScript PowerPoint PowerBI PowerShell LinkedIn",
        "GitHub GitLab BitBucket YouTube iPhone iPad iOS macOS DevOps DevSecOps SecOps FinOps",
        "MLOps LLMOps AIOps DataOps GitOps RevOps BizOps SalesOps HubSpot WordPress SharePoint",
        "QuickBooks PostgreSQL MySQL NoSQL GraphQL McKinsey McDonald McDonalds FinTech EdTech",
        "HealthTech MedTech PropTech InsurTech RegTech LegalTech AgriTech AgTech CleanTech",
        "ClimateTech OpenAI BigQuery NetSuite ServiceNow SmartSheet ClickUp MongoDB DynamoDB",
        "CockroachDB TikTok PayPal DocuSign DoorDash WeWork SoundCloud DataDog PagerDuty",
        "JetBrains AutoCAD SolidWorks SketchUp MailChimp ZoomInfo SalesForce ScrumMaster MacBook",
        "ThinkPad InfoSec AmLaw ServSafe TrackWise PlayStation DreamWorks FedEx WhatsApp OneDrive",
        "OneNote DropBox FireFox HashiCorp CloudFlare CircleCI TravisCI JupyterLab SciPy NumPy",
        "PyTorch TensorFlow DeepMind SpaceX ChatGPT OpenShift VMware NVidia SuccessFactors",
        "WorkDay BambooHR AdWords AdSense PhD MSc BSc CANalyzer",
    )
    for name in line.split()
)
"""Camel-case names that are one word, not two words glued by lost line breaks."""
_NAME_REACH = 40
"""How far either side of a capital a camel-case word is looked at."""
_NAME_WINDOW = 5_000
"""How far either side of a glued pair of words a repeat of it is looked for."""
_CAMEL_SUFFIXES = frozenset({"ops", "tech", "script", "hub", "lab", "sec", "force", "db"})
_CAMEL_PREFIXES = frozenset({"mac", "mc", "van", "von", "della", "des", "les", "los"})

# --- abbreviations -----------------------------------------------------------------------


def _words(*lines: str) -> frozenset[str]:
    return frozenset(word for line in lines for word in line.split())


_ABBREVIATIONS = _words(
    "vs v sr jr mr mrs ms dr prof st mt cf inc ltd co corp llc bros assoc assn univ govt dept",
    "intl incl excl esp dipl ing sc",
)
"""Abbreviations whose trailing period never ends a statement ("Sr. Manager", "Inc. is")."""
_NUMBER_ABBREVIATIONS = _words(
    "no nos approx ca pp p c exp vol fig sec ver rev pt ch ref tel ext jan feb mar apr jun jul aug",
    "sep sept oct nov dec est yrs hrs min max avg mgr mfg mgmt gov int cont ft sq oz lb al etc",
)
"""Abbreviations whose period ends a statement only before a capital ("Jun. 2020", "by Jun.
We"); before a digit it does not."""


def _abbreviation_guards(words: frozenset[str]) -> str:
    """Return negative lookbehinds, one per word length, failing right after ``word.``."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(words):
        by_length.setdefault(len(word), []).append(word)
    return "".join(rf"(?<!\b(?i:{'|'.join(group)})\.)" for _, group in sorted(by_length.items()))


_GUARDS = r"(?<!\b[A-Z]\.)(?<!\.[a-z]\.)" + _abbreviation_guards(_ABBREVIATIONS)
"""Lookbehinds that fail after an initial ("J.", "U.S."), "e.g."-like or listed abbreviation."""
_NUMBER_GUARDS = "(?:(?=[ ]+[\"'“‘(\\[]?[A-Z])|" + _abbreviation_guards(_NUMBER_ABBREVIATIONS) + ")"
"""Before a digit, also fail after an abbreviation that numbers follow ("Jun. 2020")."""
_LOOKING_AT_CAPITAL = r" +(?=[\"'“‘(\[]?[A-Z]|[0-9$€£#])"
"""Spaces, then what may start a statement: a capital, a digit or a currency sign."""
_PERIOD_END = re.compile(r"\." + _GUARDS + _NUMBER_GUARDS + _LOOKING_AT_CAPITAL)
"""A period, spaces, then a capital letter: the common sentence boundary."""
_CLOSERS = r"[\"'”’)\]]"
_QUESTION_END = re.compile(r"\?" + _CLOSERS + "*" + _LOOKING_AT_CAPITAL)
_EXCLAMATION_END = re.compile(r"!" + _CLOSERS + "*" + _LOOKING_AT_CAPITAL)
_CLOSED_PERIOD_END = re.compile(r"\.(?<!\b[A-Z]\.)" + _CLOSERS + "+" + _LOOKING_AT_CAPITAL)
"""A period before closing quotes or brackets ('said "go."', "(see below.)"), spaces, then
what may start a statement; the question and exclamation marks above may have them too."""

# --- list items joined by a space ---------------------------------------------------------

_ITEM_VERBS = _words(
    "Administer Advise Agree Align Allocate Analyse Analyze Appraise Approve Arrange Assess",
    "Assign Calculate Choose Collaborate Collect Communicate Compare Compile Conduct Confer",
    "Confirm Consult Coordinate Create Decide Define Deliver Determine Develop Direct Distribute",
    "Draft Ensure Escalate Establish Estimate Evaluate Examine Execute Explain Facilitate",
    "Formulate Gather Identify Implement Inspect Interpret Interview Investigate Liaise Maintain",
    "Manage Measure Monitor Negotiate Obtain Onboard Operate Organise Organize Oversee Own",
    "Perform Prepare Present Prioritise Prioritize Produce Propose Provide Recommend Reconcile",
    "Recruit Resolve Respond Review Revise Select Specify Submit Supervise Track Translate",
    "Troubleshoot Update Verify Write",
    "Coordinates Ensures Manages Oversees Owns",
    "Analysed Analyzed Assessed Authored Briefed Chaired Completed Conducted Coordinated",
    "Created Decided Defined Delivered Designed Developed Directed Drafted Drove Established",
    "Estimated Evaluated Hired Identified Implemented Improved Increased Interviewed Introduced",
    "Launched Led Maintained Managed Negotiated Organised Organized Oversaw Owned Piloted",
    "Planned Prepared Presented Produced Ran Recruited Redesigned Reduced Resolved Restructured",
    "Reviewed Scheduled Secured Supervised Tracked Trained Wrote",
)
"""Verbs that start list items (as commands, in job ads, or in the past tense, on CVs) and
almost never stand capitalised inside a sentence, even after a name."""
_ITEM_OPENERS = _ITEM_VERBS | _words(
    "Adjust Answer Apply Ask Assemble Assist Attend Benchmark Book Bring Build Buy Calibrate",
    "Capture Carry Chase Check Clarify Clean Configure Contribute Cut Delegate Demonstrate",
    "Diagnose Dispatch Edit Engage Expedite Find Fix Flag Follow Forecast Get Give Greet Grow",
    "Handle Help Hire Hold Improve Inform Install Join Keep Lead Learn Load Make Meet Mobilise",
    "Move Observe Optimise Optimize Plan Procure Promote Publish Purchase Qualify Raise Rank",
    "Read Receive Reduce Remove Repair Replace Report Represent Request Run Schedule Secure Sell",
    "Send Serve Set Share Shape Show Solicit Steer Survey Take Teach Train Turn Use Validate",
    "Visit Weigh Work Drives Leads Runs Sets Works Built Grew Handled Kept Raised Rebuilt",
    "Rolled Shaped Shipped Steered Took Won Worked",
    "Building Collaborating Coordinating Creating Defining Delivering Developing Driving",
    "Ensuring Helping Leading Maintaining Managing Overseeing Owning Partnering Preparing",
    "Running Supporting Tracking",
    "Comfortable Demonstrated Excellent Experience Familiarity Fluent Ideally Knowledge Must",
    "Please Proficient Proficiency Proven Skilled Solid Strong",
    "Each Every Our The This We You Your",
)
"""Words that start list items after a lowercase word: besides :data:`_ITEM_VERBS`, verbs
that are also nouns in names ("Team Lead", "Remote Work"), -ing forms as in "what you'll be
doing" lists, and the openers of requirement lines ("Strong", "Proven") and sentences ("We")."""
_FUNCTION_WORDS = _words("a an and as at by for from in into of on or our the to via with your")
_SPACED_ITEM = re.compile(r"(?<=[a-z][a-z0-9)%]) ([A-Z][a-z]+)(?= [a-z])")
"""A space between list items whose line breaks were lost ("with vendors Track the budget"):
a lowercase letter, a capitalised word and a lowercase word."""
_WORD_END = re.compile(r"[\w'’./&-]+$")


def _spaced_item_repl(match: re.Match[str]) -> str:
    """Break before a listed word, unless the word before it is a function word.

    A word of :data:`_ITEM_VERBS` breaks after any other word; the rest of
    :data:`_ITEM_OPENERS` only after a lowercase word.
    """
    opener = match.group(1)
    if opener in _ITEM_OPENERS:
        start = match.start()
        before = _WORD_END.search(match.string, max(0, start - 40), start)
        word = before.group() if before else ""
        if word not in _FUNCTION_WORDS and (opener in _ITEM_VERBS or not word[:1].isupper()):
            return "\n" + opener
    return " " + opener


# --- lists -------------------------------------------------------------------------------

_LINE_MARKER = re.compile(
    r"\n(?:[ \t]*(?:[-*+–—>]+(?![0-9.])|#{1,6}(?=[ \t])|\((?:[0-9]{1,2}|[A-Za-z]|[ivx]{2,4})\)"
    r"|(?:[0-9]{1,2}|[A-Za-z])\)|[0-9]{1,2}\.(?![0-9]))[ \t]*|[ \t]+)"
)
"""Spaces or a list marker at a line start (the text is scanned with a leading newline)."""
_INLINE_DASH = re.compile(
    r"[-*–—](?:(?<=[ \t:].)(?=[ \t]+\S|[^\W_])"  # " - Plan", " -Plan", ":-Plan"
    r"|(?<=[.!?)][-*])(?=[ \t]*[^\W_])"  # "done.- Plan", "(5 yrs)-Plan", "done.* Plan"
    r"|(?<=[^\W_][-*])(?=[ \t]+(?!(?:and|or|to)\b)[^\W_]))"  # "Do X- Plan": lost line break
)
"""A dash or star that may start a list item: after whitespace or a colon, spaced or not;
after a sentence's end or a bracket; or glued to the word before it, as a dash or star list
leaves when its line breaks are lost ("Do X- Plan Y", "Do X* Plan Y", but not "short- and
long-term")."""
_INLINE_NUMBER = re.compile(
    r"(?:[0-9](?<![^\s:][0-9])[0-9]?[.)]|\((?<![^\s:]\()(?:[0-9]{1,2}|[a-z])\))(?=[ \t]+\S)"
)
"""A number or letter marker ("2.", "2)", "(b)") after whitespace or a colon."""
_SENTENCE_GAP = re.compile(r"[.!?][\"'”’)\]]*[ \t]")
_CLOSED_SENTENCE = re.compile(
    r"(?:\." + _GUARDS + _abbreviation_guards(_NUMBER_ABBREVIATIONS) + "|[!?])" + _CLOSERS + "*$"
)
"""A sentence's end at the end of a text, not an abbreviation's period ("PM exp. - ...")."""
_NUMBER_HINT = re.compile(r"2[.)] (?<=[ \t:]2. )")
"""An inline "2." or "2)": a numbered list that is not (only) at line starts."""

# --- headings ----------------------------------------------------------------------------

_HEADINGS = """
about us|about the role|about the job|about the team|about the position|about the company
about the opportunity|about you|who we are|who you are|what you'll do|what you will do
what you'll be doing|what you will be doing|what we offer|what we're looking for
what we are looking for|what you bring|what you'll bring|what you will bring|what you'll need
what you need|what we need|why join us|why you'll love working here|the role|the opportunity
the team|your role|your responsibilities|key responsibilities|main responsibilities
responsibilities|duties|key duties|main duties|requirements|minimum requirements
qualifications|minimum qualifications|basic qualifications|preferred qualifications
required qualifications|skills|required skills|skills and experience|experience
nice to have|nice-to-have|bonus points|benefits|perks|perks and benefits|benefits and perks
compensation|how to apply|job description|job summary|role overview|position summary
summary|overview|our culture|our values|essential functions|education|you will|you have
you are|in this role you will|we offer|preferred skills|desired skills|must have|must-haves
"""

_HEADING_PHRASES = [p for line in _HEADINGS.splitlines() for p in line.split("|")]


_Trie = dict[str, "_Trie"]
_COLON_END = r"[ \t]*:(?=[ \t]*[\"'“‘(\[]?[A-Z])"
_CAPITAL_END = r"(?=[ \t]+[\"'“‘(]?[A-Z])"
_GLUED_END = r"(?=[A-Z][a-z]|[0-9])"


def _heading_pattern(phrases: list[str], *, inline: bool = False) -> str:
    """Return a regular expression matching a heading and how it ends, factored as a trie.

    Any heading may end with a colon before a capitalised word, or right before a capitalised
    word glued to it by a lost line break ("What You'll DoShadow"); a heading of several words
    (other than "you ..." and "we ...") may also end right before a capitalised word. A
    heading followed by lowercase text ("Benefits: health, dental") stays one statement.
    With ``inline``, the heading must end where the searched text ends (before its colon).
    """
    trie: _Trie = {}
    for phrase in phrases:
        words = phrase.lower().replace("’", "'").split()
        if not words:
            continue
        node = trie
        for char in " ".join(words):
            node = node.setdefault(char, {})
        ends = node.setdefault("", {})
        if inline:
            ends[r"[ \t]*$"] = {}
            continue
        ends[_COLON_END] = {}
        ends[_GLUED_END] = {}
        if len(words) > 1 and words[0] not in ("you", "we"):
            ends[_CAPITAL_END] = {}

    def pattern(node: _Trie) -> str:
        branches = []
        for char, child in sorted(node.items()):
            if char.isalpha():
                branches.append(f"[{char}{char.upper()}]" + pattern(child))
            elif char:
                atom = {"'": "['’]", " ": r"[ \t]+", "-": "[- ]"}.get(char, re.escape(char))
                branches.append(atom + pattern(child))
        branches.extend(sorted(node.get("", {})))
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(trie)


_HEADING = re.compile(r"\n(?=[A-Za-z])" + _heading_pattern(_HEADING_PHRASES) + r"[ \t]*(?=\S)")
"""A known heading at a line start with more text after it on the same line."""
_HEADING_BEFORE_COLON = re.compile(
    r"(?<=[a-z0-9)%])[ \t]+(" + _heading_pattern(_HEADING_PHRASES, inline=True) + ")"
)
_SECTION_COLON = re.compile(r":(?=[ \t]*(?:$|\n|[-*–—]|[\"'“‘(\[]?[A-Z]))")

# --- finishing ---------------------------------------------------------------------------

_STRIP = " -*–—•·:;,|=~_"
"""Characters stripped from both ends of a statement (markers, spaces, separators)."""
_LETTER = re.compile(r"[^\W\d_]")
_RUN_ON_SEPARATOR = re.compile(r"[ \t]*;[ \t]+|[ \t]+[|·][ \t]+")
_RUN_ON_WORDS = 60


def _camel_split(text: str, start: int) -> bool:
    """Return whether the capital at ``start`` (after a lowercase letter) starts a new word."""
    left = start
    while left > 0 and start - left < _NAME_REACH and text[left - 1].isalpha():
        left -= 1
    right = start + 1
    while right < len(text) and right - start < _NAME_REACH and text[right].isalpha():
        right += 1
    word = text[left:right].lower()
    if word in _CAMEL_NAMES:
        return False
    seg_start = start - 1
    if text[seg_start].isupper():  # an acronym glued to a word: "WIDepartment"
        while seg_start > left and text[seg_start - 1].isupper():
            seg_start -= 1
    else:
        while seg_start > left and not text[seg_start].isupper():
            seg_start -= 1
    seg_end = start + 1
    while seg_end < right and not text[seg_end].isupper():
        seg_end += 1
    before = text[seg_start:start].lower()
    after = text[start:seg_end].lower()
    if before in _CAMEL_PREFIXES or after in _CAMEL_SUFFIXES:
        return False
    names = (before + after, word[: seg_end - left], word[seg_start - left :])
    if any(name in _CAMEL_NAMES for name in names):
        return False
    # A pair seen twice is a name ("RepairLog ... RepairLog"): lost breaks do not repeat.
    window = max(0, start - _NAME_WINDOW), start + _NAME_WINDOW
    return text.count(text[seg_start:seg_end], *window) < 2


def _glued_period_repl(match: re.Match[str]) -> str:
    """Break after "word.word" unless it is a domain, file name, e-mail or other token."""
    text = match.string
    start = match.start()
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", start)
    token = text[left : len(text) if right < 0 else right].rstrip(".,;:!?)")
    if token.count(".") != 1 or any(c in token for c in "@/:\\_"):
        return "."
    if text[start + 1].isdigit():
        word = token[: token.index(".")].lstrip("([\"'").lower()
        if word in _ABBREVIATIONS or word in _NUMBER_ABBREVIATIONS:
            return "."
        return ".\n"
    suffix = _LETTERS_PREFIX.match(token, token.index(".") + 1)
    if suffix is None or suffix.group().lower() in _DOT_SUFFIXES:
        return "."
    return ".\n"


def _glue_repl(match: re.Match[str]) -> str:
    """Put a line break before the capital that starts a glued statement, when it does."""
    text = match.string
    start = match.start()
    capital = match.group()
    before = text[start - 1]
    if before.isalpha():
        if not _camel_split(text, start):
            return capital
    elif before == ".":
        word_start = start - 1
        while word_start > 0 and text[word_start - 1].isalnum():
            word_start -= 1
        word = text[word_start : start - 1].lower()
        rest = text[start + 1 : start + 4]  # "etc.Also", "CA.Would" end; "Ref.No 5" does not
        if word in _ABBREVIATIONS or (
            word in _NUMBER_ABBREVIATIONS and not (rest.isalpha() and rest.islower())
        ):
            return capital
    return "\n" + capital


def _normalise(text: str) -> str:
    """Return ``text`` as plain text with newline line breaks and bullets turned into breaks."""
    if "&lt;" in text and "<" not in text:  # HTML escaped once more, as some feeds send it
        text = html.unescape(text)
    if "<" in text:
        if "<!--" in text and "-->" in text:
            text = _HTML_COMMENT.sub("", text)
        if _HTML_CODE_END.search(text):
            text = _HTML_CODE.sub("", text)
        if _HTML_BREAK.search(text):
            text = _SOFT_WRAP.sub(" ", text)
            text = _HTML_BREAK.sub("\n", text)
        text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.replace("\t", " ")
    if not text.isascii():
        for char in set(_SPECIAL_CHARS.findall(text)):
            text = text.replace(char, _SPECIAL_REPLACEMENT[char])
        if "·" in text:
            text = _MIDDLE_DOT.sub("\n", text)
    return text


def _inline_headings(text: str) -> str:
    """Break lines before a known heading and its colon that follow a list item on one line.

    A line break lost between an item and the next section leaves "... budgets Required
    Skills: - PMP". The heading must be capitalised, follow a word that is not ("Job Duties:"
    stays), and its colon must come before a capital, a list marker or the line's end.
    """
    cuts = []
    for colon in _SECTION_COLON.finditer(text):
        found = _HEADING_BEFORE_COLON.search(text, max(0, colon.start() - 60), colon.start())
        if found is None or not text[found.start(1)].isupper():
            continue
        word = _WORD_END.search(text, max(0, found.start() - 40), found.start())
        if word is None or not word.group()[0].isupper():
            cuts.append(found.start(1))
    return _break_before(text, cuts)


def _inline_dashes(text: str) -> str:
    """Break lines before inline dash or star bullets ("Duties: - Plan X - Track Y").

    A dash right after a colon or a sentence's end is a bullet, and so is a dash before a
    letter later in the same sentence; a dash before a capital is a bullet when another
    such dash stands in the same sentence. A lone dash ("Manager - Claims", "5 - 7 years")
    is not. The dash may be glued to its item ("Duties: -Plan X -Track Y").
    """
    lines: list[list[tuple[int, bool, str]]] = []
    line_start = -2
    after_text = False
    previous = 0
    for match in _INLINE_DASH.finditer(text):
        position = match.start()
        newline = text.rfind("\n", previous, position)
        previous = position
        if newline >= 0 or not lines:
            line_start = text.rfind("\n", 0, position) if newline < 0 else newline
            lines.append([])
            after_text = bool(text[line_start + 1 : position].strip(" \t"))  # once a line
        if after_text:  # short slices only, so that the scan stays linear in the text
            head = text[max(line_start + 1, position - 64) : position].rstrip(" \t")[-12:]
            opens = head.endswith(":") or _CLOSED_SENTENCE.search(head) is not None
            following = text[match.end() : match.end() + 8].lstrip(" \t")[:1]
            lines[-1].append((position, opens, following))
        after_text = True  # this dash stands before any later one on its line

    def same_sentence(a: int, b: int) -> bool:
        return _SENTENCE_GAP.search(text, min(a, b), max(a, b)) is None

    cuts: list[int] = []
    for marks in lines:
        listed = [p for p, colon, _ in marks if colon]
        anchors = [p for p, colon, following in marks if colon or following.isupper()]
        cuts.extend(listed)
        is_listed = set(listed)
        for i, p in enumerate(anchors):  # a capital dash next to another in its sentence
            if p not in is_listed and any(
                same_sentence(p, q) for q in (anchors[i - 1 : i] + anchors[i + 1 : i + 2])
            ):
                cuts.append(p)
        for p, colon, following in marks:  # a lowercase dash after a colon dash
            if following.islower() and not colon:
                k = bisect.bisect_left(listed, p)
                if k and same_sentence(listed[k - 1], p):
                    cuts.append(p)
    return _break_before(text, cuts)


def _break_before(text: str, cuts: list[int]) -> str:
    """Return ``text`` with a line break inserted before each position in ``cuts``."""
    if not cuts:
        return text
    pieces = []
    last = 0
    for position in sorted(cuts):
        pieces.append(text[last:position])
        last = position
    pieces.append(text[last:])
    return "\n".join(pieces)


def _marker_value(match: re.Match[str]) -> int:
    token = match.group().strip("().")
    return int(token) if token.isdigit() else ord(token) - ord("a") + 1


def _inline_numbers(text: str) -> str:
    """Break lines before inline numbered items that count up ("1. X 2. Y", "(a) X (b) Y")."""
    cuts: list[int] = []
    run: list[int] = []
    previous = 0
    for match in _INLINE_NUMBER.finditer(text):
        position = match.start()
        new_line = text.find("\n", previous, position) >= 0
        previous = position
        value = _marker_value(match)
        if new_line or value == 1:
            if len(run) >= 2:
                cuts.extend(run)
            run = [position] if value == 1 else []
        elif run and value == len(run) + 1:
            run.append(position)
    if len(run) >= 2:
        cuts.extend(run)
    return _break_before(text, cuts)


def _layout(text: str) -> str:
    """Return ``text`` with a line break at every layout boundary and list markers removed.

    The result starts with a line break; sentence boundaries inside lines are left alone.
    """
    text = _normalise(text)
    text = _GLUE.sub(_glue_repl, text)
    if ":" in text:
        text = _inline_headings(text)
    if "." in text:
        text = _GLUED_PERIOD.sub(_glued_period_repl, text)
    if _INLINE_DASH.search(text):
        text = _inline_dashes(text)
    if "(b)" in text or "(2)" in text or _NUMBER_HINT.search(text):
        text = _inline_numbers(text)
    return _LINE_MARKER.sub("\n", "\n" + text)


def _split_sentences(text: str) -> str:
    """Return ``text`` with a line break at every sentence boundary."""
    text = _SPACED_ITEM.sub(_spaced_item_repl, text)
    text = _PERIOD_END.sub(".\n", text)
    if "?" in text:
        text = _QUESTION_END.sub(_line_break_after, text)
    if "!" in text:
        text = _EXCLAMATION_END.sub(_line_break_after, text)
    return _CLOSED_PERIOD_END.sub(_line_break_after, text)


def _line_break_after(match: re.Match[str]) -> str:
    return match.group().rstrip(" \t") + "\n"


def _has_letter(piece: str) -> bool:
    return bool(piece) and (piece[0].isalpha() or _LETTER.search(piece) is not None)


def _finish(text: str) -> list[str]:
    """Split text whose boundaries are line breaks into cleaned statements, in order."""
    text = _HEADING.sub(_line_break_after, text)
    pieces = [piece.strip(_STRIP) for piece in text.split("\n")]
    statements = [p for p in pieces if p and (p[0].isalpha() or _LETTER.search(p) is not None)]
    if statements and max(map(len, statements)) > _RUN_ON_WORDS * 2:
        statements = [part for piece in statements for part in _split_run_on(piece)]
    return statements


def _split_run_on(piece: str) -> list[str]:
    """Split a fragment of more than ``_RUN_ON_WORDS`` words at " ; ", " · " or " | "."""
    if piece.count(" ") < _RUN_ON_WORDS:
        return [piece]
    parts = [part.strip(_STRIP) for part in _RUN_ON_SEPARATOR.split(piece)]
    return [part for part in parts if _has_letter(part)]


def split_statements(text: str) -> list[str]:
    """Split a job posting into statements, in the order they appear.

    Boundaries are line breaks; bullets (``•``, ``-``, ``*``, ``–`` and the like, at line
    starts or inline) and numbered items (``1.``, ``1)``, ``(a)``); sentence ends in prose
    (not after abbreviations such as "e.g.", "Inc." or "U.S.", nor inside numbers such as
    "3.5"); known headings ("What you'll do:", "About us"), which become statements of
    their own; HTML block tags (other tags are dropped and entities unescaped); and the
    places where scraping lost a line break ("hello?What", "ManagerRef", "32337New", and
    list items joined by a space: "with vendors Track the budget", before a capitalised word
    that starts list items, such as a verb, "Strong" or "We", but not after a function word
    nor, for words that are also nouns in names, after a capital: "our Team Lead"), but not
    inside camel-case names such as "JavaScript" or "LinkedIn". Statements lose their bullet
    markers, surrounding whitespace and trailing separators; fragments without a letter are
    dropped, and a run-on fragment of more than 60 words is split at " ; ", " · " or " | "
    if it has any.

    Parameters
    ----------
    text : str
        The posting: plain text, or the HTML a scraper left.

    Returns
    -------
    list of str
        The statements; none contains a line break. Empty when ``text`` has no letters.

    Raises
    ------
    TypeError
        ``text`` is not a string.

    Examples
    --------
    >>> split_statements("About us: We build tools. Duties: • Own the roadmap • Plan sprints")
    ['About us', 'We build tools.', 'Duties', 'Own the roadmap', 'Plan sprints']
    >>> split_statements("Associate Product ManagerRef: 32337New York")
    ['Associate Product Manager', 'Ref: 32337', 'New York']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}")
    return _finish(_split_sentences(_layout(text)))
