"""The generated site in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Every request that is not ``file://`` is aborted and recorded, and every console error is
recorded; each test ends by asserting that there were none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitehelpers import CHROMIUM, NINGBO_PAGE, chromium_missing

from tests.browser_support import launched_chromium, offline_route, record_page_errors

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium_missing() is not None, reason=str(chromium_missing())),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = str(CHROMIUM) if CHROMIUM.is_file() else "chromium"
    with launched_chromium(executable) as browser:
        yield browser


class Visit:
    """A page in a fresh context that records console errors and outside requests."""

    def __init__(self, browser, root: Path) -> None:
        self.root = root
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.visited: list[str] = []
        self.context.route("**/*", offline_route(self.blocked))
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        record_page_errors(self.page, self.errors)
        self.page.on("framenavigated", lambda frame: self.visited.append(frame.url))

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url', '')})")

    def url(self, path: str) -> str:
        return (self.root / path.split("#")[0]).as_uri() + (
            "#" + path.split("#", 1)[1] if "#" in path else ""
        )

    def goto(self, path: str):
        self.page.goto(self.url(path))
        self.page.wait_for_load_state("load")
        return self.page


@pytest.fixture
def visit(browser, site) -> Iterator[Visit]:
    out, _ = site
    visit = Visit(browser, out)
    yield visit
    visit.context.close()
    assert not visit.blocked, f"requests left the machine: {visit.blocked[:5]}"
    assert not visit.errors, f"console errors: {visit.errors[:5]}"
    assert visit.visited, "no page was visited"


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "#clusters tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.href)"
    )


def test_navigation_index_cluster_institution_region(visit: Visit) -> None:
    page = visit.goto("index.html")
    page.get_by_role("link", name="浙江宁波磁性材料集群", exact=True).click()
    page.wait_for_load_state("load")
    assert page.url.endswith(NINGBO_PAGE)
    assert page.locator("h1").inner_text() == "浙江宁波磁性材料集群"
    page.locator("table a[href*='/institution/']").first.click()
    page.wait_for_load_state("load")
    assert "/id/institution/" in page.url
    assert page.locator("p.kind").inner_text().startswith("机构")
    page.locator("dd a[href*='/cluster/']").first.click()
    page.wait_for_load_state("load")
    assert "/id/cluster/" in page.url
    page.locator("dd a[href*='/region/']").first.click()
    page.wait_for_load_state("load")
    assert re.search(r"/id/region/\d{6}\.html$", page.url)
    assert re.fullmatch(r"\d{6}", page.locator("dd code").first.inner_text())
    assert page.locator("figure.map svg[role=img]").count() == 1


def test_index_search_filters_and_sorting(visit: Visit, store) -> None:
    from sitehelpers import CG, select

    page = visit.goto("index.html")
    assert len(visible_rows(page)) == 20
    search = page.locator("#q")
    for query in ("宁波", "ningbo", "Ning Bo", "níngbō"):
        search.fill(query)
        assert visible_rows(page) == [NINGBO_PAGE], query
        assert page.locator("#count-n").inner_text() == "1"
    search.fill("宁波")
    assert page.locator("#others-list li").count() >= 1  # institutions named 宁波…
    search.fill("")
    zhejiang = select(
        store,
        f"SELECT DISTINCT ?c WHERE {{ ?c <{CG}province> "
        "<https://w3id.org/clustergraph/id/region/330000> }",
    )
    page.select_option("#f-province", "330000")
    assert len(visible_rows(page)) == len(zhejiang) == 5
    page.select_option("#f-status", "Listed")
    listed = visible_rows(page)
    assert NINGBO_PAGE in listed and len(listed) < 5
    page.click("#reset")
    assert len(visible_rows(page)) == 20

    header = page.locator("#clusters th[data-key=case]")
    header.locator("button").focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    cases = page.eval_on_selector_all(
        "#clusters tbody tr", "rows => rows.map(r => Number(r.cells[5].textContent))"
    )
    assert cases == sorted(cases)
    page.keyboard.press("Space")
    assert header.get_attribute("aria-sort") == "descending"


def quote_for(page, anchor: str) -> str:
    return page.eval_on_selector(
        f'[cite$="source.html#{anchor}"]', "element => element.textContent"
    )


def highlighted(page) -> str:
    return page.eval_on_selector_all(
        "#source-text mark.hl", "marks => marks.map(m => m.textContent).join('')"
    )


def test_evidence_links_highlight_exactly_the_quote(visit: Visit) -> None:
    page = visit.goto(NINGBO_PAGE)
    hrefs = page.eval_on_selector_all(
        "a.ev-link", "links => links.map(a => a.getAttribute('href'))"
    )
    anchors = list(dict.fromkeys(h.split("#", 1)[1] for h in hrefs))
    assert len(anchors) >= 5
    quotes = {anchor: quote_for(page, anchor) for anchor in anchors}

    page.locator("a.ev-link").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"source.html#{anchors[0]}")
    page.wait_for_selector("#source-text mark.hl")
    assert highlighted(page) == quotes[anchors[0]]
    assert page.locator("#ev-panel").is_visible()

    for anchor in anchors[1:]:
        page.evaluate(f"window.location.hash = '{anchor}'")
        page.wait_for_function(
            "key => document.querySelector('#source-text mark.hl') && "
            "document.querySelector('#source-text mark.hl').dataset.ev.split(' ').includes(key)",
            arg=anchor.removeprefix("ev-"),
        )
        assert highlighted(page) == quotes[anchor], anchor


def test_language_switch_changes_interface_text_and_persists(visit: Visit) -> None:
    page = visit.goto("index.html")
    nav = page.locator("header nav a[data-i18n='nav.clusters']")
    assert nav.inner_text() == "集群"
    assert page.evaluate("document.documentElement.lang") == "zh"
    page.click("#lang-switch")
    assert nav.inner_text() == "Clusters"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("#q").get_attribute("placeholder").startswith("e.g.")
    assert page.locator("h1").inner_text().startswith("Advanced manufacturing clusters")
    # a data label keeps its own language
    assert page.locator("#clusters tbody td:first-child > a[lang=zh]").count() == 20
    page = visit.goto(NINGBO_PAGE)
    assert page.locator("h2#h-measures").inner_text().startswith("Measures")
    page.click("#lang-switch")
    assert page.locator("h2#h-measures").inner_text().startswith("主要做法")


PAGES = [
    "index.html",
    NINGBO_PAGE,
    "id/region/330000.html",
    "id/institution/gong-ye-he-xin-xi-hua-bu.html",
    "id/eli/cn-32/szf/2018/86.html",
    "id/industry/xin-cai-liao.html",
    "institutions.html",
    "regions.html",
    "policies.html",
    "competition.html",
    "network.html",
    "queries/index.html",
    "source.html",
]


def test_every_page_kind_loads_offline_without_errors(visit: Visit) -> None:
    for path in PAGES:
        page = visit.goto(path)
        assert page.locator("main#main").count() == 1, path
        assert page.locator("a.skip[href='#main']").count() == 1, path
        svgs = page.locator("main svg[role=img]")
        for index in range(svgs.count()):
            assert svgs.nth(index).get_attribute("aria-labelledby"), path
    page = visit.goto("network.html")
    frame = page.frame_locator("figure.network iframe")
    frame.locator("body").wait_for()
    page.wait_for_timeout(500)  # let the embedded vis-network page run its scripts


def test_sortable_headers_are_reachable_by_keyboard(visit: Visit) -> None:
    page = visit.goto("index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    focused = []
    for _ in range(30):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.closest('th')?.dataset.key || ''"))
    assert "name" in focused and "case" in focused


def test_the_offline_and_console_guards_do_catch_problems(visit: Visit) -> None:
    page = visit.goto("network.html")
    frame = page.frame_locator("figure.network iframe")
    frame.locator("body").evaluate("() => console.error('probe from the embedded page')")
    page.evaluate(
        "() => { const i = document.createElement('img');"
        " i.src = 'http://example.invalid/x.png'; document.body.appendChild(i); }"
    )
    page.wait_for_timeout(300)
    assert any("example.invalid" in url for url in visit.blocked)
    assert any("probe from the embedded page" in error for error in visit.errors)
    visit.blocked.clear()
    visit.errors.clear()
