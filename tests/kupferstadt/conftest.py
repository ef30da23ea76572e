"""Fixtures of the tests that start app servers or databases of their own."""

import pytest

from ..conftest import restore_wagtail_base


@pytest.fixture
def committed(transactional_db):
    """Data committed for other processes to see. Transactional tests end with a flush,
    which also removes the rows Wagtail's migrations create; put those back first."""
    restore_wagtail_base()
