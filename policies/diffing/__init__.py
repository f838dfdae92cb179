"""Diffs between two policy versions: the text (what words changed) and the meaning (what the findings say).

Pure Python: no Django, no ORM, no HTTP.

    from policies.diffing import diff_text, diff_meaning, AnalysisSnapshot
"""

from .meaning import AnalysisSnapshot, MeaningChange, MeaningDiff, diff_meaning
from .text import Block, Section, TextDiff, diff_text, normalise_for_fingerprint

__all__ = [
    "AnalysisSnapshot",
    "Block",
    "MeaningChange",
    "MeaningDiff",
    "Section",
    "TextDiff",
    "diff_meaning",
    "diff_text",
    "normalise_for_fingerprint",
]
