"""Choose RoleClassifier's settings by stratified 5-fold cross-validation on the bundled data.

Usage: python scripts/tune.py [--quick]

Prints a Markdown table of every setting tried (mean and std of macro-F1 over the folds),
best first, then whether adding character n-grams to the best word setting gains anything.
The chosen settings are RoleClassifier's defaults; the table is copied into data/README.md.
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.pipeline import FeatureUnion, Pipeline

import roleclf

GRID = {
    "C": [1.0, 3.0, 10.0, 30.0],
    "ngram_range": [(1, 1), (1, 2), (1, 3)],
    "min_df": [1, 2],
    "sublinear_tf": [True, False],
    "class_weight": ["balanced", None],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="sublinear_tf and class_weight fixed")
    args = ap.parse_args()
    grid = dict(GRID)
    if args.quick:
        grid.update(sublinear_tf=[True], class_weight=["balanced"])
    data = roleclf.load_dataset()
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    search = GridSearchCV(roleclf.RoleClassifier(), grid, scoring="f1_macro", cv=cv, n_jobs=-1)
    search.fit(data["text"], data["label"])
    res = search.cv_results_
    order = np.argsort(-res["mean_test_score"])
    print(f"{len(data)} statements, stratified 5-fold CV, scoring macro-F1\n")
    print("| C | ngram_range | min_df | sublinear_tf | class_weight | macro-F1 | std |")
    print("|---|---|---|---|---|---|---|")
    for i in order:
        p = res["params"][i]
        print(
            f"| {p['C']} | {p['ngram_range']} | {p['min_df']} | {p['sublinear_tf']} | "
            f"{p['class_weight']} | {res['mean_test_score'][i]:.4f} "
            f"| {res['std_test_score'][i]:.4f} |"
        )
    best = search.best_params_
    print(f"\nbest word setting: {best}, macro-F1 {search.best_score_:.4f}")
    words = TfidfVectorizer(
        ngram_range=best["ngram_range"],
        min_df=best["min_df"],
        sublinear_tf=best["sublinear_tf"],
        strip_accents="unicode",
    )
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, strip_accents="unicode"
    )
    union = Pipeline(
        [
            ("features", FeatureUnion([("words", words), ("chars", chars)])),
            (
                "clf",
                LogisticRegression(
                    C=best["C"],
                    class_weight=best["class_weight"],
                    max_iter=5000,
                    tol=roleclf.RoleClassifier().tol,
                ),
            ),
        ]
    )
    scores = cross_val_score(
        union, data["text"], data["label"], scoring="f1_macro", cv=cv, n_jobs=-1
    )
    print(
        f"best word setting + char_wb 2-5 grams: macro-F1 {scores.mean():.4f} "
        f"(std {scores.std():.4f})"
    )


if __name__ == "__main__":
    main()
