"""``parse_document``: raw text → document tree with raw and clean offsets for every node.

One pass over the lines recognises blocks (headings, paragraphs joined across page breaks,
tables, contents, furniture), grows the tree and writes the clean text in raw order; a second
pass cuts paragraphs into sentences and enumeration items. Hierarchy: document > front_matter /
preface / toc / part; part > section; section > case / item / paragraph / table; paragraph >
sentence / enumeration. Parts are 一、 or 第X章 headings; in a chaptered document 一、 headings are
sections, and sections of different numbering (第X节 > 一、 > (一)) nest.
"""

from __future__ import annotations

from itertools import pairwise

from clustergraph.text.furniture import continuation, furniture_roles
from clustergraph.text.lines import Line, split_lines
from clustergraph.text.nodes import Document, Node
from clustergraph.text.patterns import MAX_HEADING, LineMatch, match_line, match_toc_entry
from clustergraph.text.segment import segment_paragraphs, sentence_headings
from clustergraph.text.tables import TableReader, pipe_table_at, row_delimiter
from clustergraph.text.tree import TreeBuilder, adopt, finish

__all__ = ["Parser", "parse_document"]

_HEADED = ("part", "section", "case", "item")


def parse_document(raw: str) -> Document:
    """Parse a white paper (or any text: nothing is required) into a :class:`Document`."""
    return Parser(raw).run()


