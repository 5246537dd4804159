"""The default model: trained from the bundled dataset on first use, cached on disk."""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

import platformdirs
import sklearn

from ._version import __version__
from .dataset import dataset_sha256, load_dataset
from .errors import ModelFileError
from .model import RoleClassifier
from .persistence import FORMAT_VERSION, load_model, save_model

__all__ = ["cache_dir", "default_model", "default_model_path"]

_LOADED: dict[Path, RoleClassifier] = {}


def cache_dir() -> Path:
    """Return the folder of the model cache: ``$ROLECLF_CACHE_DIR`` or the user cache dir.

    Examples
    --------
    >>> cache_dir() == Path(os.environ.get("ROLECLF_CACHE_DIR") or cache_dir())
    True
    """
    override = os.environ.get("ROLECLF_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("roleclf"))


def default_model_path() -> Path:
    """Return where the default model is cached.

    The name holds the roleclf version, the scikit-learn version, the model file format,
    the dataset's hash and a hash of :class:`RoleClassifier`'s default settings, so a cache
    built from other data, versions or settings is never used.

    Examples
    --------
    >>> default_model_path().suffix
    '.skops'
    """
    settings = repr(sorted(RoleClassifier().get_params().items())).encode()
    key = (
        f"roleclf{__version__}-sklearn{sklearn.__version__}-format{FORMAT_VERSION}"
        f"-data{dataset_sha256()[:16]}"
        f"-settings{hashlib.sha256(settings).hexdigest()[:8]}"
    )
    return cache_dir() / f"default-{key}.skops"


def default_model() -> RoleClassifier:
    """Return the default model, training and caching it on first use.

    Training takes a few seconds, with a fixed seed, from the bundled dataset; writing the
    cache removes default models cached for other versions or data. If the cache cannot be
    written, the model is kept in memory and a warning says why.

    Examples
    --------
    >>> default_model().classes_.tolist()
    ['other', 'product', 'project']
    """
    path = default_model_path()
    if path in _LOADED:
        return _LOADED[path]
    model = None
    if path.is_file():
        try:
            model = load_model(path)
        except ModelFileError as err:
            warnings.warn(f"ignoring a damaged model cache: {err}", stacklevel=2)
    if model is None:
        data = load_dataset()
        model = RoleClassifier().fit(data["text"], data["label"])
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            save_model(model, path)
            for stale in path.parent.glob("default-*.skops"):  # other versions or data
                if stale != path:
                    stale.unlink(missing_ok=True)
        except OSError as err:
            warnings.warn(f"could not cache the default model at {path}: {err}", stacklevel=2)
    _LOADED.clear()
    _LOADED[path] = model
    return model
