"""The document tree: nodes with raw and clean offsets, and the document that owns them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from clustergraph.text.normalize import CleanText

__all__ = ["KINDS", "Document", "Node"]

#: every node kind, outermost first
KINDS = (
    "document",
    "front_matter",
    "preface",
    "toc",
    "toc_entry",
    "part",
    "section",
    "item",
    "case",
    "table",
    "table_row",
    "table_cell",
    "heading",
    "paragraph",
    "enumeration",
    "sentence",
    "furniture",
)


@dataclass(slots=True, eq=False, repr=False)
class Node:
    """One structural unit: raw ``[start, end)`` and clean ``[clean_start, clean_end)`` offsets.

    ``title``: clean title without numbering (part, section, item, case, table, toc_entry).
    ``number``: the numbering token as written ("三", "2"); ``ordinal``: its value.
    ``heading``: an enumeration item's short heading clause. ``role``: furniture role
    (blank, page_number, running_text, figure_caption, table_caption), a heading's or
    toc_entry's owner kind, a table row's "header" or "data", an enumeration's marker style
    ("是", "第", "序", "①", "()", ")": see :mod:`clustergraph.text.segment`).
    """

    kind: str
    start: int
    end: int
    clean_start: int
    clean_end: int
    title: str | None = None
    number: str | None = None
    ordinal: int | None = None
    heading: str | None = None
    role: str | None = None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    document: Document | None = None

    def __repr__(self) -> str:
        label = f" {self.title!r}" if self.title else ""
        return f"<{self.kind}{label} {self.start}-{self.end}>"

    @property
    def text(self) -> str:
        """The raw text ``raw[start:end]`` (needs the owning document)."""
        if self.document is None:
            raise ValueError("node is not attached to a document")
        return self.document.raw[self.start : self.end]

    @property
    def clean_text(self) -> str:
        """The clean text of the node (furniture has none: it is not part of the clean view)."""
        if self.document is None:
            raise ValueError("node is not attached to a document")
        return self.document.clean.clean[self.clean_start : self.clean_end]

    @property
    def cells(self) -> list[Node]:
        """A table row's cells, in column order."""
        return [child for child in self.children if child.kind == "table_cell"]

    def iter(self, kind: str | None = None) -> Iterator[Node]:
        """Pre-order walk of the node and its descendants, optionally only those of ``kind``."""
        stack = [self]
        while stack:
            node = stack.pop()
            if kind is None or node.kind == kind:
                yield node
            stack.extend(reversed(node.children))

    def ancestors(self) -> Iterator[Node]:
        """Parent, grandparent, … up to the document node."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def enclosing(self, kind: str) -> Node | None:
        """The nearest ancestor of ``kind``."""
        return next((node for node in self.ancestors() if node.kind == kind), None)


@dataclass(slots=True, eq=False, repr=False)
class Document:
    """A parsed source: the raw text, its clean view and the node tree."""

    raw: str
    clean: CleanText
    root: Node

    def __repr__(self) -> str:
        return f"<Document {len(self.raw)} chars>"

    def iter(self, kind: str | None = None) -> Iterator[Node]:
        """All nodes in pre-order (document order), optionally only those of ``kind``."""
        return self.root.iter(kind)

    def find_enclosing(self, kind: str, offset: int) -> Node | None:
        """The innermost node of ``kind`` whose raw span contains ``offset``."""
        found: Node | None = None
        stack = [self.root]
        while stack:
            node = stack.pop()
            if not node.start <= offset < node.end:
                continue
            if node.kind == kind:
                found = node if found is None or _inside(node, found) else found
            stack.extend(node.children)
        return found

    def raw_text(self, node: Node) -> str:
        """``raw[node.start:node.end]``."""
        return self.raw[node.start : node.end]

    def clean_text(self, node: Node) -> str:
        """The node's slice of the clean text."""
        return self.clean.clean[node.clean_start : node.clean_end]


def _inside(node: Node, other: Node) -> bool:
    """True when ``node`` is a descendant of ``other``."""
    return any(ancestor is other for ancestor in node.ancestors())
