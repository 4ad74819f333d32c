"""CSV tables per entity type, with a CSVW metadata file describing their columns.

Each table is a SPARQL query in ``clustergraph/export/tables/`` whose first column is the entity.
Rows are merged per entity (multi-valued cells joined with `` | `` in sorted order), so a table has
exactly one row per entity of its class. Files are UTF-8 with a byte-order mark, which spreadsheet
programs such as Excel need to show Chinese correctly. ``csv-metadata.json`` (CSV on the Web) gives
every column its XSD datatype, and a ``separator`` for the columns where some cell holds several
values. Language-tag filters use ``langMatches``: Oxigraph lower-cases tags (``zh-latn-pinyin``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from clustergraph.fileio import atomic_write_bytes

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["SEPARATOR", "Table", "run_table", "table_queries", "write_tables"]

SEPARATOR = " | "
_CLASS_LINE = re.compile(r"^#:\s*class\s+(\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Table:
    """One exported table: columns in query order, one merged row per entity, CSVW datatypes."""

    columns: list[str]
    rows: list[dict[str, str]]
    types: dict[str, str]
    multi: set[str]  # columns where some entity has several values


def table_queries() -> dict[str, str]:
    """Table name → SPARQL text, in name order."""
    folder = files("clustergraph.export").joinpath("tables")
    queries = {
        entry.name.removesuffix(".rq"): entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    }
    return dict(sorted(queries.items()))


def run_table(store: object, query: str) -> Table:
    """Run one table query on a pyoxigraph store; return its columns, merged rows and types."""
    results = store.query(query)  # type: ignore[attr-defined]
    columns = [v.value for v in results.variables]
    merged: dict[str, dict[str, set[str]]] = {}
    kinds: dict[str, set[str]] = {c: set() for c in columns}
    for solution in results:
        key = _text(solution[columns[0]])
        row = merged.setdefault(key, {c: set() for c in columns})
        for column in columns:
            term = solution[column]
            if term is None:
                continue
            row[column].add(_text(term))
            kinds[column].add(_kind(term))
    rows = [
        {c: SEPARATOR.join(sorted(values)) for c, values in merged[key].items()}
        for key in sorted(merged)
    ]
    multi = {c for c in columns if any(len(merged[key][c]) > 1 for key in merged)}
    types = {c: _datatype(kinds[c]) for c in columns}
    return Table(columns, rows, types, multi)


def write_tables(graph: Graph, out_dir: Path) -> list[Path]:
    """Write one CSV per table plus ``csv-metadata.json`` (CSVW) into ``out_dir``."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(
        graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES
    )
    written: list[Path] = []
    tables_meta = []
    for name, query in table_queries().items():
        table = run_table(store, query)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=table.columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(table.rows)
        path = out_dir / f"{name}.csv"
        written.append(atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig")))
        match = _CLASS_LINE.search(query)
        tables_meta.append(_table_meta(name, table, match.group(1) if match else None))
    metadata = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "dc:title": "clustergraph CSV tables",
        "dc:license": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
        "dialect": {"encoding": "utf-8", "header": True, "lineTerminators": ["\r\n"]},
        "tables": tables_meta,
    }
    text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
    written.append(atomic_write_bytes(out_dir / "csv-metadata.json", text.encode("utf-8")))
    return sorted(written)


def _table_meta(name: str, table: Table, cls: str | None) -> dict:
    description = f"One row per {cls}." if cls else ""
    columns = []
    for index, column in enumerate(table.columns):
        entry: dict[str, object] = {
            "name": column,
            "titles": column,
            "datatype": table.types[column],
            "required": index == 0,
        }
        if column in table.multi:  # CSVW splits the cell on the separator, then types each value
            entry["separator"] = SEPARATOR
        columns.append(entry)
    return {
        "url": f"{name}.csv",
        "dc:description": description + f" Multi-valued cells are joined with '{SEPARATOR}'.",
        "tableSchema": {"columns": columns, "primaryKey": table.columns[0]},
    }


def _text(term: object) -> str:
    return str(getattr(term, "value", term))


_XSD_TYPES = ("integer", "decimal", "boolean", "date", "gYear", "gYearMonth", "nonNegativeInteger")


def _kind(term: object) -> str:
    if type(term).__name__ == "NamedNode":
        return "anyURI"
    datatype = getattr(term, "datatype", None)
    if datatype is None:
        return "string"
    local = str(datatype.value).rsplit("#", 1)[-1]
    return local if local in _XSD_TYPES else "string"


def _datatype(kinds: set[str]) -> str:
    """One CSVW datatype for a column: the common one, a wider number type, or string."""
    if len(kinds) == 1:
        return next(iter(kinds))
    if kinds <= {"integer", "nonNegativeInteger"}:
        return "integer"
    if kinds <= {"integer", "nonNegativeInteger", "decimal"}:
        return "decimal"
    return "string"
