"""Apply the rubric: summary + findings -> Scorecard. Deterministic and side-effect free."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .model import NA, VERDICTS, Answer, Blocker, Dimension, DimensionScore, Scorecard
from .rubric import BLOCKERS, DIMENSIONS, GRADE_THRESHOLDS, GRADES, NEUTRAL_SCORE, RUBRIC_VERSION


def round_half_up(x: float) -> int:
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def grade_for(points: int | float | None) -> str | None:
    """Letter for a 0-100 score, using GRADE_THRESHOLDS (inclusive lower bounds)."""
    if points is None:
        return None
    for letter, low in GRADE_THRESHOLDS:
        if points >= low:
            return letter
    return GRADES[-1]


def worse_grade(a: str, b: str) -> str:
    return a if GRADES.index(a) >= GRADES.index(b) else b


def band_top(letter: str) -> int:
    """Highest score that still gets ``letter`` (100 for the best grade)."""
    i = GRADES.index(letter)
    return 100 if i == 0 else GRADE_THRESHOLDS[i - 1][1] - 1


def _valid_evidence(indices: Sequence[int], n: int) -> list[int]:
    return sorted({i for i in indices if isinstance(i, int) and 0 <= i < n})


def score_dimension(
    dimension: Dimension, summary: dict, findings: Sequence[Any]
) -> tuple[DimensionScore, float | None]:
    """Score one dimension. Also returns the unrounded 0-100 value used for the overall score."""
    answers: list[Answer] = []
    counts = dict.fromkeys(VERDICTS, 0)
    earned = possible = 0
    for q in dimension.questions:
        key, evidence = q.answer(summary, findings)
        option = q.option(key)  # KeyError = a bug in the rubric, not in the input
        counts[option.verdict] += 1
        if option.points is not None:
            earned += option.points
            possible += q.max_points
        answers.append(
            Answer(
                question=q.key,
                text=q.text,
                option=option.key,
                label=option.label,
                points=option.points,
                max_points=q.max_points,
                verdict=option.verdict,
                evidence=_valid_evidence(evidence, len(findings)) if option.key != NA else [],
            )
        )
    exact = 100.0 * earned / possible if possible else None
    points = round_half_up(exact) if exact is not None else None
    return DimensionScore(
        key=dimension.key,
        label=dimension.label,
        weight=dimension.weight,
        points=points,
        grade=grade_for(points),
        answers=answers,
        good_count=counts["good"],
        fair_count=counts["fair"],
        bad_count=counts["bad"],
        not_stated_count=counts["not_stated"],
        na_count=counts["n/a"],
        earned=earned,
        possible=possible,
    ), exact


def score(summary: dict | None, findings: Sequence[Any] | None = None) -> Scorecard:
    """Score one analysis from its stored ``summary`` and ``findings`` (dicts or objects).

    Evidence indices in the result index into ``findings`` as given.
    """
    summary = summary if isinstance(summary, dict) else {}
    findings = list(findings or [])
    dims: list[DimensionScore] = []
    total = weight_sum = 0.0
    for dim in DIMENSIONS:
        ds, exact = score_dimension(dim, summary, findings)
        dims.append(ds)
        if exact is not None:
            total += exact * dim.weight
            weight_sum += dim.weight
    uncapped_overall = round_half_up(total / weight_sum) if weight_sum else NEUTRAL_SCORE
    uncapped_grade = grade_for(uncapped_overall)

    blockers: list[Blocker] = []
    for rule in BLOCKERS:
        evidence = rule.check(summary, findings)
        if evidence is not None:
            blockers.append(
                Blocker(
                    key=rule.key,
                    title=rule.title,
                    cap=rule.cap,
                    reason=rule.reason,
                    evidence=_valid_evidence(evidence, len(findings)),
                )
            )
    grade, overall = uncapped_grade, uncapped_overall
    for b in blockers:
        grade = worse_grade(grade, b.cap)
    if grade != uncapped_grade:
        overall = min(overall, band_top(grade))
    return Scorecard(
        rubric_version=RUBRIC_VERSION,
        dimensions=dims,
        overall=overall,
        grade=grade,
        blockers=blockers,
        uncapped_grade=uncapped_grade,
        uncapped_overall=uncapped_overall,
    )


def contract_scores(scorecard: Scorecard) -> dict[str, Any]:
    """The ``scores`` object of the analysis contract: an int 0-100 per dimension, overall, grade.

    A dimension with no applicable question gets NEUTRAL_SCORE (the contract wants numbers).
    """
    out: dict[str, Any] = {
        d.key: (d.points if d.points is not None else NEUTRAL_SCORE) for d in scorecard.dimensions
    }
    out["overall"] = scorecard.overall
    out["grade"] = scorecard.grade
    return out
