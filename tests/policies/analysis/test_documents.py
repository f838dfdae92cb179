"""The document-level dev set (tests/policies/analysis/documents/): gold is well formed, and the analyser
keeps its document-level scores on the dev split (the held-out split is measured by bench/segment_eval.py only)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from policies.analysis.analyser import analyse, analysis_to_contract

DOCS = Path(__file__).resolve().parent / "documents"
_spec = importlib.util.spec_from_file_location("documents_build", DOCS / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

# the benchmark's own definitions of the held-out sets and of a topic's gold segments: one of each
_spec = importlib.util.spec_from_file_location("segment_eval", DOCS.parents[3] / "bench" / "segment_eval.py")
segment_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(segment_eval)
HOLDOUT = set().union(*(set(segment_eval.SPLIT[k]) for k in segment_eval.HELD_OUT))


def test_generated_files_match_sources():
    for src in sorted((DOCS / "src").glob("*.src")):
        text, gold = build.build(src)
        assert (DOCS / f"{src.stem}.txt").read_text(encoding="utf-8") == text + "\n"
        assert json.loads((DOCS / f"{src.stem}.json").read_text(encoding="utf-8")) == gold
        for seg in gold["segments"]:
            assert 0 <= seg["start"] < seg["end"] <= len(text)


def _spans(gold, topic, lenient):
    return [(start, end) for _, start, end in segment_eval.gold_spans(gold, topic, lenient)]


def test_dev_split_document_scores():
    counts = {t: [0, 0, 0, 0] for t in ("retention", "third_party_sharing", "children")}
    for path in sorted(DOCS.glob("*.txt")):
        if path.stem in HOLDOUT:
            continue
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        found = analyse(path.read_text(encoding="utf-8")).findings
        for topic, c in counts.items():
            spans = [(f.start, f.end) for f in found if f.topic == topic]
            strict, lenient = _spans(gold, topic, False), _spans(gold, topic, True)
            c[0] += sum(any(x < b and a < y for x, y in spans) for a, b in strict)
            c[1] += len(strict)
            c[2] += sum(any(x < b and a < y for a, b in lenient) for x, y in spans)
            c[3] += len(spans)
    for topic, (tp_seg, n_seg, tp_find, n_find) in counts.items():
        recall, precision = tp_seg / n_seg, tp_find / n_find
        assert recall >= 0.9 and precision >= 0.9, (topic, recall, precision)


# ---------------------------------------------------------------- the EdTech facts set (tests/policies/analysis/facts/)
FACTS = Path(__file__).resolve().parent / "facts"
SCORER = Path(__file__).resolve().parents[4] / "shared" / "tools" / "score_analysis.py"


def test_held_out_sets_are_never_in_the_dev_split():
    assert {"holdout6_hotel_chain", "holdout5_us_teen_social"} <= HOLDOUT


@pytest.mark.skipif(not SCORER.exists(), reason="shared scorer not mounted")
def test_dev_facts_pass_the_shared_scorer():
    spec = importlib.util.spec_from_file_location("score_analysis", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    tally = scorer.Tally()
    policies = sorted((FACTS / "policies").glob("dev*.txt"))  # dev_, dev2_ .. dev4_: every set tuned on
    assert len(policies) >= 24
    for path in policies:
        gold = json.loads((FACTS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        out = analysis_to_contract(analyse(path.read_text(encoding="utf-8")), str(path))
        scorer.score_facts(path.stem, gold, out, tally)
    assert tally.passed / tally.total >= 0.95, tally.rows
