"""The analyser: text in, :class:`Analysis` out (no Django, no I/O).

``analyse(text)`` repairs what copying did to the text (``repair``: no-break and invisible characters, mojibake,
ligatures, page breaks, double spacing, hard wraps; findings are mapped back to the text as given), segments it,
finds the vendor's name, runs every topic module's
``find(doc, vendor_name)``, lets the learned topic model veto rule findings in paragraphs it is confident are
not about their topic (``topic_model.veto``), and merges each module's ``summarise(its_findings, doc)`` into
the summary. Then the learned topic model (``topic_model.find``) marks blocks about third-party sharing, retention or
children that no rule finding covers; its findings (kind "mention") are added after the summary is written,
so they never change named recipients, periods, ages or the sale/advertising answers.
``analysis_to_contract`` turns the result into the JSON object of ``policy-analysis/1``.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from . import topic_model
from .repair import Repaired, repair
from .segmentation import segment
from .topics import children, general, retention, third_parties, transfers
from .types import Analysis, Document, Finding

ANALYSER_VERSION = "rules+model-2026.11bg"

#: (module, topics whose findings it summarises). Order matters only for the summary's key order.
MODULES = (
    (retention, ("retention",)),
    (children, ("children",)),
    (third_parties, ("third_party_sharing", "data_sale", "advertising")),
    (transfers, ("international_transfers",)),
    (general, ("security", "user_rights", "policy_changes", "contact")),
)
#: Finding kinds the topic model's veto never drops, as the topic modules declare them.
NEVER_VETOED = frozenset().union(*(module.NEVER_VETOED for module, _topics in MODULES))


def analyse(text: str, use_model: bool = True) -> Analysis:
    """Analyse one policy's text. Never raises on odd input; every finding quotes ``text`` exactly.

    ``use_model=False`` runs the rules only (the topic model's training script needs that)."""
    if not isinstance(text, str):
        raise TypeError("analyse() needs the policy text as str")
    repaired = repair(text)
    doc = segment(repaired.text)
    vendor, _ = general.vendor_name(doc)
    last_updated, _ = general.last_updated(doc, vendor)
    findings: list[Finding] = []
    summary: dict[str, Any] = {}
    found_by_module = [(module, module.find(doc, vendor)) for module, _topics in MODULES]
    rule_findings = [f for _, found in found_by_module for f in found]
    context = topic_model.document_context(doc, rule_findings) if use_model else ()
    if use_model:  # one veto over every module's findings: the document's blocks are judged once
        kept = {id(f) for f in topic_model.veto(doc, rule_findings, never_vetoed=NEVER_VETOED, context=context)}
        found_by_module = [(module, [f for f in found if id(f) in kept]) for module, found in found_by_module]
    for module, found in found_by_module:
        findings.extend(found)
        summary.update(module.summarise(found, doc))
    if use_model:
        findings.extend(model_findings(doc, findings, context=context))
    findings = _valid(findings, text, repaired)
    findings.sort(key=lambda f: (f.start, f.end, f.topic, f.kind))
    return Analysis(text_length=len(text), vendor_name=vendor, last_updated=last_updated, findings=findings,
                    summary=summary, analyser_version=ANALYSER_VERSION)


def model_findings(doc: Document, existing: list[Finding], model: topic_model.TopicModel | None = None,
                   context: tuple[str, ...] = ()) -> list[Finding]:
    """The topic model's findings for blocks no finding in ``existing`` covers, less its children findings on the
    policy's title and on text the children rules read otherwise (who may come in person, what a price covers, where
    to write: ``children.read_otherwise``)."""
    title = children.title_end(doc.text)
    return [f for f in topic_model.find(doc, existing, model, context=context)
            if not (f.topic == children.TOPIC and (f.start < title or children.read_otherwise(segment(f.quote))))]


def _valid(findings: list[Finding], text: str, repaired: Repaired) -> list[Finding]:
    """Findings on the repaired text moved back to ``text`` and quoting it (the rules read the repaired copy, in
    which "Ser-\\nvices" is "Services  ", a zero-width space is gone and "â€™" is "’"); exact duplicates dropped."""
    seen: set[tuple] = set()
    out: list[Finding] = []
    for f in findings:
        start, end = repaired.original(f.start), repaired.original(f.end)
        if (start, end) != (f.start, f.end):
            f = replace(f, start=start, end=end)
        if not (0 <= f.start < f.end <= len(text)):
            continue
        if f.quote != text[f.start : f.end]:
            f.quote = text[f.start : f.end]
        key = (f.topic, f.kind, f.start, f.end, repr(sorted(f.value.items(), key=lambda kv: kv[0])))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def analysis_to_contract(analysis: Analysis, path: str, scores: dict | None = None) -> dict[str, Any]:
    """The ``policy-analysis/1`` JSON object for one input (see shared/spec/analysis-contract.md)."""
    return {
        "schema": "policy-analysis/1",
        "path": path,
        "text_length": analysis.text_length,
        "vendor_name": analysis.vendor_name,
        "last_updated": analysis.last_updated,
        "analyser_version": analysis.analyser_version,
        "findings": [f.as_dict() for f in analysis.findings],
        "summary": analysis.summary,
        "scores": dict(scores or {}),
    }
