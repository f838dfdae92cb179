"""Document text extraction: bytes in, dataclasses out. No Django, no ORM, no HTTP.

from policies.extraction import extract_document, sniff_format, ExtractionError
"""

from ._runner import extract_document
from ._sniff import sniff_format
from ._types import DEFAULT_LIMITS, ExtractedDocument, ExtractionError, ExtractionLimits

__all__ = [
    "DEFAULT_LIMITS",
    "ExtractedDocument",
    "ExtractionError",
    "ExtractionLimits",
    "extract_document",
    "sniff_format",
]
