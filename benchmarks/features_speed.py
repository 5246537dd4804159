"""What character n-grams would cost: prediction speed and size of word vs word+char features.

Usage: python benchmarks/features_speed.py

Trains the default settings on the bundled dataset with word 1-2-grams alone, and with
char_wb 2-5-grams added (the variant scripts/tune.py scores), then times predict_proba on
30,000 statements (best of 3) and prints statements per second, the feature count and the
slowdown.
"""

from __future__ import annotations

import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

import roleclf


def main() -> None:
    data = roleclf.load_dataset()
    texts = (data["text"].tolist() * 3)[:30_000]
    words = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, sublinear_tf=True, strip_accents="unicode"
    )
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True,
                            strip_accents="unicode")  # fmt: skip
    variants = {"word 1-2-grams": words, "word + char_wb 2-5-grams": FeatureUnion(
        [("words", words), ("chars", chars)])}  # fmt: skip
    speeds = {}
    for name, features in variants.items():
        clf = LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000)
        pipeline = Pipeline([("features", features), ("clf", clf)]).fit(data["text"], data["label"])
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            pipeline.predict_proba(texts)
            best = min(best, time.perf_counter() - start)
        speeds[name] = len(texts) / best
        print(f"{name}: {speeds[name]:,.0f} statements/s, {clf.coef_.shape[1]:,} features")
    slow = speeds["word 1-2-grams"] / speeds["word + char_wb 2-5-grams"]
    print(f"char n-grams make prediction {slow:.1f} times slower")


if __name__ == "__main__":
    main()
