"""Deciding a document's format from its content (not its file name)."""

from __future__ import annotations

import io
import re
import zipfile

from ._text import decode_text_bytes
from ._types import ExtractionError

_ACCEPTED = "Please upload the policy as a PDF, Word (.docx), web page (.html) or plain text file."

_MIME_NAMES = {
    "image/png": "a PNG image",
    "image/jpeg": "a JPEG image",
    "image/gif": "a GIF image",
    "image/webp": "a WebP image",
    "image/tiff": "a TIFF image",
    "image/bmp": "a BMP image",
    "image/x-ms-bmp": "a BMP image",
    "image/heic": "a HEIC photo",
    "image/svg+xml": "an SVG image",
    "application/gzip": "a compressed (gzip) archive",
    "application/x-bzip2": "a compressed (bzip2) archive",
    "application/x-xz": "a compressed (xz) archive",
    "application/x-7z-compressed": "a 7-Zip archive",
    "application/x-rar": "a RAR archive",
    "application/vnd.rar": "a RAR archive",
    "application/x-tar": "a tar archive",
    "application/x-executable": "a program",
    "application/x-pie-executable": "a program",
    "application/x-sharedlib": "a program library",
    "application/x-dosexec": "a Windows program",
    "application/x-mach-binary": "a macOS program",
    "application/rtf": "a Rich Text Format (RTF) document",
    "text/rtf": "a Rich Text Format (RTF) document",
    "application/postscript": "a PostScript document",
    "application/vnd.oasis.opendocument.text": "an OpenDocument text file",
    "application/x-sqlite3": "a database file",
}

# Formats that look like text but are not policy documents we can read.
_REFUSED_TEXTLIKE = {"application/rtf", "text/rtf", "application/postscript", "image/svg+xml"}

_OOXML_OTHERS = {
    "xl/workbook.xml": "an Excel spreadsheet",
    "ppt/presentation.xml": "a PowerPoint presentation",
}

_HTML_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|base)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_FRAGMENT_START = re.compile(
    r"\A(?:\ufeff)?\s*<(p|div|h[1-6]|section|article|main|table|ul|ol|header|nav|span|style|script)\b[^>]*>",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|table|tr|td|span|a|section|article|body)\b", re.I)

_MD_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_MD_SETEXT = re.compile(r"^[^\n]*\S[^\n]*\r?\n {0,3}(?:=+|-{2,})[ \t]*\r?$", re.MULTILINE)
_MD_LINK = re.compile(r"\[[^\]\n]+\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)[^\n]+?(?<=\S)\1")
_MD_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_MD_TABLE = re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE)
_MD_LIST = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)


def markdown_score(text: str) -> int:
    """How strongly the content itself says 'Markdown'. 0 = no evidence; >= 3 = clearly Markdown."""
    sample = text[:500_000]
    score = 0
    headings = len(_MD_ATX.findall(sample))
    score += min(headings, 3) * 2 if headings else 0
    score += min(len(_MD_SETEXT.findall(sample)), 2) * 2
    score += min(len(_MD_LINK.findall(sample)), 3)
    score += min(len(_MD_EMPH.findall(sample)), 2)
    score += 3 if _MD_FENCE.search(sample) else 0
    score += 3 if _MD_TABLE.search(sample) else 0
    # Plain-text policies often use "- " or "1. " lists: weak evidence only.
    score += 1 if len(_MD_LIST.findall(sample)) >= 3 else 0
    return score


def _is_markdown_name(filename: str | None) -> bool:
    return bool(filename) and filename.lower().rsplit(".", 1)[-1] in ("md", "markdown", "mdown", "mkd")


def looks_like_html(text: str, mime: str | None) -> bool:
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    if _HTML_FRAGMENT_START.match(head) and len(_HTML_TAG.findall(text[:100_000])) >= 4:
        return markdown_score(text) < 3
    if mime in ("text/html", "application/xhtml+xml"):
        return len(_HTML_TAG.findall(text[:100_000])) >= 5 and markdown_score(text) < 3
    return False


