"""Decoding text files (.txt, .md) exactly as stored."""

from __future__ import annotations

import codecs
import contextlib
import unicodedata

from ._types import ExtractionError

# Non-ASCII characters we expect in English/Western-European text decoded as Windows-1252.
_WESTERN = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßœŒ“”‘’„–—…•€£¥¢©®™°§¶«»·×÷¡¿ªº½¼¾\u00a0")

_ENCODING_NAMES = {
    "utf_8": "UTF-8",
    "utf_8_sig": "UTF-8",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16",
    "utf_16_be": "UTF-16",
    "utf_32": "UTF-32",
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "latin_1": "ISO-8859-1",
    "iso8859_15": "ISO-8859-15",
    "mac_roman": "Mac Roman",
    "ascii": "ASCII",
}


def encoding_display_name(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name.replace("-", "_")
    except LookupError:
        return encoding
    return _ENCODING_NAMES.get(name, encoding.upper().replace("_", "-"))


def junk_ratio(text: str) -> float:
    """Share of characters that never appear in a real document (controls, U+FFFD, unassigned)."""
    if not text:
        return 0.0
    bad = 0
    for ch in text:
        if ch in "\t\n\r\f\v":
            continue
        if ch == "\ufffd":
            bad += 1
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cn", "Co", "Cs"):
            bad += 1
    return bad / len(text)


def looks_western_1252(data: bytes) -> str | None:
    """Return the Windows-1252 decode if it only yields plausible Western characters."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if non_ascii and all(ch in _WESTERN for ch in non_ascii):
        return text
    return None


def decode_text_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes that should be text. Returns (text, python codec name, warnings).

    UTF-8 is decoded exactly as stored (a UTF-8 BOM, CRLF and odd whitespace are kept), because
    offsets into the analysed text must point into the raw file text.
    Raises ExtractionError when the bytes are not text.
    """
    warnings: list[str] = []
    text: str | None = None
    encoding: str | None = None
    with contextlib.suppress(UnicodeDecodeError):
        text, encoding = data.decode("utf-8"), "utf-8"
    if text is None:
        for bom, enc in (
            (codecs.BOM_UTF32_LE, "utf-32"),
            (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"),
        ):
            if data.startswith(bom):
                with contextlib.suppress(UnicodeDecodeError):
                    text, encoding = data.decode(enc), enc
                break
    if text is None:
        western = looks_western_1252(data)
        if western is not None:
            text, encoding = western, "cp1252"
    if text is None:
        import charset_normalizer

        best = charset_normalizer.from_bytes(data[:2_000_000]).best()
        if best is not None:
            try:
                text, encoding = data.decode(best.encoding), best.encoding
            except (UnicodeDecodeError, LookupError):
                text = None
    if text is None or encoding is None:
        raise ExtractionError(
            "This file doesn't contain readable text: it looks like binary data. "
            "Please upload the policy as a PDF, Word (.docx), web page or plain text file."
        )
    if "\x00" in text or junk_ratio(text[:200_000]) > 0.01:
        raise ExtractionError(
            "This file doesn't contain readable text: it is full of control characters or binary data. "
            "Please upload the policy as a PDF, Word (.docx), web page or plain text file."
        )
    if encoding != "utf-8":
        warnings.append(f"Decoded as {encoding_display_name(encoding)}, not UTF-8.")
    return text, encoding, warnings
