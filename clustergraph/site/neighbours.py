"""Cluster neighbours and network pages, reusing ``clustergraph.network``.

Neighbours come from the network package's ``cluster-cluster`` projection (clusters sharing an
institution, a place or province, an industry, a GB/T 4754-2017 division or a toolbox category);
the network pages are its own offline vis-network pages (``render_html``), written under
``network/``. When that package is missing or fails, neighbours are computed here from the same
relations, with the same labels (``industry-division``: the 大类 of the codes an industry
``skos:closeMatch``/``skos:narrowMatch``es, labelled "C38 电气机械和器材制造业" or the bare code when
the graph has no concept for it), and the network page only lists the edges.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from clustergraph.errors import ClusterGraphError
from clustergraph.site.graphindex import CG, CGID, ORG, SKOS, GraphIndex

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
#: as in queries/projections/cluster-cluster.rq: the codes that count and the form of a code
_GBT4754_SCHEME = CGID + "scheme/gbt4754-2017"
_DIVISION_MATCHES = (SKOS + "closeMatch", SKOS + "narrowMatch")
_CODE = re.compile(r"^[A-T][0-9]{2,4}$")
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
    """The ``cluster-cluster`` projection's reasons, computed from the index."""
    index = ctx.index
    shared: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    divisions = _division_reasons(index)
    for cluster in index.instances(CG + "Cluster"):
        for prop, relation in _RELATIONS:
            for via in index.iris(cluster, prop):
                shared[(relation, via, index.label(via, "zh"))].add(cluster)
        institutions = set(index.subjects(CG + "mentionedInCluster", cluster))
        for role in index.subjects(ORG + "organization", cluster):
            institutions.update(index.iris(role, ORG + "member"))
        for via in institutions:
            shared[("institution", via, index.label(via, "zh"))].add(cluster)
        for industry in index.iris(cluster, CG + "industry"):
            for prop in _DIVISION_MATCHES:
                for code in index.iris(industry, prop):
                    if code in divisions:
                        shared[divisions[code]].add(cluster)
    reasons: Reasons = defaultdict(set)
    for reason, clusters in shared.items():
        ordered = sorted(clusters)
        for i, source in enumerate(ordered):
            for target in ordered[i + 1 :]:
                reasons[(source, target)].add(reason)
    return dict(reasons)


def _division_reasons(index: GraphIndex) -> dict[str, tuple[str, str, str]]:
    """GB/T 4754 code concept → its ``industry-division`` reason (relation, via, label)."""
    concepts = index.subjects(SKOS + "inScheme", _GBT4754_SCHEME)
    by_notation = {n: c for c in concepts for n in index.values(c, SKOS + "notation")}
    found: dict[str, tuple[str, str, str]] = {}
    for notation, code in sorted(by_notation.items()):
        if not _CODE.match(notation):
            continue
        division = notation[:3]
        concept = by_notation.get(division)
        name = index.value(concept, SKOS + "prefLabel", "zh") if concept else None
        via = concept or f"{CGID}gbt4754/{division}"
        found[code] = ("industry-division", via, f"{division} {name}" if name else division)
    return found


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
