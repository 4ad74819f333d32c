"""The static explorer website: the graph rendered as linked, offline HTML pages.

Modules, one job each: ``graphindex`` (the graph as in-memory lookup tables), ``paths`` (entity
IRI → page path, relative links), ``evidence`` (quotes, offsets and the marked-up source view),
``entities`` (what each entity page shows), ``listings`` (index, lists, timeline, competition),
``charts`` (SVG bar charts and maps as coordinates for the templates), ``rdfdocs`` (per-entity
Turtle and JSON-LD), ``gallery`` (the canned queries run at build time), ``neighbours`` (the
cluster network, from ``clustergraph.network`` when available), ``render`` (Jinja2 and the
interface texts) and ``generate`` (what ``clustergraph site`` does).
"""

from __future__ import annotations

from clustergraph.site.generate import SiteReport, generate_site

__all__ = ["SiteReport", "generate_site"]
