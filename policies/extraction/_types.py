"""Plain data for the extraction package: no Django, no ORM, no HTTP."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

FORMATS = ("pdf", "docx", "html", "text", "markdown")


class ExtractionError(Exception):
    """A document could not be turned into text.

    ``str(exc)`` is a sentence a school administrator understands, e.g.
    "This PDF has no extractable text: is it a scanned image?"
    """


@dataclass(frozen=True)
class ExtractionLimits:
    max_bytes: int = 20 * 1024 * 1024  # whole upload
    max_uncompressed_bytes: int = 100 * 1024 * 1024  # sum of zip entries / decoded PDF streams
    max_pages: int = 1000
    max_text_chars: int = 5_000_000
    min_text_chars: int = 200  # less than this is a failure, never an empty policy
    timeout_seconds: float = 60  # wall-clock limit for the isolated parser process
    memory_bytes: int = 512 * 1024 * 1024  # RLIMIT_AS for the isolated parser process
    # Extra knobs (defaults are fine for policies):
    max_zip_entries: int = 2000  # a real .docx has a few dozen parts
    max_compression_ratio: float = 200.0  # per zip entry, checked for entries over 1 MB
    isolate: bool = True  # parse PDF/DOCX/HTML in a resource-limited child process

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


DEFAULT_LIMITS = ExtractionLimits()


@dataclass(frozen=True)
class ExtractedDocument:
    text: str  # the analysed text; findings' offsets point into it
    format: str  # "pdf" | "docx" | "html" | "text" | "markdown"
    encoding: str | None  # for text formats: the encoding used to decode
    page_count: int | None
    warnings: tuple[str, ...] = ()  # human sentences

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["warnings"] = list(self.warnings)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ExtractedDocument:
        return cls(
            text=d["text"],
            format=d["format"],
            encoding=d.get("encoding"),
            page_count=d.get("page_count"),
            warnings=tuple(d.get("warnings") or ()),
        )


def human_size(n: int) -> str:
    """20971520 -> '20 MB'; 1536 -> '1.5 KB'."""
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) or value >= 10 else f"{value:.1f} {unit}"
    return f"{n} bytes"
