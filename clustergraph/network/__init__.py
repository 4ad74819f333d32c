"""Network analysis and pictures: projections of the RDF graph into networkx graphs.

Each projection is a canned SPARQL query under ``queries/projections/`` (``#+`` header tagged
``projection``); its rows name edges, and two shared queries (``nodes.rq``, ``evidence.rq``) give
every node its labels, type, category, province, coordinates and evidence quotes.

Modules, one job each: ``projections`` (queries → networkx), ``attributes`` (node attribute table),
``metrics`` (degree, betweenness, Louvain communities, components, brokers), ``formats`` (GEXF,
GraphML, node-link JSON, metrics CSV), ``layout`` (deterministic positions), ``html`` (the offline
vis-network page), ``static`` (matplotlib PNG/SVG and map) and ``run`` (what the commands do).
"""

from __future__ import annotations

from clustergraph.network.projections import load_projection, project, projection_names

__all__ = ["load_projection", "project", "projection_names"]
