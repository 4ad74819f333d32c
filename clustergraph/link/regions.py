"""Link region nodes to Wikidata from ``kg/reference/regions-wikidata.csv``.

The join key is the GB/T 2260 code (``cg:gbt2260Code``), never a name. Each linked region gets
``owl:sameAs`` and ``skos:exactMatch`` to ``wd:Q…`` plus a record ``cgid:linkrec/{code}/wikidata``
keeping the row's source. The table is checked first: well-formed QIDs, one QID per code and no
QID shared by two codes, and the official name must be one of the region's ``@zh`` labels.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, URIRef

from clustergraph.errors import InputError
from clustergraph.graph.namespaces import CG, CGID, OWL, RDF, RDFS, SKOS
from clustergraph.link.records import (
    add_link_record,
    read_table,
    reference_node,
    table_path,
    wikidata_iri,
)

__all__ = ["TABLE", "link_regions", "region_wikidata"]

TABLE = "regions-wikidata.csv"
_COLUMNS = ("name_in_text", "official_name", "level", "gbt2260_code", "wikidata_qid", "source")
_CODE = re.compile(r"^[0-9]{6}$")


def region_wikidata(path: Path) -> dict[str, dict[str, str]]:
    """Rows by GB/T 2260 code, after the table checks (see module docstring)."""
    rows = read_table(path, _COLUMNS)
    by_code: dict[str, dict[str, str]] = {}
    by_qid: dict[str, str] = {}
    for number, row in enumerate(rows, start=2):
        where = f"{path.name} line {number}"
        code, qid = row["gbt2260_code"], row["wikidata_qid"]
        if not _CODE.match(code):
            raise InputError(f"{where}: {code!r} is not a six-digit GB/T 2260 code")
        wikidata_iri(qid, where)
        if code in by_code and by_code[code]["wikidata_qid"] != qid:
            raise InputError(f"{where}: code {code} has two QIDs")
        if by_qid.setdefault(qid, code) != code:
            raise InputError(f"{where}: {qid} is given for both {by_qid[qid]} and {code}")
        by_code[code] = row
    return by_code


def link_regions(graph: Graph, table: str | Path | None = None) -> int:
    """Add Wikidata links for the regions present in ``graph``; return how many are new."""
    path = table_path(TABLE, table)
    rows = region_wikidata(path)
    regions: dict[str, list[URIRef]] = {}
    for node in graph.subjects(RDF.type, CG.Region):
        code = graph.value(node, CG.gbt2260Code)
        if isinstance(node, URIRef) and code is not None and str(code) in rows:
            regions.setdefault(str(code), []).append(node)
    reference = reference_node(graph, path) if regions else None
    added = 0
    for code in sorted(regions):
        nodes = sorted(set(regions[code]))
        row = rows[code]
        if len(nodes) > 1:
            raise InputError(
                f"{row['wikidata_qid']} would link {len(nodes)} regions with code {code}"
            )
        node = nodes[0]
        labels = {
            str(o) for o in graph.objects(node, RDFS.label) if getattr(o, "language", None) == "zh"
        }
        if labels and row["official_name"] not in labels:
            raise InputError(
                f"{TABLE}: {code} is {row['official_name']!r} in the table but {sorted(labels)} in the graph"
            )
        entity = wikidata_iri(row["wikidata_qid"], TABLE)
        graph.add((node, OWL.sameAs, entity))
        record = URIRef(f"{CGID}linkrec/{code}/wikidata")
        assert reference is not None
        added += add_link_record(
            graph,
            record,
            (node, SKOS.exactMatch, entity),
            source=row["source"],
            reference=reference,
            notes=(
                f"name_in_text: {row['name_in_text']}",
                f"official_name: {row['official_name']}; level: {row['level']}",
            ),
        )
        graph.add((record, CG.linkPredicate, OWL.sameAs))
    return added
