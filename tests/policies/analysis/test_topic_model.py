"""The learned topic model: the committed file loads, inference is deterministic and pure stdlib, and its
findings only mark segments (kind "mention", empty value) without touching the summary."""
from __future__ import annotations

import json

from policies.analysis import topic_model as tm
from policies.analysis.analyser import analyse
from policies.analysis.segmentation import segment


def test_model_file_present_and_well_formed():
    assert tm.MODEL_PATH.is_file()
    data = json.loads(tm.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["format"] == tm.FORMAT
    assert set(data["topics"]) == {"third_party_sharing", "retention", "children"}
    assert tm.MODEL_PATH.stat().st_size < 2_000_000
    model = tm.load()
    assert model is not None and model is tm.load()  # cached once per process
    for w in model.topics.values():
        assert 0.0 < w.threshold <= 1.01
        assert all(0 <= k < model.n_buckets for k in w.weights)


def test_features_are_deterministic():
    assert tm.tokens("We keep it 30 days; the Company's logs.") == ["we", "keep", "it", "0", "days", "the",
                                                                     "company", "logs"]
    assert tm.features("Share data", "Disclosures") == ["share", "data", "^ share", "share data", "h:disclosures"]
    assert tm.bucket("share data", 1 << 18) == tm.bucket("share data", 1 << 18)


def test_probabilities_on_clauses():
    model = tm.load()
    p = model.probabilities("We may disclose your personal information to our advertising partners and affiliates.")
    assert p["third_party_sharing"] > 0.9 and p["children"] < 0.5
    p = model.probabilities("We delete inactive accounts after two years.")
    assert p["retention"] > 0.7 and p["third_party_sharing"] < 0.5
    p = model.probabilities("Our services are not directed to children under 13.")
    assert p["children"] > 0.9
    p = model.probabilities("Please contact us with any questions about this policy.")
    assert max(p.values()) < 0.5
    clause = "We may disclose your personal information to our advertising partners and affiliates."
    assert model.probabilities(clause) == model.probabilities(clause)


def test_empty_and_huge_input():
    model = tm.load()
    assert model.probabilities("") == {}
    assert model.probabilities("   \n ") == {}
    assert tm.find(segment(""), []) == []
    huge = "We share your data with partners. " * 20_000
    p = model.probabilities(huge)
    assert set(p) == set(model.topics) and all(0.0 <= v <= 1.0 for v in p.values())
    text = "Heading\n\n" + "word " * 50_000
    for f in tm.find(segment(text), []):
        assert f.quote == text[f.start:f.end] and f.end - f.start <= 800


def test_missing_model_means_rules_only(tmp_path):
    assert tm.load(tmp_path / "nope.json") is None
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    assert tm.load(bad) is None


def test_model_findings_mark_segments_only():
    text = ("Acme Privacy Policy\n\nOur vendors acting for us get the records they need to do their work, "
            "and the firm that audits our books can look at order histories.\n\nContact: privacy@acme.test\n")
    with_model, rules_only = analyse(text), analyse(text, use_model=False)
    assert with_model.summary == rules_only.summary
    model_findings = [f for f in with_model.findings if f.rule.startswith("model.")]
    for f in model_findings:
        assert f.kind == "mention" and f.value == {} and f.quote == text[f.start:f.end]
        assert f.rule == f"model.{f.topic}" and 0.0 < f.confidence <= 1.0
        # only where no rule finding of the topic overlaps
        assert not any(g.topic == f.topic and g.start < f.end and f.start < g.end for g in rules_only.findings)
