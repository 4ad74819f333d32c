"""``parse_document``: raw text → document tree with raw and clean offsets for every node.

One pass over the lines builds the tree (a stack of open containers ranked part > section >
case > item) and writes the clean text in raw order; a second pass cuts paragraphs into sentences
and enumeration items. Hierarchy: document > front_matter / preface / toc / part; part > section;
section > case / item / paragraph / table; paragraph > sentence / enumeration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from clustergraph.text.furniture import continuation, furniture_roles
from clustergraph.text.lines import Line, split_lines
from clustergraph.text.nodes import Document, Node
from clustergraph.text.normalize import CleanBuilder, CleanText, is_cjk
from clustergraph.text.numerals import parse_number_token
from clustergraph.text.patterns import (
    MAX_HEADING,
    LineMatch,
    ends_open,
    match_line,
    match_toc_entry,
)
from clustergraph.text.segment import chain_markers, find_markers, heading_clause, split_sentences

__all__ = ["parse_document"]

_RANKS = {"front_matter": 1, "preface": 1, "toc": 1, "part": 1, "section": 2, "case": 3, "item": 4}
_HEADED = ("part", "section", "case", "item")
_Piece = tuple[int, int]  # a raw [start, end) range of content


def parse_document(raw: str) -> Document:
    """Parse a white paper (or any text: nothing is required) into a :class:`Document`."""
    return _Parser(raw).run()


@dataclass(slots=True)
class _Frame:
    """An open container and its rank; items also remember their marker style ("." "、" "()")."""

    node: Node
    rank: int
    style: str | None = None


class _Parser:
    """Builds the tree and the clean text in one pass over the lines."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.lines = split_lines(raw)
        self.matches = [self._match(line) for line in self.lines]
        self.body_start = self._front_matter_end()
        self.roles = furniture_roles(self.lines, self.matches, self.body_start)
        self.plain = [self._is_plain(line) for line in self.lines]
        self.cb = CleanBuilder(raw)
        self.root = Node("document", 0, len(raw), 0, 0)
        self.stack = [_Frame(self.root, 0)]
        self.pending: list[tuple[Node, tuple[Node, ...]]] = []
        self.paragraphs: list[Node] = []

    # -- line facts ------------------------------------------------------------------------
    def _match(self, line: Line) -> LineMatch | None:
        if line.blank:
            return None
        head = self.raw[line.cstart : line.cstart + 4]
        return match_line(line.norm, wide_dot="．" in head)

    def _is_plain(self, line: Line) -> bool:
        """May this line continue a paragraph cut by a page break?"""
        i = line.index
        return (
            not line.blank
            and i >= self.body_start
            and i not in self.roles
            and self.matches[i] is None
            and "\t" not in line.norm
        )

    def _front_matter_end(self) -> int:
        """Index of the first line after the title page (0 when there is none)."""
        kinds = [m.kind if m else None for m in self.matches]
        for i, kind in enumerate(kinds):
            if kind in ("preface", "toc"):
                return i
        first = next((i for i, kind in enumerate(kinds) if kind in _HEADED), None)
        if first is None:
            return 0
        before = [line for line in self.lines[:first] if not line.blank]
        short = all(len(line.norm) <= 30 and "。" not in line.norm for line in before)
        return first if before and short else 0

    def _next_content(self, j: int) -> tuple[int | None, list[int]]:
        """First line from ``j`` that is neither empty nor furniture, and the furniture skipped."""
        skipped: list[int] = []
        while j < len(self.lines):
            if j in self.roles:
                skipped.append(j)
            elif not self.lines[j].blank:
                return j, skipped
            j += 1
        return None, skipped

    # -- tree ------------------------------------------------------------------------------
    def _stack_nodes(self) -> tuple[Node, ...]:
        return tuple(frame.node for frame in self.stack)

    def _attach(self, node: Node) -> Node:
        """Add ``node`` to the innermost open container (placing pending furniture first)."""
        current = self._stack_nodes()
        for furniture, opened in self.pending:
            parent = self.root
            for a, b in zip(opened, current, strict=False):
                if a is not b:
                    break
                parent = a
            _adopt(parent, furniture)
        self.pending.clear()
        _adopt(self.stack[-1].node, node)
        return node

    def _push(self, node: Node, kind: str, style: str | None = None) -> None:
        self.stack.append(_Frame(node, _RANKS[kind], style))

    def _close(self, kind: str, style: str | None = None) -> None:
        """Close the containers a new ``kind`` heading ends (items nest by marker style)."""
        if kind == "item":
            same = [
                k for k, f in enumerate(self.stack) if f.node.kind == "item" and f.style == style
            ]
            if same:
                del self.stack[same[-1] :]
            return
        rank = _RANKS[kind]
        while len(self.stack) > 1 and self.stack[-1].rank >= rank:
            self.stack.pop()

    def _furniture(self, i: int) -> None:
        """Record furniture line ``i``; it joins the tree when the next content is placed."""
        line, role = self.lines[i], self.roles[i]
        match = self.matches[i]
        start, end = (line.start, line.end) if line.whitespace_only else (line.cstart, line.cend)
        node = Node("furniture", start, end, self.cb.pos, self.cb.pos, role=role)
        if role in ("figure_caption", "table_caption") and match is not None:
            node.title = line.norm[match.title_start : match.title_end] or None
            node.number, node.ordinal = match.number, match.ordinal
        elif role != "blank":
            node.title = line.norm
        self.pending.append((node, self._stack_nodes()))

    def _emit_furniture_before(self, raw_pos: int, queue: list[int]) -> None:
        while queue and self.lines[queue[0]].start < raw_pos:
            self._furniture(queue.pop(0))

    # -- the pass --------------------------------------------------------------------------
    def run(self) -> Document:
        """Parse everything and return the document."""
        i = self._front_matter()
        while i < len(self.lines):
            i = self._step(i)
        for furniture, _ in self.pending:
            _adopt(self.root, furniture)
        self.pending.clear()
        clean = self.cb.build()
        self._segment(clean)
        self.root.clean_end = len(clean)
        _finish(self.root)
        document = Document(self.raw, clean, self.root)
        for node in document.iter():
            node.document = document
        return document

    def _step(self, i: int) -> int:
        line = self.lines[i]
        if i in self.roles:
            self._furniture(i)
            return i + 1
        if line.blank:
            return i + 1
        match = self.matches[i]
        if "\t" in line.norm:
            return self._rows(i)
        if match is None or match.kind == "marked":
            return self._paragraph(i)
        handler = {
            "preface": self._preface,
            "toc": self._toc,
            "item_text": self._item_text,
            "table_caption": self._table_caption,
            "figure_caption": self._lone_line,
        }.get(match.kind, self._heading)
        return handler(i, match)

    def _front_matter(self) -> int:
        end = self.body_start
        content = [k for k in range(end) if not self.lines[k].blank]
        if not content:
            return 0
        first = self.lines[content[0]]
        node = self._attach(Node("front_matter", first.cstart, first.cstart, 0, 0))
        self._push(node, "front_matter")
        for k in range(end):
            if k in self.roles:
                self._furniture(k)
            elif k in content:
                self._lone_line(k, None)
        self.stack.pop()
        return end

    # -- blocks ----------------------------------------------------------------------------
    def _emit_line_part(self, line: Line, a: int, b: int, *, tabs: bool = False) -> _Piece:
        """Write normalised ``[a, b)`` of ``line``; return the clean span."""
        return self.cb.text(line.raw_at(a), line.raw_end(b), tabs=tabs)

    def _paragraph(self, i: int, *, raw_from: int | None = None, join: bool = True) -> int:
        """A paragraph from line ``i`` (or from raw offset ``raw_from`` on it), across page breaks."""
        if join:
            run = continuation(self.lines, self.plain, self.roles, i)
            indices, queue = list(run.lines), list(run.furniture)
        else:
            indices, queue = [i], []
        first = self.lines[i]
        start = first.cstart if raw_from is None else raw_from
        if raw_from is None:
            self.cb.separator("\n", start)
        clean_start, clean_end = self.cb.text(start, first.cend)
        end = first.cend
        for k in indices[1:]:
            line = self.lines[k]
            self._emit_furniture_before(line.start, queue)
            self.cb.soft_break(end, line.cstart)
            clean_end = self.cb.text(line.cstart, line.cend)[1]
            end = line.cend
        node = self._attach(Node("paragraph", start, end, clean_start, clean_end))
        self.paragraphs.append(node)
        return indices[-1] + 1

    def _lone_line(self, i: int, match: LineMatch | None) -> int:
        """A line that is its own paragraph (title page lines, stray figure captions)."""
        return self._paragraph(i, join=False)

    def _heading_node(self, line: Line, end_norm: int, role: str, title: str | None) -> Node:
        """Write a heading line (or its run-in head) as a new block; return its node."""
        self.cb.separator("\n", line.cstart)
        clean_start, clean_end = self._emit_line_part(line, 0, end_norm)
        return Node(
            "heading", line.cstart, line.raw_end(end_norm), clean_start, clean_end, title, role=role
        )

    def _open(self, kind: str, line: Line, match: LineMatch, end_norm: int) -> Node:
        """Open a headed container: the container node with its heading as first child."""
        title = line.norm[match.title_start : match.title_end].strip() or None
        heading = self._heading_node(line, end_norm, kind, title)
        heading.number, heading.ordinal = match.number, match.ordinal
        node = Node(kind, heading.start, heading.end, heading.clean_start, heading.clean_end, title)
        node.number, node.ordinal = match.number, match.ordinal
        self._attach(node)
        _adopt(node, heading)
        return node

    def _heading(self, i: int, match: LineMatch) -> int:
        """Part, section, case or titled item: close what it ends, open it, read run-in text."""
        line = self.lines[i]
        self._close(match.kind, match.style)
        runin = match.body_start is not None and match.body_start < len(line.norm)
        end_norm = match.title_end + 1 if match.body_start is not None else len(line.norm)
        node = self._open(match.kind, line, match, end_norm)
        self._push(node, match.kind, match.style)
        if runin and match.body_start is not None:
            return self._paragraph(i, raw_from=line.raw_at(match.body_start))
        return i + 1

    def _item_text(self, i: int, match: LineMatch) -> int:
        """A numbered paragraph ("1. 2017年10月，…"): an untitled item holding that paragraph."""
        line = self.lines[i]
        self._close("item", match.style)
        body = match.body_start or 0
        self.cb.separator("\n", line.cstart)
        clean_start, clean_end = self._emit_line_part(line, 0, body)
        node = Node("item", line.cstart, line.raw_end(body), clean_start, clean_end)
        node.number, node.ordinal = match.number, match.ordinal
        self._attach(node)
        self._push(node, "item", match.style)
        nxt = self._paragraph(i, raw_from=line.raw_at(body))
        self.stack.pop()
        return nxt

    def _preface(self, i: int, match: LineMatch) -> int:
        line = self.lines[i]
        self._close("preface")
        heading = self._heading_node(line, len(line.norm), "preface", line.norm.replace(" ", ""))
        node = Node("preface", heading.start, heading.end, heading.clean_start, heading.clean_end)
        node.title = heading.title
        self._attach(node)
        _adopt(node, heading)
        self._push(node, "preface")
        return i + 1

    # -- table of contents -----------------------------------------------------------------
    def _toc(self, i: int, match: LineMatch) -> int:
        """The contents: its title and the entries that end in a page number."""
        line = self.lines[i]
        self._close("toc")
        heading = self._heading_node(line, len(line.norm), "toc", line.norm.replace(" ", ""))
        node = Node("toc", heading.start, heading.end, heading.clean_start, heading.clean_end)
        self._attach(node)
        _adopt(node, heading)
        self._push(node, "toc")
        j = i + 1
        while True:
            k, skipped = self._next_content(j)
            for f in skipped:
                self._furniture(f)
            if k is None:
                j = len(self.lines)
                break
            taken = self._toc_entry(k)
            if not taken:
                j = k
                break
            j = taken[-1] + 1
        self.stack.pop()
        return j

    def _toc_entry(self, k: int) -> list[int]:
        """Read the entry at line ``k`` (maybe wrapped onto the next line); [] if it is none."""
        taken = [k]
        if match_toc_entry(self.lines[k].norm) is None:
            k2, _ = self._next_content(k + 1)
            wrapped = (
                k2 is not None
                and self.matches[k2] is None
                and match_toc_entry(self.lines[k2].norm) is not None
                and "。" not in self.lines[k].norm
                and len(self.lines[k].norm) <= MAX_HEADING
            )
            if not wrapped or k2 is None:
                return []
            taken.append(k2)
        lines = [self.lines[t] for t in taken]
        self.cb.separator("\n", lines[0].cstart)
        clean_start, clean_end = self.cb.text(lines[0].cstart, lines[0].cend, tabs=True)
        for previous, line in pairwise(lines):
            self.cb.soft_break(previous.cend, line.cstart)
            clean_end = self.cb.text(line.cstart, line.cend, tabs=True)[1]
        node = Node("toc_entry", lines[0].cstart, lines[-1].cend, clean_start, clean_end)
        _describe_entry(node, " ".join(line.norm for line in lines))
        self._attach(node)
        return taken

    # -- tables ----------------------------------------------------------------------------
    def _table_caption(self, i: int, match: LineMatch) -> int:
        k, skipped = self._next_content(i + 1)
        if k is None or "\t" not in self.lines[k].norm:
            self.roles[i] = "table_caption"  # the table itself was an image
            self._furniture(i)
            return i + 1
        return self._table(i, k, skipped)

    def _rows(self, i: int) -> int:
        """Tab-separated lines without a caption: a table if at least two rows follow."""
        k, _ = self._next_content(i + 1)
        if k is not None and "\t" in self.lines[k].norm:
            return self._table(None, i, [])
        return self._paragraph(i, join=False)

    def _cells(self, line: Line) -> list[list[_Piece]]:
        """Cells of a tab-separated line: raw pieces between runs of tabs, trimmed."""
        cells: list[list[_Piece]] = []
        pos = line.cstart
        for chunk in self.raw[line.cstart : line.cend].split("\t"):
            body = chunk.strip()
            if body:
                a = pos + len(chunk) - len(chunk.lstrip())
                cells.append([(a, a + len(body))])
            pos += len(chunk) + 1
        return cells

    def _cell_open(self, row: list[list[_Piece]], columns: int, line: Line) -> bool:
        """Does ``line`` continue the row's last cell (cut by a page break)?"""
        if len(row) < columns:
            return True
        last = self.raw[row[-1][-1][1] - 1]
        return ends_open(last) and is_cjk(last) and is_cjk(self.raw[line.cstart])

    def _serial(self, cell: list[_Piece]) -> int | None:
        a, b = cell[0][0], cell[-1][1]
        return parse_number_token(self.raw[a:b])

    def _table(self, caption: int | None, first: int, queue: list[int]) -> int:
        """Rows from line ``first``; a row cut by a page break continues in its last cell."""
        rows = [self._cells(self.lines[first])]
        columns = len(rows[0])
        j = first + 1
        while True:
            k, skipped = self._next_content(j)
            if k is None:
                break
            line = self.lines[k]
            if "\t" in line.norm:
                cells = self._cells(line)
                previous = self._serial(rows[-1][0]) if len(rows) > 1 else None
                numbered = previous is not None and self._serial(cells[0]) == previous + 1
                if len(rows[-1]) < columns and not numbered:
                    rows[-1][-1].extend(cells[0])
                    rows[-1].extend(cells[1:])
                else:
                    rows.append(cells)
            elif self.plain[k] and self._cell_open(rows[-1], columns, line):
                rows[-1][-1].append((line.cstart, line.cend))
            else:
                break
            queue.extend(skipped)
            j = k + 1
        self._emit_table(caption, rows, queue)
        return j

    def _emit_table(
        self, caption: int | None, rows: list[list[list[_Piece]]], queue: list[int]
    ) -> None:
        heading = None
        if caption is not None:
            line, match = self.lines[caption], self.matches[caption]
            assert match is not None  # a caption line has a match
            title = line.norm[match.title_start : match.title_end] or None
            heading = self._heading_node(line, len(line.norm), "table", title)
            heading.number, heading.ordinal = match.number, match.ordinal
        row_nodes = [self._emit_row(row, k, queue) for k, row in enumerate(rows)]
        anchor = heading or row_nodes[0]
        table = Node("table", anchor.start, anchor.end, anchor.clean_start, anchor.clean_end)
        if heading is not None:
            table.title, table.number, table.ordinal = (
                heading.title,
                heading.number,
                heading.ordinal,
            )
        self._attach(table)
        for child in [heading, *row_nodes] if heading else row_nodes:
            _adopt(table, child)

    def _emit_row(self, row: list[list[_Piece]], k: int, queue: list[int]) -> Node:
        self._emit_furniture_before(row[0][0][0], queue)
        self.cb.separator("\n", row[0][0][0])
        cells: list[Node] = []
        for column, cell in enumerate(row, start=1):
            if column > 1:
                self.cb.separator("\t", cell[0][0])
            clean_start, clean_end = self.cb.text(*cell[0], tabs=True)
            for previous, piece in pairwise(cell):
                self._emit_furniture_before(piece[0], queue)
                self.cb.soft_break(previous[1], piece[0])
                clean_end = self.cb.text(*piece, tabs=True)[1]
            node = Node("table_cell", cell[0][0], cell[-1][1], clean_start, clean_end)
            node.ordinal = column
            cells.append(node)
        role = "header" if k == 0 else "data"
        node = Node("table_row", cells[0].start, cells[-1].end, cells[0].clean_start, 0, role=role)
        node.clean_end = cells[-1].clean_end
        node.ordinal = k if k else None
        for cell in cells:
            _adopt(node, cell)
        return node

    # -- second pass: sentences and enumerations ---------------------------------------------
    def _segment(self, clean: CleanText) -> None:
        groups: dict[int, list[Node]] = {}
        for paragraph in self.paragraphs:
            groups.setdefault(id(paragraph.parent), []).append(paragraph)
            text = clean.clean[paragraph.clean_start : paragraph.clean_end]
            for number, (a, b) in enumerate(split_sentences(text), start=1):
                node = _span_node(
                    "sentence", clean, paragraph.clean_start + a, paragraph.clean_start + b
                )
                node.ordinal = number
                _adopt(paragraph, node)
        for paragraphs in groups.values():
            texts = [clean.clean[p.clean_start : p.clean_end] for p in paragraphs]
            kept = chain_markers([find_markers(text) for text in texts])
            for paragraph, text, markers in zip(paragraphs, texts, kept, strict=True):
                _enumerate(clean, paragraph, text, markers)


