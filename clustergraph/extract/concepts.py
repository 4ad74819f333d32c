"""Concepts shared by several rules: industries (instances) and the five toolbox categories.

The toolbox categories are the genre's fixed classification of cluster-building practice; a
section heading is mapped to one by the words it uses, so other documents' headings work too.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from rdflib import URIRef

from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, RDF, SKOS

if TYPE_CHECKING:
    from clustergraph.graph.writer import GraphWriter
    from clustergraph.text import Node

__all__ = [
    "INDUSTRY_SCHEME",
    "TOOLBOX_KEYWORDS",
    "industry_concept",
    "toolbox_for_heading",
    "toolbox_of",
]

INDUSTRY_SCHEME = mint("scheme", "industries")

#: heading words → toolbox concept; order matters (first match wins)
TOOLBOX_KEYWORDS: tuple[tuple[tuple[str, ...], URIRef], ...] = (
    (("跨区域", "跨地区", "区域协作", "区域协同"), CG.CrossRegionalToolbox),
    (("数字化", "数字", "智能化", "信息化"), CG.DigitalizationToolbox),
    (("产业链", "供应链", "链条"), CG.IndustrialChainToolbox),
    (("治理", "促进机构", "组织"), CG.GovernanceToolbox),
    (("创新", "研发", "技术"), CG.InnovationToolbox),
)


def toolbox_for_heading(heading: str) -> URIRef | None:
    """The toolbox category a section heading speaks of, or None."""
    for words, concept in TOOLBOX_KEYWORDS:
        if any(word in heading for word in words):
            return concept
    return None


def toolbox_of(node: Node) -> URIRef | None:
    """The toolbox category of the nearest enclosing section or part whose heading names one.

    House styles differ in how deep the toolbox headings sit: ``（一）协同创新`` is a section under
    the part ``二、…工具箱``, while ``一、协同创新`` under a chapter ``第二章`` may be read as a part
    (or a section, once chapters are parts); the innermost heading that names a toolbox wins.
    """
    for ancestor in node.ancestors():
        if ancestor.kind in ("section", "part"):
            category = toolbox_for_heading(ancestor.title or "")
            if category is not None:
                return category
    return None


def industry_concept(writer: GraphWriter, label: str) -> URIRef:
    """The industry concept for ``label`` (as written), created once in the industries scheme."""
    label = unicodedata.normalize("NFKC", label).strip()
    iri = mint("industry", label)
    graph = writer.graph
    if (iri, RDF.type, SKOS.Concept) not in graph:
        writer.add(iri, RDF.type, SKOS.Concept)
        writer.add(iri, SKOS.inScheme, INDUSTRY_SCHEME)
        writer.label(iri, label, pinyin=True)
        from clustergraph.graph.writer import zh

        writer.add(iri, SKOS.prefLabel, zh(label))
        writer.add(INDUSTRY_SCHEME, RDF.type, SKOS.ConceptScheme)
        writer.add(INDUSTRY_SCHEME, SKOS.hasTopConcept, iri)
    return iri
