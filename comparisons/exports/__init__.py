"""Exports for procurement: the comparison as CSV and PDF, and a DPIA starter per vendor.

Pure builders: plain dataclasses (:mod:`.model`) in, bytes out; no ORM, no HTTP. :mod:`.source`
turns loaded comparison columns into that plain data; the views are in ``comparisons.export_views``.
"""

from .csv_export import comparison_csv, safe_cell
from .dpia import build_dpia
from .pdf import comparison_pdf, dpia_pdf

__all__ = ["build_dpia", "comparison_csv", "comparison_pdf", "dpia_pdf", "safe_cell"]
