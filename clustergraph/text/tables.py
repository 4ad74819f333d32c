"""Tables: a caption "表N …" and tab-separated rows, possibly cut by page breaks.

The first row is the header and fixes the column count. A row with fewer cells continues on the
next line (its first piece extends the last cell) unless that line starts with the next serial
number; a complete row's last cell continues on a plain line when both sides of the break are
CJK and the cell stops mid-sentence.
"""

from __future__ import annotations

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

__all__ = ["Cell", "Row", "TableReader", "split_cells"]

Cell = list[tuple[int, int]]  # raw pieces of one cell (several when cut by a page break)
Row = list[Cell]


def split_cells(raw: str, line: Line) -> Row:
    """Cells of a tab-separated line: the raw text between runs of tabs, trimmed."""
    cells: Row = []
    pos = line.cstart
    for chunk in raw[line.cstart : line.cend].split("\t"):
        body = chunk.strip()
        if body:
            start = pos + len(chunk) - len(chunk.lstrip())
            cells.append([(start, start + len(body))])
        pos += len(chunk) + 1
    return cells


class TableReader:
    """Reads one table for the parser and writes it to the tree and the clean text."""

    def __init__(self, parser: Parser) -> None:
        self.p = parser
        self.raw = parser.raw

    def _serial(self, cell: Cell) -> int | None:
        return parse_number_token(self.raw[cell[0][0] : cell[-1][1]])

    def _cell_open(self, row: Row, columns: int, line: Line) -> bool:
        """Does plain ``line`` continue the row's last cell?"""
        if len(row) < columns:
            return True
        last = self.raw[row[-1][-1][1] - 1]
        return ends_open(last) and is_cjk(last) and is_cjk(self.raw[line.cstart])

    def _add_line(self, rows: list[Row], columns: int, line: Line) -> None:
        cells = split_cells(self.raw, line)
        previous = self._serial(rows[-1][0]) if len(rows) > 1 else None
        numbered = previous is not None and self._serial(cells[0]) == previous + 1
        if len(rows[-1]) < columns and not numbered:
            rows[-1][-1].extend(cells[0])
            rows[-1].extend(cells[1:])
        else:
            rows.append(cells)

    def read(self, caption: int | None, first: int, queue: list[int]) -> int:
        """Read rows from line ``first``; return the index of the first line after the table.

        ``queue`` holds furniture lines met so far inside the table (placed in raw order).
        """
        p = self.p
        rows = [split_cells(self.raw, p.lines[first])]
        columns = len(rows[0])
        j = first + 1
        while True:
            k, skipped = p.next_content(j)
            if k is None:
                break
            line = p.lines[k]
            if "\t" in line.norm:
                self._add_line(rows, columns, line)
            elif p.plain[k] and self._cell_open(rows[-1], columns, line):
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
        """Row ``k`` (0 is the header): cells separated by tabs, rows by newlines."""
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
