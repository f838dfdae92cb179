"""The learned topic model: the committed file loads, inference is deterministic and pure stdlib, its findings
only mark segments (kind "mention", empty value), and its veto drops rule findings only in paragraphs it is
confident are off the topic."""
from __future__ import annotations

import json

from policies.analysis import analyser
from policies.analysis import topic_model as tm
from policies.analysis.analyser import analyse
from policies.analysis.segmentation import segment
from policies.analysis.topics import children, retention, third_parties


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


def _sharing_model(veto: float) -> tm.TopicModel:
    """A hand-made model: only a paragraph with the word "partners" is about third-party sharing."""
    n = 1 << 10
    weights = {tm.bucket("partners", n): 20.0}
    return tm.TopicModel(n_buckets=n, topics={
        "third_party_sharing": tm.TopicWeights(bias=-10.0, weights=weights, threshold=0.9, veto=veto)})


_VETO_TEXT = ("How We Share Information\n\nWe may share your information with our partners.\n\n"
              "Security\n\nWe may share your information with others.\n\n"
              "Payments\n\nWe may share your information with Stripe to take payments.\n\n"
              "Who Sees Your Data\n\nWe may share your information with others.\n")


def _tps(found):
    return [(f.kind, f.quote) for f in found if f.topic == "third_party_sharing"]


def test_veto_drops_rule_findings_in_paragraphs_off_the_topic():
    doc = segment(_VETO_TEXT)
    found = third_parties.find(doc, None)
    kept = tm.veto(doc, found, _sharing_model(veto=0.5), third_parties.NEVER_VETOED)
    quotes = {q for _, q in _tps(kept)}
    assert "We may share your information with our partners." in quotes
    assert "How We Share Information" in quotes  # its section keeps a finding
    assert "We may share your information with others." not in quotes
    assert "Who Sees Your Data" in {q for _, q in _tps(found)} and "Who Sees Your Data" not in quotes
    # a named recipient stays even where the model reads the paragraph as off the topic
    assert ("named_recipient", "We may share your information with Stripe to take payments.") in _tps(kept)
    assert all(f in found for f in kept)
    # the exemption is the module's declaration: without it the recipient's paragraph is judged like any other
    assert "named_recipient" not in {k for k, _ in _tps(tm.veto(doc, found, _sharing_model(veto=0.5)))}


def test_veto_at_zero_or_without_a_model_changes_nothing(tmp_path, monkeypatch):
    doc = segment(_VETO_TEXT)
    found = third_parties.find(doc, None)
    assert tm.veto(doc, found, _sharing_model(veto=0.0)) == found
    monkeypatch.setattr(tm, "MODEL_PATH", tmp_path / "no-model.json")  # the model file is missing: rules only
    assert tm.load() is None
    assert tm.veto(doc, found) == found


def test_committed_model_vetoes_only_what_training_chose():
    data = json.loads(tm.MODEL_PATH.read_text(encoding="utf-8"))
    model = tm.load()
    for topic, w in model.topics.items():
        assert w.veto == data["topics"][topic].get("veto", 0.0)
        assert 0.0 <= w.veto < w.threshold  # a vetoed paragraph is never one the model itself would mark


def test_veto_keeps_childrens_stance_and_consent_but_drops_mentions():
    off_topic = tm.TopicModel(n_buckets=1 << 10, topics={
        "children": tm.TopicWeights(bias=-10.0, weights={}, threshold=0.9, veto=0.5)})
    text = ("Pupils' data is entered by the school.\n\n"
            "We do not knowingly collect personal information from children under 13.\n\n"
            "We obtain verifiable parental consent before a child can post.\n\n"
            "Kids love our stickers, and parents can review the privacy settings.\n")
    doc = segment(text)
    found = [f for f in children.find(doc, None) if f.topic == "children"]
    kept = tm.veto(doc, found, off_topic, analyser.NEVER_VETOED)
    assert {f.kind for f in found} >= {"audience", "parental_consent"}
    assert {f.kind for f in kept} == {f.kind for f in found} & {"audience", "parental_consent", "school_consent",
                                                                 "remediation", "parent_contact"}
    assert len(kept) < len(found)


def test_veto_keeps_stated_retention_periods():
    off_topic = tm.TopicModel(n_buckets=1 << 10, topics={
        "retention": tm.TopicWeights(bias=-10.0, weights={}, threshold=0.9, veto=0.5)})
    text = ("The database is backed up every night, and the backups are stored in fourteen days.\n\n"
            "We keep your information for as long as necessary.\n")
    doc = segment(text)
    found = [f for f in retention.find(doc, None) if f.topic == "retention"]
    kept = tm.veto(doc, found, off_topic, analyser.NEVER_VETOED)
    assert {f.kind for f in found} > {"period"}
    assert [f.value["days"] for f in kept if f.kind == "period"] == [14]
    assert {f.kind for f in kept} == {"period"}


def test_how_much_of_a_policy_is_about_children_is_a_feature_of_each_block():
    kids = ("Camp Privacy Policy\n\nCampers under 13 join only with a parent's consent.\n\n"
            "We collect each child's name and date of birth.\n\nParents may review their child's records.\n\n"
            "We share order details with our payment processor.\n")
    ordinary = ("Shop Privacy Policy\n\nWe collect your name and address to deliver orders.\n\n"
                "We share order details with our payment processor.\n\nWe keep invoices for six years.\n\n"
                "We use cookies to remember your basket.\n\n"
                "We do not knowingly collect information from children under 13.\n")
    levels = {}
    for name, text in (("kids", kids), ("ordinary", ordinary)):
        levels[name] = tm.document_context(segment(text), analyse(text, use_model=False).findings)
    assert levels["kids"] == tuple(f"ctx:children>={x}" for x in tm.CHILDREN_SHARE_LEVELS)  # 3 of 5 blocks
    assert levels["ordinary"] == ("ctx:children>=0.1",)  # 1 of 6 blocks
    assert tm.document_context(segment(ordinary), []) == ()
    assert "ctx:children>=0.4" in tm.features("a paragraph", "", levels["kids"])
    assert not any(f.startswith("ctx:") for f in tm.features("a paragraph"))
