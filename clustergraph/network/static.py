"""Static pictures with matplotlib (Agg): a network drawing, or a map in longitude/latitude.

Chinese labels need a CJK font: Noto Sans CJK (Debian's ``fonts-noto-cjk``) or another CJK family
that matplotlib's font manager knows; without one the labels fall back to pinyin so the picture
never shows empty boxes. Layouts are seeded and the files carry no dates, so pictures are
reproducible.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING, Any

from clustergraph.errors import ClusterGraphError
from clustergraph.network.style import (
    RELATION_COLOURS,
    TYPE_NAMES,
    community_colour,
    relation_colour,
    relation_name,
    type_colour,
)

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes

__all__ = ["CJK_FAMILIES", "IMAGE_FORMATS", "find_cjk_font", "render_map", "render_network"]

IMAGE_FORMATS = ("png", "svg")
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "AR PL UMing CN",
    "Droid Sans Fallback",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)
_DPI = 150
_SIZE = (12.0, 9.0)


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ModuleNotFoundError:
        raise ClusterGraphError(
            "PNG/SVG pictures need matplotlib: pip install 'clustergraph[viz]' (or write .html)"
        ) from None
    matplotlib.use("Agg", force=True)
    return matplotlib


def find_cjk_font() -> str | None:
    """The first CJK font family matplotlib can use, or None."""
    _matplotlib()
    from matplotlib import font_manager

    known = {font.name for font in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    return None


def _label(attrs: dict[str, Any], cjk: bool) -> str:
    label = str(attrs.get("label", ""))
    if cjk or label.isascii():
        return label if len(label) <= 18 else label[:17] + "…"
    return str(attrs.get("pinyin") or "")[:28]


def _labelled(graph: nx.Graph, count: int) -> list[str]:
    """The ``count`` most central nodes (betweenness, then degree, then IRI)."""
    order = sorted(
        graph.nodes,
        key=lambda n: (
            -graph.nodes[n].get("betweenness", 0.0),
            -graph.nodes[n].get("degree", 0),
            n,
        ),
    )
    return order[:count]


def _figure(title: str, *, framed: bool = False) -> tuple[Any, Axes, str | None]:
    _matplotlib()
    from matplotlib.figure import Figure

    figure = Figure(figsize=_SIZE, dpi=_DPI)
    axes = figure.add_axes((0.07, 0.07, 0.9, 0.85) if framed else (0.02, 0.07, 0.96, 0.85))
    axes.set_axis_off()
    figure.suptitle(title, fontsize=14)
    return figure, axes, find_cjk_font()


def _save(figure: Any, fmt: str) -> bytes:
    import matplotlib

    if fmt not in IMAGE_FORMATS:
        raise ClusterGraphError(f"unknown picture format '{fmt}'; use .png, .svg or .html")
    buffer = io.BytesIO()
    metadata: dict[str, Any] = {"Software": None} if fmt == "png" else {"Date": None}
    with matplotlib.rc_context({"svg.hashsalt": "clustergraph", "svg.fonttype": "path"}):
        figure.savefig(buffer, format=fmt, dpi=_DPI, metadata=metadata, facecolor="white")
    return buffer.getvalue()


def _by_community(graph: nx.Graph) -> bool:
    """Colour by community when all nodes have one type (type colours would say nothing)."""
    return len({a.get("type") for _, a in graph.nodes(data=True)}) == 1


def _legend(axes: Axes, graph: nx.Graph, font: dict[str, Any], lines: bool) -> None:
    from matplotlib.lines import Line2D

    handles = []
    if _by_community(graph) and not lines:
        sizes: dict[int, int] = {}
        for _, community in graph.nodes(data="community"):
            sizes[community] = sizes.get(community, 0) + 1
        for community in sorted(sizes)[:10]:
            text = f"community {community} ({sizes[community]})"
            colour = community_colour(community)
            handles.append(Line2D([], [], marker="o", linestyle="", color=colour, label=text))
    else:
        for kind in sorted({a.get("type", "other") for _, a in graph.nodes(data=True)}):
            zh, en = TYPE_NAMES.get(kind, (kind, kind))
            text = f"{zh} {en}" if font.get("family") else en
            colour = type_colour(kind)
            handles.append(Line2D([], [], marker="o", linestyle="", color=colour, label=text))
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="#222222",
            markeredgewidth=1.6,
            label="broker between provinces",
        )
    )
    kinds = sorted({r for *_, rel in graph.edges(data="relations") for r in str(rel).split(";")})
    for kind in kinds:  # coloured edge kinds (link kinds on maps, industry-division in networks)
        if kind in RELATION_COLOURS:
            zh, en = relation_name(kind)
            text = f"{zh} {en}" if font.get("family") and zh != kind else en
            handles.append(Line2D([], [], color=RELATION_COLOURS[kind], lw=2, label=text))
    if lines:  # maps: the lower left (south-west of China) is empty sea and mountains
        axes.legend(handles=handles, loc="lower left", frameon=True, prop={**font, "size": 8})
    else:  # networks: below the drawing, where it cannot hide a component
        axes.figure.legend(
            handles=handles,
            loc="lower center",
            ncol=min(len(handles), 6),
            frameon=False,
            prop={**font, "size": 9},
        )


def render_network(
    graph: nx.Graph, pos: dict[str, tuple[float, float]], fmt: str, *, labels: int = 30
) -> bytes:
    """Nodes coloured by type, sized by degree; labels on the most central nodes."""
    title = f"{graph.graph.get('title_en', '')} · {graph.number_of_nodes()} nodes, " + (
        f"{graph.number_of_edges()} edges"
    )
    figure, axes, family = _figure(title)
    font = {"family": family} if family else {}
    for source, target, attrs in sorted(graph.edges(data=True)):
        (x1, y1), (x2, y2) = pos[source], pos[target]
        weight = float(attrs.get("weight", 1))
        axes.plot(
            [x1, x2],
            [y1, y2],
            color=relation_colour(str(attrs.get("relations", ""))),
            linewidth=0.4 + 0.5 * math.log1p(weight),
            alpha=0.6,
            zorder=1,
        )
    nodes = sorted(graph.nodes)
    by_community = _by_community(graph)
    axes.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=[18 + 14 * graph.nodes[n].get("degree", 0) for n in nodes],
        c=[
            community_colour(graph.nodes[n].get("community"))
            if by_community
            else type_colour(graph.nodes[n].get("type", "other"))
            for n in nodes
        ],
        edgecolors=["#222222" if graph.nodes[n].get("broker") else "white" for n in nodes],
        linewidths=[1.6 if graph.nodes[n].get("broker") else 0.5 for n in nodes],
        zorder=2,
    )
    for node in _labelled(graph, labels):
        x, y = pos[node]
        axes.annotate(
            _label(graph.nodes[node], family is not None),
            (x, y),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=7,
            zorder=3,
            **font,
        )
    axes.margins(x=0.2, y=0.06)  # room for labels right of the outermost nodes
    _legend(axes, graph, font, lines=False)
    return _save(figure, fmt)


def render_map(
    graph: nx.Graph,
    pos: dict[str, tuple[float, float]],
    provinces: list[tuple[str, float, float]],
    fmt: str,
) -> bytes:
    """Clusters and places at longitude/latitude, cross-regional links as coloured lines."""
    title = f"{graph.graph.get('title_en', '')} · {graph.number_of_nodes()} nodes"
    figure, axes, family = _figure(title, framed=True)
    font = {"family": family} if family else {}
    for name, lon, lat in provinces:
        axes.plot(lon, lat, marker="+", color="#BBBBBB", markersize=5, zorder=0)
        axes.annotate(
            name if family else "",
            (lon, lat),
            xytext=(3, -9),
            textcoords="offset points",
            fontsize=7,
            color="#888888",
            zorder=0,
            **font,
        )
    for source, target, attrs in sorted(graph.edges(data=True)):
        relations = str(attrs.get("relations", ""))
        (x1, y1), (x2, y2) = pos[source], pos[target]
        cross = relation_colour(relations) != relation_colour("")
        axes.plot(
            [x1, x2],
            [y1, y2],
            color=relation_colour(relations),
            linewidth=1.8 if cross else 0.6,
            alpha=0.85 if cross else 0.5,
            zorder=2 if cross else 1,
        )
    nodes = sorted(graph.nodes)
    axes.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=[60 if graph.nodes[n].get("type") == "cluster" else 22 for n in nodes],
        c=[type_colour(graph.nodes[n].get("type", "other")) for n in nodes],
        marker="o",
        edgecolors="white",
        linewidths=0.5,
        zorder=3,
    )
    for node in nodes:
        if graph.nodes[node].get("type") != "region":
            continue
        x, y = pos[node]
        axes.annotate(
            _label(graph.nodes[node], family is not None),
            (x, y),
            xytext=(3, 3),
            textcoords="offset points",
            fontsize=6,
            zorder=4,
            **font,
        )
    latitudes = [p[1] for p in pos.values()] + [lat for _, _, lat in provinces]
    if latitudes:
        lat0 = sum(latitudes) / len(latitudes)
        axes.set_aspect(1 / max(math.cos(math.radians(lat0)), 0.2))
    axes.set_axis_on()
    axes.grid(color="#EEEEEE", linewidth=0.5)
    axes.set_xlabel("longitude (°E)", fontsize=8)
    axes.set_ylabel("latitude (°N)", fontsize=8)
    axes.tick_params(labelsize=7)
    axes.margins(0.05)
    _legend(axes, graph, font, lines=True)
    return _save(figure, fmt)
