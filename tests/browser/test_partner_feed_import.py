"""The Redaktion registers a partner's RSS feed and fetches it; the Sozialplanung finds the
drafts under "Zur Freigabe", approves one, and it hangs on the Pinnwand naming its
source."""

import pytest

from home.models import PartnerFeed, PinnwandPage
from home.roles import ensure_dev_accounts, setup_roles
from kupferstadt.demo.loader import ensure_child, ensure_site
from kupferstadt.models import Organisation

from ..home import feed_samples, feed_server
from .test_partner_workflow import PASSWORD, log_in


@pytest.fixture
def site(transactional_db, live_server):
    setup_roles()
    ensure_child(ensure_site(), PinnwandPage, "pinnwand", title="Pinnwand")
    ensure_dev_accounts(PASSWORD)
    Organisation.objects.create(name="AWO Stolberg", url="https://awo.example/")

    class Site:
        @staticmethod
        def url(path):
            return live_server.url + path

    return Site


@pytest.fixture
def partner_server():
    server = feed_server.start()
    yield server
    server.shutdown()
    server.server_close()


def test_editor_imports_a_feed_approver_approves_it_hangs_with_source(
    site, browser, partner_server
):
    feed_url = partner_server.serve("/aktuelles.rss", feed_samples.rss())

    context, page = log_in(browser, site, "redaktion")
    page.goto(site.url("/admin/snippets/home/partnerfeed/add/"))
    page.get_by_role("button", name="Organisation auswählen").click()
    page.get_by_role("link", name="AWO Stolberg").click()
    page.fill("#id_url", feed_url)
    page.check("#id_allow_http")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(lambda url: "/add/" not in url)
    feed = PartnerFeed.objects.get()

    page.get_by_role("link", name="Jetzt abrufen").click()
    page.get_by_role("button", name="Jetzt abrufen").click()
    page.wait_for_url(lambda url: "/abrufen/" not in url)
    assert "2 neu" in page.content()
    context.close()
    feed.refresh_from_db()
    assert feed.count_new == 2 and feed.last_error == ""

    context, page = log_in(browser, site, "freigabe")
    panel = page.locator("section", has_text="Zur Freigabe").last
    assert "Schuldnerberatung" in panel.inner_text()
    assert "Sprechstunde & Beratung für Seniorinnen" in panel.inner_text()
    page.get_by_role("link", name="Schuldnerberatung").first.click()
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).click()
    page.wait_for_load_state("networkidle")
    context.close()

    citizen = browser.new_page()
    citizen.goto(site.url("/de/pinnwand/"))
    assert "Schuldnerberatung" in citizen.content()
    assert "Sprechstunde" not in citizen.content()  # still waiting for approval
    citizen.get_by_role("link", name="Schuldnerberatung").first.click()
    facts = citizen.locator("aside.facts").inner_text()
    assert "Quelle" in facts and "AWO Stolberg, Original ansehen" in facts
    original = citizen.get_by_role("link", name="Original ansehen")
    assert original.get_attribute("href") == "https://awo.example/aktuelles/schulden"
    citizen.close()
