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
    """Fruchterman–Reingold positions with a fixed seed, in [-1, 1], rounded."""
    import networkx as nx

    if len(graph) == 0:
        return {}
    k = 2.0 / math.sqrt(len(graph))  # a little looser than the default: labels need room
    raw = nx.spring_layout(graph, seed=seed, weight="weight", k=k, iterations=200)
    return {node: (round(float(x), 4), round(float(y), 4)) for node, (x, y) in raw.items()}


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
