"""Split a job posting into the statements that roleclf labels one at a time.

The splitter is a handful of precompiled regular expressions, chosen over the sentence
splitters pysbd, blingfire and syntok by ``scripts/measure_splitter.py`` (see that script
for the numbers). It handles the layouts job postings come in: line breaks, bullets of
many kinds (at line starts and inline), numbered lists, prose, headings, the HTML that
scrapers leave behind, and text whose line breaks were lost in scraping.
"""

from __future__ import annotations

import html
import re

__all__ = ["split_statements"]

# --- HTML --------------------------------------------------------------------------------

_HTML_DROP = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_BREAK = re.compile(
    r"<\s*/?\s*(?:br|p|li|ul|ol|div|h[1-6]|tr|td|th|table|thead|tbody|section|article|header"
    r"|footer|blockquote|dl|dt|dd|hr|pre|nav|aside|main|figure|figcaption|details|summary"
    r"|center|address|title)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?\s*>")

# --- characters --------------------------------------------------------------------------

_BREAK_CHARS = "\u2028\u2029\x85\x0b\x0c"
"""Characters that break a line besides ``\\n`` and ``\\r``."""
_GLYPHS = "•●▪◦‣■□▫▸►▹○◆◇❖♦⁃∙✓✔➢➤"
"""Bullet glyphs that mark a list item wherever they stand."""
_SPACE_CHARS = (
    "\t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\xad"
_MIDDLE_DOT = re.compile(r"(?:(?<=\s)|^)·|·(?=\s)")
"""A middle dot is a bullet or separator when whitespace stands on at least one side."""

# --- text whose line breaks were lost ----------------------------------------------------

_GLUE = re.compile(
    r"""[A-Z](?:
        (?<=[a-z][a-z].)(?=[a-z])                   # managerRef, DoingOwning
      | (?<=[A-Z][A-Z].)(?=[a-z][a-z])              # SAPTrack
      | (?<=[0-9].)(?=[a-z][a-z])(?![a-z]ps\b)      # 32337New (not 5Gbps)
      | (?<=[!?].)                                  # hello?What
      | (?<=[a-z0-9%)][a-z0-9%)]\..)(?=[a-z])       # done.Next
      | (?<=[)\]%].)(?=[a-z])                       # (UX)Research, 40%Growth
    )""",
    re.VERBOSE,
)

_CAMEL_NAMES = frozenset(
    name.lower()
    for name in ["JavaScript", "TypeScript", "CoffeeScript", "ActionScript", "PowerPoint", "PowerBI", "PowerShell", "LinkedIn", "GitHub", "GitLab", "BitBucket", "YouTube", "iPhone", "iPad", "iOS", "macOS", "DevOps", "DevSecOps", "SecOps", "FinOps", "MLOps", "LLMOps", "AIOps", "DataOps", "GitOps", "RevOps", "BizOps", "SalesOps", "HubSpot", "WordPress", "SharePoint", "QuickBooks", "PostgreSQL", "MySQL", "NoSQL", "GraphQL", "McKinsey", "McDonald", "McDonalds", "FinTech", "EdTech", "HealthTech", "MedTech", "PropTech", "InsurTech", "RegTech", "LegalTech", "AgriTech", "AgTech", "CleanTech", "ClimateTech", "OpenAI", "BigQuery", "NetSuite", "ServiceNow", "SmartSheet", "ClickUp", "MongoDB", "DynamoDB", "CockroachDB", "TikTok", "PayPal", "DocuSign", "DoorDash", "WeWork", "SoundCloud", "DataDog", "PagerDuty", "JetBrains", "AutoCAD", "SolidWorks", "SketchUp", "MailChimp", "ZoomInfo", "SalesForce", "ScrumMaster", "MacBook", "ThinkPad", "InfoSec", "AmLaw", "ServSafe", "TrackWise", "PlayStation", "DreamWorks", "FedEx", "WhatsApp", "OneDrive", "OneNote", "DropBox", "FireFox", "HashiCorp", "CloudFlare", "CircleCI", "TravisCI", "JupyterLab", "SciPy", "NumPy", "PyTorch", "TensorFlow", "DeepMind", "SpaceX", "ChatGPT", "OpenShift", "VMware", "NVidia", "SuccessFactors", "WorkDay", "BambooHR", "AdWords", "AdSense", "PhD", "MSc", "BSc"]
)
"""Camel-case names that are one word, not two words glued by lost line breaks."""
_CAMEL_SUFFIXES = frozenset({"ops", "tech", "script", "hub", "lab", "sec", "force", "db"})
_CAMEL_PREFIXES = frozenset({"mac", "mc", "van", "von", "della", "des", "les", "los"})

# --- abbreviations -----------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    ["vs", "sr", "jr", "mr", "ms", "dr", "st", "co", "no", "mt", "ft", "sq", "oz", "lb", "sc", "al", "ca", "pp", "vol", "inc", "ltd", "mrs", "est", "etc", "yrs", "hrs", "min", "max", "avg", "ref", "tel", "ext", "fig", "mgr", "mfg", "gov", "int", "nos", "esp", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "corp", "univ", "assn", "govt", "dept", "prof", "incl", "mgmt", "intl", "excl", "dipl", "assoc", "bros"]
)
"""Words whose trailing period never ends a statement (single letters never do either)."""


