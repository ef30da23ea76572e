"""The Nu Html Checker (vnu.jar, run with the machine's Java): zero errors on every page."""

import json
import subprocess

from .conftest import PAGES


def test_vnu_reports_no_errors(site, browser, vnu, tmp_path):
    context = browser.new_context()
    files = {}
    for number, (name, path) in enumerate(PAGES.items()):
        html = context.request.get(site.url(path)).body()  # the bytes as served
        target = tmp_path / f"page{number}.html"
        target.write_bytes(html)
        files[str(target)] = name
    # The feedback form sent empty, with its error messages.
    page = context.new_page()
    page.goto(site.url(PAGES["Barriere melden"]))
    page.get_by_role("button", name="Meldung senden").click()
    page.wait_for_selector("#form-errors")
    target = tmp_path / "form-errors.html"
    target.write_text(page.content(), encoding="utf-8")
    files[str(target)] = "Barriere melden mit Fehlern"
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
