from policies.analysis.types import LOW_CONFIDENCE, TOPIC_LABELS, TOPICS, Finding


def test_every_topic_has_a_label():
    assert list(TOPIC_LABELS) == list(TOPICS)


def test_low_confidence_is_below_the_threshold_only():
    def finding(confidence):
        return Finding("retention", "period", {}, 0, 1, "x", "rule", confidence)

    assert finding(LOW_CONFIDENCE - 0.01).low_confidence
    assert not finding(LOW_CONFIDENCE).low_confidence
    assert finding(0.1).as_dict()["low_confidence"] is True
