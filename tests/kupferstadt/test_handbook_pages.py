"""The German handbook in the admin: a page for every task of every role, each showing
pictures that exist in the repository with their alternative text, reached from the top of
the help menu."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.admin.menu import help_menu

from home.roles import APPROVERS, PARTNERS, setup_roles
from kupferstadt.handbook.pages import all_pages
from tests.factories import NoticePageFactory

STATIC_ROOT = Path(settings.BASE_DIR) / "kupferstadt" / "static"
MAX_PICTURE_BYTES = 150 * 1024

# The tasks of issue 19, role by role: (address, words the page's heading contains).
TASKS = {
    "redaktion": [
        ("aushang-anlegen", "Aushang anlegen"),
        ("aushang-anheften", "anheften"),
        ("aushang-befristen", "befristen"),
        ("aushang-verlaengern", "verlängern"),
        ("veranstaltung-anlegen", "Veranstaltung anlegen"),
        ("initiative-pflegen", "Initiative pflegen"),
        ("bilder-alternativtext", "Alternativtext"),
        ("angebotsmeldungen", "Angebotsmeldungen prüfen und übernehmen"),
        ("barriere-meldungen", "Barriere-Meldungen beantworten"),
        ("suchanfragen", "Suchempfehlungen anlegen"),
    ],
    "partner": [
        ("aushang-einreichen", "Aushang einreichen"),
        ("stand-der-freigabe", "Stand der Freigabe"),
        ("aenderungen-nach-rueckfrage", "Änderungen nach einer Rückfrage"),
    ],
    "freigabe": [
        ("pruefen", "prüfen"),
        ("freigeben", "freigeben"),
        ("zurueckweisen", "mit Kommentar zurückweisen"),
    ],
    "uebersetzung": [
        ("was-wartet", "Was auf Sie wartet"),
        ("seite-uebersetzen", "Seite übersetzen"),
        ("maschinelle-vorschlaege", "Maschinelle Vorschläge prüfen"),
        ("po-datei", "PO-Datei herunter- und hochladen"),
        ("uebersetzungsstand", "Übersetzungsstand lesen"),
    ],
}


class Pictures(HTMLParser):
    """The <img> of the handbook's article, and its <h1>."""

    def __init__(self):
        super().__init__()
        self.images, self.in_article, self.in_h1, self.heading = [], 0, False, ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "handbook" in (attrs.get("class") or ""):
            self.in_article += 1
        if tag == "img" and self.in_article:
            self.images.append(attrs)
        self.in_h1 = self.in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        if tag == "article" and self.in_article:
            self.in_article -= 1
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.in_h1:
            self.heading += data


@pytest.fixture
def partner(db, django_user_model):
    """Anybody with access to the admin reads the whole handbook; a partner has the least."""
    setup_roles()
    user = django_user_model.objects.create_user("partner", "partner@example.org", "x")
    user.groups.add(Group.objects.get(name=PARTNERS))
    return user


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = Pictures()
    parser.feed(response.content.decode())
    return response, parser


@pytest.mark.parametrize(
    "role, slug, heading",
    [(role, slug, heading) for role, tasks in TASKS.items() for slug, heading in tasks],
)
def test_every_task_has_a_page_linked_from_its_roles_overview(client, partner, role, slug, heading):
    client.force_login(partner)
    _response, page = read(client, f"/admin/handbuch/{slug}/")
    assert heading in page.heading
    overview, _parser = read(client, f"/admin/handbuch/{role}/")
    assert f'href="/admin/handbuch/{slug}/"' in overview.content.decode()


def test_the_index_leads_to_every_role(client, partner):
    client.force_login(partner)
    response, page = read(client, "/admin/handbuch/")
    assert page.heading.strip() == "Handbuch"
    for role in TASKS:
        assert f'href="/admin/handbuch/{role}/"' in response.content.decode()


def test_every_picture_shown_exists_has_alt_text_and_is_small(client, partner):
    client.force_login(partner)
    for handbook_page in all_pages():
        url = f"/admin/handbuch/{handbook_page.slug}/" if handbook_page.slug else "/admin/handbuch/"
        _response, page = read(client, url)
        shown = []
        for image in page.images:
            assert image.get("alt", "").strip(), f"{url}: Bild ohne Alternativtext"
            path = STATIC_ROOT / image["src"].removeprefix(settings.STATIC_URL)
            assert path.is_file(), f"{url}: {path} fehlt – make handbook"
            assert path.stat().st_size < MAX_PICTURE_BYTES, f"{path} ist zu groß"
            shown.append(path.stem)
        declared = [picture.name for picture in handbook_page.pictures]
        assert sorted(shown) == sorted(declared), url
        assert declared, f"{url}: keine Abbildung"


def test_an_unknown_handbook_page_is_not_found(client, partner):
    client.force_login(partner)
    assert client.get("/admin/handbuch/gibt-es-nicht/").status_code == 404


def test_help_menu_lists_the_german_handbook_first(partner):
    request = RequestFactory().get("/admin/")
    request.user = partner
    items = help_menu.menu_items_for_request(request)
    first = min(items, key=lambda item: item.order)
    assert (str(first.label), first.url) == ("Handbuch", "/admin/handbuch/")
    guide = next(item for item in items if item.name == "editor-guide")
    assert str(guide.label) == "Wagtail-Handbuch (englisch)"


def test_pictures_in_the_folder_are_all_used():
    """A picture nobody shows any more is deleted, not kept in the repository."""
    folder = STATIC_ROOT / "kupferstadt" / "handbook"
    declared = {picture.name for page in all_pages() for picture in page.pictures}
    present = {re.sub(r"\.png$", "", path.name) for path in folder.glob("*.png")}
    assert present == declared


@pytest.mark.parametrize(
    "address, slug",
    [
        ("/admin/snippets/home/offersubmission/", "angebotsmeldungen"),
        ("/admin/snippets/kupferstadt/barrierreport/", "barriere-meldungen"),
        ("/admin/suchanfragen/", "suchanfragen"),
        ("/admin/berichte/uebersetzungsstand/", "uebersetzungsstand"),
    ],
)
def test_lists_and_reports_have_a_help_link_to_their_page(admin_client, address, slug):
    html = admin_client.get(address).content.decode()
    link = re.search(rf'<a [^>]*href="/admin/handbuch/{slug}/"[^>]*>(.*?)</a>', html, re.S)
    assert link and "Hilfe" in link.group(1)


def test_dashboard_panel_has_a_help_link_to_its_page(client, partner, pinnwand, django_user_model):
    approver = django_user_model.objects.create_user("freigabe", "freigabe@example.org", "x")
    approver.groups.add(Group.objects.get(name=APPROVERS))
    notice = NoticePageFactory(parent=pinnwand, title="Nähcafé", owner=partner, live=False)
    notice.save_revision(user=partner)
    notice.get_workflow().start(notice, partner)
    client.force_login(approver)
    html = client.get("/admin/").content.decode()
    panel = html[html.index('id="pinnwand-zur-freigabe-section"') :]
    panel = panel[: panel.index("</section>")]
    assert 'href="/admin/handbuch/pruefen/"' in panel
    assert "Hilfe" in panel
