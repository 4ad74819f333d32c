"""The site's own neighbour reasons (used when the network package fails) match the projection's,
on the built graph and on the network fixtures (where division C34 has no concept)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from sitehelpers import ROOT

from clustergraph.query.engine import EmbeddedEngine
from clustergraph.site.graphindex import GraphIndex
from clustergraph.site.neighbours import _own_reasons, cluster_reasons

FIXTURES = ROOT / "tests" / "network" / "fixtures"


def _load(path: Path):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def _both(store) -> tuple[dict, dict]:
    ctx = SimpleNamespace(index=GraphIndex(store), warnings=[])
    network, origin = cluster_reasons(ctx, EmbeddedEngine(store))
    assert origin == "network" and not ctx.warnings
    return _own_reasons(ctx), network


def test_fallback_reasons_equal_the_network_projection(store) -> None:
    own, network = _both(store)
    assert own == network
    kinds = {relation for found in own.values() for relation, _, _ in found}
    assert {"industry-division", "place", "province", "toolbox-category"} <= kinds
    labels = {label for found in own.values() for relation, _, label in found}
    assert "C38 电气机械和器材制造业" in labels


@pytest.mark.parametrize("name", ["divisions.ttl", "planted.ttl"])
def test_fallback_reasons_equal_the_projection_on_the_network_fixtures(name: str) -> None:
    own, network = _both(_load(FIXTURES / name))
    assert own == network


def test_a_division_without_a_concept_is_named_by_its_code() -> None:
    own, _ = _both(_load(FIXTURES / "divisions.ttl"))
    gbt = "https://w3id.org/clustergraph/id/gbt4754/"
    divisions = {
        (via, label)
        for found in own.values()
        for relation, via, label in found
        if relation == "industry-division"
    }
    assert divisions == {(gbt + "C34", "C34"), (gbt + "C38", "C38 电气机械和器材制造业")}
