"""Colours and names shared by the HTML page and the static pictures, so they look alike.

Colours are from the Okabe–Ito palette (readable with the common colour-vision deficiencies).
"""

from __future__ import annotations

__all__ = [
    "COMMUNITY_COLOURS",
    "RELATION_COLOURS",
    "TYPE_COLOURS",
    "TYPE_NAMES",
    "community_colour",
    "relation_colour",
    "type_colour",
]

TYPE_COLOURS: dict[str, str] = {
    "cluster": "#D55E00",
    "institution": "#0072B2",
    "region": "#009E73",
    "other": "#999999",
}
TYPE_NAMES: dict[str, tuple[str, str]] = {
    "cluster": ("集群", "cluster"),
    "institution": ("机构", "institution"),
    "region": ("地区", "region"),
    "other": ("其他", "other"),
}
RELATION_COLOURS: dict[str, str] = {
    "multi-city-cluster": "#E69F00",
    "investment": "#CC79A7",
    "enclave-economy": "#56B4E9",
    "joint-meeting": "#0072B2",
    "same-city-integration": "#009E73",
    "cross-regional-alliance": "#D55E00",
    "cross-regional-platform": "#F0E442",
}
#: Tableau 10, for communities (numbered largest first, so the big ones get distinct colours)
COMMUNITY_COLOURS: tuple[str, ...] = (
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
)
_EDGE_GREY = "#B8B8B8"


def type_colour(kind: str) -> str:
    """Fill colour of a node type."""
    return TYPE_COLOURS.get(kind, TYPE_COLOURS["other"])


def relation_colour(relations: str) -> str:
    """Colour of an edge: the first cross-regional link kind it carries, grey otherwise."""
    for relation in relations.split(";"):
        if relation in RELATION_COLOURS:
            return RELATION_COLOURS[relation]
    return _EDGE_GREY


def community_colour(index: object) -> str:
    """Colour of community ``index`` (colours repeat after ten; grey when unknown)."""
    if isinstance(index, int) and not isinstance(index, bool) and index >= 0:
        return COMMUNITY_COLOURS[index % len(COMMUNITY_COLOURS)]
    return TYPE_COLOURS["other"]
