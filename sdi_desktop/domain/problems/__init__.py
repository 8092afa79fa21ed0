"""The problem library: the file format, loading with clear errors, and searching.

Importing this package loads pydantic; the main window imports it only when a
problem is needed, so that start-up stays quick.
"""

from sdi_desktop.domain.problems.errors import ProblemError, ProblemFileError
from sdi_desktop.domain.problems.library import ProblemLibrary, ProblemOrigin
from sdi_desktop.domain.problems.loader import (
    load_folders,
    load_library,
    parse_problem_text,
    problem_files,
    read_problem_file,
)
from sdi_desktop.domain.problems.model import (
    DIFFICULTIES,
    DeepDive,
    Estimation,
    EstimationRow,
    Option,
    Problem,
    Scale,
)
from sdi_desktop.domain.problems.practice import PracticeHistory, PracticeRecord, pick_surprise

__all__ = [
    "DIFFICULTIES",
    "DeepDive",
    "Estimation",
    "EstimationRow",
    "Option",
    "PracticeHistory",
    "PracticeRecord",
    "Problem",
    "ProblemError",
    "ProblemFileError",
    "ProblemLibrary",
    "ProblemOrigin",
    "Scale",
    "load_folders",
    "load_library",
    "parse_problem_text",
    "pick_surprise",
    "problem_files",
    "read_problem_file",
]
