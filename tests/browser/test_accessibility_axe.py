"""axe-core in Chromium: zero WCAG 2.1 A/AA violations on every public page, in the light
and the dark colour scheme, including the feedback form with errors."""

import pytest

from .conftest import PAGES

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_source):
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:3])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page(site, browser, axe_source, scheme):
    # axe is injected as an inline script, which the site's policy rightly forbids;
    # test_content_security_policy.py checks the policy itself.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    failures = {}
    for name, path in PAGES.items():
        page.goto(site.url(path))
        if found := axe_violations(page, axe_source):
            failures[name] = found
    # The feedback form, sent empty: errors shown and linked to their fields.
    page.goto(site.url("/de/barriere-melden/"))
    page.get_by_role("button", name="Meldung senden").click()
    page.wait_for_selector("#form-errors")
    if found := axe_violations(page, axe_source):
        failures["Barriere melden mit Fehlern"] = found
    context.close()
    assert not failures, failures
