"""The rubric as plain data for the Methodology page (and for JSON export).

Built from the same objects score() uses, so the published method cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

from .engine import band_top
from .rubric import BLOCKERS, DIMENSIONS, GRADE_THRESHOLDS, NEUTRAL_SCORE, RUBRIC_VERSION

SCORING_RULES: tuple[str, ...] = (
    "Each question's answer is worth points; a dimension's score is the points earned over the points "
    "available, as 0-100, counting only the questions that apply.",
    "'Not applicable' answers (e.g. parental consent on a service not meant for children) leave the "
    "question out of the score entirely.",
    "'Not stated' is a separate answer, worth about 30% of the question: silence is neither rewarded "
    "nor treated as proof of bad practice, and it is counted and shown apart from bad answers.",
    "The overall score is the weighted average of the dimension scores; retention, children's data and "
    "third-party sharing weigh most.",
    "Blockers are red lines: each caps the grade whatever the other answers, and the overall score is "
    "lowered into the capped grade's band. The score before blockers is shown alongside.",
    "Scores are computed only from the stored findings, so a change to the rubric (a new version) "
    "re-scores every stored policy without re-reading it.",
)


def methodology() -> dict[str, Any]:
    """Everything the Methodology page shows: dimensions, questions, options, blockers, weights, grades."""
    total_weight = sum(dim.weight for dim in DIMENSIONS)
    dimensions = []
    for dim in DIMENSIONS:
        questions = []
        for q in dim.questions:
            questions.append(
                {
                    "key": q.key,
                    "text": q.text,
                    "why": q.why,
                    "references": list(q.references),
                    "max_points": q.max_points,
                    "options": [
                        {
                            "key": o.key,
                            "label": o.label,
                            "points": o.points,
                            "verdict": o.verdict,
                            "explanation": o.explanation,
                            "not_applicable": o.points is None,
                        }
                        for o in q.options
                    ],
                }
            )
        dimensions.append(
            {
                "key": dim.key,
                "label": dim.label,
                "why": dim.why,
                "weight": dim.weight,
                "weight_percent": round(100 * dim.weight / total_weight, 1),
                "questions": questions,
            }
        )
    grades = [{"grade": letter, "min": low, "max": band_top(letter)} for letter, low in GRADE_THRESHOLDS]
    blockers = [
        {"key": b.key, "title": b.title, "cap": b.cap, "reason": b.reason, "references": list(b.references)}
        for b in BLOCKERS
    ]
    return {
        "rubric_version": RUBRIC_VERSION,
        "rules": list(SCORING_RULES),
        "dimensions": dimensions,
        "weights": {dim.key: dim.weight for dim in DIMENSIONS},
        "grades": grades,
        "blockers": blockers,
        "neutral_score": NEUTRAL_SCORE,
    }
