"""clustergraph/graph/vocab.py is generated from the ontology and refuses misspelled terms."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import URIRef

from clustergraph.graph.vocab import CG
from clustergraph.validate.ontology import load_ontology

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "gen_vocab.py"
VOCAB = ROOT / "clustergraph" / "graph" / "vocab.py"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_vocab", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vocab_module_is_up_to_date() -> None:
    expected = generator().render(load_ontology())
    actual = VOCAB.read_text(encoding="utf-8")
    assert actual == expected, (
        "clustergraph/graph/vocab.py is stale; run: python scripts/gen_vocab.py"
    )


def test_vocab_lists_every_ontology_term() -> None:
    onto = load_ontology()
    names = {
        str(s)[len(str(CG._NS)) :]
        for s in onto.subjects()
        if isinstance(s, URIRef) and str(s).startswith(str(CG._NS))
    }
    assert names == set(CG.__annotations__)


def test_misspelled_term_raises() -> None:
    assert CG.Cluster == URIRef("https://w3id.org/clustergraph/ontology#Cluster")
    assert CG.count == URIRef("https://w3id.org/clustergraph/ontology#count")
    with pytest.raises(AttributeError):
        _ = CG.Clustr
