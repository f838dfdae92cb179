import pytest

from policies.extraction import ExtractionError, sniff_format

PROSE = ("We collect the names of pupils and teachers. We keep records for two years. " * 5).encode()


def test_empty_file_is_refused_with_a_sentence():
    with pytest.raises(ExtractionError, match="empty"):
        sniff_format(b"", "policy.pdf")


def test_png_renamed_pdf_is_named_as_an_image(builders):
    with pytest.raises(ExtractionError) as exc:
        sniff_format(builders.png(), "policy.pdf")
    assert "PNG image" in str(exc.value)
    assert "not a policy document" in str(exc.value)


def test_pdf_detected_by_content_not_extension(builders):
    assert sniff_format(builders.pdf([["hello"]]), "policy.txt") == "pdf"


def test_docx_detected_by_content(policy_docx):
    assert sniff_format(policy_docx, "policy.pdf") == "docx"
    assert sniff_format(policy_docx, None) == "docx"


def test_zip_without_word_document_is_not_docx():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "hello")
    with pytest.raises(ExtractionError, match="ZIP archive"):
        sniff_format(buf.getvalue(), "policy.docx")


def test_xlsx_is_named_as_spreadsheet():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ExtractionError, match="Excel spreadsheet"):
        sniff_format(buf.getvalue(), "policy.docx")


def test_truncated_zip_is_damaged(policy_docx):
    with pytest.raises(ExtractionError, match="damaged"):
        sniff_format(policy_docx[: len(policy_docx) // 2], "policy.docx")


def test_old_word_doc_asks_for_docx():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(ExtractionError, match=r"\.docx"):
        sniff_format(data, "policy.doc")


def test_gzip_is_refused():
    import gzip

    with pytest.raises(ExtractionError, match="archive"):
        sniff_format(gzip.compress(PROSE), "policy.txt")


def test_rtf_is_refused_even_though_it_is_text():
    with pytest.raises(ExtractionError, match="Rich Text"):
        sniff_format(b"{\\rtf1\\ansi " + PROSE + b"}", "policy.txt")


def test_html_by_content_even_with_txt_extension():
    html = b"<!DOCTYPE html><html><body><p>" + PROSE + b"</p></body></html>"
    assert sniff_format(html, "policy.txt") == "html"


def test_html_with_bom_and_leading_comment():
    html = b"\xef\xbb\xbf  <!-- saved -->\n<html><body><p>" + PROSE + b"</p></body></html>"
    assert sniff_format(html) == "html"


def test_plain_text_stays_text_even_named_html():
    assert sniff_format(PROSE, "policy.html") == "text"


def test_markdown_by_content_even_named_txt():
    md = b"# Privacy policy\n\n## Retention\n\nWe keep data for **two years**. See [our site](https://x.example).\n"
    assert sniff_format(md, "policy.txt") == "markdown"


def test_extension_breaks_a_tie_between_text_and_markdown():
    assert sniff_format(PROSE, "policy.md") == "markdown"
    assert sniff_format(PROSE, "policy.txt") == "text"
    assert sniff_format(PROSE, None) == "text"


def test_extension_cannot_turn_binary_into_text():
    with pytest.raises(ExtractionError):
        sniff_format(bytes(range(256)) * 8, "policy.md")


def test_markdown_with_inline_html_is_markdown_not_html():
    md = b"# Policy\n\n<div align='center'>logo</div>\n\n## Data\n\n- item one\n- item two\n\nSee [x](https://x.example)\n"
    assert sniff_format(md, "README.md") == "markdown"


def test_whitespace_only_is_refused():
    with pytest.raises(ExtractionError, match="blank"):
        sniff_format(b" \n\t\r\n   ", "policy.txt")
