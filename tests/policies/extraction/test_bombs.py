"""Decompression bombs must be refused without taking the worker's memory."""

import resource
import time
from dataclasses import replace

import pytest

from policies.extraction import DEFAULT_LIMITS, ExtractionError, extract_document

GB = 1024**3
MAX_GROWTH_KB = 200 * 1024  # the test process may grow by less than ~200 MB


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux


@pytest.fixture(scope="module")
def pdf_bomb(builders):
    zeros = builders.flate_zeros(1 * GB)  # ~1 MB on disk, 1 GB when inflated
    assert len(zeros) < 2 * 1024 * 1024
    return builders.pdf([], raw_streams=[zeros])


@pytest.fixture(scope="module")
def docx_bomb(builders, policy_docx):
    return builders.docx_bomb(policy_docx, 400 * 1024 * 1024)  # document.xml of 400 MB


def test_pdf_bomb_is_refused_and_memory_stays_bounded(pdf_bomb):
    before = _peak_kb()
    start = time.monotonic()
    with pytest.raises(ExtractionError, match="expands to more data than we accept"):
        extract_document(pdf_bomb, "bomb.pdf")
    assert time.monotonic() - start < 30
    assert _peak_kb() - before < MAX_GROWTH_KB


def test_pdf_bomb_is_stopped_by_rlimit_when_pypdf_caps_are_lifted(pdf_bomb):
    """Even if pypdf would inflate the whole gigabyte, RLIMIT_AS in the child stops it."""
    before = _peak_kb()
    limits = replace(DEFAULT_LIMITS, max_uncompressed_bytes=4 * GB, memory_bytes=256 * 1024 * 1024)
    with pytest.raises(ExtractionError, match="expands to more data than we accept"):
        extract_document(pdf_bomb, "bomb.pdf", limits)
    assert _peak_kb() - before < MAX_GROWTH_KB
    child_peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert child_peak_kb < 600 * 1024


def test_pdf_bomb_in_process_is_capped_by_pypdf_configuration(pdf_bomb):
    before = _peak_kb()
    limits = replace(DEFAULT_LIMITS, isolate=False, max_uncompressed_bytes=20 * 1024 * 1024)
    with pytest.raises(ExtractionError, match="expands to more data than we accept"):
        extract_document(pdf_bomb, "bomb.pdf", limits)
    assert _peak_kb() - before < MAX_GROWTH_KB


def test_docx_bomb_is_small_on_disk(docx_bomb):
    assert len(docx_bomb) < 2 * 1024 * 1024


@pytest.mark.parametrize("isolate", [True, False], ids=["isolated", "in-process"])
def test_docx_bomb_is_refused_without_expanding(docx_bomb, isolate):
    before = _peak_kb()
    start = time.monotonic()
    with pytest.raises(ExtractionError, match="expands to more than 100 MB"):
        extract_document(docx_bomb, "bomb.docx", replace(DEFAULT_LIMITS, isolate=isolate))
    assert time.monotonic() - start < 2  # refused from the central directory, nothing inflated
    assert _peak_kb() - before < MAX_GROWTH_KB


def test_docx_bomb_with_forged_small_sizes_is_refused(builders, policy_docx):
    bomb = builders.docx_bomb(policy_docx, 150 * 1024 * 1024)
    forged = builders.forge_zip_sizes(bomb, "word/document.xml", 50_000)
    before = _peak_kb()
    with pytest.raises(ExtractionError, match="damaged|expands"):
        extract_document(forged, "bomb.docx", replace(DEFAULT_LIMITS, isolate=False))
    assert _peak_kb() - before < MAX_GROWTH_KB


def test_docx_high_ratio_entry_is_refused(builders, policy_docx):
    bomb = builders.docx_bomb(policy_docx, 30 * 1024 * 1024)  # under the size cap, ~1000:1 ratio
    with pytest.raises(ExtractionError, match="expands"):
        extract_document(bomb, "bomb.docx")


def test_central_directory_check_alone_refuses_the_bomb(docx_bomb):
    from policies.extraction._docx import check_docx_zip

    with pytest.raises(ExtractionError, match="expands"):
        check_docx_zip(docx_bomb, DEFAULT_LIMITS)


def test_central_directory_check_accepts_a_normal_docx(policy_docx):
    from policies.extraction._docx import check_docx_zip

    check_docx_zip(policy_docx, DEFAULT_LIMITS)  # no exception
