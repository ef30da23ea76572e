"""Fixtures of the tests that start app servers or databases of their own, and of the
"Barriere melden" form."""

import pytest
from django.core.cache import cache

from kupferstadt.demo.loader import ensure_child
from kupferstadt.models import BarrierReportPage, SiteSettings


@pytest.fixture
def committed(transactional_db):
    """Data committed for other processes to see. The flush that ends a transactional
    test removes Wagtail's base rows; tests/conftest.py puts them back before each test."""


@pytest.fixture
def report_page(home, settings):
    """The form with its recipient, and no reports counted yet (rate limit, used tokens)."""
    cache.clear()
    settings.KUPFERSTADT_FORM_MIN_SECONDS = 3
    page, _ = ensure_child(home, BarrierReportPage, "barriere-melden", title="Barriere melden")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.accessibility_contact_email = "barrierefreiheit@stolberg.example"
    site_settings.barrier_report_page = page
    site_settings.save()
    return page
