from __future__ import annotations

import html
import random

import pytest

from roleclf.segment import split_statements

STATEMENTS = [
    "Own the product roadmap for the checkout team",
    "Interview merchants every week to learn where payments fail them",
    "Run the weekly steering meeting and publish the minutes",
    "Track the project budget against the approved plan",
    "Write clear user stories with acceptance criteria",
    "Keep the RAID log current and escalate blockers early",
    "Decide with the squad what goes into each quarter",
    "Coordinate UAT with 150 underwriters across four release waves",
    "Present the roadmap to leadership, e.g. the CPO and the CFO",
    "Work with Sales on pricing for the U.S. and U.K. markets",
    "Own the migration from MySQL to PostgreSQL on AWS",
    "Define success metrics and run A/B tests on onboarding",
    "Report status to the Sr. Director of Engineering every Friday",
    "Plan releases around the school calendar",
    "Manage the contract with Acme Inc. and two other vendors",
    "Grew conversion by 3.5 points in six months",
    "Maintain the product backlog in Jira and Confluence",
    "Partner with Marketing on launch messaging for LinkedIn and YouTube",
    "Build dashboards in Power BI and BigQuery",
    "Lead the hiring of two product designers",
    "Negotiate a budget of $120.5k with the vendor",
    "Mentor junior PMs, i.e. new graduates, on discovery",
]

HEADINGS = ["About us", "What you'll do", "Requirements", "Nice to have", "What we offer"]


def sentence(statement: str) -> str:
    return statement if statement[-1] in ".!?" else statement + "."


# --- lost line breaks ------------------------------------------------------------------


def test_lost_line_break_after_question_mark_and_heading() -> None:
    text = (
        "Questions? Just say hello?What You Will Be Doing Owning the roadmap for checkout "
        "and payouts."
    )
    assert split_statements(text) == [
        "Questions?",
        "Just say hello?",
        "What You Will Be Doing",
        "Owning the roadmap for checkout and payouts.",
    ]


def test_lost_line_breaks_in_a_header() -> None:
    assert split_statements("Associate Product ManagerRef: 32337New York") == [
        "Associate Product Manager",
        "Ref: 32337",
        "New York",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Own the roadmapTrack the budget", ["Own the roadmap", "Track the budget"]),
        ("Own the roadmap.Track the budget.", ["Own the roadmap.", "Track the budget."]),
        ("Ship it!Then rest", ["Ship it!", "Then rest"]),
        ("Reports to the CEO.Owns the P&L", ["Reports to the CEO.", "Owns the P&L"]),
        ("Remote (US)Full-time", ["Remote (US)", "Full-time"]),
        ("Location: Green Bay, WIDepartment: IT", ["Location: Green Bay, WI", "Department: IT"]),
        ("What You'll DoShadow agents at work", ["What You'll Do", "Shadow agents at work"]),
        (
            "in a related field.5+ years of experience",
            ["in a related field.", "5+ years of experience"],
        ),
        (
            "fill in missing information.accruals for utilities",
            ["fill in missing information.", "accruals for utilities"],
        ),
        (
            "Order kit, licences etc.Also track costs",
            ["Order kit, licences etc.", "Also track costs"],
        ),
        ("Based in Irvine, CA.Would suit a local", ["Based in Irvine, CA.", "Would suit a local"]),
        (
            "Tools: Jira, Excel, etc. Experience with SQL",
            ["Tools: Jira, Excel, etc.", "Experience with SQL"],
        ),
        ("Ref.No 5 of the plan", ["Ref.No 5 of the plan"]),
    ],
)
def test_other_lost_line_breaks(text: str, expected: list[str]) -> None:
    assert split_statements(text) == expected


def test_list_items_joined_by_a_space_split_before_a_listed_verb() -> None:
    text = "Duties include budgets Coordinate vendors and crews Track the schedule weekly"
    assert split_statements(text) == [
        "Duties include budgets",
        "Coordinate vendors and crews",
        "Track the schedule weekly",
    ]


def test_joined_items_split_before_past_tense_ing_and_requirement_openers() -> None:
    text = (
        "Your week includes Running supplier calls Led three plant rollouts in a row"
        " Experience with e-discovery tools Strong attention to detail We offer a pension"
    )
    assert split_statements(text) == [
        "Your week includes",
        "Running supplier calls",
        "Led three plant rollouts in a row",
        "Experience with e-discovery tools",
        "Strong attention to detail",
        "We offer a pension",
    ]


