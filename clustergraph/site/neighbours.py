"""Cluster neighbours and network pages, reusing ``clustergraph.network``.

Neighbours come from the network package's ``cluster-cluster`` projection (clusters sharing an
institution, a place or province, an industry or a toolbox category); the network pages are its
own offline vis-network pages (``render_html``), written under ``network/``. When that package is
missing or fails, neighbours are computed here from the same four relations and the network page
only lists the edges.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from clustergraph.errors import ClusterGraphError
from clustergraph.site.graphindex import CG, ORG

if TYPE_CHECKING:
    from clustergraph.query.engine import Engine
    from clustergraph.site.context import Context

__all__ = ["PROJECTION", "Reasons", "cluster_reasons", "neighbour_rows", "network_pages"]

PROJECTION = "cluster-cluster"
#: pair of clusters (sorted) → {(relation, via IRI, via label)}
Reasons = dict[tuple[str, str], set[tuple[str, str, str]]]
_RELATIONS = (
    (CG + "locatedIn", "place"),
    (CG + "province", "province"),
    (CG + "industry", "industry"),
    (CG + "toolboxCategory", "toolbox-category"),
)
_FAILURES = (
    ClusterGraphError,
    ImportError,
    OSError,
    RuntimeError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
)


def cluster_reasons(ctx: Context, engine: Engine) -> tuple[Reasons, str]:
    """Why clusters are neighbours; also says where that came from (``network`` or ``site``)."""
    try:
        from clustergraph.network.projections import load_projection

        query = load_projection(PROJECTION)
        table = engine.run(query.text)
    except _FAILURES as error:
        ctx.warnings.append(f"network projection unavailable ({error}); neighbours computed here")
        return _own_reasons(ctx), "site"
    reasons: Reasons = defaultdict(set)
    for row in table.rows:
        source, target = row.get("source"), row.get("target")
        if source is None or target is None or source.value == target.value:
            continue
        via = row.get("via")
        label = row.get("viaLabel")
        pair = tuple(sorted((source.value, target.value)))
        relation = row["relation"].value if "relation" in row else "related"
        reasons[pair].add(  # type: ignore[index]
            (relation, via.value if via else "", label.value if label else "")
        )
    return dict(reasons), "network"


def _own_reasons(ctx: Context) -> Reasons:
    index = ctx.index
    shared: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for cluster in index.instances(CG + "Cluster"):
        for prop, relation in _RELATIONS:
            for via in index.iris(cluster, prop):
                shared[(relation, via, index.label(via, "zh"))].add(cluster)
        institutions = set(index.subjects(CG + "mentionedInCluster", cluster))
        for role in index.subjects(ORG + "organization", cluster):
            institutions.update(index.iris(role, ORG + "member"))
        for via in institutions:
            shared[("institution", via, index.label(via, "zh"))].add(cluster)
    reasons: Reasons = defaultdict(set)
    for reason, clusters in shared.items():
        ordered = sorted(clusters)
        for i, source in enumerate(ordered):
            for target in ordered[i + 1 :]:
                reasons[(source, target)].add(reason)
    return dict(reasons)


def neighbour_rows(ctx: Context, reasons: Reasons) -> dict[str, list[dict[str, Any]]]:
    """Per cluster: its neighbours, strongest first, each with the shared things."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (a, b), found in sorted(reasons.items()):
        shared = [
            {
                "relation": relation,
                "label": label or (ctx.index.label(via, "zh") if via else ""),
                "href": ctx.owner(via) if via else None,
                "concept": ctx.concept(via) if via.startswith(CG) else None,
            }
            for relation, via, label in sorted(found)
        ]
        for me, other in ((a, b), (b, a)):
            rows[me].append({"cluster": ctx.ref(other), "weight": len(found), "shared": shared})
    for found_rows in rows.values():
        found_rows.sort(key=lambda r: (-r["weight"], r["cluster"]["label"]))
    return dict(rows)


def network_pages(engine: Engine, ctx: Context) -> dict[str, dict[str, Any]]:
    """The network package's offline pages: projection name → {html, title, nodes, edges}."""
    try:
        from clustergraph.network.html import render_html
        from clustergraph.network.layout import positions
        from clustergraph.network.projections import load_projection, project, projection_names

        pages = {}
        for name in projection_names():
            graph = project(name, engine=engine)
            query = load_projection(name)
            pages[name] = {
                "html": render_html(graph, positions(graph)),
                "title": {"zh": query.title.zh, "en": query.title.en},
                "description": {"zh": query.description.zh, "en": query.description.en},
                "nodes": graph.number_of_nodes(),
                "edges": graph.number_of_edges(),
            }
    except _FAILURES as error:
        ctx.warnings.append(f"network pages unavailable ({error}); the network page lists edges")
        return {}
    return pages
