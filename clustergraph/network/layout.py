"""Deterministic node positions: a seeded spring layout, or longitude/latitude for maps.

Both return ``{node: (x, y)}`` in the usual mathematical orientation (y up); the HTML page flips
y for the screen. On maps a cluster sits at the mean point of its places; clusters that would land
on the same spot are spread on a small circle around it so each stays clickable.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["SEED", "geo_positions", "positions", "spring_positions"]

SEED = 42
_SPREAD = 0.35  # degrees: radius of the circle that separates clusters sharing one spot


def spring_positions(graph: nx.Graph, *, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Seeded spring layout per connected component, components packed in rows.

    Laying out the components one by one keeps each readable (a single spring layout pushes
    components far apart and squeezes their nodes together). Units: about one node spacing.
    """
    import networkx as nx

    boxes = []
    for component in sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    ):
        size = len(component)
        radius = 1.1 * math.sqrt(size) if size > 3 else 0.75 * (size - 1)
        if len(component) == 1:
            local = {component[0]: (0.0, 0.0)}
        else:
            # A subgraph view iterates a set (hash-seed dependent order); spring_layout's start
            # positions follow node order, so copy into a graph whose nodes and edges are sorted.
            sub = nx.Graph()
            sub.add_nodes_from(component)
            sub.add_edges_from(
                sorted(
                    (min(u, v), max(u, v), {"weight": data.get("weight", 1)})
                    for u, v, data in graph.subgraph(component).edges(data=True)
                )
            )
            raw = nx.spring_layout(sub, seed=seed, weight="weight", iterations=200, scale=radius)
            local = {n: (float(x), float(y)) for n, (x, y) in raw.items()}
        boxes.append((2 * radius + 2.0, local))  # room for labels between components
    return _pack(boxes)


def _pack(
    boxes: list[tuple[float, dict[str, tuple[float, float]]]],
) -> dict[str, tuple[float, float]]:
    """Shelf-pack square boxes (largest first) into rows about as wide as the whole is tall."""
    if not boxes:
        return {}
    width = max(math.sqrt(sum(size * size for size, _ in boxes)) * 1.1, boxes[0][0])
    placed: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for size, local in boxes:
        if x > 0 and x + size > width:
            x, y, row = 0.0, y + row, 0.0
        cx, cy = x + size / 2, -(y + size / 2)
        for node, (nx_, ny_) in local.items():
            placed[node] = (round(cx + nx_, 4), round(cy + ny_, 4))
        x += size
        row = max(row, size)
    return placed


def geo_positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """``(lon, lat)`` per node; nodes without a point go to the centre of the others."""
    placed: dict[str, tuple[float, float]] = {}
    spots: dict[tuple[float, float], list[str]] = defaultdict(list)
    for node in sorted(graph.nodes):
        attrs = graph.nodes[node]
        if "lon" not in attrs or "lat" not in attrs:
            continue
        point = (float(attrs["lon"]), float(attrs["lat"]))
        if attrs.get("type") == "region":
            placed[node] = point
        else:
            spots[(round(point[0], 3), round(point[1], 3))].append(node)
    for (lon, lat), nodes in sorted(spots.items()):
        for index, node in enumerate(nodes):
            angle = math.pi / 4 + 2 * math.pi * index / len(nodes)
            placed[node] = (
                round(lon + _SPREAD * math.cos(angle), 4),
                round(lat + _SPREAD * math.sin(angle), 4),
            )
    if placed:
        centre = (
            sum(p[0] for p in placed.values()) / len(placed),
            sum(p[1] for p in placed.values()) / len(placed),
        )
    else:
        centre = (0.0, 0.0)
    for node in sorted(graph.nodes):
        placed.setdefault(node, (round(centre[0], 4), round(centre[1], 4)))
    return placed


def positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Map layout for ``view: map`` projections, spring layout otherwise."""
    if graph.graph.get("view") == "map":
        return geo_positions(graph)
    return spring_positions(graph)
