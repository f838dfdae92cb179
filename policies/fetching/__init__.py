"""Fetch a policy page safely: public addresses only, bounded in time and size. No Django.

    from policies.fetching import fetch, FetchPolicy, FetchError, FetchRefused
"""

from ._addresses import is_public_address, parse_ip_literal
from ._fetch import FetchError, FetchPolicy, FetchRefused, FetchResult, fetch, validate_url

__all__ = [
    "FetchError",
    "FetchPolicy",
    "FetchRefused",
    "FetchResult",
    "fetch",
    "is_public_address",
    "parse_ip_literal",
    "validate_url",
]
