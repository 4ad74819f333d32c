"""Static pictures (matplotlib) and the HTML page's text: layout, fonts, safety, determinism."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from clustergraph.network import project
from clustergraph.network.html import payload, render_html, script_json
from clustergraph.network.layout import geo_positions, positions, spring_positions
from clustergraph.network.static import find_cjk_font, render_map, render_network
from tests.conftest import run_cli
from tests.network.conftest import PLANTED_LABEL


@pytest.fixture(scope="module")
def graph(planted: Path) -> nx.Graph:
    return project("cluster-institution-region", planted)


def pixels(png: bytes):
    import matplotlib.image

    return matplotlib.image.imread(io.BytesIO(png), format="png")


def test_png_has_size_and_content(graph: nx.Graph) -> None:
    image = pixels(render_network(graph, positions(graph), "png"))
    assert image.shape[:2] == (1350, 1800)
    assert image[..., :3].std() > 0.05  # not blank
    # coloured marks (cluster orange) are present, not just black text on white
    orange = (abs(image[..., 0] - 0xD5 / 255) < 0.03) & (abs(image[..., 1] - 0x5E / 255) < 0.03)
    assert orange.sum() > 200


def test_png_is_deterministic(graph: nx.Graph) -> None:
    assert render_network(graph, positions(graph), "png") == render_network(
        graph, positions(graph), "png"
    )


def test_svg_is_xml_without_date(graph: nx.Graph) -> None:
    svg = render_network(graph, positions(graph), "svg")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert b"<dc:date>" not in svg


def test_map_png(planted: Path) -> None:
    graph = project("map", planted)
    provinces = [("浙江省", 120.15, 30.27), ("江苏省", 118.76, 32.06)]
    image = pixels(render_map(graph, positions(graph), provinces, "png"))
    assert image.shape[:2] == (1350, 1800) and image[..., :3].std() > 0.05


def test_cjk_font_is_found_when_installed() -> None:
    from matplotlib import font_manager

    installed = any("CJK" in f.name for f in font_manager.fontManager.ttflist)
    if not installed:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    assert find_cjk_font() is not None


def test_without_cjk_font_labels_fall_back_to_pinyin() -> None:
    from clustergraph.network.static import _label

    attrs = {"label": "浙江宁波磁性材料集群", "pinyin": "zhè jiāng níng bō"}
    assert _label(attrs, cjk=False) == "zhè jiāng níng bō"
    assert _label(attrs, cjk=True) == "浙江宁波磁性材料集群"


def test_spring_layout_is_seeded_and_separates_components(graph: nx.Graph) -> None:
    first, second = spring_positions(graph), spring_positions(graph)
    assert first == second and set(first) == set(graph.nodes)
    assert len(set(first.values())) == len(first)  # no two nodes on one spot


def test_geo_layout_uses_longitude_latitude(planted: Path) -> None:
    graph = project("map", planted)
    pos = geo_positions(graph)
    ningbo_city = "https://w3id.org/clustergraph/id/region/330200"
    assert pos[ningbo_city] == (121.55, 29.87)
    clusters = [n for n in graph if graph.nodes[n]["type"] == "cluster"]
    assert len({pos[n] for n in clusters}) == len(clusters)  # clusters sharing a city are spread


def test_script_json_cannot_close_the_element() -> None:
    text = script_json({"label": "</script><script>alert(1)</script>&<!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["label"] == "</script><script>alert(1)</script>&<!--"


def test_html_embeds_everything_and_escapes_labels(graph: nx.Graph) -> None:
    page = render_html(graph, positions(graph))
    assert page.count("</script>") == 3  # data, vis-network, viewer: nothing else closes a script
    assert PLANTED_LABEL not in page and "<script>alert" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # no CDN, no fetches
    assert "vis-network" in page and "@version 10." in page
    match = re.search(
        r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.DOTALL
    )
    assert match is not None
    data = json.loads(match.group(1))
    assert data["meta"]["nodes"] == graph.number_of_nodes() == len(data["nodes"])
    assert len(data["edges"]) == graph.number_of_edges()
    assert PLANTED_LABEL in {n["label"] for n in data["nodes"]}
    assert f'data-nodes="{graph.number_of_nodes()}"' in page


def test_html_is_deterministic(graph: nx.Graph) -> None:
    assert render_html(graph, positions(graph)) == render_html(graph, positions(graph))


def test_payload_positions_are_screen_pixels(graph: nx.Graph) -> None:
    data = payload(graph, positions(graph))
    xs = [n["x"] for n in data["nodes"]]
    assert max(xs) - min(xs) > 300


@pytest.mark.parametrize("suffix", ["png", "svg", "html"])
def test_viz_command(planted: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"network.{suffix}"
    proc = run_cli("viz", "cluster-cluster", "-o", str(out), "--data", str(planted))
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 1000


def test_viz_map_command(planted: Path, tmp_path: Path) -> None:
    for suffix in ("png", "html"):
        out = tmp_path / f"map.{suffix}"
        proc = run_cli("viz", "map", "-o", str(out), "--data", str(planted))
        assert proc.returncode == 0, proc.stderr
        assert out.stat().st_size > 1000


def test_viz_command_rejects_other_suffixes(planted: Path, tmp_path: Path) -> None:
    proc = run_cli("viz", "map", "-o", str(tmp_path / "map.pdf"), "--data", str(planted))
    assert proc.returncode == 2 and ".html, .png or .svg" in proc.stderr
    proc = run_cli("viz", "nope", "-o", str(tmp_path / "x.html"), "--data", str(planted))
    assert proc.returncode == 2 and "unknown projection 'nope'" in proc.stderr
