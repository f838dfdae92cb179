import io
from dataclasses import replace

import pytest

from policies.extraction import DEFAULT_LIMITS, ExtractionError, extract_document

INPROC = replace(DEFAULT_LIMITS, isolate=False)


@pytest.fixture(scope="module")
def policy_pdf(builders):
    return builders.pdf([builders.sentences, ["• Account data: 30 days", "• Backups: 90 days", "Contact us any time."]])


@pytest.mark.parametrize("limits", [DEFAULT_LIMITS, INPROC], ids=["isolated", "in-process"])
def test_pdf_text_pages_and_bullets(policy_pdf, builders, limits):
    doc = extract_document(policy_pdf, "policy.pdf", limits)
    assert doc.format == "pdf"
    assert doc.page_count == 2
    assert doc.encoding is None
    assert "8.4 We retain pupil records for two years" in doc.text
    lines = doc.text.splitlines()
    assert "- Account data: 30 days" in lines
    assert "- Backups: 90 days" in lines
    assert "\n\n" in doc.text  # pages are separated by a blank line


def test_compressed_content_streams(builders):
    doc = extract_document(builders.pdf([builders.sentences], compress=True), "p.pdf")
    assert builders.sentences[3] in doc.text


def test_encrypted_pdf_with_password_is_refused(policy_pdf):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(policy_pdf)))
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(ExtractionError, match="password-protected"):
        extract_document(buf.getvalue(), "p.pdf")


def test_encrypted_pdf_with_empty_user_password_is_read(policy_pdf, builders):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(policy_pdf)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    doc = extract_document(buf.getvalue(), "p.pdf")
    assert builders.sentences[2] in doc.text


def test_pdf_with_empty_content_stream_has_no_text(builders):
    with pytest.raises(ExtractionError, match="no extractable text: is it a scanned image"):
        extract_document(builders.pdf([[]]), "scan.pdf")


def test_image_only_pdf_has_no_text(builders):
    with pytest.raises(ExtractionError, match="scanned image"):
        extract_document(builders.pdf([[]], image_only=True), "scan.pdf")


def test_pdf_with_too_little_text_is_a_failure(builders):
    with pytest.raises(ExtractionError, match="scanned image"):
        extract_document(builders.pdf([["Page 1"], ["Page 2"]]), "scan.pdf")


def test_one_blank_page_among_text_pages_is_a_warning(builders):
    doc = extract_document(builders.pdf([builders.sentences, []]), "p.pdf")
    assert any("1 of 2 pages had no text" in w for w in doc.warnings)


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated_pdf_fails_with_a_sentence(policy_pdf, cut):
    data = policy_pdf[: int(len(policy_pdf) * cut)]
    try:
        doc = extract_document(data, "p.pdf")
    except ExtractionError as exc:
        assert str(exc).endswith(".")
    else:  # pypdf can recover a truncated file; then the text must still be real
        assert "Example Learning" in doc.text


def test_garbage_after_pdf_header_is_damaged():
    with pytest.raises(ExtractionError, match="damaged|no extractable text|couldn't read"):
        extract_document(b"%PDF-1.7\n" + b"\x00garbage" * 500, "p.pdf")


def test_too_many_pages(builders):
    limits = replace(DEFAULT_LIMITS, max_pages=2)
    with pytest.raises(ExtractionError, match="3 pages; we accept up to 2"):
        extract_document(builders.pdf([builders.sentences] * 3), "p.pdf", limits)


def test_timeout_is_reported_as_taking_too_long(policy_pdf):
    limits = replace(DEFAULT_LIMITS, timeout_seconds=0.001)
    with pytest.raises(ExtractionError, match="took too long to read"):
        extract_document(policy_pdf, "p.pdf", limits)


def test_memory_limit_in_child_becomes_a_sentence(policy_pdf):
    limits = replace(DEFAULT_LIMITS, memory_bytes=16 * 1024 * 1024)  # far too small even to start
    with pytest.raises(ExtractionError, match="expands to more data"):
        extract_document(policy_pdf, "p.pdf", limits)
