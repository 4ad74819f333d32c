"""The ``industry-division`` edge kind on the HTML page: legend, edge-kind filter, detail panel.

Same offline Chromium session as test_browser.py, on the cluster-cluster network of
fixtures/divisions.ttl (two clusters sharing divisions C34 and C38, a third one alone).
"""

from __future__ import annotations

import networkx as nx
import pytest

from clustergraph.network import project
from tests.network.conftest import Session
from tests.network.test_divisions import APPLIANCES, DIVISIONS

pytestmark = pytest.mark.slow

KIND = "行业大类 GB/T 4754 division"


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    return project("cluster-cluster", DIVISIONS)


def test_legend_and_edge_kind_filter(session: Session) -> None:
    page = session.page
    assert KIND in page.text_content("#legend")
    options = page.locator("#filter-relation label").all_text_contents()
    assert [o.strip() for o in options] == [f"{KIND} (1)"]
    status = page.locator("#status")
    assert status.get_attribute("data-shown-edges") == "1"
    page.uncheck("#filter-relation input[value='industry-division']")
    assert status.get_attribute("data-shown-edges") == "0"
    assert status.get_attribute("data-shown-nodes") == "3"  # the kind filter hides edges only
    assert page.evaluate("clustergraphViewer.edges.get({filter: e => e.hidden}).length") == 1
    page.check("#filter-relation input[value='industry-division']")
    assert status.get_attribute("data-shown-edges") == "1"
    session.clean()


def test_detail_panel_names_the_shared_divisions(session: Session) -> None:
    page = session.page
    page.evaluate("(id) => clustergraphViewer.select(id)", APPLIANCES)
    page.wait_for_selector("#details:not([hidden])")
    assert page.text_content("#detail-label") == "测试电器集群"
    item = page.locator("#neighbours > li").first
    assert item.locator("button").text_content() == "测试电池集群"
    assert "(w=2)" in item.text_content()
    assert item.locator(".reasons li").all_text_contents() == [
        f"{KIND}: C34",
        f"{KIND}: C38 电气机械和器材制造业",
    ]
    title = page.evaluate("clustergraphViewer.edges.get(0).title")
    assert title == f"{KIND}: C34\n{KIND}: C38 电气机械和器材制造业\nw=2"
    session.clean()
