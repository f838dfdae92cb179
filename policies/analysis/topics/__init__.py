"""Per-topic finders: each module has find(doc, vendor_name), summarise(findings, doc) and NEVER_VETOED.

``find`` returns :class:`~policies.analysis.types.Finding` objects whose span is one segment (a sentence,
list item or table row), so ``quote == text[start:end]`` holds by construction. ``summarise`` returns a
dict that the orchestrator merges into ``Analysis.summary``. ``NEVER_VETOED`` names the module's finding kinds
that the topic model may not drop (``topic_model.veto``): facts read off the text that the model cannot judge.

Small helpers used by the retention, children and general finders live here.
"""
from __future__ import annotations

import bisect
import re

from ..types import Document, Finding, Segment

MAX_FINDING = 800

# Same-length normalisation (curly quotes, odd spaces, dashes, newlines -> ASCII) so that a match
# offset in the normalised string is also an offset in the original segment text.
_TRANS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
    "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
    "\u2212": "-", "\t": " ", "\n": " ", "\r": " ", "\u200b": " ", "\ufeff": " ", "\u00ad": " ",
})


def norm(text: str) -> str:
    """Same-length lower-cased copy of ``text`` for matching (offsets unchanged)."""
    out = text.translate(_TRANS).lower()
    # str.lower() can change length for a few characters (e.g. 'İ'); fall back to per-char lowering
    if len(out) != len(text):
        out = "".join(c if len(c) == 1 else "?" for c in (ch.lower() for ch in text.translate(_TRANS)))
    return out


def finding(seg: Segment, topic: str, kind: str, value: dict, rule: str, confidence: float) -> Finding:
    """A finding that quotes exactly one segment (cut to MAX_FINDING characters if ever longer)."""
    end = min(seg.end, seg.start + MAX_FINDING)
    return Finding(topic=topic, kind=kind, value=value, start=seg.start, end=end,
                   quote=seg.text[: end - seg.start], rule=rule, confidence=round(min(max(confidence, 0.0), 1.0), 2))


def body_segments(doc: Document):
    """Segments that can carry a fact (headings only give context)."""
    return (s for s in doc.segments if s.kind != "heading")


_TITLE = re.compile(r"\bprivacy (?:policy|notice|statement)\b")


def heading_findings(doc: Document, found: list[Finding], heading_rx, topic: str, rule: str,
                     confidence: float = 0.5, exclude_rx=None) -> list[Finding]:
    """A finding for each heading that names the topic and whose section has findings of that topic.

    Annotators label a section's heading with its topic; where a heading stands as a segment of its own it
    would otherwise never be covered. The heading must match ``heading_rx`` and not ``exclude_rx`` (both run
    on :func:`norm` text).
    """
    starts = sorted(f.start for f in found if f.topic == topic)
    if not starts:
        return []
    segs = doc.segments
    out: list[Finding] = []
    for i, seg in enumerate(segs):
        text = norm(seg.text)
        if seg.kind != "heading" or not heading_rx.search(text) or _TITLE.search(text) or (
                exclude_rx and exclude_rx.search(text)):
            continue  # the document's title ("Kids Network Privacy Policy") heads every topic, so names none
        end = doc.section_end(i)
        i = bisect.bisect_left(starts, seg.end)  # the first finding at or after the heading
        if i < len(starts) and starts[i] < end:
            out.append(finding(seg, topic, "section", {"heading": seg.text}, rule, confidence))
    return out


# "Security. We protect ...": a paragraph opening with a short Title-Case label names its own subject, so the
# section heading above it ("How Long We Keep Information") no longer describes it
_RUNIN = re.compile(r"^\s*(?:\(?[\divx]{1,4}[.)]\s*|[a-z][.)]\s*)?(?P<label>[A-Z][\w'’&/-]*(?:\s+(?:[A-Z][\w'’&/-]*|"
                    r"of|and|or|to|for|the|a|an|in|on|with|your|our|by|from|about|we|you)){0,5})[.:](?:\s+(?=[A-Z\"“])|\s*$)")


def runin_label(text: str) -> str:
    """The run-in label a paragraph opens with ("Security." -> "Security"), or ""."""
    m = _RUNIN.match(text)
    return m.group("label") if m else ""


def paragraph_labels(doc: Document, segs: list[Segment]) -> list[str]:
    """For each segment, the run-in label of the paragraph it sits in ("" when the paragraph has none)."""
    out, label, prev_end = [], "", 0
    for seg in segs:
        if "\n" in doc.text[prev_end:seg.start]:
            label = ""
        prev_end = seg.end
        label = runin_label(seg.text) or label
        out.append(label)
    return out


# the answer to a question heading: "Do you sell my data?" / "No, never.", "Do you ask parents for consent?" / "No."
# (also after a Q&A's answer marker: "Q: Do you sell my data or use it for advertising?" / "A: No to both.")
_ANSWER_NO = re.compile(r"\W*(?:a\s*[:.]\s*)?(?:no|never|not at all)\b", re.I)


def answers_no(seg: Segment, text: str) -> bool:
    """Does ``text`` (the segment's text) answer its question heading with a no?"""
    return seg.heading.rstrip().endswith("?") and bool(_ANSWER_NO.match(text))


# European company forms that both the vendor's name and a recipient's may end with ("OVH Sp. z o.o.", "Kostkovo
# s.r.o.", "Alpine Ground Services S.r.l."); each finder adds the forms only it reads
EU_LEGAL_FORMS = (r"S\.p\.A|SpA|S\.r\.l|Srl|SRL|S\.L\.U|S\.L|SARL|Sàrl|Sarl|S\.A\.S|N\.V|NV|KG|e\.V|eG|mbB|"
                  r"(?i:sp\.\s?z\s?o\.\s?o)|s\.r\.o|a\.s|d\.o\.o|"
                  # the Polish forms written out ("Liczydło spółka z ograniczoną odpowiedzialnością")
                  r"spółka z ograniczoną odpowiedzialnością|spółka akcyjna")