def _magic_mime(data: bytes) -> tuple[str, str]:
    try:
        import magic

        sample = data[:262_144]
        return magic.from_buffer(sample, mime=True), magic.from_buffer(sample)
    except Exception:  # libmagic missing or confused: fall back to our own checks
        return "application/octet-stream", "unknown data"


def _describe(mime: str, description: str) -> str:
    if mime in _MIME_NAMES:
        return _MIME_NAMES[mime]
    major = mime.split("/", 1)[0]
    if major == "image":
        return "an image"
    if major == "audio":
        return "an audio file"
    if major == "video":
        return "a video file"
    if major == "font":
        return "a font file"
    if mime.startswith("application/vnd.ms-excel") or "spreadsheet" in mime:
        return "a spreadsheet"
    if "presentation" in mime or "powerpoint" in mime:
        return "a presentation"
    return ""


def _zip_format(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ExtractionError(
            "This file looks like a Word document or ZIP archive, but it is damaged or incomplete. "
            "Please re-save or re-download it and try again."
        ) from exc
    if "word/document.xml" in names:
        return "docx"
    for part, what in _OOXML_OTHERS.items():
        if part in names:
            raise ExtractionError(f"This file is {what}, not a policy document. {_ACCEPTED}")
    if "content.xml" in names and "mimetype" in names:
        raise ExtractionError(
            "This file is an OpenDocument file. Please save it as Word (.docx) or PDF and upload that."
        )
    raise ExtractionError(f"This file is a ZIP archive, not a policy document. {_ACCEPTED}")


def sniff_format(data: bytes, filename: str | None = None) -> str:
    """Return "pdf" | "docx" | "html" | "text" | "markdown", decided by content.

    The file name's extension only breaks a tie between plain text and Markdown.
    Raises ExtractionError (with a human sentence) for anything we can't read.
    """
    fmt, _ = _sniff(data, filename)
    return fmt


def _sniff(data: bytes, filename: str | None) -> tuple[str, tuple[str, str, list[str]] | None]:
    """Like sniff_format, but also returns the decoded text for text-like formats."""
    if not data:
        raise ExtractionError("This file is empty. Please check you chose the right file and try again.")
    if b"%PDF-" in data[:1024]:
        return "pdf", None
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _zip_format(data), None
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ExtractionError(
                "This Word document is password-protected. Please remove the password "
                "(or save an unprotected copy) and upload it again."
            )
        raise ExtractionError(
            "This is an older Microsoft Office file (.doc). Please open it and save it as Word (.docx) "
            "or PDF, then upload that."
        )
    mime, description = _magic_mime(data)
    if mime in ("application/pdf", "application/zip"):
        # libmagic found a PDF/ZIP signature we didn't accept above (e.g. data before the header).
        raise ExtractionError(
            "This file looks like a PDF or Word document but it is damaged. Please re-save it and try again."
        )
    name = _describe(mime, description)
    if mime in _REFUSED_TEXTLIKE or (name and not mime.startswith("text/")):
        raise ExtractionError(f"This file is {name or description}, not a policy document. {_ACCEPTED}")
    if not data.strip():
        raise ExtractionError("This file contains only blank space: there is no text to analyse.")
    try:
        decoded = decode_text_bytes(data)
    except ExtractionError:
        if mime.startswith("text/"):
            raise
        if name:
            raise ExtractionError(f"This file is {name}, not a policy document. {_ACCEPTED}") from None
        raise ExtractionError(
            f"We can't read this file: it isn't a PDF, Word document, web page or text file. {_ACCEPTED}"
        ) from None
    text = decoded[0]
    if looks_like_html(text, mime):
        return "html", decoded
    score = markdown_score(text)
    if score >= 3:
        return "markdown", decoded
    if score > 0 and _is_markdown_name(filename):
        return "markdown", decoded
    if score == 0 and _is_markdown_name(filename):
        # No evidence either way: plain prose saved as .md. The extension breaks the tie.
        return "markdown", decoded
    return "text", decoded
