"""How well model variants carry over to a way of writing they were not trained on.

Usage: python scripts/register_check.py

Leave-one-style-out: for each ``style`` of the bundled data (sentence, verb_phrase,
jd_bullet, resume_line, terse), train on the other styles and predict the held-out one; the
macro-F1 over all held-out predictions stands in for text written differently from ours.
Printed beside the usual stratified 5-fold cross-validated macro-F1, for the default model
and for variants that might depend less on register: without function words (scikit-learn's
English stop words), with character n-grams added, and with words stemmed (Snowball, from
the ``dev`` extra's ``snowballstemmer``), so that "procurements" and "procurement" are one
feature.
"""

from __future__ import annotations

import re

import numpy as np
import snowballstemmer
from sklearn.base import clone
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline, make_union

import roleclf

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def stemmed_words(text: str) -> list[str]:
    """Tokenise like scikit-learn's default, then stem each token."""
    return list(_STEMMER.stemWords(_WORD.findall(text)))  # the stemmer caches words


def variants() -> dict[str, Pipeline]:
    default = roleclf.RoleClassifier()._make_pipeline()
    no_stop = clone(default).set_params(tfidf__stop_words=sorted(ENGLISH_STOP_WORDS))
    chars = clone(default.named_steps["tfidf"]).set_params(analyzer="char_wb", ngram_range=(2, 5))
    union = Pipeline(
        [
            ("features", make_union(clone(default.named_steps["tfidf"]), chars)),
            ("clf", clone(default.named_steps["clf"])),
        ]
    )
    stemmed = clone(default).set_params(tfidf__tokenizer=stemmed_words, tfidf__token_pattern=None)
    return {
        "default": default,
        "no stop words": no_stop,
        "+ char_wb 2-5": union,
        "stemmed words": stemmed,
    }


def main() -> None:
    data = roleclf.load_dataset()
    texts, labels, styles = data["text"], data["label"].to_numpy(), data["style"].to_numpy()
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    print(f"{len(data)} statements, styles: {sorted(set(styles))}\n")
    print("| model | 5-fold CV macro-F1 | leave-one-style-out macro-F1 |")
    print("|---|---|---|")
    for name, model in variants().items():
        folds = cross_val_predict(model, texts, labels, cv=cv, n_jobs=-1)
        held_out = np.empty(len(data), dtype=object)
        for style in sorted(set(styles)):
            test = styles == style
            held_out[test] = clone(model).fit(texts[~test], labels[~test]).predict(texts[test])
        print(
            f"| {name} | {f1_score(labels, folds, average='macro'):.4f} | "
            f"{f1_score(labels, held_out.astype(str), average='macro'):.4f} |"
        )


if __name__ == "__main__":
    main()
