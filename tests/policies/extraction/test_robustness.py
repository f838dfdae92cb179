"""Whatever bytes arrive, the caller gets an ExtractedDocument or an ExtractionError with a sentence."""

import contextlib
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policies.extraction import DEFAULT_LIMITS, ExtractedDocument, ExtractionError, extract_document, sniff_format

INPROC = replace(DEFAULT_LIMITS, isolate=False)


def _check(data, filename, limits):
    try:
        doc = extract_document(data, filename, limits)
    except ExtractionError as exc:
        message = str(exc)
        assert message and message[0].isupper() and message.rstrip().endswith((".", "?")), message
        return
    assert isinstance(doc, ExtractedDocument)
    assert doc.format in ("pdf", "docx", "html", "text", "markdown")
    assert len(doc.text.strip()) >= limits.min_text_chars


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), filename=st.sampled_from([None, "p.txt", "p.md", "p.pdf", "p.docx", "p.html"]))
def test_arbitrary_bytes_extract_or_raise_extraction_error(data, filename):
    _check(data, filename, DEFAULT_LIMITS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf", b"# ", b"{\\rtf1"]),
    rest=st.binary(max_size=2000),
)
def test_arbitrary_bytes_behind_magic_prefixes_in_process(prefix, rest):
    _check(prefix + rest, None, INPROC)


@settings(max_examples=100, deadline=None)
@given(text=st.text(min_size=0, max_size=2000))
def test_any_utf8_text_is_exact_or_refused(text):
    raw = text.encode("utf-8")
    try:
        doc = extract_document(raw, "p.txt")
    except ExtractionError:
        return
    if doc.format in ("text", "markdown"):
        assert doc.text == text


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=500))
def test_sniff_never_raises_anything_else(data):
    with contextlib.suppress(ExtractionError):
        assert sniff_format(data) in ("pdf", "docx", "html", "text", "markdown")
