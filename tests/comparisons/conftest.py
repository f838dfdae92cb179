import pytest


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rendered comparisons are cached; ids repeat between tests, so start each test empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
