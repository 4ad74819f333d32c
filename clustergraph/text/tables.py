"""Tables: a caption "表N …" and rows of tab- or pipe-separated cells, possibly cut by page breaks.

Cells are separated by tabs ("a<TAB>b") or by pipes ("a | b", also "| a | b |" with outer pipes;
a Markdown rule row "|---|:---:|" under the header is skipped). A line of pipes starts a table
only after a caption, or when the next line is a rule or has as many cells, and is no heading:
a lone "典型案例 1 | 标题" or "地址: 略 | 电话: 略" stays what it was. Runs of tabs are one
separator; between pipes an empty cell is kept (empty) so that later columns stay in place.

The first row is the header and fixes the column count. A row with fewer cells continues on the
next line (its first piece extends the last cell) unless that line starts with the next serial
number; a complete row's last cell continues on a plain line when both sides of the break are
CJK and the cell stops mid-sentence.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from clustergraph.text.lines import Line
from clustergraph.text.nodes import Node
from clustergraph.text.normalize import is_cjk
from clustergraph.text.numerals import parse_number_token
from clustergraph.text.patterns import ends_open
from clustergraph.text.tree import adopt

if TYPE_CHECKING:
    from clustergraph.text.structure import Parser

__all__ = [
    "Cell",
    "Row",
    "TableReader",
    "is_rule_row",
    "pipe_cells",
    "pipe_table_at",
    "row_delimiter",
    "split_cells",
]

Cell = list[tuple[int, int]]  # raw pieces of one cell (several when cut by a page break)
Row = list[Cell]

#: raw characters that separate pipe cells (NFKC folds the full-width bar to "|")
_BARS = "|｜"
#: a cell of a Markdown rule row: hyphens with optional alignment colons
_RULE_CELL = re.compile(r":?-+:?")
#: longest header cell of a table without a caption, and the marks no header cell holds (NFKC)
MAX_HEADER_CELL = 20
_PROSE_MARKS = frozenset("。,;!?:、")
#: line kinds that end a pipe table (a heading after the last row, with no blank line between)
_HEADINGS = frozenset(
    {"part", "section", "case", "preface", "toc", "table_caption", "figure_caption"}
)


def pipe_cells(norm: str) -> list[str] | None:
    """The trimmed cells of a pipe-separated line, or None when it is none.

    Outer pipes ("| a | b |") open and close the row, they add no cells. A row has at least two
    cells, two of them with text (or it is a rule row), so "a |" or "| a |" is no row.
    """
    if "|" not in norm:
        return None
    body = norm.strip()
    body = body.removeprefix("|").removesuffix("|")
    cells = [cell.strip() for cell in body.split("|")]
    if len(cells) < 2:
        return None
    if sum(1 for cell in cells if cell) < 2 and not _is_rule(cells):
        return None
    return cells


def _is_rule(cells: list[str]) -> bool:
    return all(_RULE_CELL.fullmatch(cell.replace(" ", "")) for cell in cells)


def is_rule_row(norm: str) -> bool:
    """A Markdown rule row ("|---|:--:|") between a pipe table's header and its data rows."""
    cells = pipe_cells(norm)
    return cells is not None and _is_rule(cells)


def row_delimiter(norm: str) -> str | None:
    """How a line separates cells: a tab, "|", or None for a line that is no table row."""
    if "\t" in norm:
        return "\t"
    return "|" if pipe_cells(norm) is not None else None


def _header_like(cells: list[str]) -> bool:
    """Short labels without sentence punctuation ("序号", "地区"), not clauses of prose."""
    return all(len(cell) <= MAX_HEADER_CELL and not _PROSE_MARKS & set(cell) for cell in cells)


def pipe_table_at(parser: Parser, i: int) -> bool:
    """Does a table without a caption start at pipe line ``i``?

    Only when the line is no heading and either a rule row follows, or its cells read as column
    labels and the next content line is a pipe row with as many cells: a line of prose with a
    pipe in it ("地址: 略 | 电话: 略", "A|B 两种写法。") is not a table.
    """
    cells = pipe_cells(parser.lines[i].norm)
    if cells is None or _is_rule(cells) or parser.matches[i] is not None:
        return False
    k, _ = parser.next_content(i + 1)
    following = pipe_cells(parser.lines[k].norm) if k is not None else None
    if following is None:
        return False
    return _is_rule(following) or (len(following) == len(cells) and _header_like(cells))


def split_cells(raw: str, line: Line, delimiter: str = "\t") -> Row:
    """Cells of a row line: the raw text between delimiters, trimmed.

    Runs of tabs are one separator (empty chunks are dropped); between pipes an empty chunk is an
    empty cell (a zero-width span where it stands), and outer pipes add no cells.
    """
    text = raw[line.cstart : line.cend]
    if delimiter == "\t":
        chunks = text.split("\t")
    else:
        chunks = re.split(f"[{_BARS}]", text)
    cells: Row = []
    pos = line.cstart
    last = len(chunks) - 1
    for index, chunk in enumerate(chunks):
        body = chunk.strip()
        start = pos + len(chunk) - len(chunk.lstrip())
        pos += len(chunk) + 1
        if body:
            cells.append([(start, start + len(body))])
        elif delimiter != "\t" and 0 < index < last:
            cells.append([(start, start)])
    return cells


