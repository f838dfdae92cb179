"""Dataclasses for the rubric (as data) and for its results.

Pure Python: nothing here knows about Django. Results are plain dataclasses with
``as_dict()`` so a scorecard can be stored as JSON or rendered by a template.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Verdict = Literal["good", "fair", "bad", "not_stated", "n/a"]
VERDICTS: tuple[str, ...] = ("good", "fair", "bad", "not_stated", "n/a")

#: ``answer(summary, findings) -> (option_key, evidence finding indices)``
AnswerFn = Callable[[dict, Sequence[Any]], tuple[str, list[int]]]
#: ``check(summary, findings) -> evidence finding indices if the blocker applies, else None``
BlockerFn = Callable[[dict, Sequence[Any]], "list[int] | None"]

NA = "n/a"
NOT_STATED = "not_stated"


# --------------------------------------------------------------------------- rubric (data)


@dataclass(frozen=True)
class Option:
    """One possible answer to a question.

    ``points`` is None for the N/A option: the question does not apply and leaves the
    denominator. ``verdict`` says how the answer is reported ("not_stated" is reported
    apart from "bad" even where the points are similar).
    """

    key: str
    label: str
    points: int | None
    verdict: Verdict
    explanation: str = ""


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    why: str  # why this matters for pupils, in a DPO's terms
    options: tuple[Option, ...]
    answer: AnswerFn = field(repr=False, compare=False)
    references: tuple[str, ...] = ()

    @property
    def max_points(self) -> int:
        return max(o.points for o in self.options if o.points is not None)

    def option(self, key: str) -> Option:
        for o in self.options:
            if o.key == key:
                return o
        raise KeyError(f"question {self.key!r} has no option {key!r}")


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    weight: float
    why: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class BlockerRule:
    """A red line: when ``check`` finds it, the grade is capped at ``cap``."""

    key: str
    title: str
    cap: str  # worst-allowed grade letter, e.g. "E"
    reason: str
    check: BlockerFn = field(repr=False, compare=False)
    references: tuple[str, ...] = ()


# --------------------------------------------------------------------------- results


@dataclass
class Answer:
    question: str  # question key
    text: str  # question text
    option: str  # option key
    label: str  # option label
    points: int | None  # None when the question does not apply (verdict "n/a")
    max_points: int
    verdict: Verdict
    evidence: list[int] = field(default_factory=list)  # indices into the findings passed to score()

    @property
    def applicable(self) -> bool:
        return self.verdict != NA


@dataclass
class DimensionScore:
    key: str
    label: str
    weight: float
    points: int | None  # 0-100, None when every question is N/A
    grade: str | None
    answers: list[Answer]
    good_count: int = 0
    fair_count: int = 0
    bad_count: int = 0
    not_stated_count: int = 0
    na_count: int = 0
    earned: int = 0  # raw points over applicable questions
    possible: int = 0

    @property
    def evidence(self) -> list[int]:
        return sorted({i for a in self.answers for i in a.evidence})


@dataclass
class Blocker:
    key: str
    title: str
    cap: str
    reason: str
    evidence: list[int] = field(default_factory=list)


@dataclass
class Scorecard:
    rubric_version: str
    dimensions: list[DimensionScore]
    overall: int  # 0-100; the weighted score, lowered into the capped grade's band if a blocker applies
    grade: str  # "A".."E", after blockers
    blockers: list[Blocker]
    uncapped_grade: str
    uncapped_overall: int  # the weighted score before any blocker

    @property
    def capped(self) -> bool:
        return self.grade != self.uncapped_grade

    def dimension(self, key: str) -> DimensionScore:
        for d in self.dimensions:
            if d.key == key:
                return d
        raise KeyError(key)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
