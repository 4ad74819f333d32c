"""Shared pieces of the linkers: reading reference tables and writing curated-link records.

Every curated link is kept twice: as the plain SKOS/OWL triple a query wants
(``<x> skos:exactMatch wd:Q…``) and as a ``cg:CuratedLink`` record that says which triple it is and
where it came from (``dct:source`` = the row's own source text, ``cg:linkSource`` = the reference
table, described once with its file name and SHA-256).
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from clustergraph.errors import InputError
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, PROV, RDF, RDFS, SKOS, WD
from clustergraph.resources import data_path

__all__ = [
    "REFERENCE_DIR",
    "add_link_record",
    "iri_tail",
    "nfkc",
    "read_table",
    "reference_node",
    "table_path",
    "wikidata_iri",
]

REFERENCE_DIR = "kg/reference"
_QID = re.compile(r"^Q[1-9][0-9]*$")


def nfkc(text: str) -> str:
    """NFKC-folded, stripped text: how labels and table cells are compared."""
    return unicodedata.normalize("NFKC", text).strip()


def table_path(name: str, table: str | Path | None = None) -> Path:
    """The reference table to read: ``table`` if given, else ``kg/reference/{name}``."""
    return Path(table) if table is not None else data_path(f"{REFERENCE_DIR}/{name}")


def read_table(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV reference table, checking that ``required`` columns exist."""
    if not path.is_file():
        raise InputError(f"reference table not found: {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path.name}: missing column(s) {', '.join(missing)}")
        return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


def wikidata_iri(qid: str, where: str) -> URIRef:
    """``wd:Q…`` for a well-formed QID; anything else is an input error naming ``where``."""
    if not _QID.match(qid):
        raise InputError(f"{where}: {qid!r} is not a Wikidata QID (Q followed by digits)")
    return WD[qid]


def iri_tail(iri: URIRef, kind: str) -> str:
    """The key after ``cgid:{kind}/`` (``cgid:cluster/abc`` → ``abc``)."""
    prefix = str(mint(kind, "x"))[:-1]
    text = str(iri)
    return text[len(prefix) :] if text.startswith(prefix) else text.rsplit("/", 1)[-1]


def reference_node(graph: Graph, path: Path) -> URIRef:
    """``cgid:reference/{stem}`` describing one reference table (file name, SHA-256)."""
    iri = mint("reference", path.stem)
    if (iri, RDF.type, PROV.Entity) not in graph:
        graph.add((iri, RDF.type, PROV.Entity))
        graph.add((iri, RDFS.label, Literal(path.name)))
        graph.add((iri, CG.fileName, Literal(f"{REFERENCE_DIR}/{path.name}")))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        graph.add((iri, CG.sha256, Literal(digest)))
    return iri


def add_link_record(
    graph: Graph,
    record: URIRef,
    link: tuple[URIRef, URIRef, URIRef],
    *,
    source: str,
    reference: URIRef,
    notes: tuple[str, ...] = (),
) -> bool:
    """Assert ``link`` and its ``cg:CuratedLink`` record; return False if the record existed.

    :param source: the row's source text (``dct:source``); must not be empty.
    :param notes: free-text notes kept as ``skos:note`` (empty ones are skipped).
    """
    if not source.strip():
        raise InputError(f"curated link {record} has no source")
    subject, predicate, obj = link
    new = (record, RDF.type, CG.CuratedLink) not in graph
    graph.add(link)
    graph.add((record, RDF.type, CG.CuratedLink))
    graph.add((record, CG.linkSubject, subject))
    graph.add((record, CG.linkPredicate, predicate))
    graph.add((record, CG.linkObject, obj))
    graph.add((record, DCTERMS.source, Literal(source.strip())))
    graph.add((record, CG.linkSource, reference))
    for note in notes:
        if note.strip():
            graph.add((record, SKOS.note, Literal(note.strip())))
    return new
