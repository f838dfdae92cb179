from pathlib import Path

import pytest

from policies.extraction import extract_document

DEMO = Path(__file__).resolve().parents[3] / "demo_data" / "policies"
SAMPLES = sorted(DEMO.glob("*.txt"))


def test_there_are_demo_samples():
    assert len(SAMPLES) >= 3


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_demo_text_is_exact_raw_utf8(path):
    raw = path.read_bytes()
    doc = extract_document(raw, path.name)
    assert doc.text == raw.decode("utf-8")
    assert doc.text == path.read_text(encoding="utf-8") or "\r" in doc.text  # read_text normalises newlines
    assert doc.format in ("text", "markdown")
    assert doc.encoding == "utf-8"
    assert doc.warnings == ()
