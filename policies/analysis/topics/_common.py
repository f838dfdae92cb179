"""Helpers shared by the third-party and transfer finders (matching text, making findings)."""
from __future__ import annotations

import re

from ..types import Document, Finding, Segment

MAX_FINDING = 800

# same-length normalisation: curly quotes, odd spaces and dashes -> ASCII, so offsets stay valid
_TRANS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
    "\u2009": " ", "\u202f": " ", "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\t": " ",
})


def norm(text: str) -> str:
    """Same-length copy of ``text`` for matching (offsets are unchanged)."""
    return text.translate(_TRANS)


_SENT_SPLIT = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\"'])")


def span_for(seg: Segment, m_start: int | None = None) -> tuple[int, int]:
    """The segment's span, narrowed to the sentence around ``m_start`` if the segment is too long."""
    if seg.end - seg.start <= MAX_FINDING or m_start is None:
        if seg.end - seg.start <= MAX_FINDING:
            return seg.start, seg.end
        m_start = 0
    pieces = []
    pos = 0
    for m in _SENT_SPLIT.finditer(seg.text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(seg.text)))
    for a, b in pieces:
        if a <= m_start < b or (m_start >= b and (a, b) == pieces[-1]):
            a2, b2 = a, min(b, a + MAX_FINDING)
            return seg.start + a2, seg.start + b2
    return seg.start, seg.start + MAX_FINDING


def pieces(doc: Document) -> list[Segment]:
    """The document's segments, with any segment longer than MAX_FINDING cut into sentence-sized pieces."""
    out: list[Segment] = []
    for seg in doc.segments:
        if seg.end - seg.start <= MAX_FINDING:
            out.append(seg)
            continue
        pos = 0
        bounds = []
        for m in _SENT_SPLIT.finditer(seg.text):
            bounds.append((pos, m.start()))
            pos = m.end()
        bounds.append((pos, len(seg.text)))
        for a, b in bounds:
            while b - a > MAX_FINDING:
                out.append(Segment(seg.start + a, seg.start + a + MAX_FINDING, seg.text[a:a + MAX_FINDING],
                                   seg.kind, seg.heading, seg.index))
                a += MAX_FINDING
            if b > a:
                out.append(Segment(seg.start + a, seg.start + b, seg.text[a:b], seg.kind, seg.heading, seg.index))
    return out


def make(doc: Document, seg: Segment, topic: str, kind: str, value: dict, rule: str, confidence: float,
         at: int | None = None) -> Finding:
    s, e = span_for(seg, at)
    # trim surrounding whitespace so the quote is tidy (still an exact slice)
    while s < e and doc.text[s].isspace():
        s += 1
    while e > s and doc.text[e - 1].isspace():
        e -= 1
    return Finding(topic=topic, kind=kind, value=value, start=s, end=e, quote=doc.text[s:e], rule=rule,
                   confidence=round(max(0.0, min(1.0, confidence)), 2))


def single_segment_doc(text: str, kind: str = "sentence", heading: str = "") -> Document:
    """A Document holding one segment: for unit tests and the clause runner."""
    return Document(text=text, segments=(Segment(0, len(text), text, kind, heading, 0),))


def dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.topic, f.kind, f.start, f.end, repr(sorted(f.value.items())))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