def test_a_heading_before_a_listed_verb_splits_but_not_before_other_openers() -> None:
    assert split_statements("Duties and Responsibilities Develop the master schedule") == [
        "Duties and Responsibilities",
        "Develop the master schedule",
    ]
    assert split_statements("Improve the Customer Experience for members") == [
        "Improve the Customer Experience for members"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tools We Use To Manage Projects",  # Title Case: the next word is capitalised
        "We Review code daily",  # the word before is not lowercase
        "Join our Support team to Build trust",  # after a function word
        "reporting to the Review Board",
        "Report to our Team Lead on progress",  # a verb that is also a noun, after a name
        "A current Working with Children Check is needed",  # not a listed word
        "Sign up for Remote Work days",
    ],
)
def test_capitalised_words_inside_sentences_stay(text: str) -> None:
    assert split_statements(text) == [text]


@pytest.mark.parametrize(
    "name",
    [
        "JavaScript", "TypeScript", "PowerPoint", "LinkedIn", "GitHub", "GitLab", "YouTube",
        "iPhone", "iOS", "DevOps", "FinOps", "MLOps", "HubSpot", "WordPress", "SharePoint",
        "QuickBooks", "PostgreSQL", "MySQL", "McKinsey", "McDonald", "FinTech", "EdTech",
        "HealthTech", "PropTech", "InsurTech", "OpenAI", "BigQuery", "NetSuite", "ServiceNow",
        "SmartSheet", "ClickUp", "MongoDB", "TikTok", "PayPal", "DocuSign", "DoorDash", "WeWork",
        "SoundCloud", "DataDog", "PagerDuty", "JetBrains", "AutoCAD", "SolidWorks", "SketchUp",
        "MailChimp", "ZoomInfo", "SalesForce", "eDiscovery", "SaaS", "KPIs", "SQLite", "MacBook",
    ],
)  # fmt: skip
def test_camel_case_names_are_not_split(name: str) -> None:
    text = f"Use {name} every day to plan the work"
    assert split_statements(text) == [text]


def test_a_camel_case_pair_seen_twice_is_a_name() -> None:
    text = "We built RepairLog for tenants. RepairLog is used by 30 landlords."
    assert split_statements(text) == [
        "We built RepairLog for tenants.",
        "RepairLog is used by 30 landlords.",
    ]


def test_domains_files_and_emails_are_not_split() -> None:
    text = "Apply at jobs.acme.com or acme.io, send cv.pdf to jo.smith@acme.com with node.js notes"
    assert split_statements(text) == [text]


# --- bullets and numbers ---------------------------------------------------------------

BULLETS = ["•", "●", "▪", "◦", "‣", "·", "-", "*", "–", "—"]  # noqa: RUF001


@pytest.mark.parametrize("marker", BULLETS)
def test_bullets_at_line_start(marker: str) -> None:
    items = STATEMENTS[:5]
    text = "\n".join(f"{marker} {item}" for item in items)
    assert split_statements(text) == items
    indented = "\n".join(f"   {marker}  {item}  " for item in items)
    assert split_statements(indented) == items


@pytest.mark.parametrize("marker", BULLETS)
def test_bullets_inline(marker: str) -> None:
    text = f"Duties: {marker} Plan X {marker} Track Y {marker} Report Z"
    assert split_statements(text) == ["Duties", "Plan X", "Track Y", "Report Z"]


@pytest.mark.parametrize("marker", BULLETS)
def test_bullets_inline_glued_to_their_items(marker: str) -> None:
    text = f"Duties: {marker}Plan X {marker}track Y {marker}Report Z"
    assert split_statements(text) == ["Duties", "Plan X", "track Y", "Report Z"]


@pytest.mark.parametrize("marker", ["-", "*", "- ", "* "])
def test_a_dash_after_a_sentence_end_is_a_bullet(marker: str) -> None:
    text = f"We ship weekly. {marker}plan the rollout. {marker}Own the budget! {marker}report"
    assert split_statements(text) == [
        "We ship weekly.",
        "plan the rollout.",
        "Own the budget!",
        "report",
    ]