class TableReader:
    """Reads one table for the parser and writes it to the tree and the clean text."""

    def __init__(self, parser: Parser) -> None:
        self.p = parser
        self.raw = parser.raw
        self.delimiter = "\t"

    def _serial(self, cell: Cell) -> int | None:
        return parse_number_token(self.raw[cell[0][0] : cell[-1][1]])

    def _cell_open(self, row: Row, columns: int, line: Line) -> bool:
        """Does plain ``line`` continue the row's last cell?"""
        if self._closed(row):
            return False
        if len(row) < columns:
            return True
        piece = row[-1][-1]
        if piece[0] == piece[1]:
            return False  # an empty last cell: nothing to continue
        last = self.raw[piece[1] - 1]
        return ends_open(last) and is_cjk(last) and is_cjk(self.raw[line.cstart])

    def _closed(self, row: Row) -> bool:
        """Does an outer pipe close the row ("| a | b |"), so that no line continues it?"""
        if self.delimiter == "\t":
            return False
        end = row[-1][-1][1]
        rest = self.raw[end : end + 8].lstrip(" \u3000")
        return rest[:1] in tuple(_BARS)

    def _is_row(self, k: int, columns: int) -> bool:
        """Is line ``k`` a row of this table (a pipe line that is a heading ends a pipe table)?"""
        norm = self.p.lines[k].norm
        if self.delimiter == "\t":
            return "\t" in norm
        cells = pipe_cells(norm)
        if cells is None or "\t" in norm:
            return False
        match = self.p.matches[k]
        return match is None or match.kind not in _HEADINGS or len(cells) == columns

    def _add_line(self, rows: list[Row], columns: int, line: Line) -> None:
        cells = split_cells(self.raw, line, self.delimiter)
        previous = self._serial(rows[-1][0]) if len(rows) > 1 else None
        numbered = previous is not None and self._serial(cells[0]) == previous + 1
        opened = self.delimiter != "\t" and self.raw[line.cstart] in _BARS  # "| a | b"
        if len(rows[-1]) < columns and not (numbered or opened or self._closed(rows[-1])):
            rows[-1][-1].extend(piece for piece in cells[0] if piece[0] < piece[1])
            rows[-1].extend(cells[1:])
        else:
            rows.append(cells)

    def read(self, caption: int | None, first: int, queue: list[int]) -> int:
        """Read rows from line ``first``; return the index of the first line after the table.

        ``queue`` holds furniture lines met so far inside the table (placed in raw order).
        """
        p = self.p
        self.delimiter = row_delimiter(p.lines[first].norm) or "\t"
        rows = [split_cells(self.raw, p.lines[first], self.delimiter)]
        columns = len(rows[0])
        ruled = False  # a rule row closes the row above it
        j = first + 1
        while True:
            k, skipped = p.next_content(j)
            if k is None:
                break
            line = p.lines[k]
            if self._is_row(k, columns):
                ruled = is_rule_row(line.norm)
                if not ruled:
                    self._add_line(rows, columns, line)
            elif not ruled and p.plain[k] and self._cell_open(rows[-1], columns, line):
                rows[-1][-1].append((line.cstart, line.cend))
            else:
                break
            queue.extend(skipped)
            j = k + 1
        self._write(caption, rows, queue)
        return j

    def _write(self, caption: int | None, rows: list[Row], queue: list[int]) -> None:
        p = self.p
        heading = None
        if caption is not None:
            line, match = p.lines[caption], p.matches[caption]
            assert match is not None  # a caption line has a match
            title = line.norm[match.title_start : match.title_end] or None
            heading = p.heading_node(line, len(line.norm), "table", title)
            heading.number, heading.ordinal = match.number, match.ordinal
        row_nodes = [self._write_row(row, k, queue) for k, row in enumerate(rows)]
        anchor = heading or row_nodes[0]
        table = Node("table", anchor.start, anchor.end, anchor.clean_start, anchor.clean_end)
        if heading is not None:
            table.title, table.number = heading.title, heading.number
            table.ordinal = heading.ordinal
            adopt(table, heading)
        p.tree.attach(table)
        for node in row_nodes:
            adopt(table, node)

    def _write_row(self, row: Row, k: int, queue: list[int]) -> Node:
        """Row ``k`` (0 is the header): cells separated by tabs (whatever the source used), rows
        by newlines.
        """
        p, cb = self.p, self.p.tree.cb
        p.place_furniture_before(row[0][0][0], queue)
        cb.separator("\n", row[0][0][0])
        node = Node("table_row", row[0][0][0], row[-1][-1][1], cb.pos, cb.pos)
        node.role, node.ordinal = ("header", None) if k == 0 else ("data", k)
        for column, cell in enumerate(row, start=1):
            if column > 1:
                cb.separator("\t", cell[0][0])
            clean_start, clean_end = cb.text(*cell[0], tabs=True)
            for previous, piece in pairwise(cell):
                p.place_furniture_before(piece[0], queue)
                cb.soft_break(previous[1], piece[0])
                clean_end = cb.text(*piece, tabs=True)[1]
            cell_node = Node("table_cell", cell[0][0], cell[-1][1], clean_start, clean_end)
            cell_node.ordinal = column
            adopt(node, cell_node)
        node.clean_start = node.children[0].clean_start
        node.clean_end = node.children[-1].clean_end
        return node
