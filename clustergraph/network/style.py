"""Colours and names shared by the HTML page and the static pictures, so they look alike.

Colours are from the Okabe–Ito palette (readable with the common colour-vision deficiencies);
the Okabe–Ito hues all go to the cross-regional link kinds, so the cluster–cluster
``industry-division`` edges take Paul Tol's colour-blind-safe "wine".
"""

from __future__ import annotations

__all__ = [
    "COMMUNITY_COLOURS",
    "RELATION_COLOURS",
    "RELATION_NAMES",
    "TYPE_COLOURS",
    "TYPE_NAMES",
    "community_colour",
    "relation_colour",
    "relation_name",
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
    "industry-division": "#882255",
}
#: readable names of every edge kind (``?relation``) that a query of ``queries/projections/`` can
#: produce, plus ``related`` (a row without ``?relation``); role kinds carry the skos:prefLabel of
#: their role concept (cg:RoleTypeScheme; English lower-cased like the other names). Unknown kinds
#: show their key.
RELATION_NAMES: dict[str, tuple[str, str]] = {
    # cluster-cluster
    "place": ("所在地", "place"),
    "province": ("省份", "province"),
    "industry": ("产业", "industry"),
    "industry-division": ("行业大类", "GB/T 4754 division"),
    "toolbox-category": ("工具箱类别", "toolbox category"),
    "institution": ("机构", "institution"),
    # cluster-institution-region and map
    "mentioned-in": ("案例提及", "mentioned in the case"),
    "located-in": ("位于", "located in"),
    "role:promotion-agency": ("集群促进机构", "cluster promotion agency"),
    "role:leading-enterprise": ("龙头企业", "leading enterprise"),
    "role:founder": ("发起者", "founder"),
    "role:host": ("承建方", "host"),
    "role:partner": ("合作方", "partner"),
    "role:member": ("成员", "member"),
    "role:supporting-enterprise": ("配套企业", "supporting enterprise"),
    # institution-cooccurrence
    "same-cluster": ("同一集群", "same cluster"),
    # region-links and map
    "multi-city-cluster": ("跨市集群", "multi-city cluster"),
    "investment": ("投资", "investment"),
    "enclave-economy": ("飞地经济", "enclave economy"),
    "joint-meeting": ("联席会议", "joint meeting"),
    "same-city-integration": ("同城化", "same-city integration"),
    "cross-regional-alliance": ("跨区域联盟", "cross-regional alliance"),
    "cross-regional-platform": ("跨区域平台", "cross-regional platform"),
    # a projection row without ?relation (projections.assemble)
    "related": ("相关", "related"),
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
    """Colour of an edge: the first coloured kind it carries, grey otherwise.

    The coloured kinds are the cross-regional link kinds and ``industry-division``.
    """
    for relation in relations.split(";"):
        if relation in RELATION_COLOURS:
            return RELATION_COLOURS[relation]
    return _EDGE_GREY


def relation_name(relation: str) -> tuple[str, str]:
    """``(zh, en)`` name of an edge kind; unknown kinds are named by their key."""
    return RELATION_NAMES.get(relation, (relation, relation))


def community_colour(index: object) -> str:
    """Colour of community ``index`` (colours repeat after ten; grey when unknown)."""
    if isinstance(index, int) and not isinstance(index, bool) and index >= 0:
        return COMMUNITY_COLOURS[index % len(COMMUNITY_COLOURS)]
    return TYPE_COLOURS["other"]
