from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from roleclf._validation import as_text_list


def test_sequences_of_strings_pass_through() -> None:
    assert as_text_list(("a", "b")) == ["a", "b"]
    assert as_text_list(np.array(["a", "b"])) == ["a", "b"]
    assert as_text_list(pd.Series(["a"], index=["x"])) == ["a"]
    assert as_text_list(t for t in ["gen"]) == ["gen"]


@pytest.mark.parametrize("bare", ["plan the launch", b"plan the launch"])
def test_a_bare_string_or_bytes_is_refused(bare: object) -> None:
    with pytest.raises(TypeError, match=r"single .*wrap it in a list"):
        as_text_list(bare)


@pytest.mark.parametrize(
    ("bad", "error", "pattern"),
    [
        (None, ValueError, r"position 1 is missing \(None\)"),
        (math.nan, ValueError, r"position 1 is missing \(nan\)"),
        (pd.NA, ValueError, r"position 1 is missing"),
        (42, TypeError, r"position 1 is 42 of type int"),
        (3.5, TypeError, r"position 1 is 3.5 of type float"),
        (b"bytes", TypeError, r"position 1 is b'bytes' of type bytes"),
    ],
)
def test_bad_items_are_named_with_their_position(bad: object, error: type, pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        as_text_list(["fine", bad, "fine"])


def test_series_errors_name_the_index_label_too() -> None:
    with pytest.raises(ValueError, match=r"position 1 \(index 'b'\)"):
        as_text_list(pd.Series(["ok", None], index=["a", "b"]))


def test_frames_and_scalars_are_refused() -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        as_text_list(pd.DataFrame({"text": ["a"]}))
    with pytest.raises(TypeError, match="got int"):
        as_text_list(5)
    with pytest.raises(TypeError, match="one-dimensional"):
        as_text_list(np.array([["a", "b"]]))
