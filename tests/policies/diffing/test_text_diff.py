"""The text diff: reflow and renumbering are not changes; moves are recognised; edits are word-level."""
import textwrap
from pathlib import Path

from policies.diffing import diff_text, normalise_for_fingerprint

SAMPLES = Path(__file__).resolve().parents[3] / "demo_data" / "policies"

POLICY = """Privacy notice

1. Who we are

We are Brightwater Learning Ltd, a company registered in England.

2. Retention

2.1 We keep pupil records for twelve years after the school's licence ends.

2.2 Server logs are kept for thirty days.

3. Sharing

3.1 We share data with Amazon Web Services for hosting in London.

3.2 We never sell personal data to anyone.
"""


def kinds(diff):
    return [b.kind for b in diff.blocks]


def test_identical_text_has_no_changes():
    diff = diff_text(POLICY, POLICY)
    assert not diff.has_changes
    assert set(kinds(diff)) == {"equal"}


def test_reflowed_whitespace_is_not_a_change():
    reflowed = POLICY.replace("pupil records for twelve years", "pupil records\nfor  twelve\n   years").replace(
        "We never sell", "We   never\nsell"
    )
    assert not diff_text(POLICY, reflowed).has_changes


def test_renumbered_clauses_are_not_a_change():
    renumbered = POLICY.replace("2.1 ", "3.1 ", 1).replace("2.2 ", "3.2 ", 1).replace("3.1 We share", "4.1 We share")
    renumbered = renumbered.replace("3.2 We never", "4.2 We never").replace("2. Retention", "3. Retention")
    diff = diff_text(POLICY, renumbered)
    assert not diff.has_changes, [(b.kind, b.text) for b in diff.blocks if b.kind != "equal"]


def test_changed_period_is_a_word_level_change():
    edited = POLICY.replace("for twelve years after", "for as long as necessary after")
    diff = diff_text(POLICY, edited)
    assert diff.stats == {"changed": 1, "added": 0, "removed": 0, "moved": 0}
    block = next(b for b in diff.blocks if b.kind == "changed")
    assert ("delete", "twelve years") in [(t.op, t.text) for t in block.tokens]
    assert ("insert", "as long as necessary") in [(t.op, t.text) for t in block.tokens]
    assert any(t.op == "equal" and "pupil records" in t.text for t in block.tokens)


def test_moved_paragraph_is_recognised_not_removed_and_added():
    paragraph = "\n\n3.2 We never sell personal data to anyone."
    moved = POLICY.replace(paragraph, "").replace("2.1 We keep", paragraph.strip() + "\n\n2.1 We keep")
    diff = diff_text(POLICY, moved)
    assert diff.stats["moved"] == 1
    assert diff.stats["added"] == 0 and diff.stats["removed"] == 0
    arrived = next(b for b in diff.blocks if b.kind == "moved" and b.moved_from)
    assert "never sell" in arrived.new and arrived.moved_from == "3. Sharing"


def test_added_and_removed_paragraphs_are_reported_in_their_sections():
    edited = POLICY.replace(
        "3.2 We never sell personal data to anyone.",
        "3.2 We never sell personal data to anyone.\n\n3.3 We send newsletters through Mailchimp in the USA.",
    ).replace("2.2 Server logs are kept for thirty days.\n\n", "")
    diff = diff_text(POLICY, edited)
    assert diff.stats["added"] == 1 and diff.stats["removed"] == 1
    changed_sections = [s.title for s in diff.sections if s.changed]
    assert changed_sections == ["2. Retention", "3. Sharing"]


def test_real_sample_edited_into_a_second_version():
    text = (SAMPLES / "004_8f559f88252fcfef.txt").read_text()
    assert "12 years" in text
    edited = text.replace("12 years", "as long as necessary", 1)
    # reflow the whole document: every paragraph's line breaks change
    def reflow(line):
        return textwrap.fill(line, width=50, break_on_hyphens=False, break_long_words=False)

    reflowed = "\n".join(reflow(line) for line in edited.split("\n"))
    diff = diff_text(text, reflowed)
    assert diff.stats["changed"] == 1 and diff.stats["added"] == diff.stats["removed"] == 0


def test_fingerprint_ignores_dates_whitespace_and_furniture():
    page = "Last updated: 3 March 2025\n\nSkip to content\n\nWe keep data for two years.\n\n© 2025 Vendor Ltd"
    later = "Last updated: 9 June 2026\n\nWe keep data   for\ntwo years.\n\n© 2026 Vendor Ltd\nBack to top"
    assert normalise_for_fingerprint(page) == normalise_for_fingerprint(later)
    assert normalise_for_fingerprint(page) != normalise_for_fingerprint(page.replace("two", "five"))


def test_list_merged_by_a_reflow_with_an_edit_is_one_change():
    head = "Retention\n\nWe keep data for:\n\n"
    old = head + "• 12 years; and\n• 7 years for HMRC; or\n• until you ask us to delete it.\n"
    new = head + "• as long as necessary; and • 7 years for HMRC; or • until you ask us to delete it.\n"
    diff = diff_text(old, new)
    assert diff.stats == {"changed": 1, "added": 0, "removed": 0, "moved": 0}
    tokens = next(b for b in diff.blocks if b.kind == "changed").tokens
    assert [t.text for t in tokens if t.op != "equal"] == ["12 years;", "as long as necessary;"]
