"""derivcheck: a symbolic-plus-numeric checker for derivations in macroscopic electromagnetism.

A claim (:class:`Claim`) is a relation printed in a paper; :func:`check` runs it through a symbolic layer (SymPy)
and an independent numeric layer (numpy, on random physical instances) and returns a :class:`Verdict`:
PROVED, CONFIRMED, REFUTED or INCONCLUSIVE, with its evidence.
"""

import os as _os

# One BLAS thread: the same seed must give bit-identical numbers, hence byte-identical JSON (set before numpy loads).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_var, "1")

from .check import DEFAULT_SEED, check, check_many  # noqa: E402
from .claims import Claim, NumericCheck, Observation, Relation, Tolerance  # noqa: E402
from .errors import CheckerError, InvalidArgument, InvalidClaim, UnknownClaim, UnknownPaper  # noqa: E402
from .hunt import Reject  # noqa: E402
from .registry import load, register, spec_entry, spec_statement  # noqa: E402
from .verdicts import Layer, LayerResult, Status, Verdict  # noqa: E402

__version__ = "0.1.0"
__all__ = ["Claim", "NumericCheck", "Observation", "Relation", "Tolerance", "Reject", "check", "check_many",
           "DEFAULT_SEED", "load", "register", "spec_entry", "spec_statement", "Status", "Verdict", "Layer",
           "LayerResult", "CheckerError", "InvalidArgument", "InvalidClaim", "UnknownClaim", "UnknownPaper"]
