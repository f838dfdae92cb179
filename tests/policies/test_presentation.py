from dataclasses import dataclass

from policies.presentation import highlighted_text


@dataclass
class F:
    pk: int
    start: int
    end: int
    topic: str = "retention"


def test_plain_text_is_escaped():
    assert highlighted_text("a < b & c", []) == "a &lt; b &amp; c"


def test_one_finding_is_marked_with_an_anchor():
    html = highlighted_text("Keep 1 year. Other.", [F(7, 0, 12)])
    assert html.startswith('<span class="finding-anchor" id="finding-7"></span><mark')
    assert 'data-findings="7">Keep 1 year.</mark> Other.' in html


def test_overlapping_findings_split_into_pieces_listing_both():
    html = highlighted_text("abcdefghij", [F(1, 0, 6), F(2, 4, 10, "children")])
    assert 'data-findings="1">abcd</mark>' in html
    assert 'data-findings="1 2">ef</mark>' in html
    assert 'data-findings="2">ghij</mark>' in html
    assert html.count("finding-anchor") == 2


def test_identical_spans_share_pieces():
    html = highlighted_text("same span", [F(1, 0, 9), F(2, 0, 9, "children")])
    assert html.count("<mark") == 1 and 'data-findings="1 2"' in html


def test_out_of_range_findings_are_ignored():
    assert highlighted_text("short", [F(1, 3, 50), F(2, -1, 2), F(3, 4, 4)]) == "short"


def test_markup_inside_a_finding_is_escaped():
    html = highlighted_text("<b>x</b>", [F(1, 0, 8)])
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>" not in html


def test_text_is_preserved_exactly_apart_from_escaping():
    import re
    from html import unescape

    text = "Line one.\r\n\n\n  Line two & three.\n"
    html = highlighted_text(text, [F(1, 0, 9), F(2, 15, 30)])
    assert unescape(re.sub(r"<[^>]+>", "", str(html))) == text