def _abbreviation_guards() -> str:
    by_length: dict[int, list[str]] = {}
    for word in sorted(_ABBREVIATIONS):
        by_length.setdefault(len(word), []).append(word)
    return "".join(rf"(?<!\b(?i:{'|'.join(words)})\.)" for _, words in sorted(by_length.items()))


_GUARDS = r"(?<!\b[A-Za-z]\.)" + _abbreviation_guards()
_PERIOD_END = re.compile(r"\." + _GUARDS + r"([\"'”’)\]]*) +(?=[\"'“‘(\[]?[A-Z])")
"""A period (maybe closing quotes or brackets), spaces, then a capital letter."""
_MARK_END = re.compile(r"([!?]+[\"'”’)\]]*) +(?=[\"'“‘(\[]?[A-Z])")
"""A question or exclamation mark (maybe closing quotes or brackets), spaces, a capital."""

# --- lists -------------------------------------------------------------------------------

_LINE_MARKER = re.compile(
    r"\n(?:[ \t]*(?:[-*+–—>]+(?![0-9.])|#{1,6}(?=[ \t])|\((?:[0-9]{1,2}|[A-Za-z]|[ivx]{2,4})\)"
    r"|(?:[0-9]{1,2}|[A-Za-z])\)|[0-9]{1,2}\.(?![0-9]))[ \t]*|[ \t]+)"
)
"""Spaces or a list marker at a line start (the text is scanned with a leading newline)."""
_INLINE_DASH = re.compile(r"[-*–—](?<=[ \t:].)(?=[ \t]+\S)")
_INLINE_NUMBER = re.compile(
    r"(?:[0-9](?<![^\s:][0-9])[0-9]?[.)]|\((?<![^\s:]\()(?:[0-9]{1,2}|[a-z])\))(?=[ \t]+\S)"
)
"""A number or letter marker ("2.", "2)", "(b)") after whitespace or a colon."""
_DASH_HINTS = (" - ", " * ", " – ", " — ", ":- ", ":* ")
_NUMBER_HINTS = ("1. ", "1) ", "(a) ")

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


_Trie = dict[str, "_Trie"]
_COLON_END = r"[ \t]*:"
_CAPITAL_END = r"(?=[ \t]+[\"'“‘(]?[A-Z])"


def _heading_pattern(phrases: list[str]) -> str:
    """Return a regular expression matching a heading and how it ends, factored as a trie.

    Any heading may end with a colon; a heading of several words (other than "you ..."
    and "we ...") may also end before a capitalised word.
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
        ends[_COLON_END] = {}
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


_HEADING = re.compile(
    r"\n(?=[A-Za-z])("
    + _heading_pattern([p for line in _HEADINGS.splitlines() for p in line.split("|")])
    + r")[ \t]*(?=\S)"
)
"""A known heading at a line start with more text after it on the same line.

