"""Choose the posting splitter by measuring statement-level F1 and speed on synthetic postings.

Usage: python scripts/measure_splitter.py [--postings 150] [--seed 0]

Builds postings from our own dataset (roleclf.load_dataset()) whose true statements are
known: a fixed seed draws 20-40 statements per posting and lays them out as newline lists,
bullet lists (line-start and inline, many markers, with or without a space after the
marker, dash or star lists whose line breaks were lost: "A- B- C", and sections flattened
onto one line: "Duties: • A • B Skills: • C"), numbered lists, HTML, prose paragraphs, text
whose line breaks were lost (items glued with no separator, or joined by a space) and a
mixed layout (headings, bullets, numbered items and prose). Each splitter is scored per
layout and overall by statement precision, recall and F1 (a predicted statement is correct
when its normalised text equals a true statement's, each true statement matched at most once)
and by speed.

Splitters compared:
  regex           roleclf.segment.split_statements as shipped
  layout only     the same layout rules, no sentence splitting (how much sentences matter)
  regex+pysbd     layout rules, pysbd for sentence boundaries inside lines
  regex+blingfire layout rules, blingfire.text_to_sentences inside lines
  regex+syntok    layout rules, syntok inside lines
A missing library is skipped with a note. The libraries see only lines that contain a possible
sentence end (".", "!" or "?" before a space), so their speed is not wasted on list items.

Rule: a library is adopted only if it beats the regex splitter's overall F1 by at least
0.005 and the whole splitter still does at least 5,000 postings/s.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import time
from collections import Counter
from collections.abc import Callable

import roleclf
from roleclf.segment import _finish, _layout, split_statements

LAYOUTS = ("newline", "bullets", "numbered", "html", "prose", "glued", "spaced", "mixed")
BULLETS = ("•", "●", "▪", "◦", "‣", "·", "-", "*", "–", "—")  # noqa: RUF001
HEADINGS = (
    "About us",
    "About the role",
    "What you'll do",
    "Responsibilities",
    "Requirements",
    "What we offer",
    "Nice to have",
    "Who you are",
    "Benefits",
    "Qualifications",
)
MIN_GAIN = 0.005
MIN_SPEED = 5_000.0

Posting = tuple[str, list[str]]
Splitter = Callable[[str], list[str]]

_LEADING_MARKER = re.compile(r"^\s*(?:[-•*·–—▪◦●‣]+|\d{1,2}[.)]|\([a-z0-9]\))\s*")  # noqa: RUF001
# A statement that is itself two sentences has no single true split, so it is left out.
_INTERNAL_SENTENCE = re.compile(r"(?:[a-z]{2}|[0-9])[.!?][\"')\]]*\s+[\"'(]?[A-Z]|[!?]\s+[A-Z]")
# "Benefits: health, dental" may be one statement or a heading and a statement: left out.
_LABEL_LINE = re.compile(r"^[\w'’ -]{1,30}:\s")  # noqa: RUF001
_NORMALISE_STRIP = " \t.:;,-–—•*·|"  # noqa: RUF001
_CANDIDATE = re.compile(r"[.!?][\"'”’)\]]*\s")  # noqa: RUF001


def normalise(statement: str) -> str:
    return " ".join(statement.split()).strip(_NORMALISE_STRIP).casefold()


def statement_pool() -> tuple[list[str], Counter[str]]:
    """Return the dataset statements usable as ground truth, and why others were dropped."""
    dropped: Counter[str] = Counter()
    pool = []
    for raw in dict.fromkeys(roleclf.load_dataset()["text"]):
        text = _LEADING_MARKER.sub("", " ".join(str(raw).split()))
        if _INTERNAL_SENTENCE.search(text):
            dropped["two sentences"] += 1
        elif _LABEL_LINE.match(text):
            dropped["label: value"] += 1
        elif not re.search(r"[^\W\d_]", text):
            dropped["no letters"] += 1
        else:
            pool.append(text)
    return pool, dropped


def as_sentence(statement: str) -> str:
    text = statement[0].upper() + statement[1:]
    return text if text[-1] in ".!?" else text + "."


def heading_line(rng: random.Random, heading: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return heading + ":"
    if style == 1:
        return heading.upper()
    if style == 2:
        return "## " + heading
    if style == 3:
        return "**" + heading + "**"
    return heading


def bullet_lines(rng: random.Random, items: list[str]) -> str:
    marker = rng.choice(BULLETS)
    indent = rng.choice(("", "", "  "))
    gap = rng.choice((" ", " ", ""))  # "-Item", as plain-text postings are often typed
    return "\n".join(f"{indent}{marker}{gap}{item}" for item in items)


def numbered_lines(rng: random.Random, items: list[str]) -> str:
    style = rng.randrange(4)
    marks = [
        f"{i}." if style == 0 else f"{i})" if style == 1 else f"({i})" if style == 2 else ""
        for i in range(1, len(items) + 1)
    ]
    if style == 3:
        marks = [f"({chr(ord('a') + i % 26)})" for i in range(len(items))]
    return "\n".join(f"{m} {item}" for m, item in zip(marks, items, strict=True))


def paragraphs(rng: random.Random, items: list[str]) -> str:
    sentences = [as_sentence(item) for item in items]
    out, i = [], 0
    while i < len(sentences):
        n = rng.randint(3, 7)
        out.append(" ".join(sentences[i : i + n]))
        i += n
    return rng.choice(("\n\n", "\n", " ")).join(out)


def make_posting(rng: random.Random, pool: list[str], layout: str) -> Posting:
    items = rng.sample(pool, rng.randint(20, 40))
    if layout == "newline":
        return rng.choice(("\n", "\n\n", " \n")).join(items), items
    if layout == "bullets":
        if rng.random() < 0.6:
            return bullet_lines(rng, items), items
        # inline bullets under headings, as scrapers flatten lists: "Duties: • A • B"
        heads = rng.sample(HEADINGS, 2)
        half = len(items) // 2
        marker = rng.choice(("•", "●", "▪", "·", "‣", "-", "*"))
        gap = rng.choice((" ", ""))
        joint = " "
        if marker in "-*" and rng.random() < 0.5:  # a dash list that lost its line breaks
            joint, gap = "", " "
        sections = rng.choice(("\n", " "))  # " ": the whole page flattened onto one line
        text = sections.join(
            f"{h}: " + joint.join(f"{marker}{gap}{it}" for it in part)
            for h, part in ((heads[0], items[:half]), (heads[1], items[half:]))
        )
        return text, [heads[0], *items[:half], heads[1], *items[half:]]
    if layout == "numbered":
        if rng.random() < 0.75:
            return numbered_lines(rng, items), items
        numbered = " ".join(f"{i}. {item}" for i, item in enumerate(items, 1))
        return "Duties: " + numbered, ["Duties", *items]
    if layout == "html":
        half = len(items) // 2
        head = rng.choice(HEADINGS)
        ul = "".join(f"<li>{html.escape(it)}</li>" for it in items[half:])
        prose = html.escape(paragraphs(rng, items[:half])).replace("\n", "</p><p>")
        if rng.random() < 0.5:
            body = f"<p>{prose}</p><h3>{html.escape(head)}</h3><ul>{ul}</ul>"
        else:
            lines = "<br>".join(f"&bull;&nbsp;{html.escape(it)}" for it in items[half:])
            body = f"<div><p>{prose}</p><p><strong>{html.escape(head)}</strong><br>{lines}</div>"
        return body, [*items[:half], head, *items[half:]]
    if layout == "prose":
        return paragraphs(rng, items), items
    if layout == "glued":
        return "".join(items), items
    if layout == "spaced":  # list items flattened with a space, as some scrapers join <li>s
        return " ".join(items), items
    # mixed: intro prose, headings with bullets, numbered items, inline bullets, closing prose
    parts, truth = [], []
    chunks = [items[: len(items) // 5]]
    rest = items[len(items) // 5 :]
    step = max(1, len(rest) // 4)
    chunks += [rest[i : i + step] for i in range(0, len(rest), step)]
    heads = iter(rng.sample(HEADINGS, len(HEADINGS)))
    parts.append(paragraphs(rng, chunks[0]))
    truth += chunks[0]
    for k, chunk in enumerate(chunks[1:]):
        head = next(heads)
        if k % 4 == 0:
            parts.append(heading_line(rng, head) + "\n" + bullet_lines(rng, chunk))
        elif k % 4 == 1:
            parts.append(heading_line(rng, head) + "\n" + numbered_lines(rng, chunk))
        elif k % 4 == 2:
            parts.append(f"{head}: " + " ".join(f"• {it}" for it in chunk))
        else:
            parts.append(heading_line(rng, head) + "\n" + paragraphs(rng, chunk))
        truth += [head, *chunk]
    return "\n\n".join(parts), truth


def build(pool: list[str], per_layout: int, seed: int) -> dict[str, list[Posting]]:
    rng = random.Random(seed)
    return {
        layout: [make_posting(rng, pool, layout) for _ in range(per_layout)] for layout in LAYOUTS
    }


def with_sentences(sentences: Callable[[str], list[str]]) -> Splitter:
    """Return a splitter: the layout rules, then ``sentences`` on lines that may hold several."""

    def split(text: str) -> list[str]:
        lines = []
        for line in _layout(text).split("\n"):
            if _CANDIDATE.search(line):
                lines.extend(sentences(line))
            else:
                lines.append(line)
        return _finish("\n".join(line.replace("\n", " ") for line in lines))

    return split


def splitters() -> tuple[dict[str, Splitter], list[str]]:
    found: dict[str, Splitter] = {
        "regex": split_statements,
        "layout only": lambda text: _finish(_layout(text)),
    }
    notes = []
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        found["regex+pysbd"] = with_sentences(lambda line: [str(s) for s in seg.segment(line)])
    except ImportError:
        notes.append("pysbd is not installed: skipped (pip install pysbd)")
    try:
        import blingfire

        found["regex+blingfire"] = with_sentences(
            lambda line: blingfire.text_to_sentences(line).split("\n")
        )
    except ImportError:
        notes.append("blingfire is not installed: skipped (pip install blingfire)")
    try:
        import syntok.segmenter as syntok_segmenter

        def syntok_split(line: str) -> list[str]:
            out = []
            for paragraph in syntok_segmenter.analyze(line):
                for sentence in paragraph:
                    start = sentence[0].offset
                    end = sentence[-1].offset + len(sentence[-1].value)
                    out.append(line[start:end])
            return out or [line]

        found["regex+syntok"] = with_sentences(syntok_split)
    except ImportError:
        notes.append("syntok is not installed: skipped (pip install syntok)")
    return found, notes


def score(split: Splitter, postings: list[Posting]) -> tuple[int, int, int, int]:
    """Return true positives, predicted, true statements and perfectly split postings."""
    tp = n_pred = n_true = perfect = 0
    for text, truth in postings:
        pred = Counter(normalise(s) for s in split(text))
        gold = Counter(normalise(s) for s in truth)
        hits = sum((pred & gold).values())
        tp += hits
        n_pred += sum(pred.values())
        n_true += sum(gold.values())
        perfect += pred == gold
    return tp, n_pred, n_true, perfect


def speed(split: Splitter, texts: list[str], budget: float) -> float:
    """Return postings per CPU second: the best of passes made within ``budget`` seconds.

    CPU time (time.process_time) rather than wall time, so that other work on the machine
    does not count against the splitter.
    """
    best = float("inf")
    spent = 0.0
    while spent < budget:
        start = time.process_time()
        for text in texts:
            split(text)
        took = time.process_time() - start
        best = min(best, took)
        spent += took
    return len(texts) / best


def f1(tp: int, n_pred: int, n_true: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_true if n_true else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=int, default=150, help="postings per layout")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    pool, dropped = statement_pool()
    sets = build(pool, args.postings, args.seed)
    everything = [p for layout in LAYOUTS for p in sets[layout]]
    texts = [text for text, _ in everything]
    found, notes = splitters()
    chars = sum(map(len, texts)) / len(texts)
    statements = sum(len(t) for _, t in everything) / len(everything)
    why = ", ".join(f"{v} dropped: {k}" for k, v in dropped.items())
    print(
        f"{len(pool)} statements usable ({why}); "
        f"{args.postings} postings per layout, {len(everything)} in all, seed {args.seed}; "
        f"mean posting {chars:,.0f} characters, {statements:.1f} statements\n"
    )
    for note in notes:
        print(f"note: {note}")
    print("Statement F1 per layout, then overall precision, recall, F1, share of postings split")
    print("perfectly, and speed of the whole splitter (postings per CPU second, one core).\n")
    print("| splitter | " + " | ".join(LAYOUTS) + " | P | R | F1 | perfect | postings/s |")
    print("|---" * (len(LAYOUTS) + 6) + "|")
    overall: dict[str, tuple[float, float]] = {}
    for name, split in found.items():
        cells = []
        totals = [0, 0, 0, 0]
        for layout in LAYOUTS:
            tp, n_pred, n_true, perfect = score(split, sets[layout])
            cells.append(f"{f1(tp, n_pred, n_true)[2]:.4f}")
            for i, v in enumerate((tp, n_pred, n_true, perfect)):
                totals[i] += v
        p, r, f = f1(totals[0], totals[1], totals[2])
        rate = speed(split, texts, budget=1.0 if name in ("regex", "layout only") else 0.1)
        overall[name] = (f, rate)
        print(
            f"| {name} | " + " | ".join(cells) + f" | {p:.4f} | {r:.4f} | {f:.4f} | "
            f"{totals[3] / len(everything):.1%} | {rate:,.0f} |"
        )
    base_f1, base_rate = overall["regex"]
    better = [
        (f, name)
        for name, (f, rate) in overall.items()
        if name.startswith("regex+") and f >= base_f1 + MIN_GAIN and rate >= MIN_SPEED
    ]
    print()
    if better:
        f, name = max(better)
        print(f"choice: {name} (F1 {f:.4f} vs regex {base_f1:.4f}, at >= {MIN_SPEED:,.0f}/s)")
    else:
        print(
            f"choice: regex (F1 {base_f1:.4f}, {base_rate:,.0f} postings/s): no library gains "
            f">= {MIN_GAIN} F1 while keeping >= {MIN_SPEED:,.0f} postings/s"
        )


if __name__ == "__main__":
    main()
