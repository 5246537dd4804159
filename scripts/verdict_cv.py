"""Cross-validate the choice of the verdict's thresholds, and verdict variants, on our examples.

Usage: python scripts/verdict_cv.py [--repeats 20] [--previous-data CSV]

``scripts/choose_thresholds.py`` chooses HYBRID_MIN_SHARE and MIN_ROLE_FRACTION on all 674
example postings and reports the accuracy of its choice on those same postings, which flatters
it. Here the whole choice (its grid and its rule) is made on four fifths of the postings and
scored on the fifth left out, over repeated stratified 5-fold splits: the accuracy to expect on
postings like ours that the choice did not see.

It scores each floor of MIN_STATEMENT_CONFIDENCE (only product and project statements labeled
with at least that confidence count toward a posting's weights; floor 0 counts all, as roleclf
did before stop 17 and does again since stop 25), and the choice of the floor itself made
inside each training fold, the honest estimate of choosing it. A floor above 0 is shipped only
while it beats counting every statement by more than one standard deviation there and does not
lower the accuracy on all examples with the thresholds re-chosen (the rules for model
settings, data/README.md); from stop 17 to stop 24 the floor was 0.7, and in stop 25 counting
every statement beat it. Another fixed floor that scores best here has been picked from six
after the fact, which flatters it; it replaces the shipped floor only when the floor chosen
per fold beats the shipped one by more than one standard deviation (round 22). Nothing here
reads the benchmark.

``--previous-data`` replays one round's re-choice of the thresholds (round 24): in each
training fold the incumbent is the pair the rule picks with a model trained on the previous
round's data, the challenger the pair it picks with today's model, both at the shipped
floor. Its row, a window that keeps the incumbent while it scores within ONE_POSTING_NOISE
of the best on the training fold, compares with the shipped floor's row, the rule as shipped
(always take the challenger).
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from choose_thresholds import EXAMPLES, ONE_POSTING_NOISE, choose, rule_of, score_pairs
from sklearn.model_selection import StratifiedKFold

import roleclf
from roleclf.dataset import LABELS, read_labeled_csv
from roleclf.jobs import MIN_STATEMENT_CONFIDENCE, VerdictRule

FLOORS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def floored_weights(statements: pd.DataFrame, n: int, floor: float) -> pd.DataFrame:
    """Return per-posting product and project weights from statements of confidence >= floor."""
    kept = statements[statements["label"].isin(["product", "project"])]
    kept = kept[kept["confidence"] >= floor]
    weights = kept.pivot_table(
        index="posting", columns="label", values="confidence", aggfunc="sum"
    ).reindex(index=range(n), columns=["product", "project"], fill_value=0.0)
    weights = weights.fillna(0.0).add_suffix("_weight")
    weights["n_statements"] = np.bincount(statements["posting"], minlength=n)
    return weights


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=20, help="repeats of the 5-fold split")
    ap.add_argument("--previous-data", help="the previous round's data, to replay its re-choice")
    args = ap.parse_args()
    postings = pd.read_csv(EXAMPLES)
    long = roleclf.label_jobs(postings.reset_index(drop=True), statements=True)
    if args.previous_data is not None:
        before = read_labeled_csv(args.previous_data, labels=LABELS)
        model = roleclf.RoleClassifier().fit(before["text"], before["label"])
        then = roleclf.label_jobs(postings.reset_index(drop=True), statements=True, model=model)
        previous = floored_weights(then, len(postings), MIN_STATEMENT_CONFIDENCE)
    variants = {f: floored_weights(long, len(postings), f) for f in FLOORS}
    intended = postings["intended"].to_numpy()

    def chosen_rule(
        weights: pd.DataFrame, rows: np.ndarray, bar: str = "fraction"
    ) -> tuple[float, VerdictRule]:
        best = choose(score_pairs(weights.iloc[rows], postings.iloc[rows], bar)).iloc[0]
        rule = rule_of(best.hybrid_min_share, bar, best[f"min_role_{bar}"])
        return float(best.accuracy), rule

    def accuracy(weights: pd.DataFrame, rule: VerdictRule, rows: np.ndarray) -> np.ndarray:
        return np.asarray(rule.apply(weights.iloc[rows]).to_numpy() == intended[rows])

    everything = np.arange(len(postings))
    notes = {0.0: " (every statement counts)"}
    notes[MIN_STATEMENT_CONFIDENCE] = notes.get(MIN_STATEMENT_CONFIDENCE, "") + " (as shipped)"
    names = [f"floor {f}{notes.get(f, '')}" for f in FLOORS]
    on_sum = "floor 0.0, bar on the weights' sum (before stop 25)"
    scores: dict[str, list[float]] = {
        name: [] for name in [*names, "floor chosen per fold", on_sum]
    }
    shipped = FLOORS.index(MIN_STATEMENT_CONFIDENCE)
    window = f"{names[shipped]}, incumbent kept within the window"
    if args.previous_data is not None:
        scores[window] = []
    for seed in range(args.repeats):
        hits = {name: np.zeros(len(postings), dtype=bool) for name in scores}
        folds = StratifiedKFold(5, shuffle=True, random_state=seed)
        for train, test in folds.split(postings, intended):
            fits = [chosen_rule(variants[f], train) for f in FLOORS]
            for name, f, (_, rule) in zip(names, FLOORS, fits, strict=True):
                hits[name][test] = accuracy(variants[f], rule, test)
            k = max(range(len(FLOORS)), key=lambda i: fits[i][0])  # first of equals: lowest floor
            hits["floor chosen per fold"][test] = accuracy(variants[FLOORS[k]], fits[k][1], test)
            _, summed = chosen_rule(variants[0.0], train, "weight")
            hits[on_sum][test] = accuracy(variants[0.0], summed, test)
            if args.previous_data is not None:
                today, challenger = variants[MIN_STATEMENT_CONFIDENCE], fits[shipped][1]
                best = score_pairs(today.iloc[train], postings.iloc[train])["accuracy"].max()
                incumbent = chosen_rule(previous, train)[1]
                kept = accuracy(today, incumbent, train).mean() >= best - ONE_POSTING_NOISE
                hits[window][test] = accuracy(today, incumbent if kept else challenger, test)
        for name, h in hits.items():
            scores[name].append(h.mean())
    print(f"{len(postings)} example postings; {args.repeats} repeats of stratified 5-fold\n")
    print("| weights | chosen on all: thresholds | accuracy on all | cross-validated | std |")
    print("|---|---|---|---|---|")
    for name in scores:
        cells = ["(chosen in each fold)", "-"]
        if name in names or name == on_sum:
            bar = "weight" if name == on_sum else "fraction"
            floor = 0.0 if name == on_sum else FLOORS[names.index(name)]
            acc, rule = chosen_rule(variants[floor], everything, bar)
            value = getattr(rule, f"min_role_{bar}")
            cells = [f"{rule.hybrid_min_share:.2f} / {value:.2f}", f"{acc:.3f}"]
        mean, std = np.mean(scores[name]), np.std(scores[name])
        print(f"| {name} | {cells[0]} | {cells[1]} | {mean:.4f} | {std:.4f} |")


if __name__ == "__main__":
    main()
