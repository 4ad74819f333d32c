"""Write a :class:`ResultTable` as an aligned table, or as standard SPARQL results.

* ``table``: for people; CJK characters count two columns (``unicodedata.east_asian_width``),
  IRIs are shortened with the query's own PREFIXes, long cells are cut with "…".
* ``csv``: SPARQL 1.1 Query Results CSV — header of variable names, plain values, CRLF line ends.
* ``tsv``: SPARQL 1.1 Query Results TSV — header of ``?vars``, values as N-Triples terms, LF.
* ``json``: SPARQL 1.1 Query Results JSON.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Mapping

from clustergraph.query.results import ResultTable, Term

__all__ = ["FORMATS", "display_width", "render", "to_csv", "to_json", "to_table", "to_tsv"]

FORMATS = ("table", "csv", "tsv", "json")
MAX_CELL = 60


def render(table: ResultTable, fmt: str, prefixes: Mapping[str, str] | None = None) -> str:
    """Serialise ``table`` in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "csv":
        return to_csv(table)
    if fmt == "tsv":
        return to_tsv(table)
    if fmt == "json":
        return to_json(table)
    if fmt == "table":
        return to_table(table, prefixes or {})
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def to_csv(table: ResultTable) -> str:
    """CSV per the W3C spec: IRIs and literals as plain strings, blank nodes as ``_:label``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_value(row.get(column)) for column in table.columns])
    return out.getvalue()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if term.type == "bnode" else term.value


def to_tsv(table: ResultTable) -> str:
    """TSV per the W3C spec: ``?var`` header, each value one N-Triples-style term."""
    lines = ["\t".join(f"?{column}" for column in table.columns)]
    for row in table.rows:
        lines.append("\t".join(row[c].n3() if c in row else "" for c in table.columns))
    return "\n".join(lines) + "\n"


def to_json(table: ResultTable) -> str:
    """SPARQL 1.1 Query Results JSON (UTF-8 text, not ASCII-escaped)."""
    document = {
        "head": {"vars": list(table.columns)},
        "results": {
            "bindings": [
                {c: row[c].to_json() for c in table.columns if c in row} for row in table.rows
            ]
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters count two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _cut(text: str, limit: int) -> str:
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for char in text:
        step = display_width(char)
        if width + step > limit - 1:
            break
        out.append(char)
        width += step
    return "".join(out) + "…"


def _cell(term: Term | None, prefixes: list[tuple[str, str]]) -> str:
    if term is None:
        return ""
    if term.type == "uri":
        for prefix, namespace in prefixes:
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return f"<{term.value}>"
    if term.type == "bnode":
        return f"_:{term.value}"
    return " ".join(term.value.split())  # newlines and tabs would break the grid


def to_table(table: ResultTable, prefixes: Mapping[str, str], max_cell: int = MAX_CELL) -> str:
    """An aligned plain-text table with a row count, for reading in a terminal."""
    by_length = sorted(prefixes.items(), key=lambda item: len(item[1]), reverse=True)
    header = list(table.columns)
    body = [
        [_cut(_cell(row.get(c), by_length), max_cell) for c in table.columns] for row in table.rows
    ]
    widths = [
        max([display_width(h)] + [display_width(r[i]) for r in body]) for i, h in enumerate(header)
    ]

    def line(cells: list[str]) -> str:
        padded = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(cells)]
        return "  ".join(padded).rstrip()

    lines = [line(header), "  ".join("-" * w for w in widths)]
    lines += [line(cells) for cells in body]
    count = len(table.rows)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"