@pytest.mark.parametrize("marker", ["-", "*"])
@pytest.mark.parametrize(
    "text",
    [
        "Duties:- Plan X- Track Y- Report Z",  # "- " items whose line breaks were lost
        "Duties: Plan X.- Track Y.-Report Z",
    ],
)
def test_dash_lists_that_lost_their_line_breaks(text: str, marker: str) -> None:
    text = text.replace("-", marker)
    assert [s.rstrip(".") for s in split_statements(text)] == [
        "Duties",
        "Plan X",
        "Track Y",
        "Report Z",
    ]


@pytest.mark.parametrize("marker", ["•", "●", "▪", "◦", "‣"])
def test_bullet_glyphs_glued_to_text(marker: str) -> None:
    assert split_statements(f"Plan X{marker}Track Y{marker}Report Z") == [
        "Plan X",
        "Track Y",
        "Report Z",
    ]


def test_lone_dashes_are_not_bullets() -> None:
    for text in (
        "Agile Delivery Manager – Claims",  # noqa: RUF001
        "5 - 7 years of experience",
        "change window clash - reschedule",
        "end-to-end ownership of the self-serve flow",
        "We hire in Seattle -Bellevue area",
        "Python -based tools at -5 C",
        "PM exp. - matter system migration",
        "Payroll in the U.S. - remote",
        "Manager- Claims",
        "Salary* Benefits apply",
        "Own short- and long-term plans- budgets too",
        "5- 7 years of experience",
    ):
        assert split_statements(text) == [text]


@pytest.mark.parametrize("style", ["{n}.", "{n})", "({n})", "({a})", "{a})"])
def test_numbered_lists_at_line_start(style: str) -> None:
    items = STATEMENTS[:6]
    text = "\n".join(
        style.format(n=i, a="abcdefgh"[i - 1]) + " " + item for i, item in enumerate(items, 1)
    )
    assert split_statements(text) == items


@pytest.mark.parametrize("style", ["{n}.", "{n})", "({n})", "({a})"])
def test_numbered_lists_inline(style: str) -> None:
    items = ["Plan the work", "Track the work", "Report on it"]
    body = " ".join(
        style.format(n=i, a="abc"[i - 1]) + " " + item for i, item in enumerate(items, 1)
    )
    assert split_statements("Steps: " + body) == ["Steps", *items]


def test_numbers_that_are_not_a_list_stay() -> None:
    text = "Grew revenue 12% in 2021, version 2.1, and hired 3 engineers"
    assert split_statements(text) == [text]


# --- prose, abbreviations and numbers --------------------------------------------------


def test_prose_is_split_into_sentences() -> None:
    text = "We build tools. You will own the roadmap! Is that you? 5+ years of experience."
    assert split_statements(text) == [
        "We build tools.",
        "You will own the roadmap!",
        "Is that you?",
        "5+ years of experience.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Know tools, e.g. Jira and Asana, well",
        "Lead launches, i.e. Go-to-market work",
        "Use Jira, Confluence, etc. and more",
        "Product vs. Project decisions",
        "Report to the Sr. Product Manager",
        "Report to the Jr. Analyst",
        "Work with Acme Inc. Partners daily",
        "Work with Acme Ltd. Teams daily",
        "Work with Acme Co. Engineers daily",
        "Travel across the U.S. East Coast and U.K. Midlands",
        "Hold a Ph.D. Degree or a B.Sc. In CS",
        "Office No. 5 in building C",
        "Approx. 3 years of experience",
        "Approx. 3.5 years of experience",
        "Salary of $120.5k plus bonus",
        "Migrate the API to v2.1 by Q3",
        "Build the site in node.js and ASP.NET now",
        "Stand-up at 9 a.m. Daily and wrap-up at 5 p.m. Sharp",
        "Since Jun. 2020 the team has grown",
        "Dr. Smith leads the clinic",
    ],
)
def test_abbreviations_and_numbers_are_not_split(text: str) -> None:
    assert split_statements(text) == [text]


def test_run_on_fragment_is_split_at_separators() -> None:
    first = " ".join(["plan"] * 40)
    second = " ".join(["track"] * 40)
    assert split_statements(f"{first} ; {second}") == [first, second]
    assert split_statements(f"{first} | {second}") == [first, second]
    whole = " ".join(["word"] * 80)
    assert split_statements(whole) == [whole]
    short = "Plan the work ; track the work"
    assert split_statements(short) == [short]


