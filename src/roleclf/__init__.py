"""roleclf: tell product-management work from project-management work.

Examples
--------
>>> import roleclf
>>> roleclf.classify("manage sprint timelines")
'project'
"""

from ._version import __version__
from .api import classify, classify_many, explain, predict_proba
from .audit import AuditReport, audit
from .batch import label_file, redecide_file
from .dataset import LABELS, load_dataset
from .errors import DataError, ModelFileError, RoleclfError
from .evaluation import EvaluationReport, cross_validate, evaluate
from .explanation import Explanation
from .jobs import JobProfile, VerdictRule, label_job_description, label_jobs
from .model import RoleClassifier

__all__ = [
    "LABELS",
    "AuditReport",
    "DataError",
    "EvaluationReport",
    "Explanation",
    "JobProfile",
    "ModelFileError",
    "RoleClassifier",
    "RoleclfError",
    "VerdictRule",
    "__version__",
    "audit",
    "classify",
    "classify_many",
    "cross_validate",
    "evaluate",
    "explain",
    "label_file",
    "label_job_description",
    "label_jobs",
    "load_dataset",
    "predict_proba",
    "redecide_file",
]
