"""Which white-paper clusters are on MIIT's national advanced-manufacturing-cluster lists.

Source: ``kg/reference/national-cluster-lists.csv`` (one row per case cluster, one ``in_{year}_…``
column per list) and ``national-cluster-lists-meta.csv`` (size and source of each list). Lists are
cumulative: 25 clusters in 2021, 45 by 2022, 80 by 2024.

For a ``cg:Cluster`` whose ``rdfs:label`` @zh equals a spelling of ``cluster_name_in_text`` (the
cell without a trailing `` (…)``, the bracketed alternative, and both readings of an in-word
``A/B`` such as 电器/电气) the linker writes, per list year, a ``cg:NationalListStatus``
``cgid:national-list-status/{cluster slug}/{year}``: ``cg:refCluster``, ``cg:nationalList``
(``cgid:national-list/{year}``, a ``cg:NationalClusterList`` with ``dct:issued`` and ``cg:size``),
``cg:listStatus`` (the leading words of the cell: yes → ``cg:Listed``, n/a → ``cg:PreviouslyListed``,
…related… → ``cg:RelatedClusterListed``, not found → ``cg:NotFound``, no → ``cg:NotListed``),
``cg:verification`` (``cg:Verified`` / ``cg:PartiallyVerified``), ``cg:nameInList``, the cell text as
``skos:note``, and ``dct:source``. Listed clusters also get ``cg:listedIn`` the list, so
"which 2020 cases became national clusters?" is one triple pattern.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from clustergraph.errors import InputError
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, RDF, RDFS, SKOS, XSD
from clustergraph.link.records import iri_tail, nfkc, read_table, reference_node, table_path

__all__ = [
    "META_TABLE",
    "TABLE",
    "link_national_lists",
    "list_status",
    "name_variants",
    "parse_list_name",
]

TABLE = "national-cluster-lists.csv"
META_TABLE = "national-cluster-lists-meta.csv"
_COLUMNS = (
    "case_no",
    "cluster_name_in_text",
    "name_in_national_list",
    "verified",
    "source",
    "notes",
)
_YEAR_COLUMN = re.compile(r"^in_(?P<year>[0-9]{4})_")
_TRAILING = re.compile(r"^(?P<base>.+?)\s+\((?P<inner>[^()]+)\)$")
_SCOPED = re.compile(r"^\((?P<year>[0-9]{4})\)\s*(?P<name>.+)$")
_LATIN = re.compile(r"[A-Za-z]")
_VERIFICATION = {"yes": CG.Verified, "partial": CG.PartiallyVerified}


def name_variants(cell: str) -> list[str]:
    """Spellings of a ``cluster_name_in_text`` cell (see module docstring), NFKC, in order."""
    text = nfkc(cell)
    names: list[str] = []
    match = _TRAILING.match(text)
    stems = [match["base"], match["inner"]] if match else [text]
    for stem in stems:
        stem = stem.strip()
        if "/" not in stem:
            names.append(stem)
            continue
        left, _, right = stem.partition("/")
        for k in range(1, min(len(left), len(right)) + 1):
            names.extend((left + right[k:], left[:-k] + right))
    return [n for i, n in enumerate(names) if n and n not in names[:i]]


def list_status(cell: str, where: str) -> URIRef:
    """The status concept for one list cell."""
    text = cell.strip().lower()
    if text.startswith("yes"):
        return CG.Listed
    if text.startswith("n/a"):
        return CG.PreviouslyListed
    if re.search(r"\brelated\b", text):
        return CG.RelatedClusterListed
    if text.startswith("not found"):
        return CG.NotFound
    if text.startswith("no"):
        return CG.NotListed
    raise InputError(f"{where}: cannot read list status {cell!r}")


def parse_list_name(cell: str) -> tuple[str | None, str | None, str | None]:
    """``(year or None, Chinese name, English name)`` of a ``name_in_national_list`` cell."""
    text = nfkc(cell)
    if text in {"", "-"}:
        return None, None, None
    year = None
    scoped = _SCOPED.match(text)
    if scoped:
        year, text = scoped["year"], scoped["name"].strip()
    english = None
    trailing = _TRAILING.match(text)
    if trailing and _LATIN.search(trailing["inner"]) and trailing["inner"].isascii():
        text, english = trailing["base"].strip(), trailing["inner"].strip()
    return year, text, english


def _clusters(graph: Graph) -> dict[str, set[URIRef]]:
    found: dict[str, set[URIRef]] = {}
    for node in graph.subjects(RDF.type, CG.Cluster):
        if not isinstance(node, URIRef):
            continue
        for label in graph.objects(node, RDFS.label):
            if getattr(label, "language", None) == "zh":
                found.setdefault(nfkc(str(label)), set()).add(node)
    return found


def _describe_list(graph: Graph, year: str, meta: dict[str, str]) -> URIRef:
    iri = mint("national-list", year)
    if (iri, RDF.type, CG.NationalClusterList) not in graph:
        graph.add((iri, RDF.type, CG.NationalClusterList))
        graph.add((iri, RDFS.label, Literal(meta["label_zh"], lang="zh")))
        graph.add((iri, RDFS.label, Literal(meta["label_en"], lang="en")))
        graph.add((iri, DCTERMS.issued, Literal(year, datatype=XSD.gYear)))
        graph.add((iri, CG.size, Literal(int(meta["size"]), datatype=XSD.integer)))
        graph.add(
            (
                iri,
                RDFS.comment,
                Literal(
                    f"Cumulative: {meta['size']} national clusters after this list "
                    f"({meta['added']} added).",
                    lang="en",
                ),
            )
        )
        graph.add((iri, DCTERMS.source, Literal(meta["source"])))
    return iri


def _year_columns(
    fieldnames: list[str], meta: dict[str, dict[str, str]], name: str
) -> dict[str, str]:
    columns: dict[str, str] = {}
    for column in fieldnames:
        match = _YEAR_COLUMN.match(column)
        if match:
            if match["year"] not in meta:
                raise InputError(
                    f"{name}: no size/source for the {match['year']} list in {META_TABLE}"
                )
            columns[match["year"]] = column
    if not columns:
        raise InputError(f"{name}: no in_YYYY_… list columns")
    return dict(sorted(columns.items()))


def link_national_lists(graph: Graph, table: str | Path | None = None) -> int:
    """Add list-status nodes for the clusters of ``graph``; return how many are new."""
    path = table_path(TABLE, table)
    rows = read_table(path, _COLUMNS)
    meta_path = path.parent / META_TABLE if table is not None else table_path(META_TABLE)
    meta = {
        r["year"]: r
        for r in read_table(meta_path, ("year", "size", "added", "label_zh", "label_en", "source"))
    }
    columns = _year_columns(list(rows[0]) if rows else [], meta, path.name)
    clusters = _clusters(graph)
    reference: URIRef | None = None
    added = 0
    for number, row in enumerate(rows, start=2):
        where = f"{path.name} line {number}"
        verification = _VERIFICATION.get(row["verified"].strip().lower())
        if verification is None:
            raise InputError(f"{where}: verified must be yes or partial, not {row['verified']!r}")
        statuses = {year: list_status(row[column], where) for year, column in columns.items()}
        name_year, name_zh, name_en = parse_list_name(row["name_in_national_list"])
        if name_year is not None and name_year not in columns:
            raise InputError(f"{where}: name given for unknown list year {name_year}")
        nodes = sorted(
            {n for v in name_variants(row["cluster_name_in_text"]) for n in clusters.get(v, ())}
        )
        if len(nodes) > 1:
            raise InputError(
                f"{where}: {row['cluster_name_in_text']!r} matches {len(nodes)} clusters"
            )
        if not nodes:
            continue
        cluster = nodes[0]
        reference = reference or reference_node(graph, path)
        slug = iri_tail(cluster, "cluster")
        for year, column in columns.items():
            status = statuses[year]
            national_list = _describe_list(graph, year, meta[year])
            node = mint("national-list-status", slug, year)
            added += (node, RDF.type, CG.NationalListStatus) not in graph
            graph.add((node, RDF.type, CG.NationalListStatus))
            graph.add((node, CG.refCluster, cluster))
            graph.add((node, CG.nationalList, national_list))
            graph.add((node, CG.listStatus, status))
            graph.add((node, CG.verification, verification))
            graph.add((node, SKOS.note, Literal(f"{column}: {row[column]}")))
            if row["notes"]:
                graph.add((node, SKOS.note, Literal(row["notes"])))
            graph.add((node, DCTERMS.source, Literal(row["source"])))
            graph.add((node, CG.linkSource, reference))
            if status == CG.Listed:
                graph.add((cluster, CG.listedIn, national_list))
            names_here = year == name_year if name_year else status == CG.Listed
            if name_zh and names_here:
                graph.add((node, CG.nameInList, Literal(name_zh, lang="zh")))
                if name_en:
                    graph.add((node, CG.nameInList, Literal(name_en, lang="en")))
    return added