# --- headings --------------------------------------------------------------------------


def test_headings_become_statements() -> None:
    text = (
        "About us We are a fintech in Toronto.\n"
        "What you'll do: Own the roadmap. Talk to users.\n"
        "Requirements\n"
        "5+ years in product\n"
        "WHAT WE OFFER\n"
        "## Nice to have\n"
        "**Benefits**\n"
        "Benefits: health, dental and vision"
    )
    assert split_statements(text) == [
        "About us",
        "We are a fintech in Toronto.",
        "What you'll do",
        "Own the roadmap.",
        "Talk to users.",
        "Requirements",
        "5+ years in product",
        "WHAT WE OFFER",
        "Nice to have",
        "Benefits",
        "Benefits: health, dental and vision",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Duties: - Plan the work - Track the budget Required Skills: - PMP",
            ["Duties", "Plan the work", "Track the budget", "Required Skills", "PMP"],
        ),
        (
            "Run the sprint reviews REQUIREMENTS:\nDegree",
            ["Run the sprint reviews", "REQUIREMENTS", "Degree"],
        ),
        (
            "Own pricing Benefits: Health and dental",
            ["Own pricing", "Benefits", "Health and dental"],
        ),
    ],
)
def test_a_heading_after_an_item_on_the_same_line_starts_a_section(
    text: str, expected: list[str]
) -> None:
    assert split_statements(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Job Duties: Coordinate crane bookings",  # a capitalised word before: one title
        "We offer great Benefits: health, dental",  # lowercase after the colon
        "We offer great benefits: Health, dental",  # the heading is not capitalised
    ],
)
def test_a_heading_inside_a_line_that_is_not_a_new_section_stays(text: str) -> None:
    assert split_statements(text) == [text]


def test_words_that_start_like_headings_are_not_split() -> None:
    for text in (
        "Requirements gathering with clinicians",
        "Experience with Scrum is a plus",
        "Skills matrix for the support team",
    ):
        assert split_statements(text) == [text]


# --- HTML ------------------------------------------------------------------------------


def test_html_block_tags_break_and_other_tags_go() -> None:
    text = (
        "<h2>About us</h2><p>We build &amp; ship tools.&nbsp;Fast.</p>"
        "<div>Own the <b>roadmap</b></div><ul><li>Plan <span class='x'>sprints</span></li>"
        "<li>Track&nbsp;the budget</li></ul>Requirements<br/>5+ years<BR>SQL &lt;3"
        "<h6>Benefits</h6><!-- hidden --><script>var x = '<li>no</li>';</script>"
    )
    assert split_statements(text) == [
        "About us",
        "We build & ship tools.",
        "Fast.",
        "Own the roadmap",
        "Plan sprints",
        "Track the budget",
        "Requirements",
        "5+ years",
        "SQL <3",
        "Benefits",
    ]


@pytest.mark.parametrize("tag", ["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "li"])
def test_each_block_tag_breaks(tag: str) -> None:
    assert split_statements(f"Own the roadmap<{tag}>Track the budget</{tag}>Report") == [
        "Own the roadmap",
        "Track the budget",
        "Report",
    ]


def test_escaped_html_and_wrapped_source_lines() -> None:
    escaped = html.escape("<p>We build tools.</p><ul><li>Own it</li><li>Plan it</li></ul>")
    assert split_statements(escaped) == ["We build tools.", "Own it", "Plan it"]
    source = "<p>We are a company that does\n  great things.</p>\n<ul>\n  <li>Own it</li>\n</ul>"
    assert split_statements(source) == ["We are a company that does great things.", "Own it"]


def test_less_than_signs_that_are_not_tags_stay() -> None:
    text = "Keep latency <50ms and x<y for all y>z"
    assert split_statements(text) == [text]


# --- edge cases and invariants ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\t  \r\n", "•••", "- * –", "123 456", "... !!! ???", "<br><p></p>"],  # noqa: RUF001
)
def test_text_without_letters_gives_nothing(text: str) -> None:
    assert split_statements(text) == []


def test_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="string"):
        split_statements(None)  # type: ignore[arg-type]


def test_line_break_kinds() -> None:
    text = "Plan X\r\nTrack Y\rReport Z\u2028Hire W\u2029Coach V"
    assert split_statements(text) == ["Plan X", "Track Y", "Report Z", "Hire W", "Coach V"]


