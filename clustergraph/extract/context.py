"""State shared by the extraction rules while they walk one document.

Rules run in a fixed order (see ``clustergraph.extract.RULES``); earlier rules leave what later
ones need here: the clusters found in case studies, the institution registry (so one institution
named twice, or by its alias, is one node), and warnings for a partial document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import URIRef

if TYPE_CHECKING:
    from clustergraph.gazetteer import Gazetteer, Region
    from clustergraph.graph.writer import GraphWriter
    from clustergraph.text import Document, Node

__all__ = ["ClusterRecord", "ExtractionContext", "InstitutionRecord"]


@dataclass
class ClusterRecord:
    """A case-study cluster as the later rules need it."""

    iri: URIRef
    label: str
    case: Node
    category: URIRef | None
    regions: list[Region] = field(default_factory=list)


@dataclass
class InstitutionRecord:
    """One institution node: its canonical name, aliases and kind."""

    iri: URIRef
    name: str
    kind: URIRef
    aliases: set[str] = field(default_factory=set)


@dataclass
class ExtractionContext:
    """Everything a rule may read or extend."""

    doc: Document
    writer: GraphWriter
    gazetteer: Gazetteer
    clusters: list[ClusterRecord] = field(default_factory=list)
    institutions: dict[str, InstitutionRecord] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def cluster_for(self, offset: int) -> ClusterRecord | None:
        """The case-study cluster whose case node contains raw ``offset``."""
        for record in self.clusters:
            if record.case.start <= offset < record.case.end:
                return record
        return None

    def warn(self, message: str) -> None:
        """Record a warning shown by ``clustergraph build`` (e.g. for a truncated document)."""
        if message not in self.warnings:
            self.warnings.append(message)


def register_institution(
    ctx: ExtractionContext,
    name: str,
    kind: URIRef,
    span: tuple[int, int] | None = None,
    *,
    aliases: tuple[str, ...] = (),
) -> InstitutionRecord:
    """Return the one node for ``name`` (or any of its aliases), creating it on first mention.

    The first name registered is the canonical ``rdfs:label``; later aliases become
    ``skos:altLabel``. A more specific kind replaces ``cg:Institution``. Each mention adds evidence.
    """
    from clustergraph.graph.mint import mint
    from clustergraph.graph.namespaces import CG, ORG, PROV, RDF

    writer = ctx.writer
    keys = (name, *aliases)
    record = next((ctx.institutions[k] for k in keys if k in ctx.institutions), None)
    if record is None:
        iri = mint("institution", name)
        record = InstitutionRecord(iri=iri, name=name, kind=kind)
        writer.entity(iri, CG.Institution, ORG.Organization, PROV.Organization, label=name)
    if kind != CG.Institution and record.kind == CG.Institution:
        record.kind = kind
    writer.add(record.iri, RDF.type, record.kind)
    for key in keys:
        ctx.institutions[key] = record
        if key != record.name and key not in record.aliases:
            record.aliases.add(key)
            writer.label(record.iri, key, alt=True)
    if span is not None:
        writer.cite(record.iri, span)
    return record
