"""A partner writes a notice and submits it; the Sozialplanung approves it in the admin;
the notice then hangs on the Pinnwand."""

import pytest

from home.models import NoticePage, PinnwandPage
from home.roles import ensure_dev_accounts, setup_roles
from kupferstadt.demo.loader import ensure_child, ensure_site

PASSWORD = "browser-test-kennwort"


@pytest.fixture
def site(transactional_db, live_server):
    """Just the home page and the Pinnwand (the full demo is not needed here)."""
    setup_roles()
    ensure_child(ensure_site(), PinnwandPage, "pinnwand", title="Pinnwand")
    ensure_dev_accounts(PASSWORD)

    class Site:
        @staticmethod
        def url(path):
            return live_server.url + path

    return Site


def log_in(browser, site, username):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(site.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(site.url("/admin/"))
    return context, page


def test_partner_submits_approver_approves_notice_hangs(site, browser):
    pinnwand = PinnwandPage.objects.get(slug="pinnwand", locale__language_code="de")

    context, page = log_in(browser, site, "partner")
    page.goto(site.url(f"/admin/pages/add/home/noticepage/{pinnwand.pk}/"))
    page.fill("#id_title", "Nähcafé im Frankentaler Hof")
    page.fill("#id_teaser", "Jeden Mittwoch gemeinsam nähen und flicken.")
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="In Freigabe Pinnwand einreichen").click()
    page.wait_for_url(lambda url: "/add/" not in url, timeout=10_000)
    notice = NoticePage.objects.get(title="Nähcafé im Frankentaler Hof", locale__language_code="de")
    assert notice.workflow_in_progress and not notice.live and notice.owner.username == "partner"
    context.close()

    context, page = log_in(browser, site, "freigabe")
    page.get_by_role("link", name="Nähcafé im Frankentaler Hof").first.click()
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).click()
    page.wait_for_load_state("networkidle")
    context.close()

    citizen = browser.new_page()
    citizen.goto(site.url("/de/pinnwand/"))
    assert "Nähcafé im Frankentaler Hof" in citizen.content()
    citizen.close()
