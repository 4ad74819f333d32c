"""Shared helpers for the extraction-rule tests: a fresh context for a snippet or a source file,
rules run on it, and the small graph readers several rule tests use.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType

from rdflib import Graph, URIRef
from rdflib import namespace as ns

from clustergraph.extract.context import ExtractionContext
from clustergraph.gazetteer import Gazetteer
from clustergraph.graph.namespaces import CG, OA
from clustergraph.graph.writer import GraphWriter, SourceInfo
from clustergraph.source import load_source
from clustergraph.text import parse_document

FIXTURES = Path(__file__).parent / "fixtures"
ID = "https://w3id.org/clustergraph/id/"


def fixture_text(name: str) -> str:
    """The text of ``tests/extract/fixtures/NAME``."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def text_ctx(raw: str, info: SourceInfo | None = None) -> ExtractionContext:
    """A fresh context for ``raw``; without ``info`` the source is a made-up ``t.txt``."""
    doc = parse_document(raw)
    if info is None:
        data = raw.encode("utf-8")
        info = SourceInfo("t.txt", hashlib.sha256(data).hexdigest(), len(data), len(raw))
    return ExtractionContext(doc, GraphWriter(raw, info, clean=doc.clean), Gazetteer.default())


def file_ctx(path: Path) -> ExtractionContext:
    """A fresh context for a source file, loaded as ``clustergraph build`` loads it."""
    loaded = load_source(path)
    return text_ctx(loaded.text, loaded.info)


def extract(source: str | Path, *rules: ModuleType) -> ExtractionContext:
    """Run ``rules`` in order on a snippet (``str``) or a source file (``Path``)."""
    ctx = file_ctx(source) if isinstance(source, Path) else text_ctx(source)
    for rule in rules:
        rule.run(ctx)
    return ctx


def zh_label(graph: Graph, node: URIRef, prop: URIRef = ns.RDFS.label) -> str:
    """The first Chinese value of ``prop`` on ``node``."""
    return next(str(o) for o in graph.objects(node, prop) if getattr(o, "language", None) == "zh")


def evidence_quotes(graph: Graph, node: URIRef) -> list[str]:
    """The exact quotes of all of ``node``'s evidence, sorted."""
    return sorted(
        str(graph.value(sel, OA.exact))
        for ev in graph.objects(node, CG.evidence)
        for sel in graph.objects(ev, OA.hasSelector)
        if graph.value(sel, OA.exact) is not None
    )
