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


def restore_wagtail_base():
    """Live-server tests commit their data and are flushed afterwards, which also removes
    the rows Wagtail's migrations create, and the set-up that ``post_migrate`` runs after
    the flush finds no root page. Put back what ``migrate`` leaves: the root page with
    the id 1 (Wagtail's page explorer takes page 1 for the root), the root collection,
    then the roles' page permissions and the languages, as after ``migrate``."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    from home.roles import setup_roles
    from kupferstadt.translation import ensure_languages

    if Page.objects.filter(depth=1).exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code="de")
    root = Page.add_root(
        instance=Page(
            title="Root",
            slug="root",
            locale=locale,
            content_type=ContentType.objects.get_for_model(Page),
        )
    )
    Page.objects.filter(pk=root.pk).update(id=1)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    setup_roles()
    ensure_languages()


@pytest.fixture(autouse=True)
def _wagtail_base(request):
    """Every test with a database starts from Wagtail's base rows, even when it runs
    after a live-server test in the same process (with pytest-xdist, in any order).
    They are put back committed, before the test's own transaction, so only the first
    test after a flush pays for it."""
    if request.node.get_closest_marker("django_db") is None and not (
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    ):
        return
    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        restore_wagtail_base()
    uses_transactions = {"transactional_db", "live_server"} & set(request.fixturenames)
    request.getfixturevalue("transactional_db" if uses_transactions else "db")


@pytest.fixture(autouse=True)
def _german_between_tests():
    """A request in another language leaves it active in the thread; start every test
    in German, the source language, as a management command would."""
    translation.activate("de")
    yield
    translation.activate("de")


@pytest.fixture(autouse=True)
def _empty_cache_between_tests():
    """The site frame lives in the cache under the page cache's generation, whatever the
    page cache's setting; the database rolls back after each test, so the cache (and the
    frame's per-process memo) must start empty too."""
    from django.core.cache import cache

    from kupferstadt import frame

    cache.clear()
    frame.forget()
    yield


@pytest.fixture
def page_cache(settings):
    """The page cache switched on (the test settings switch it off), empty before and
    after the test."""
    from django.core.cache import cache

    settings.KUPFERSTADT_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


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
