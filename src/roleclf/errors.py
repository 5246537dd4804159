"""Exceptions raised by roleclf for mistakes a user can fix."""

from __future__ import annotations


class RoleclfError(Exception):
    """Base class of the errors roleclf raises for bad input, data or model files.

    The command line prints these as one line and exits non-zero.

    Examples
    --------
    >>> try:
    ...     raise DataError("data.csv: column 'text' is missing")
    ... except RoleclfError as err:
    ...     print(err)
    data.csv: column 'text' is missing
    """


class DataError(RoleclfError, ValueError):
    """A data file or frame is unusable: missing column, bad label, unreadable cell."""


class ModelFileError(RoleclfError, ValueError):
    """A model file is missing, damaged, or holds types or content roleclf does not expect."""
