from dataclasses import replace

import pytest

from policies.extraction import DEFAULT_LIMITS, ExtractionError, extract_document

INPROC = replace(DEFAULT_LIMITS, isolate=False)

MAIN = (
    "<h1>Privacy Policy</h1>"
    "<p>This privacy policy explains how Example Learning Ltd collects and uses personal data about pupils, "
    "parents and teachers when schools use our reading platform.</p>"
    "<h2>8. Retention</h2>"
    "<p>8.4 We retain pupil records for <strong>two years</strong> after the end of the school's contract.</p>"
    "<ul><li>Account data: deleted within 30 days</li><li>Backups: overwritten after 90 days</li></ul>"
    "<h2>9. Third parties</h2>"
    "<table><tr><th>Processor</th><th>Purpose</th></tr><tr><td>Amazon Web Services</td><td>Hosting</td></tr>"
    "<tr><td>SendGrid</td><td>Email delivery</td></tr></table>"
    "<p>We never sell personal data and we never show adverts to children using our services.</p>"
)

NOISY = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Privacy | Example</title>"
    "<style>.SECRET_CSS_RULE { color: red }</style>"
    "<script>var SECRET_SCRIPT_TOKEN = 'track'; document.write('SCRIPT_WRITE');</script></head><body>"
    "<header><nav><ul><li><a href='/'>NAV_HOME</a></li><li><a href='/pricing'>NAV_PRICING</a></li></ul></nav></header>"
    "<div id='cookie-banner' class='cookie-consent'>COOKIE_BANNER We use cookies. <button>Accept all</button></div>"
    "<main><article>" + MAIN + "</article></main>"
    "<footer><p>FOOTER_TEXT © 2024 Example Learning Ltd</p></footer>"
    "<script type='application/ld+json'>{\"SECRET_JSONLD\": 1}</script>"
    "<noscript>NOSCRIPT_TEXT enable javascript</noscript>"
    "<script>console.log('SCRIPT_TAIL')</script></body></html>"
)

SECRETS = [
    "SECRET_SCRIPT_TOKEN",
    "SCRIPT_WRITE",
    "SECRET_CSS_RULE",
    "SECRET_JSONLD",
    "SCRIPT_TAIL",
    "NOSCRIPT_TEXT",
    "COOKIE_BANNER",
    "NAV_HOME",
    "NAV_PRICING",
]


@pytest.fixture(scope="module", params=["isolated", "in-process"])
def doc(request):
    limits = DEFAULT_LIMITS if request.param == "isolated" else INPROC
    return extract_document(NOISY.encode(), "policy.html", limits)


def test_main_text_present(doc):
    assert doc.format == "html"
    assert "8.4 We retain pupil records for two years after the end of the school's contract." in doc.text


@pytest.mark.parametrize("secret", SECRETS)
def test_no_script_style_nav_or_cookie_text(doc, secret):
    assert secret not in doc.text


def test_structure_headings_lists_tables(doc):
    lines = doc.text.splitlines()
    assert "# Privacy Policy" in lines
    assert "## 8. Retention" in lines
    assert "- Account data: deleted within 30 days" in lines
    assert "Amazon Web Services | Hosting" in lines
    assert not any(set(line) <= set("|-: ") and line for line in lines)  # no markdown table rules


def test_fallback_walker_when_trafilatura_finds_little(monkeypatch):
    from policies.extraction import _html

    monkeypatch.setattr(_html, "_trafilatura_text", lambda root: "")
    doc = extract_document(NOISY.encode(), "p.html", INPROC)
    for secret in SECRETS:
        assert secret not in doc.text
    lines = doc.text.splitlines()
    assert "# Privacy Policy" in lines
    assert "- Backups: overwritten after 90 days" in lines
    assert "SendGrid | Email delivery" in lines
    assert "FOOTER_TEXT" not in doc.text


def test_fallback_numbers_ordered_lists():
    from policies.extraction._html import _parse, fallback_text

    root = _parse("<html><body><main><p>x</p><ol start='3'><li>third</li><li>fourth</li></ol></main></body></html>")
    assert "3. third\n4. fourth" in fallback_text(root)


def test_meta_charset_windows_1252_is_honoured():
    body = "<p>Our naïve café policy costs £5 – we don’t sell data. " + "We keep records for two years. " * 10 + "</p>"
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'></head><body>"
        + body
        + "</body></html>"
    ).encode("cp1252")
    doc = extract_document(html, "p.html")
    assert "naïve café policy costs £5 – we don’t sell data" in doc.text
    assert doc.encoding == "cp1252"


def test_utf8_bom_html():
    html = "\ufeff<html><body><p>Données personnelles des élèves. " + "We keep records. " * 20 + "</p></body></html>"
    doc = extract_document(html.encode("utf-8"), "p.html")
    assert "Données personnelles des élèves." in doc.text
    assert "\ufeff" not in doc.text


def test_script_only_page_is_refused():
    html = b"<html><head><script>" + b"var a = 'x';" * 500 + b"</script></head><body><div id='app'></div></body></html>"
    with pytest.raises(ExtractionError, match="JavaScript"):
        extract_document(html, "p.html")


def test_tidy_markdown_strips_emphasis_and_table_rules():
    from policies.extraction._html import tidy_markdown

    md = "**Bold** and *italic* text\n\n| a | b | \n|---|---|\n| 1 | 2 | \n\n- item"
    assert tidy_markdown(md) == "Bold and italic text\n\na | b\n1 | 2\n\n- item"
