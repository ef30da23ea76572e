"""Fixtures of the "Angebot melden" and the partner feed tests."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from home.models import OfferSubmissionPage
from home.roles import APPROVERS
from kupferstadt.demo.loader import ensure_child

from . import feed_server


@pytest.fixture
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def approver(django_user_model, pinnwand):
    user = django_user_model.objects.create_user("freigabe", "sozialplanung@stolberg.example", "x")
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user


@pytest.fixture
def offer_page(home, pinnwand, approver, settings, fresh_rate_limit):
    settings.KUPFERSTADT_FORM_MIN_SECONDS = 3
    page, _ = ensure_child(home, OfferSubmissionPage, "angebot-melden", title="Angebot melden")
    return page


@pytest.fixture
def feeds():
    """A local HTTP server on 127.0.0.1 serving partner feeds (see feed_server.py)."""
    server = feed_server.start()
    yield server
    server.shutdown()
    server.server_close()
