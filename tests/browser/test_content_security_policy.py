"""Under the strict Content-Security-Policy every public page works in Chromium: the
browser blocks nothing, our own stylesheet and script still run."""

from .conftest import PAGES


def test_strict_policy_blocks_nothing_and_our_script_and_styles_run(site, browser):
    context = browser.new_context()
    page = context.new_page()
    reports = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and reports.append(message.text),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    for name, path in PAGES.items():
        response = page.goto(site.url(path))
        assert "'unsafe-inline'" not in response.headers["content-security-policy"], name
        page.wait_for_load_state("networkidle")
        styled = page.evaluate("[...document.styleSheets].some(sheet => sheet.cssRules.length > 0)")
        assert styled, f"{name}: Stylesheet nicht angewendet"
        if name != "Aushang gedruckt":
            # autocomplete.js ran: it adds the suggestion list to the search box.
            assert page.locator("#site-search-suggestions").count() == 1, name
    context.close()
    assert reports == []
