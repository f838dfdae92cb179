"""PolicyLens scoring: a documented, versioned rubric over an analysis summary and findings.

Pure Python (no Django). Public API::

    score(summary, findings) -> Scorecard
    contract_scores(scorecard) -> {"retention": int, ..., "overall": int, "grade": "C"}
    methodology() -> dict of plain data for the Methodology page
    RUBRIC_VERSION
"""

from .engine import contract_scores, grade_for, score
from .methodology import methodology
from .model import Answer, Blocker, BlockerRule, Dimension, DimensionScore, Option, Question, Scorecard
from .rubric import BLOCKERS, DIMENSIONS, GRADE_THRESHOLDS, NEUTRAL_SCORE, RUBRIC_VERSION

__all__ = [
    "BLOCKERS",
    "DIMENSIONS",
    "GRADE_THRESHOLDS",
    "NEUTRAL_SCORE",
    "RUBRIC_VERSION",
    "Answer",
    "Blocker",
    "BlockerRule",
    "Dimension",
    "DimensionScore",
    "Option",
    "Question",
    "Scorecard",
    "contract_scores",
    "grade_for",
    "methodology",
    "score",
]
