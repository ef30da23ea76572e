"""Fixtures of the tests that start app servers or databases of their own."""

import pytest


@pytest.fixture
def committed(transactional_db):
    """Data committed for other processes to see. The flush that ends a transactional
    test removes Wagtail's base rows; tests/conftest.py puts them back before each test."""