def _enumerate(clean: CleanText, paragraph: Node, text: str, markers: Sequence) -> None:
    """Add the enumeration items of one paragraph: marker to next marker (or paragraph end)."""
    for k, marker in enumerate(markers):
        end = markers[k + 1].start if k + 1 < len(markers) else len(text)
        while end > marker.start and text[end - 1].isspace():
            end -= 1
        base = paragraph.clean_start
        node = _span_node("enumeration", clean, base + marker.start, base + end)
        node.number = text[marker.start : marker.body - 1]
        node.ordinal = marker.ordinal
        node.heading = heading_clause(text, marker.body, end)
        _adopt(paragraph, node)


def _span_node(kind: str, clean: CleanText, clean_start: int, clean_end: int) -> Node:
    start, end = clean.raw_span(clean_start, clean_end)
    return Node(kind, start, end, clean_start, clean_end)


def _describe_entry(node: Node, norm: str) -> None:
    """Title, numbering and target kind of a contents entry from its text."""
    entry = match_toc_entry(norm)
    title = norm[: entry.title_end] if entry else norm
    match = match_line(title)
    if match is not None and match.kind in _HEADED:
        node.role, node.number, node.ordinal = match.kind, match.number, match.ordinal
        title = title[match.title_start : match.title_end]
    node.title = title.strip() or None


def _adopt(parent: Node, child: Node) -> None:
    parent.children.append(child)
    child.parent = parent


def _finish(node: Node) -> None:
    """Order children by position and widen containers to cover them (post-order)."""
    if not node.children:
        return
    for child in node.children:
        _finish(child)
    node.children.sort(key=lambda c: (c.start, -c.end))
    if node.kind == "document":
        return
    node.start = min(node.start, *(c.start for c in node.children))
    node.end = max(node.end, *(c.end for c in node.children))
    spans = [(c.clean_start, c.clean_end) for c in node.children if c.clean_end > c.clean_start]
    if spans:
        node.clean_start = min(node.clean_start, *(a for a, _ in spans))
        node.clean_end = max(node.clean_end, *(b for _, b in spans))