class Parser:
    """One parse: line facts, then blocks in order."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.lines = split_lines(raw)
        self.matches = self._named_cases_in_body([self._match(line) for line in self.lines])
        self.body_start = self._front_matter_end()
        self.roles = furniture_roles(self.lines, self.matches, self.body_start)
        self.plain = [self._is_plain(line) for line in self.lines]
        self.tree = TreeBuilder(raw)
        self.paragraphs: list[Node] = []
        self.runin_heads: list[Node] = []  # "1）组建联盟。" before body text: also a sentence

    # -- line facts ------------------------------------------------------------------------
    def _match(self, line: Line) -> LineMatch | None:
        if line.blank:
            return None
        head = self.raw[line.cstart : line.cstart + 4]
        return match_line(line.norm, wide_dot="．" in head)

    @staticmethod
    def _named_cases_in_body(matches: list[LineMatch | None]) -> list[LineMatch | None]:
        """Keep an unnumbered case heading ("浙江宁波磁性材料集群" on its own line) only after a
        part or section heading and outside the contents: a title page or a contents line that
        ends in 集群 is no case.
        """
        seen_heading = False
        for i, match in enumerate(matches):
            if match is None:
                continue
            if match.kind in ("part", "section"):
                seen_heading = True
            elif match.kind == "toc":
                seen_heading = False
            elif match.kind == "case" and match.style == "named" and not seen_heading:
                matches[i] = None
        return matches

    def _is_plain(self, line: Line) -> bool:
        """May this line continue a paragraph cut by a page break?"""
        i = line.index
        return (
            not line.blank
            and i >= self.body_start
            and i not in self.roles
            and self.matches[i] is None
            and "\t" not in line.norm
            and not pipe_table_at(self, i)
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

    def next_content(self, j: int) -> tuple[int | None, list[int]]:
        """First line from ``j`` that is neither empty nor furniture, and the furniture skipped."""
        skipped: list[int] = []
        while j < len(self.lines):
            if j in self.roles:
                skipped.append(j)
            elif not self.lines[j].blank:
                return j, skipped
            j += 1
        return None, skipped

    # -- furniture -------------------------------------------------------------------------
    def record_furniture(self, i: int) -> None:
        """Turn furniture line ``i`` into a node; the tree places it with the next content."""
        line, role, match = self.lines[i], self.roles[i], self.matches[i]
        start, end = (line.start, line.end) if line.whitespace_only else (line.cstart, line.cend)
        at = self.tree.cb.pos
        node = Node("furniture", start, end, at, at, role=role)
        if role in ("figure_caption", "table_caption") and match is not None:
            node.title = line.norm[match.title_start : match.title_end] or None
            node.number, node.ordinal = match.number, match.ordinal
        elif role != "blank":
            node.title = line.norm
        self.tree.furniture(node)

    def place_furniture_before(self, raw_pos: int, queue: list[int]) -> None:
        """Record the queued furniture lines that start before ``raw_pos``."""
        while queue and self.lines[queue[0]].start < raw_pos:
            self.record_furniture(queue.pop(0))

    # -- the pass --------------------------------------------------------------------------
    def run(self) -> Document:
        """Parse everything and return the document."""
        i = self._front_matter()
        while i < len(self.lines):
            i = self._step(i)
        self.tree.flush()
        clean = self.tree.cb.build()
        segment_paragraphs(self.paragraphs, clean)
        sentence_headings(self.runin_heads, clean)
        root = self.tree.root
        root.clean_end = len(clean)
        finish(root)
        document = Document(self.raw, clean, root)
        for node in document.iter():
            node.document = document
        return document

    def _step(self, i: int) -> int:
        line = self.lines[i]
        if i in self.roles:
            self.record_furniture(i)
            return i + 1
        if line.blank:
            return i + 1
        if "\t" in line.norm:
            return self._rows(i)
        if pipe_table_at(self, i):
            return TableReader(self).read(None, i, [])
        match = self.matches[i]
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
        """Title-page lines, each its own paragraph (no page-break joins there)."""
        end = self.body_start
        content = [k for k in range(end) if not self.lines[k].blank]
        if not content:
            return 0
        first = self.lines[content[0]].cstart
        self.tree.push(self.tree.attach(Node("front_matter", first, first, 0, 0)))
        for k in range(end):
            if k in self.roles:
                self.record_furniture(k)
            elif not self.lines[k].blank:
                self._lone_line(k, None)
        self.tree.pop()
        return end

    # -- paragraphs and headings -----------------------------------------------------------
    def _paragraph(self, i: int, *, raw_from: int | None = None, join: bool = True) -> int:
        """A paragraph from line ``i`` (or from raw offset ``raw_from`` on it), across page breaks."""
        cb = self.tree.cb
        if join:
            run = continuation(self.lines, self.plain, self.roles, i)
            indices, queue = list(run.lines), list(run.furniture)
        else:
            indices, queue = [i], []
        first = self.lines[i]
        start = first.cstart if raw_from is None else raw_from
        if raw_from is None:
            cb.separator("\n", start)
        clean_start, clean_end = cb.text(start, first.cend)
        end = first.cend
        for k in indices[1:]:
            line = self.lines[k]
            self.place_furniture_before(line.start, queue)
            cb.soft_break(end, line.cstart)
            clean_end = cb.text(line.cstart, line.cend)[1]
            end = line.cend
        node = self.tree.attach(Node("paragraph", start, end, clean_start, clean_end))
        self.paragraphs.append(node)
        return indices[-1] + 1

    def _lone_line(self, i: int, match: LineMatch | None) -> int:
        """A line that is its own paragraph (title page lines, stray figure captions)."""
        return self._paragraph(i, join=False)

    def heading_node(self, line: Line, end_norm: int, role: str, title: str | None) -> Node:
        """Write a heading line (or its run-in head, up to ``end_norm``) as a new block."""
        cb = self.tree.cb
        cb.separator("\n", line.cstart)
        clean_start, clean_end = cb.text(line.raw_at(0), line.raw_end(end_norm))
        end = line.raw_end(end_norm)
        return Node("heading", line.cstart, end, clean_start, clean_end, title, role=role)

    def _open(self, kind: str, line: Line, match: LineMatch, end_norm: int) -> Node:
        """Open a headed container: the container node with its heading as first child."""
        title = line.norm[match.title_start : match.title_end].strip() or None
        heading = self.heading_node(line, end_norm, kind, title)
        heading.number, heading.ordinal = match.number, match.ordinal
        node = Node(kind, heading.start, heading.end, heading.clean_start, heading.clean_end, title)
        node.number, node.ordinal = match.number, match.ordinal
        self.tree.attach(node)
        adopt(node, heading)
        self.tree.push(node, match.style)
        return node

    def _heading(self, i: int, match: LineMatch) -> int:
        """Part, section, case or titled item: close what it ends, open it, read run-in text.

        Inside a chapter (第X章/篇), "一、" headings are the chapter's sections.
        """
        line = self.lines[i]
        kind = match.kind
        if kind == "part" and match.style == "、" and self.tree.is_open("part", "章"):
            kind = "section"
        self.tree.close_for(kind, match.style)
        body = match.body_start
        node = self._open(
            kind, line, match, len(line.norm) if body is None else match.title_end + 1
        )
        if body is not None and body < len(line.norm):
            self.runin_heads.append(node.children[0])
            return self._paragraph(i, raw_from=line.raw_at(body))
        return i + 1

    def _item_text(self, i: int, match: LineMatch) -> int:
        """A numbered paragraph ("1. 2017年10月，…"): an untitled item holding that paragraph."""
        line, cb = self.lines[i], self.tree.cb
        self.tree.close_for("item", match.style)
        body = match.body_start or 0
        cb.separator("\n", line.cstart)
        clean_start, clean_end = cb.text(line.raw_at(0), line.raw_end(body))
        node = Node("item", line.cstart, line.raw_end(body), clean_start, clean_end)
        node.number, node.ordinal = match.number, match.ordinal
        self.tree.push(self.tree.attach(node), match.style)
        after = self._paragraph(i, raw_from=line.raw_at(body))
        self.tree.pop()
        return after

    def _titled_block(self, kind: str, line: Line) -> Node:
        """Open a preface or contents block: its title line is the heading."""
        self.tree.close_for(kind)
        title = line.norm.replace(" ", "")
        heading = self.heading_node(line, len(line.norm), kind, title)
        node = Node(kind, heading.start, heading.end, heading.clean_start, heading.clean_end)
        node.title = title
        self.tree.attach(node)
        adopt(node, heading)
        self.tree.push(node)
        return node

    def _preface(self, i: int, match: LineMatch) -> int:
        self._titled_block("preface", self.lines[i])
        return i + 1

    # -- table of contents -----------------------------------------------------------------
    def _toc(self, i: int, match: LineMatch) -> int:
        """The contents: its title and the entries that end in a page number."""
        self._titled_block("toc", self.lines[i])
        j = i + 1
        while True:
            k, skipped = self.next_content(j)
            for f in skipped:
                self.record_furniture(f)
            taken = self._toc_entry(k) if k is not None else []
            if not taken:
                j = len(self.lines) if k is None else k
                break
            j = taken[-1] + 1
        self.tree.pop()
        return j

    def _toc_lines(self, k: int) -> list[int]:
        """The line(s) of the entry at ``k``: one, or two when its title wraps."""
        if match_toc_entry(self.lines[k].norm) is not None:
            return [k]
        k2, _ = self.next_content(k + 1)
        if (
            k2 is not None
            and self.matches[k2] is None
            and match_toc_entry(self.lines[k2].norm) is not None
            and "。" not in self.lines[k].norm
            and len(self.lines[k].norm) <= MAX_HEADING
        ):
            return [k, k2]
        return []

    def _toc_entry(self, k: int) -> list[int]:
        """Write the entry at line ``k``; return its line indices ([] if it is none)."""
        taken = self._toc_lines(k)
        if not taken:
            return []
        cb = self.tree.cb
        lines = [self.lines[t] for t in taken]
        cb.separator("\n", lines[0].cstart)
        clean_start, clean_end = cb.text(lines[0].cstart, lines[0].cend, tabs=True)
        for previous, line in pairwise(lines):
            cb.soft_break(previous.cend, line.cstart)
            clean_end = cb.text(line.cstart, line.cend, tabs=True)[1]
        node = Node("toc_entry", lines[0].cstart, lines[-1].cend, clean_start, clean_end)
        _describe_entry(node, " ".join(line.norm for line in lines))
        self.tree.attach(node)
        return taken

    # -- tables ----------------------------------------------------------------------------
    def _table_caption(self, i: int, match: LineMatch) -> int:
        k, skipped = self.next_content(i + 1)
        if k is None or row_delimiter(self.lines[k].norm) is None:
            self.roles[i] = "table_caption"  # the table itself was an image
            self.record_furniture(i)
            return i + 1
        return TableReader(self).read(i, k, skipped)

    def _rows(self, i: int) -> int:
        """Tab-separated lines without a caption: a table if a second row follows."""
        k, _ = self.next_content(i + 1)
        if k is not None and "\t" in self.lines[k].norm:
            return TableReader(self).read(None, i, [])
        return self._paragraph(i, join=False)


def _describe_entry(node: Node, norm: str) -> None:
    """Title, numbering and target kind of a contents entry from its text."""
    entry = match_toc_entry(norm)
    title = norm[: entry.title_end] if entry else norm
    match = match_line(title)
    if match is not None and match.kind in _HEADED:
        node.role, node.number, node.ordinal = match.kind, match.number, match.ordinal
        title = title[match.title_start : match.title_end]
    node.title = title.strip() or None
