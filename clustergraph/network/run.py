"""What ``clustergraph network`` and ``clustergraph viz`` do, as plain functions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clustergraph.errors import InputError
from clustergraph.fileio import atomic_write_bytes
from clustergraph.network.projections import (
    helper_query,
    load_projection,
    open_data,
    project,
    projection_names,
)

if TYPE_CHECKING:
    from clustergraph.query.engine import Engine

__all__ = ["DEFAULT_VIZ", "PICTURE_SUFFIXES", "list_projections", "network_output", "viz_output"]

DEFAULT_VIZ = "cluster-institution-region"
PICTURE_SUFFIXES = ("html", "png", "svg")


def list_projections() -> str:
    """One line per projection: name, then English title."""
    names = projection_names()
    width = max((len(n) for n in names), default=0)
    lines = [f"{n.ljust(width)}  {load_projection(n).title.en}\n" for n in names]
    return "".join(lines) + "(use: clustergraph network NAME --format gexf|graphml|json|csv)\n"


def network_output(
    projection: str | None,
    *,
    fmt: str | None = None,
    out: Path | None = None,
    data: str | Path | None = None,
) -> str:
    """Project, compute metrics and serialise.

    :returns: the text to print: the content itself, or a one-line note when written to ``out``.
    """
    from clustergraph.network.formats import format_for, to_bytes

    if projection is None:
        return list_projections()
    fmt = format_for(out, fmt)
    load_projection(projection)  # unknown names fail before the graph is loaded
    graph = project(projection, data)
    content = to_bytes(graph, fmt)
    if out is None:
        return content.decode("utf-8")
    atomic_write_bytes(out, content)
    return f"{out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({fmt})\n"


def province_points(engine: Engine) -> list[tuple[str, float, float]]:
    """Label and point of every province-level division (the backdrop of maps)."""
    from clustergraph.network.attributes import node_table

    points = []
    for info in node_table(engine).values():
        attrs = info.attributes()
        if attrs["type"] == "region" and attrs["category"] == "province" and "lon" in attrs:
            points.append((attrs["label"], attrs["lon"], attrs["lat"]))
    return sorted(points)


def viz_output(
    projection: str | None,
    out: Path,
    *,
    data: str | Path | None = None,
    labels: int = 30,
) -> str:
    """Write the picture of ``projection`` to ``out`` (.html, .png or .svg); returns a note."""
    from clustergraph.network.layout import positions

    kind = out.suffix.lower().lstrip(".")
    if kind not in PICTURE_SUFFIXES:
        raise InputError(f"'{out.name}': write .html, .png or .svg")
    name = projection or DEFAULT_VIZ
    load_projection(name)
    helper_query("nodes")
    engine = open_data(data)
    graph = project(name, engine=engine)
    pos = positions(graph)
    if kind == "html":
        from clustergraph.network.html import render_html

        content = render_html(graph, pos).encode("utf-8")
    elif graph.graph.get("view") == "map":
        from clustergraph.network.static import render_map

        content = render_map(graph, pos, province_points(engine), kind)
    else:
        from clustergraph.network.static import render_network

        content = render_network(graph, pos, kind, labels=labels)
    atomic_write_bytes(out, content)
    return f"{out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({kind})\n"
