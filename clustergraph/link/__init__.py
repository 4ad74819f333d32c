"""Post-processing that links an already built graph to open data, from curated tables.

Each linker reads one table of ``kg/reference/`` and returns how many links it added; running it
twice adds nothing the second time. ``link_all`` runs them in a fixed order.
"""

from __future__ import annotations

from rdflib import Graph

from clustergraph.link.industries import link_industries
from clustergraph.link.national_lists import link_national_lists
from clustergraph.link.organizations import link_organizations
from clustergraph.link.regions import link_regions

__all__ = [
    "link_all",
    "link_industries",
    "link_national_lists",
    "link_organizations",
    "link_regions",
]


def link_all(graph: Graph) -> dict[str, int]:
    """Run every linker on ``graph``; return the number of new links per linker."""
    return {
        "regions": link_regions(graph),
        "industries": link_industries(graph),
        "organizations": link_organizations(graph),
        "national_lists": link_national_lists(graph),
    }
