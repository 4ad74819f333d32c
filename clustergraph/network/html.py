"""The self-contained, offline HTML page of a network (vis-network, Jinja2 template).

Everything ships inside the page: the vis-network standalone build and our viewer script are read
from ``clustergraph/network/assets/`` and inlined, and the graph is embedded as JSON in a
``<script type="application/json">`` element with ``<``, ``>`` and ``&`` written as JSON
unicode escapes, so no label can close the element. The viewer puts every data string on the
page with ``textContent`` (or as canvas text), never as HTML.
"""

from __future__ import annotations

import json
import math
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from clustergraph.network.style import (
    TYPE_NAMES,
    community_colour,
    relation_colour,
    relation_name,
    type_colour,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["VIS_NETWORK", "asset_text", "payload", "reasons", "render_html", "script_json"]

VIS_NETWORK = "vis-network.min.js"
VIEWER = "viewer.js"
TEMPLATE = "network.html"
_PX_PER_DEGREE = 60.0
_PX_PER_UNIT = 150.0
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def asset_text(name: str) -> str:
    """A file shipped in ``clustergraph/network/assets/``; refuses text unsafe to inline."""
    text = files("clustergraph.network").joinpath("assets", name).read_text(encoding="utf-8")
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise RuntimeError(f"asset {name} cannot be inlined in a <script> element")
    return text


def script_json(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``<``, ``>`` or ``&``)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def _screen(graph: nx.Graph, pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Scale positions to pixels, y down; maps keep lon/lat proportions at their mean latitude."""
    if not pos:
        return {}
    if graph.graph.get("view") == "map":
        lat0 = sum(p[1] for p in pos.values()) / len(pos)
        squeeze = math.cos(math.radians(lat0))
        return {
            n: (round(x * squeeze * _PX_PER_DEGREE, 1), round(-y * _PX_PER_DEGREE, 1))
            for n, (x, y) in pos.items()
        }
    scale = _PX_PER_UNIT
    return {n: (round(x * scale, 1), round(-y * scale, 1)) for n, (x, y) in pos.items()}


def reasons(relations: str, shares: str) -> list[dict[str, str]]:
    """An edge's reasons as ``[{"relation", "label"}]``, one per shared thing.

    They are read back from ``shares`` (``relation:label; …``, see ``projections.assemble``) so the
    detail panel can name each kind; kinds that share nothing named get an empty label.
    """
    kinds = sorted((r for r in relations.split(";") if r), key=lambda r: (-len(r), r))
    found: list[dict[str, str]] = []
    named: set[str] = set()
    for part in shares.split("; ") if shares else []:
        kind = next((k for k in kinds if part.startswith(k + ":")), None)
        if kind is None:  # a label that itself contained "; ": it belongs to the previous reason
            if found:
                found[-1]["label"] += "; " + part
            continue
        found.append({"relation": kind, "label": part[len(kind) + 1 :]})
        named.add(kind)
    found.extend({"relation": k, "label": ""} for k in sorted(set(kinds) - named))
    return found


_NODE_KEYS = (
    "label",
    "pinyin",
    "label_en",
    "type",
    "category",
    "category_label",
    "provinces",
    "degree",
    "weighted_degree",
    "betweenness",
    "community",
    "component",
    "neighbour_provinces",
    "broker_rank",
    "evidence",
    "evidence_count",
    "lon",
    "lat",
)


def payload(graph: nx.Graph, pos: dict[str, tuple[float, float]]) -> dict[str, Any]:
    """The data the viewer needs: nodes with positions and colours, edges, legend, metadata."""
    from clustergraph.network.metrics import summary

    screen = _screen(graph, pos)
    nodes = []
    for node in sorted(graph.nodes):
        attrs = graph.nodes[node]
        item = {key: attrs[key] for key in _NODE_KEYS if key in attrs}
        x, y = screen.get(node, (0.0, 0.0))
        item.update(
            {
                "id": node,
                "x": x,
                "y": y,
                "colour": type_colour(attrs.get("type", "")),
                "community_colour": community_colour(attrs.get("community")),
            }
        )
        nodes.append(item)
    edges = []
    for index, (source, target) in enumerate(sorted(tuple(sorted(e)) for e in graph.edges)):
        attrs = graph.edges[source, target]
        relations = str(attrs.get("relations", ""))
        shares = str(attrs.get("shares", ""))
        edges.append(
            {
                "id": index,
                "source": source,
                "target": target,
                "weight": attrs.get("weight", 1),
                "relations": relations,
                "shares": shares,
                "reasons": reasons(relations, shares),
                "colour": relation_colour(relations),
            }
        )
    present = sorted({n.get("type", "other") for n in nodes})
    relation_counts: dict[str, int] = {}
    for edge in edges:
        for relation in {r for r in edge["relations"].split(";") if r}:
            relation_counts[relation] = relation_counts.get(relation, 0) + 1
    return {
        "meta": {
            "name": graph.graph.get("name", ""),
            "title_zh": graph.graph.get("title_zh", ""),
            "title_en": graph.graph.get("title_en", ""),
            "view": graph.graph.get("view", "graph"),
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "summary": summary(graph),
        },
        "types": [
            {
                "key": t,
                "zh": TYPE_NAMES.get(t, (t, t))[0],
                "en": TYPE_NAMES.get(t, (t, t))[1],
                "colour": type_colour(t),
            }
            for t in present
        ],
        "relations": [
            {
                "key": r,
                "zh": relation_name(r)[0],
                "en": relation_name(r)[1],
                "colour": relation_colour(r),
                "edges": relation_counts[r],
            }
            for r in sorted(relation_counts)
        ],
        "nodes": nodes,
        "edges": edges,
    }


def render_html(graph: nx.Graph, pos: dict[str, tuple[float, float]]) -> str:
    """The complete page for ``graph`` laid out at ``pos``."""
    import jinja2
    from markupsafe import Markup

    template_text = (
        files("clustergraph.network").joinpath("templates", TEMPLATE).read_text(encoding="utf-8")
    )
    environment = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    template = environment.from_string(template_text)
    return template.render(
        title_zh=graph.graph.get("title_zh", ""),
        title_en=graph.graph.get("title_en", ""),
        name=graph.graph.get("name", ""),
        node_count=graph.number_of_nodes(),
        edge_count=graph.number_of_edges(),
        data_json=Markup(script_json(payload(graph, pos))),  # noqa: S704 - escaped above
        vis_js=Markup(asset_text(VIS_NETWORK)),  # noqa: S704 - checked by asset_text
        viewer_js=Markup(asset_text(VIEWER)),  # noqa: S704 - checked by asset_text
    )
