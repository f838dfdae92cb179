"""One document through the whole pure pipeline: extract, analyse, score.

The worker (policies.services.execute_run) and `manage.py analyze` both come through here, so
there is one implementation of the analysis.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from comparisons.scoring import Scorecard, contract_scores, score
from policies.analysis.analyser import analyse, analysis_to_contract
from policies.analysis.types import Analysis
from policies.extraction import ExtractedDocument, ExtractionError, ExtractionLimits, extract_document


@dataclass(frozen=True)
class PipelineResult:
    extracted: ExtractedDocument
    analysis: Analysis
    scorecard: Scorecard


def extraction_limits() -> ExtractionLimits:
    return ExtractionLimits(max_bytes=settings.POLICYLENS_MAX_UPLOAD_BYTES)


def run_pipeline(data: bytes, filename: str | None, on_stage=None) -> PipelineResult:
    """Raises ExtractionError with a reason for people when the document cannot be read."""
    stage = on_stage or (lambda progress, label: None)
    extracted = extract_document(data, filename, extraction_limits())
    stage(30, "Finding the facts")
    analysis = analyse(extracted.text)
    stage(80, "Scoring")
    scorecard = score(analysis.summary, analysis.findings)
    return PipelineResult(extracted=extracted, analysis=analysis, scorecard=scorecard)


def analyse_document(path: Path, *, include_text: bool = False) -> dict:
    """The analysis contract's object for one file, or {"path", "error"} when it cannot be read."""
    limit = settings.POLICYLENS_MAX_UPLOAD_BYTES
    try:
        if path.stat().st_size > limit:
            raise ExtractionError(f"This file is larger than the {limit // (1024 * 1024)} MB limit.")
        result = run_pipeline(path.read_bytes(), path.name)
    except ExtractionError as exc:
        return {"schema": "policy-analysis/1", "path": str(path), "error": str(exc)}
    except OSError as exc:
        return {"schema": "policy-analysis/1", "path": str(path), "error": f"Cannot read the file: {exc.strerror}."}
    output = analysis_to_contract(result.analysis, str(path), scores=contract_scores(result.scorecard))
    output["format"] = result.extracted.format
    if result.extracted.warnings:
        output["warnings"] = list(result.extracted.warnings)
    if include_text:
        output["text"] = result.extracted.text
    return output
