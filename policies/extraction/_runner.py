"""extract_document(): size check, sniffing, then parsing (PDF/DOCX/HTML in a resource-limited child)."""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from ._sniff import _sniff
from ._types import DEFAULT_LIMITS, ExtractedDocument, ExtractionError, ExtractionLimits, human_size

logger = logging.getLogger(__name__)

_LABELS = {"pdf": "PDF", "docx": "Word document", "html": "web page", "text": "text file", "markdown": "text file"}
_SURROGATES = re.compile("[\ud800-\udfff]")
#: The package root that must be importable in the child (the directory holding ``policies/``).
_PROJECT_ROOT = str(Path(__file__).resolve().parents[2])
EXIT_MEMORY = 3


def _too_big(fmt: str, limits: ExtractionLimits) -> ExtractionError:
    if fmt == "pdf":
        from ._pdf import TOO_BIG

        return ExtractionError(TOO_BIG)
    if fmt == "docx":
        from ._docx import _bomb

        return _bomb(limits)
    return ExtractionError(
        f"This {_LABELS.get(fmt, 'file')} needs more memory to read than we allow, so we stopped reading it. "
        "Please upload a smaller or simpler copy (for example a PDF of just the policy)."
    )


def _too_slow(fmt: str, limits: ExtractionLimits) -> ExtractionError:
    return ExtractionError(
        f"This {_LABELS.get(fmt, 'file')} took too long to read (more than {limits.timeout_seconds:g} seconds), "
        "so we stopped. Please upload a simpler copy, for example a PDF exported from a word processor."
    )


def _unreadable(fmt: str) -> ExtractionError:
    return ExtractionError(
        f"We couldn't read this {_LABELS.get(fmt, 'file')}: it may be damaged or use features we don't support. "
        "Please export or save it again (PDF or .docx) and re-upload it."
    )


def _clean(doc: ExtractedDocument) -> ExtractedDocument:
    """Text that will be stored in Postgres: no NULs, no lone surrogates."""
    text = doc.text.replace("\x00", "")
    text = _SURROGATES.sub("\ufffd", text)
    if text == doc.text:
        return doc
    return ExtractedDocument(text, doc.format, doc.encoding, doc.page_count, doc.warnings)


def parse_in_process(fmt: str, data: bytes, limits: ExtractionLimits) -> ExtractedDocument:
    """Parse a binary/markup format in this process. Used by the child, and directly when isolate=False."""
    if fmt == "pdf":
        from ._pdf import extract_pdf

        return _clean(extract_pdf(data, limits))
    if fmt == "docx":
        from ._docx import extract_docx

        return _clean(extract_docx(data, limits))
    if fmt == "html":
        from ._html import extract_html

        return _clean(extract_html(data, limits))
    raise ExtractionError("This file type can't be read here.")


def _child_command(fmt: str, limits: ExtractionLimits) -> list[str]:
    python = os.environ.get("POLICYLENS_EXTRACTION_PYTHON") or sys.executable
    return [python, "-m", "policies.extraction._isolated", fmt, json.dumps(limits.to_dict())]


def run_isolated(fmt: str, data: bytes, limits: ExtractionLimits) -> ExtractedDocument:
    """Parse in a child process limited by RLIMIT_AS/RLIMIT_CPU and a wall-clock timeout.

    subprocess, not multiprocessing: the caller may be a daemonic Celery prefork child.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = _PROJECT_ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["MALLOC_ARENA_MAX"] = "2"  # fewer malloc arenas: less address space reserved under RLIMIT_AS
    env["PYTHONIOENCODING"] = "utf-8"
    try:
        proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
            _child_command(fmt, limits),
            input=data,
            capture_output=True,
            timeout=limits.timeout_seconds,
            env=env,
            cwd=_PROJECT_ROOT,
            start_new_session=True,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:  # subprocess.run has already killed the child
        raise _too_slow(fmt, limits) from exc
    except OSError as exc:
        logger.exception("could not start the extraction child process")
        raise ExtractionError(
            "We couldn't read this file because of a problem on our side. Please try again later."
        ) from exc

    stderr_tail = proc.stderr[-2000:].decode("utf-8", "replace")
    result = None
    if proc.stdout:
        try:
            result = json.loads(proc.stdout)
        except ValueError:
            result = None
    if result is not None:
        if result.get("ok"):
            return ExtractedDocument.from_dict(result["document"])
        kind = result.get("kind")
        if kind == "extraction":
            raise ExtractionError(result["error"])
        if kind == "memory":
            raise _too_big(fmt, limits)
        logger.warning("extraction child failed (%s): %s", kind, result.get("error"))
        raise _unreadable(fmt)
    rc = proc.returncode
    if rc == EXIT_MEMORY or "MemoryError" in stderr_tail:
        raise _too_big(fmt, limits)
    if rc in (-signal.SIGXCPU, -signal.SIGKILL):
        # CPU limit, or the kernel's OOM killer: either way the document is too expensive to read.
        raise _too_slow(fmt, limits) if rc == -signal.SIGXCPU else _too_big(fmt, limits)
    logger.warning("extraction child exited with %s: %s", rc, stderr_tail)
    raise _unreadable(fmt)


def _finish(doc: ExtractedDocument, limits: ExtractionLimits) -> ExtractedDocument:
    label = _LABELS.get(doc.format, "file")
    if len(doc.text) > limits.max_text_chars:
        raise ExtractionError(
            f"This {label} contains {len(doc.text):,} characters of text; we accept up to "
            f"{limits.max_text_chars:,}. Please upload just the privacy policy."
        )
    stripped = len(doc.text.strip())
    if stripped < limits.min_text_chars:
        raise ExtractionError(
            f"This {label} contains too little text to be a privacy policy ({stripped} characters; we need at "
            f"least {limits.min_text_chars}). Please check you uploaded the whole policy."
        )
    return doc


def extract_document(
    data: bytes, filename: str | None = None, limits: ExtractionLimits = DEFAULT_LIMITS
) -> ExtractedDocument:
    """Turn an uploaded document into the text the analyser reads.

    Text and Markdown files are returned exactly as stored (decoded), so offsets point into the raw file
    text. PDF, DOCX and HTML are reduced to plain text that keeps headings, numbered clauses, list items
    ("- ") and table rows (" | "). Every failure is an ExtractionError whose message is a human sentence.
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError("extract_document() needs the file's bytes")
    if len(data) > limits.max_bytes:
        raise ExtractionError(
            f"This file is larger than the {human_size(limits.max_bytes)} limit. "
            "Please upload a smaller file, for example just the privacy policy."
        )
    fmt, decoded = _sniff(data, filename)
    if fmt in ("text", "markdown"):
        assert decoded is not None
        text, encoding, warnings = decoded
        return _finish(
            ExtractedDocument(text=text, format=fmt, encoding=encoding, page_count=None, warnings=tuple(warnings)),
            limits,
        )
    if fmt == "docx":
        from ._docx import check_docx_zip

        check_docx_zip(data, limits)  # cheap central-directory check before spending a process on it
    if limits.isolate:
        doc = run_isolated(fmt, data, limits)
    else:
        try:
            doc = parse_in_process(fmt, data, limits)
        except ExtractionError:
            raise
        except MemoryError as exc:
            raise _too_big(fmt, limits) from exc
        except Exception as exc:  # a parser bug must still reach the user as a sentence
            logger.warning("in-process %s extraction crashed: %r", fmt, exc)
            raise _unreadable(fmt) from exc
    return _finish(doc, limits)
