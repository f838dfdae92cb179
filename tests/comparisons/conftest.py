import pytest


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rendered comparisons are cached; ids repeat between tests, so start each test empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def three(db):
    """Three analysed vendors, one of each profile: good, bad and middling."""
    from tests.factories import analysed_vendor

    return [
        analysed_vendor("Acme Learning", "good")[0],
        analysed_vendor("Badco Games", "bad")[0],
        analysed_vendor("Middling Maths", "middling")[0],
    ]
