"""Reading and rendering exported PDFs in tests: pypdf for text, pypdfium2 for pictures of the pages."""

from __future__ import annotations

import io

import pypdfium2
from pypdf import PdfReader

A4_POINTS = (595.28, 841.89)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def page_sizes(content: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(io.BytesIO(content)).pages]


def is_a4(size: tuple[float, float]) -> bool:
    short, long = sorted(size)
    return abs(short - A4_POINTS[0]) < 1 and abs(long - A4_POINTS[1]) < 1


def render_pages(content: bytes, scale: float = 1.0) -> list:
    """Every page as a PIL image (what a person would see)."""
    doc = pypdfium2.PdfDocument(content)
    try:
        return [doc[i].render(scale=scale).to_pil() for i in range(len(doc))]
    finally:
        doc.close()


def ink_ratio(image) -> float:
    """The share of pixels that are not near-white: 0 for a blank page."""
    grey = image.convert("L")
    dark = sum(grey.histogram()[:200])
    return dark / (grey.width * grey.height)


def ink_in_margins(image, margin_mm: float = 8) -> float:
    """The share of non-white pixels in the outer ``margin_mm`` of the page (text running off the page)."""
    grey = image.convert("L")
    w, h = grey.size
    px = int(w * margin_mm / (297 if w > h else 210))
    boxes = [(0, 0, px, h), (w - px, 0, w, h)]
    dark = total = 0
    for box in boxes:
        part = grey.crop(box)
        dark += sum(part.histogram()[:200])
        total += part.width * part.height
    return dark / total


def text_box(content: bytes, needle: str, page: int = 0) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in points of the first occurrence of ``needle`` on ``page``."""
    doc = pypdfium2.PdfDocument(content)
    try:
        textpage = doc[page].get_textpage()
        searcher = textpage.search(needle)
        found = searcher.get_next()
        assert found, f"{needle!r} not on page {page + 1}"
        index, count = found
        boxes = [textpage.get_charbox(i) for i in range(index, index + count)]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    finally:
        doc.close()
