from dataclasses import replace

import pytest

from policies.extraction import DEFAULT_LIMITS, ExtractionError, extract_document

BODY = "We collect pupils' names and reading scores. We keep them for two years after the contract ends. " * 4


def test_utf8_with_crlf_and_odd_whitespace_is_byte_for_byte():
    head = "Privacy Policy\r\n\r\n  Section 1.\t Data\u00a0we hold\r\n\n\n"
    raw = (head + BODY + "   \r\n\ttrailing\t \r\n").encode()
    doc = extract_document(raw, "policy.txt")
    assert doc.text == raw.decode("utf-8")
    assert doc.text.encode("utf-8") == raw
    assert doc.format == "text"
    assert doc.encoding == "utf-8"
    assert doc.warnings == ()
    assert doc.page_count is None


def test_utf8_bom_is_kept_so_offsets_match_the_raw_decode():
    raw = b"\xef\xbb\xbf" + BODY.encode()
    doc = extract_document(raw, "policy.txt")
    assert doc.text == raw.decode("utf-8")


def test_windows_1252_is_detected_and_warned():
    original = "Our naïve café policy – it costs £5 and we don’t sell data. " + BODY
    raw = original.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    doc = extract_document(raw, "policy.txt")
    assert doc.text == original
    assert doc.encoding == "cp1252"
    assert any("Windows-1252" in w for w in doc.warnings)


def test_utf16_with_bom_is_decoded_with_warning():
    original = "Politique de confidentialité. " + BODY
    doc = extract_document(original.encode("utf-16"), "policy.txt")
    assert doc.text == original
    assert any("UTF-16" in w for w in doc.warnings)


def test_markdown_is_returned_raw():
    raw = ("# Privacy\r\n\r\n## Retention\r\n\r\n- **Two** years\r\n- [Contact](mailto:a@b.c)\r\n\r\n" + BODY).encode()
    doc = extract_document(raw, "policy.md")
    assert doc.format == "markdown"
    assert doc.text == raw.decode()


def test_binary_junk_is_refused():
    junk = bytes((i * 37 + 11) % 256 for i in range(4000))
    with pytest.raises(ExtractionError):
        extract_document(junk, "policy.txt")


def test_text_with_nul_bytes_is_refused():
    with pytest.raises(ExtractionError, match="readable text|can.t read this file"):
        extract_document(BODY.encode() + b"\x00\x00" + BODY.encode(), "policy.txt")


def test_too_short_text_is_a_failure_not_an_empty_policy():
    with pytest.raises(ExtractionError, match="too little text"):
        extract_document(b"Privacy policy: TBC.\n", "policy.txt")


def test_size_limit_message_formats_the_limit():
    limits = replace(DEFAULT_LIMITS, max_bytes=1024 * 1024)
    with pytest.raises(ExtractionError, match=r"larger than the 1 MB limit"):
        extract_document(b"a" * (1024 * 1024 + 1), "policy.txt", limits)


def test_default_size_limit_is_20_mb():
    with pytest.raises(ExtractionError, match=r"larger than the 20 MB limit"):
        extract_document(b"a" * (20 * 1024 * 1024 + 1), "policy.txt")


def test_text_longer_than_max_text_chars_is_refused():
    limits = replace(DEFAULT_LIMITS, max_text_chars=1000)
    with pytest.raises(ExtractionError, match="characters"):
        extract_document((BODY * 10).encode(), "policy.txt", limits)


def test_bytearray_is_accepted():
    assert extract_document(bytearray(BODY.encode()), "p.txt").text == BODY
