import logging

import pytest


@pytest.fixture
def security_log(caplog):
    """Records on ``policylens.security`` (which does not propagate to the root logger caplog watches)."""
    logger = logging.getLogger("policylens.security")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="policylens.security")
    yield caplog
    logger.removeHandler(caplog.handler)
