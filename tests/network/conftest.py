"""Fixtures for the network tests: the query fixture graph, the same graph with planted nodes
(an HTML-injection label, a shared institution, an institution bridging two provinces), and a
headless Chromium with a page session for the browser tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import launched_chromium, offline_route, record_page_errors

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "query" / "fixtures" / "mini.ttl"
PLANTED = Path(__file__).with_name("fixtures") / "planted.ttl"
SOURCE = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"
CHROMIUM = Path("/usr/bin/chromium")
PLANTED_CLUSTER = "https://w3id.org/clustergraph/id/cluster/planted-xss"
PLANTED_LABEL = "<script>alert(1)</script>宁波测试集群"
BRIDGE = "https://w3id.org/clustergraph/id/institution/planted-bridge"
NINGBO = "https://w3id.org/clustergraph/id/cluster/zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun"
HANGZHOU = "https://w3id.org/clustergraph/id/cluster/zhe-jiang-hang-zhou-shu-zi-an-fang-ji-qun"
TAILIANXI = (
    "https://w3id.org/clustergraph/id/cluster/"
    "tai-zhou-shi-lian-yun-gang-shi-wu-xi-shi-sheng-w-364c8e82"
)


@pytest.fixture(scope="session")
def mini() -> Path:
    """The hand-written fixture graph shared with the query tests."""
    return MINI


@pytest.fixture(scope="session")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """mini.ttl plus fixtures/planted.ttl, as one Turtle file."""
    out = tmp_path_factory.mktemp("planted") / "planted.ttl"
    shutil.copyfile(MINI, out)
    with out.open("a", encoding="utf-8") as handle:
        handle.write("\n" + PLANTED.read_text(encoding="utf-8"))
    return out


@pytest.fixture(scope="module")  # not session: one sync Playwright at a time per process
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with launched_chromium(CHROMIUM) as browser:
        yield browser


class Session:
    """One page plus what it did: console errors, dialogs, requests that left file://."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.blocked: list[str] = []
        self.page.on("console", self._console)
        record_page_errors(self.page, self.errors)
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", offline_route(self.blocked))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-ready='true']", timeout=15000)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning") or "Content Security Policy" in message.text:
            self.errors.append(f"{message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert self.blocked == []


@pytest.fixture(scope="module")
def page_file(graph: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML page of the requesting module's ``graph`` fixture."""
    from clustergraph.fileio import atomic_write_text
    from clustergraph.network.html import render_html
    from clustergraph.network.layout import positions

    out = tmp_path_factory.mktemp("viz") / "network.html"
    atomic_write_text(out, render_html(graph, positions(graph)))
    return out


@pytest.fixture()
def session(browser: Any, page_file: Path) -> Iterator[Session]:
    """A fresh page on ``page_file``, closed after the test."""
    session = Session(browser, page_file)
    yield session
    session.page.close()
