"""Fixtures over the document builders in tests/documents.py."""

from __future__ import annotations

from dataclasses import replace

import pytest

from policies.extraction import DEFAULT_LIMITS
from tests.documents import (  # noqa: F401 — re-exported for the tests in this folder
    POLICY_SENTENCES,
    build_docx,
    build_docx_bomb,
    build_pdf,
    build_png,
    flate_zeros,
    forge_zip_sizes,
    rezip,
)


@pytest.fixture
def limits_inproc():
    return replace(DEFAULT_LIMITS, isolate=False)


@pytest.fixture(scope="session")
def policy_docx() -> bytes:
    return build_docx()


@pytest.fixture(scope="session")
def builders():
    class B:
        pdf = staticmethod(build_pdf)
        png = staticmethod(build_png)
        docx = staticmethod(build_docx)
        rezip = staticmethod(rezip)
        docx_bomb = staticmethod(build_docx_bomb)
        forge_zip_sizes = staticmethod(forge_zip_sizes)
        flate_zeros = staticmethod(flate_zeros)
        sentences = POLICY_SENTENCES

    return B