def test_trailing_separators_and_spaces_are_stripped() -> None:
    text = "  Plan the work ;\n\tTrack the budget ,  \nReport weekly |\nHire a PM:"
    assert split_statements(text) == [
        "Plan the work",
        "Track the budget",
        "Report weekly",
        "Hire a PM",
    ]


def layouts(rng: random.Random, items: list[str]) -> list[str]:
    """Return the same statements laid out in many ways, each in order."""
    quarter = max(1, len(items) // 4)
    head = ["\n".join(items), "\n\n".join(items)]
    bullets = ["\n".join(f"{m} {it}" for it in items) for m in BULLETS]
    numbered = ["\n".join(f"{i}. {it}" for i, it in enumerate(items, 1))]
    prose = [" ".join(sentence(it) for it in items)]
    html_list = ["<ul>" + "".join(f"<li>{html.escape(it)}</li>" for it in items) + "</ul>"]
    glued = ["".join(sentence(it) for it in items)]
    mixed = [
        " ".join(sentence(it) for it in items[:quarter])
        + "\n\nWhat you'll do\n"
        + "\n".join(f"• {it}" for it in items[quarter : 2 * quarter])
        + "\nRequirements: "
        + " ".join(f"● {it}" for it in items[2 * quarter : 3 * quarter])
        + "\n<p>"
        + "</p><p>".join(html.escape(it) for it in items[3 * quarter :])
        + "</p>"
    ]
    options = head + bullets + numbered + prose + html_list + glued + mixed
    rng.shuffle(options)
    return options


def strip_period(statements: list[str]) -> list[str]:
    return [s.rstrip(".") for s in statements]


def test_long_posting_round_trip() -> None:
    rng = random.Random(7)
    for _ in range(5):
        items = rng.sample(STATEMENTS, len(STATEMENTS))
        quarter = max(1, len(items) // 4)
        for text in layouts(rng, items):
            got = strip_period(split_statements(text))
            if "What you'll do" in text:
                expected = [
                    *items[:quarter],
                    "What you'll do",
                    *items[quarter : 2 * quarter],
                    "Requirements",
                    *items[2 * quarter :],
                ]
            else:
                expected = items
            assert got == expected, text


def test_no_statement_has_a_newline_or_a_leading_bullet() -> None:
    rng = random.Random(3)
    texts = [
        *layouts(rng, STATEMENTS),
        "Duties:\n\n - \n• \n1.\nPlan X\n\u2022Track Y\n  *  Report Z",
        "<ul><li>\n- Plan X\n</li><li>• Track Y</li></ul>",
    ]
    for text in texts:
        for statement in split_statements(text):
            assert "\n" not in statement and "\r" not in statement
            assert statement == statement.strip()
            assert statement[0] not in "•●▪◦‣·-*–—"  # noqa: RUF001
            assert any(c.isalpha() for c in statement)


def test_order_is_preserved() -> None:
    items = [f"Statement number {word} here" for word in ("one", "two", "three", "four", "five")]
    items.append("Statement number six here")
    text = f"{items[0]}. {items[1]}.\n• {items[2]}\n<li>{items[3]}</li>{items[4]}?\n1. {items[5]}"
    assert strip_period([s.rstrip("?") for s in split_statements(text)]) == items


# --- hostile input (its speed is measured by benchmarks/splitter_speed.py) ------------


@pytest.mark.parametrize(
    "nasty",
    [
        "<a " * 5_000 + "x" * 5_000,
        ("<!-- x " + "y" * 100) * 200,
        ("<script> x " + "y" * 100) * 200,
        "a - B " * 5_000,
        "a: - b - c " * 5_000,
        "AbcDef" * 5_000,
        " ".join(f"Word{i:05d}xyzAbc{i}" for i in range(5_000)),
        " ".join(f"{i % 9 + 1}. item" for i in range(5_000)),
        "word. " * 5_000,
        "abc.def " * 5_000,
        "About us " * 5_000,
        "x." + " " * 50_000 + "Y",
    ],
    ids=lambda text: text[:12],
)
def test_hostile_input_gives_clean_statements(nasty: str) -> None:
    """Long inputs built to provoke quadratic behaviour still give well-formed statements."""
    statements = split_statements(nasty)
    assert all(s and "\n" not in s and s == s.strip() for s in statements)
