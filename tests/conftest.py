import pytest
from django.utils import translation

from kupferstadt.demo.loader import ensure_site

from .factories import (
    EventIndexPageFactory,
    PinnwandPageFactory,
    ProjectIndexPageFactory,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _german_between_tests():
    """A request in another language leaves it active in the thread; start every test
    in German, the source language, as a management command would."""
    translation.activate("de")
    yield
    translation.activate("de")


@pytest.fixture
def home(db):
    """The German home page as the default site's root, as the set-up creates it."""
    return ensure_site()


@pytest.fixture
def pinnwand(home):
    return PinnwandPageFactory(parent=home, slug="pinnwand")


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home, slug="veranstaltungen")


@pytest.fixture
def leitbild(home):
    return ProjectIndexPageFactory(parent=home, slug="soziale-kupferstadt-2030")


@pytest.fixture
def languages(home):
    """Every content language set up as ``migrate`` and the demo do it: locales, trees
    synchronised from German, translator groups with their tree. Pages created later get
    their aliases from ``synchronise_trees()``."""
    from wagtail.models import Locale

    from kupferstadt.translation import ensure_languages, synchronise_trees

    ensure_languages()
    synchronise_trees()
    ensure_languages()
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def translator(languages, django_user_model):
    """A member of "Übersetzung Englisch", as the set-up creates the group."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("uebersetzerin", password="geheim-geheim")
    user.groups.add(Group.objects.get(name="Übersetzung Englisch"))
    return user
