import io
from dataclasses import replace

import pytest

from policies.extraction import DEFAULT_LIMITS, ExtractionError, extract_document

INPROC = replace(DEFAULT_LIMITS, isolate=False)


@pytest.fixture(scope="module", params=["isolated", "in-process"])
def doc(request, policy_docx):
    limits = DEFAULT_LIMITS if request.param == "isolated" else INPROC
    return extract_document(policy_docx, "policy.docx", limits)


def test_format_and_metadata(doc):
    assert doc.format == "docx"
    assert doc.encoding is None


def test_headings_on_their_own_lines(doc):
    lines = doc.text.splitlines()
    assert "# Privacy Policy" in lines
    assert "# Retention" in lines
    assert "## Third parties" in lines


def test_numbered_clause_kept(doc):
    assert "8.4 We retain pupil records for two years after the end of the contract." in doc.text.splitlines()


def test_bullets_are_dash_items_on_consecutive_lines(doc):
    assert "- Account data is deleted within 30 days\n- Backups are overwritten after 90 days" in doc.text


def test_numbered_list_items_carry_their_numbers(doc):
    assert "1. We never sell data\n2. We do not show adverts to children" in doc.text


def test_table_rows_one_per_line_in_body_order(doc):
    rows = "Processor | Purpose | Location\nAmazon Web Services | Hosting | Ireland\nSendGrid | Email delivery | USA"
    assert rows in doc.text
    assert doc.text.index("Before the table.") < doc.text.index("Processor |") < doc.text.index("After the table.")


def test_paragraphs_separated_by_blank_line(doc):
    assert "Before the table.\n\nProcessor" in doc.text
    assert "USA\n\nAfter the table." in doc.text


def test_multilevel_numbering_reproduces_clause_numbers():
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="8"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def para(text, ilvl):
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>')
        )

    d.add_paragraph("We take the privacy of pupils seriously and explain here how long we keep data. " * 3)
    para("Retention", 0)
    for _ in range(3):
        para("We retain records.", 1)
    para("pupil records", 2)
    para("staff records", 2)
    para("Deletion", 0)
    para("We delete data.", 1)
    buf = io.BytesIO()
    d.save(buf)
    text = extract_document(buf.getvalue(), "p.docx", INPROC).text
    lines = text.splitlines()
    assert "8. Retention" in lines
    assert "8.3 We retain records." in lines
    assert "(b) staff records" in lines
    assert "9. Deletion" in lines
    assert "9.1 We delete data." in lines


def test_truncated_docx_is_damaged(policy_docx):
    with pytest.raises(ExtractionError, match="damaged"):
        extract_document(policy_docx[:-200], "p.docx")


def test_docx_with_broken_xml_is_damaged(builders, policy_docx):
    bad = builders.rezip(policy_docx, {"word/document.xml": b"<w:document><w:body><w:p>"})
    with pytest.raises(ExtractionError, match="damaged"):
        extract_document(bad, "p.docx")


@pytest.mark.parametrize("limits", [DEFAULT_LIMITS, INPROC], ids=["isolated", "in-process"])
def test_billion_laughs_is_refused(builders, policy_docx, limits):
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
        )
        + b']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    bad = builders.rezip(policy_docx, {"word/document.xml": laughs})
    with pytest.raises(ExtractionError, match="DOCTYPE"):
        extract_document(bad, "p.docx", limits)


def test_xxe_in_any_part_is_refused(builders, policy_docx):
    import zipfile

    styles = zipfile.ZipFile(io.BytesIO(policy_docx)).read("word/styles.xml")
    xxe = styles.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
    with pytest.raises(ExtractionError, match="DOCTYPE"):
        extract_document(builders.rezip(policy_docx, {"word/styles.xml": xxe}), "p.docx")


def test_utf16_doctype_is_refused(builders, policy_docx):
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'.encode("utf-16-le")
    with pytest.raises(ExtractionError, match="DOCTYPE"):
        extract_document(builders.rezip(policy_docx, {"word/settings.xml": xml}), "p.docx")


def test_docx_with_only_an_image_has_too_little_text():
    import docx

    d = docx.Document()
    d.add_paragraph("Policy")
    buf = io.BytesIO()
    d.save(buf)
    with pytest.raises(ExtractionError, match="almost no text"):
        extract_document(buf.getvalue(), "p.docx")


def test_too_many_zip_entries(builders, policy_docx):
    limits = replace(DEFAULT_LIMITS, max_zip_entries=5)
    with pytest.raises(ExtractionError, match="internal parts"):
        extract_document(policy_docx, "p.docx", limits)
