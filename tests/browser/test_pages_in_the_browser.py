"""What a citizen's browser does: no request to other hosts, no horizontal scrolling at
320 px, keyboard-only use, one printed A4 page."""

import re
from urllib.parse import urlsplit

from .conftest import PAGES


def test_no_request_leaves_the_site(site, browser):
    context = browser.new_context()
    page = context.new_page()
    own_host = urlsplit(site.base).netloc
    foreign = []
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).netloc not in (own_host, "")
            and not request.url.startswith("data:")
            and foreign.append(request.url)
        ),
    )
    for path in PAGES.values():
        page.goto(site.url(path))
        page.wait_for_load_state("networkidle")
    context.close()
    assert foreign == []


def test_no_horizontal_scrolling_at_320_px(site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    for name, path in PAGES.items():
        page.goto(site.url(path))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[name] = width
    context.close()
    assert too_wide == {}


def test_200_percent_zoom_needs_no_horizontal_scrolling(site, browser):
    # 200 % zoom of a 1280 px window lays out like a 640 px window at scale 2.
    context = browser.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    for path in ("/de/", "/de/pinnwand/", PAGES["Forum"], PAGES["Barriere melden"]):
        page.goto(site.url(path))
        assert page.evaluate("document.documentElement.scrollWidth") <= 640, path
    context.close()


def focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {tag: el.tagName, id: el.id, text: el.textContent.trim().slice(0, 80),
                    href: el.getAttribute('href') || '', inCard: !!el.closest('.card'),
                    outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px'};
        }"""
    )


def tab_until(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if predicate(element):
            return element
    raise AssertionError(f"nicht per Tastatur erreichbar (zuletzt: {focused(page)})")


def test_keyboard_walk_from_skip_link_to_filter_and_notice(site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.url("/de/pinnwand/"))
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Zum Inhalt springen" and skip["outline"]
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    topic = tab_until(page, lambda el: el["id"] == "id_topic")
    assert topic["outline"], "sichtbarer Fokus am Filter"
    page.keyboard.press("ArrowDown")  # choose a topic with the keyboard
    tab_until(page, lambda el: el["tag"] == "BUTTON" and el["text"] == "Anzeigen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "topic=" in page.url
    notice = tab_until(page, lambda el: el["tag"] == "A" and el["inCard"])
    assert notice["outline"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/de/pinnwand/[\w-]+/$", page.url)
    assert page.locator("h1").count() == 1
    context.close()


def test_no_keyboard_trap_on_the_form(site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.url("/de/barriere-melden/"))
    seen = []
    for _ in range(120):
        page.keyboard.press("Tab")
        seen.append(focused(page)["href"] or focused(page)["id"])
        if "/de/impressum/" in seen[-1]:
            break
    assert any("/de/impressum/" in item for item in seen), "Footer per Tab erreichbar"
    assert "id_website" not in seen, "Honeypot ist nicht per Tastatur erreichbar"
    context.close()


def test_printed_aushang_is_one_a4_page(site, browser):
    context = browser.new_context()
    page = context.new_page()
    for path in (
        "/de/pinnwand/save-the-date-forum-soziale-kupferstadt-2030/druckansicht/",
        "/de/veranstaltungen/fuenf-jahre-soziale-kupferstadt-2030/druckansicht/",
    ):
        page.goto(site.url(path))
        pdf = page.pdf(prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, path
    context.close()
