"""Back-of-the-envelope estimation: quantities with units, the calculator, the numbers card.

Pure Python and cheap to import (no pydantic, no third-party units library): the
panel imports it when it first opens.
"""

from sdi_desktop.domain.estimation.calculator import RESULTS, Row, UserRow, evaluate
from sdi_desktop.domain.estimation.expression import FormulaError, parse_formula
from sdi_desktop.domain.estimation.format import format_exact, format_round
from sdi_desktop.domain.estimation.inputs import INPUTS, SPECS, InputSpec
from sdi_desktop.domain.estimation.parse import InputError, parse_quantity
from sdi_desktop.domain.estimation.state import EstimationState, EstimationStateError
from sdi_desktop.domain.estimation.units import Quantity, UnitMismatch

__all__ = [
    "INPUTS",
    "RESULTS",
    "SPECS",
    "EstimationState",
    "EstimationStateError",
    "FormulaError",
    "InputError",
    "InputSpec",
    "Quantity",
    "Row",
    "UnitMismatch",
    "UserRow",
    "evaluate",
    "format_exact",
    "format_round",
    "parse_formula",
    "parse_quantity",
]
