"""PDF text extraction with pypdf. Meant to run inside the isolated child process."""

from __future__ import annotations

import io
import logging
import re
import warnings as pywarnings

from ._types import ExtractedDocument, ExtractionError, ExtractionLimits

TOO_BIG = (
    "This PDF expands to more data than we accept when it is opened, so we stopped reading it. "
    "Please export it again (for example 'Save as PDF' from your word processor) and upload that."
)
NO_TEXT = (
    "This PDF has no extractable text: is it a scanned image? Please upload a PDF exported from a word "
    "processor or web page, or the policy's web address instead."
)
DAMAGED = "This PDF is damaged or isn't a valid PDF file. Please download or export it again and re-upload it."
PROTECTED = "This PDF is password-protected. Please upload a copy without a password."

_BULLET = re.compile(r"^[ \t]*[•◦▪▫●○■□‣⁃∙·\uf0b7\uf0a7\uf0d8\uf076][ \t]*", re.MULTILINE)
_TRAILING_WS = re.compile(r"[ \t]+$", re.MULTILINE)


class _LimitLog(logging.Handler):
    """pypdf often logs (instead of raising) when it gives up on a stream; remember if a limit was hit."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.limit_hit = False
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if len(self.messages) < 50:
            self.messages.append(msg[:300])
        low = msg.lower()
        if "limit" in low or "maximum" in low or "too large" in low:
            self.limit_hit = True


def configure_pypdf(limits: ExtractionLimits) -> None:
    """Tighten pypdf's own decompression caps to our limits (pypdf >= 6 Configuration, older constants)."""
    cap = limits.max_uncompressed_bytes
    try:
        from pypdf import overwrite_configuration

        overwrite_configuration(
            zlib_maximum_output_length=cap,
            lzw_maximum_output_length=cap,
            run_length_maximum_output_length=cap,
            jbig2_maximum_output_length=cap,
            array_based_stream_maximum_output_length=cap,
            maximum_declared_stream_length=cap,
            image_maximum_buffer_size=cap,
            disable_legacy_handling=True,
        )
        return
    except (ImportError, TypeError):
        pass
    try:  # pypdf 5.x: module-level constants
        from pypdf import filters

        for name in ("ZLIB_MAX_OUTPUT_LENGTH", "LZW_MAX_OUTPUT_LENGTH", "MAX_DECLARED_STREAM_LENGTH"):
            if hasattr(filters, name):
                setattr(filters, name, cap)
    except ImportError:
        pass


def _clean_page(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _BULLET.sub("- ", text)
    text = _TRAILING_WS.sub("", text)
    return text.strip("\n")


def extract_pdf(data: bytes, limits: ExtractionLimits) -> ExtractedDocument:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

    configure_pypdf(limits)
    handler = _LimitLog()
    pypdf_logger = logging.getLogger("pypdf")
    pypdf_logger.addHandler(handler)
    pypdf_logger.propagate = False
    warnings: list[str] = []
    try:
        with pywarnings.catch_warnings():
            pywarnings.simplefilter("ignore")
            try:
                reader = PdfReader(io.BytesIO(data), strict=False)
            except LimitReachedError as exc:
                raise ExtractionError(TOO_BIG) from exc
            except (
                PyPdfError,
                ValueError,
                TypeError,
                KeyError,
                IndexError,
                AttributeError,
                AssertionError,
                RecursionError,
                OSError,
                EOFError,
            ) as exc:
                raise ExtractionError(DAMAGED) from exc

            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except DependencyError as exc:
                    raise ExtractionError(
                        "This PDF is encrypted with a method we can't open. Please upload an unprotected copy."
                    ) from exc
                except (PyPdfError, ValueError, TypeError, KeyError, NotImplementedError) as exc:
                    raise ExtractionError(PROTECTED) from exc
                if not ok:
                    raise ExtractionError(PROTECTED)

            try:
                page_count = len(reader.pages)
            except LimitReachedError as exc:
                raise ExtractionError(TOO_BIG) from exc
            except FileNotDecryptedError as exc:
                raise ExtractionError(PROTECTED) from exc
            except (
                PyPdfError,
                ValueError,
                TypeError,
                KeyError,
                IndexError,
                AttributeError,
                RecursionError,
                OSError,
                EOFError,
            ) as exc:
                raise ExtractionError(DAMAGED) from exc
            if page_count == 0:
                raise ExtractionError("This PDF has no pages.")
            if page_count > limits.max_pages:
                raise ExtractionError(
                    f"This PDF has {page_count:,} pages; we accept up to {limits.max_pages:,}. "
                    "Please upload just the privacy policy."
                )

            pages: list[str] = []
            failed: list[int] = []
            total = 0
            for number in range(page_count):
                try:
                    page_text = reader.pages[number].extract_text() or ""
                except LimitReachedError as exc:
                    raise ExtractionError(TOO_BIG) from exc
                except MemoryError:
                    raise
                except Exception:  # one bad page must not lose the whole policy
                    failed.append(number + 1)
                    page_text = ""
                page_text = _clean_page(page_text)
                total += len(page_text) + 2
                if total > limits.max_text_chars:
                    raise ExtractionError(
                        f"This PDF contains more than {limits.max_text_chars:,} characters of text, "
                        "which is too long for a privacy policy. Please upload just the policy."
                    )
                pages.append(page_text)
    finally:
        pypdf_logger.removeHandler(handler)

    text = "\n\n".join(p for p in pages if p.strip())
    if len(text.strip()) < limits.min_text_chars:
        if handler.limit_hit:
            raise ExtractionError(TOO_BIG)
        if failed and len(failed) == page_count:
            raise ExtractionError(DAMAGED)
        raise ExtractionError(NO_TEXT)
    if failed:
        shown = ", ".join(str(n) for n in failed[:10]) + ("…" if len(failed) > 10 else "")
        warnings.append(f"Some pages could not be read and were skipped (page {shown}).")
    if handler.limit_hit:
        warnings.append("Part of this PDF was too large to read and was skipped; the text may be incomplete.")
    blank = sum(1 for p in pages if not p.strip()) - len(failed)
    if blank > 0:
        warnings.append(f"{blank} of {page_count} pages had no text (they may be scanned images).")
    return ExtractedDocument(text=text, format="pdf", encoding=None, page_count=page_count, warnings=tuple(warnings))
