"""The HTML page in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

The page is opened from file:// with every other request aborted (and recorded: there must be
none), and must log no console errors. Never downloads a browser.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from clustergraph.network import project
from tests.network.conftest import NINGBO, PLANTED_CLUSTER, PLANTED_LABEL, SOURCE, Session

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def graph(planted: Path) -> nx.Graph:
    return project("cluster-institution-region", planted)


def test_loads_offline_and_shows_the_counts(session: Session, graph: nx.Graph) -> None:
    page = session.page
    status = page.locator("#status")
    expected = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
    assert status.text_content() == expected
    assert status.get_attribute("data-shown-nodes") == str(graph.number_of_nodes())
    assert page.evaluate("clustergraphViewer.nodes.length") == graph.number_of_nodes()
    assert page.evaluate("clustergraphViewer.edges.length") == graph.number_of_edges()
    assert page.locator("#network canvas").count() == 1
    session.clean()


def test_search_finds_ningbo_by_hanzi_and_pinyin(session: Session) -> None:
    page = session.page
    page.fill("#search", "宁波")
    results = page.locator("#results button").all_text_contents()
    assert any(r.startswith("浙江宁波磁性材料集群") for r in results)
    assert any(r.startswith("宁波市") for r in results)
    page.fill("#search", "ningbo")
    assert any(r.startswith("宁波市") for r in page.locator("#results button").all_text_contents())
    session.clean()


def test_clicking_a_cluster_shows_its_quote(session: Session, graph: nx.Graph) -> None:
    page = session.page
    point = page.evaluate(
        """(id) => {
            const v = clustergraphViewer;
            v.network.focus(id, {scale: 1.5, animation: false});
            v.network.redraw();
            return v.network.canvasToDOM(v.network.getPosition(id));
        }""",
        NINGBO,
    )
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("#details:not([hidden])")
    assert page.text_content("#detail-label") == "浙江宁波磁性材料集群"
    quote = graph.nodes[NINGBO]["evidence"][0]
    raw = SOURCE.read_text(encoding="utf-8")
    assert (
        page.text_content("#evidence mark") == quote["exact"] == raw[quote["start"] : quote["end"]]
    )
    assert page.text_content("#evidence .offsets") == f"[{quote['start']},{quote['end']})"
    assert "zhè jiāng" in page.text_content("#detail-pinyin")
    session.clean()


def test_script_label_is_text_and_never_runs(session: Session) -> None:
    page = session.page
    scripts = page.locator("script").count()
    page.fill("#search", "宁波测试")
    button = page.locator("#results button").first
    assert button.locator("span").first.text_content() == PLANTED_LABEL
    button.click()
    page.wait_for_selector("#details:not([hidden])")
    assert page.text_content("#detail-label") == PLANTED_LABEL
    assert page.text_content("#evidence mark") == "<script>alert(1)</script>"
    assert page.locator("#details script, #details img, #results img").count() == 0
    assert page.locator("script").count() == scripts
    page.fill("#search", "桥接企业")  # the <img onerror> institution
    page.locator("#results button").first.click()
    assert page.text_content("#detail-label") == "<img src=x onerror=alert(2)>桥接企业"
    page.check("#pinyin-toggle")
    label = page.evaluate("(id) => clustergraphViewer.nodes.get(id).label", PLANTED_CLUSTER)
    assert label == PLANTED_LABEL + "\nscript alert níng bō cè shì jí qún"
    page.wait_for_timeout(200)  # give any injected handler a chance to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"
    session.clean()


def test_filters_hide_nodes_and_update_the_status(session: Session, graph: nx.Graph) -> None:
    page = session.page
    page.uncheck("#filter-type input[value='institution']")
    shown = sum(1 for _, t in graph.nodes(data="type") if t != "institution")
    assert page.locator("#status").get_attribute("data-shown-nodes") == str(shown)
    assert "showing" in page.text_content("#status")
    hidden = page.evaluate("clustergraphViewer.nodes.get({filter: n => n.hidden}).length")
    assert hidden == graph.number_of_nodes() - shown
    page.uncheck("#filter-province input[value='江苏省']")
    jiangsu_only = sum(
        1
        for _, a in graph.nodes(data=True)
        if a["type"] != "institution" and a["provinces"] and set(a["provinces"]) <= {"江苏省"}
    )
    status = page.locator("#status").get_attribute("data-shown-nodes")
    assert status == str(shown - jiangsu_only)
    page.select_option("#colour-by", "community")
    assert "community 0" in page.text_content("#legend")
    session.clean()


def test_edge_kind_filter_shows_names_not_keys(session: Session, graph: nx.Graph) -> None:
    from clustergraph.network.style import relation_name

    kinds = sorted({r for _, _, rel in graph.edges(data="relations") for r in rel.split(";") if r})
    assert "located-in" in kinds and any(k.startswith("role:") for k in kinds)
    options = [
        o.strip() for o in session.page.locator("#filter-relation label").all_text_contents()
    ]
    assert len(options) == len(kinds)
    for kind, option in zip(kinds, options, strict=True):
        zh, en = relation_name(kind)
        assert option.startswith(f"{zh} {en} ("), (kind, option)
    session.clean()
