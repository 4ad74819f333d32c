"""Link institutions to Wikidata from ``kg/reference/organizations-wikidata.csv``.

Only institutions already in the graph are linked: one whose ``rdfs:label`` or ``skos:altLabel``
(@zh, NFKC) equals the row's ``name_in_text`` (a trailing `` (…)`` annotation removed) or its
``official_name``. An institution merely *containing* the name (浙江省北大信息技术高等研究院) is a
different organisation and is not linked. Each link is ``skos:exactMatch wd:Q…`` plus the record
``cgid:linkrec/institution/{slug}/wikidata``. A QID that would land on two institutions, or that
two rows share, is an input error.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, URIRef

from clustergraph.errors import InputError
from clustergraph.graph.namespaces import CG, CGID, RDF, RDFS, SKOS
from clustergraph.link.records import (
    add_link_record,
    iri_tail,
    nfkc,
    read_table,
    reference_node,
    table_path,
    wikidata_iri,
)

__all__ = ["TABLE", "link_organizations", "row_names"]

TABLE = "organizations-wikidata.csv"
_COLUMNS = ("name_in_text", "official_name", "wikidata_qid", "note", "source")
_ANNOTATION = re.compile(r"\s+\([^()]*\)$")


def row_names(row: dict[str, str]) -> set[str]:
    """The names a row matches: ``name_in_text`` without its annotation, and ``official_name``."""
    names = {nfkc(_ANNOTATION.sub("", nfkc(row["name_in_text"]))), nfkc(row["official_name"])}
    return {n for n in names if n}


def _institutions(graph: Graph) -> dict[str, set[URIRef]]:
    prefix = f"{CGID}institution/"
    found: dict[str, set[URIRef]] = {}
    for predicate in (RDFS.label, SKOS.altLabel):
        for node, label in graph.subject_objects(predicate):
            if not isinstance(node, URIRef) or getattr(label, "language", None) != "zh":
                continue
            if str(node).startswith(prefix) or (node, RDF.type, CG.Institution) in graph:
                found.setdefault(nfkc(str(label)), set()).add(node)
    return found


def link_organizations(graph: Graph, table: str | Path | None = None) -> int:
    """Add Wikidata links for the listed institutions present in ``graph``; return how many are new."""
    path = table_path(TABLE, table)
    rows = read_table(path, _COLUMNS)
    institutions = _institutions(graph)
    seen_qids: dict[str, int] = {}
    reference: URIRef | None = None
    added = 0
    for number, row in enumerate(rows, start=2):
        where = f"{path.name} line {number}"
        entity = wikidata_iri(row["wikidata_qid"], where)
        if seen_qids.setdefault(row["wikidata_qid"], number) != number:
            raise InputError(
                f"{where}: {row['wikidata_qid']} also on line {seen_qids[row['wikidata_qid']]}"
            )
        nodes = sorted({n for name in row_names(row) for n in institutions.get(name, ())})
        if not nodes:
            continue
        if len(nodes) > 1:
            raise InputError(
                f"{where}: {row['wikidata_qid']} matches {len(nodes)} institutions "
                f"({', '.join(str(n) for n in nodes)}); merge them first"
            )
        reference = reference or reference_node(graph, path)
        node = nodes[0]
        record = URIRef(f"{CGID}linkrec/institution/{iri_tail(node, 'institution')}/wikidata")
        added += add_link_record(
            graph,
            record,
            (node, SKOS.exactMatch, entity),
            source=row["source"],
            reference=reference,
            notes=(
                f"name_in_text: {row['name_in_text']}; official_name: {row['official_name']}",
                row["note"],
            ),
        )
    return added
