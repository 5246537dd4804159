"""What character n-grams would cost: prediction speed and size of word vs word+char features.

Usage: python benchmarks/features_speed.py

Trains the default settings on the bundled dataset with word 1-2-grams alone, and with
char_wb 2-5-grams added (the variant scripts/tune.py scores), then times predict_proba on
30,000 statements (best of 3) and prints statements per second, the feature count and the
slowdown.
"""

from __future__ import annotations

import time

from sklearn.base import clone
from sklearn.pipeline import Pipeline, make_union

import roleclf


def main() -> None:
    data = roleclf.load_dataset()
    texts = (data["text"].tolist() * 3)[:30_000]
    default = roleclf.RoleClassifier()._make_pipeline()
    words = default.named_steps["tfidf"]
    chars = clone(words).set_params(analyzer="char_wb", ngram_range=(2, 5))
    union = make_union(clone(words), chars)
    variants = {"word 1-2-grams": default, "word + char_wb 2-5-grams": Pipeline(
        [("features", union), ("clf", clone(default.named_steps["clf"]))])}  # fmt: skip
    speeds = {}
    for name, pipeline in variants.items():
        pipeline.fit(data["text"], data["label"])
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            pipeline.predict_proba(texts)
            best = min(best, time.perf_counter() - start)
        speeds[name] = len(texts) / best
        print(f"{name}: {speeds[name]:,.0f} statements/s, {pipeline[-1].coef_.shape[1]:,} features")
    slow = speeds["word 1-2-grams"] / speeds["word + char_wb 2-5-grams"]
    print(f"char n-grams make prediction {slow:.1f} times slower")


if __name__ == "__main__":
    main()