A heading followed by a colon always ends there; a heading of several words also ends
where a capitalised word follows ("What You Will Be Doing Owning the roadmap").
"""

# --- finishing ---------------------------------------------------------------------------

_STRIP = " -*–—•·:;,|=~_"
"""Characters stripped from both ends of a statement (markers, spaces, separators)."""
_LETTER = re.compile(r"[^\W\d_]")
_RUN_ON_SEPARATOR = re.compile(r"[ \t]*;[ \t]+|[ \t]+[|·][ \t]+")
_RUN_ON_WORDS = 60


def _camel_split(text: str, start: int) -> bool:
    """Return whether the capital at ``start`` (after a lowercase letter) starts a new word."""
    left = start
    while left > 0 and text[left - 1].isalpha():
        left -= 1
    right = start + 1
    while right < len(text) and text[right].isalpha():
        right += 1
    word = text[left:right].lower()
    if word in _CAMEL_NAMES:
        return False
    seg_start = start - 1
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
    return not any(name in _CAMEL_NAMES for name in names)


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
        if text[word_start : start - 1].lower() in _ABBREVIATIONS:
            return capital
    return "\n" + capital


def _normalise(text: str) -> str:
    """Return ``text`` as plain text whose only line break is ``\\n`` and bullets are breaks."""
    if "<" in text:
        text = _HTML_DROP.sub("", text)
        text = _HTML_BREAK.sub("\n", text)
        text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.replace("\t", " ")
    if not text.isascii():
        for char in _BREAK_CHARS:
            if char in text:
                text = text.replace(char, "\n")
        for char in _GLYPHS:
            if char in text:
                text = text.replace(char, "\n")
        for char in _SPACE_CHARS:
            if char in text:
                text = text.replace(char, " ")
        for char in _INVISIBLE:
            if char in text:
                text = text.replace(char, "")
        if "·" in text:
            text = _MIDDLE_DOT.sub("\n", text)
    return text


def _inline_dashes(text: str) -> str:
    """Break lines before inline dash or star bullets ("Duties: - Plan X - Track Y")."""
    cuts: list[int] = []
    line_start = -1
    line_marks: list[tuple[int, bool, bool]] = []

    def flush() -> None:
        capitals = [m for m in line_marks if m[2]]
        after_colon = any(m[1] for m in line_marks)
        for position, colon, capital in line_marks:
            if colon or (capital and (after_colon or len(capitals) >= 2)):
                cuts.append(position)

    for match in _INLINE_DASH.finditer(text):
        position = match.start()
        start = text.rfind("\n", 0, position)
        if start != line_start:
            flush()
            line_marks = []
            line_start = start
        head = text[start + 1 : position].rstrip(" \t")
        if not head:
            continue
        following = text[match.end() : match.end() + 8].lstrip(" \t")
        line_marks.append((position, head.endswith(":"), following[:1].isupper()))
    flush()
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
    line_start = -2
    for match in _INLINE_NUMBER.finditer(text):
        position = match.start()
        start = text.rfind("\n", 0, position)
        value = _marker_value(match)
        if start != line_start or value == 1:
            if len(run) >= 2:
                cuts.extend(run)
            run = [position] if value == 1 else []
            line_start = start
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
    if any(hint in text for hint in _DASH_HINTS):
        text = _inline_dashes(text)
    if any(hint in text for hint in _NUMBER_HINTS):
        text = _inline_numbers(text)
    return _LINE_MARKER.sub("\n", "\n" + text)


def _split_sentences(text: str) -> str:
    """Return ``text`` with a line break at every sentence boundary."""
    text = _PERIOD_END.sub(".\\1\n", text)
    if "?" in text or "!" in text:
        text = _MARK_END.sub("\\1\n", text)
    return text


def _has_letter(piece: str) -> bool:
    return bool(piece) and (piece[0].isalpha() or _LETTER.search(piece) is not None)


def _finish(text: str) -> list[str]:
    """Split text whose boundaries are line breaks into cleaned statements, in order."""
    text = _HEADING.sub("\n\\1\n", text)
    pieces = [piece.strip(_STRIP) for piece in text.split("\n")]
    statements = [piece for piece in pieces if _has_letter(piece)]
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
    places where scraping lost a line break ("hello?What", "ManagerRef", "32337New"), but
    not inside camel-case names such as "JavaScript" or "LinkedIn". Statements lose their
    bullet markers, surrounding whitespace and trailing separators; fragments without a
    letter are dropped, and a run-on fragment of more than 60 words is split at " ; ",
    " · " or " | " if it has any.

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
