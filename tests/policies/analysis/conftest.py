from pathlib import Path

import pytest

from policies.analysis.segmentation import segment

SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "samples" / "policies"


@pytest.fixture(scope="session")
def sample_docs():
    paths = sorted(SAMPLES.glob("*.txt"))
    if not paths:
        pytest.skip("shared samples not available")
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8")
        out.append((text, segment(text)))
    return out
