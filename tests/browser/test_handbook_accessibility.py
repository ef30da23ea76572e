"""The handbook's pages in the admin pass axe-core (WCAG 2.1 A/AA) and the Nu Html
Checker, like the public pages (test_accessibility_axe.py, test_html_validity.py)."""

import json
import subprocess

import pytest
from django.contrib.auth.models import Group

from home.roles import PARTNERS, setup_roles
from kupferstadt.handbook.pages import all_pages

from .test_accessibility_axe import axe_violations

PASSWORD = "handbuch-kennwort"


@pytest.fixture
def reader(transactional_db, live_server, django_user_model):
    """A partner (the least rights in the admin) logged in; ``reader.url(path)``."""
    setup_roles()
    user = django_user_model.objects.create_user("partner", "partner@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=PARTNERS))

    class Reader:
        @staticmethod
        def url(path):
            return live_server.url + path

    return Reader


def addresses():
    return {
        page.title: f"/admin/handbuch/{page.slug}/" if page.slug else "/admin/handbuch/"
        for page in all_pages()
    }


def logged_in(browser, reader, **options):
    context = browser.new_context(locale="de-DE", **options)
    page = context.new_page()
    page.goto(reader.url("/admin/login/"))
    page.fill("#id_username", "partner")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(reader.url("/admin/"))
    return context, page


def test_no_axe_violations_on_the_handbook_pages(reader, browser, axe_source):
    # axe comes as an inline script, which the admin's policy may forbid.
    context, page = logged_in(browser, reader, bypass_csp=True)
    failures = {}
    for title, path in addresses().items():
        assert page.goto(reader.url(path)).status == 200, path
        if found := axe_violations(page, axe_source):
            failures[title] = found
    context.close()
    assert not failures, failures


def test_vnu_reports_no_errors_on_the_handbook_pages(reader, browser, vnu, tmp_path):
    context, _page = logged_in(browser, reader)
    files = {}
    for number, (title, path) in enumerate(addresses().items()):
        target = tmp_path / f"handbuch{number}.html"
        response = context.request.get(reader.url(path))
        assert response.status == 200, path
        target.write_bytes(response.body())
        files[str(target)] = title
    context.close()
    result = subprocess.run(
        [*vnu, "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"{m.get('message')} «{m.get('extract', '')}»"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors)
