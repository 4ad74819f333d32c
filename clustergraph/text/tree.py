"""Growing the node tree while the clean text is written: open containers, pending furniture.

Containers rank part (1) > section (2) > case (3) > item (4); a heading closes open containers of
its rank or deeper, except that items and sections nest when their numbering style differs ("1、"
holding "(1)", a "第一节" section holding "(一)" sections): such a heading closes everything deeper
than its rank, then the open container of its own kind and style, if any.
Furniture waits until the next content is placed, then joins the deepest container open both
before and after it, so a footer between two parts belongs to the document, not to either part.
"""

from __future__ import annotations

from dataclasses import dataclass

from clustergraph.text.nodes import Node
from clustergraph.text.normalize import CleanBuilder

__all__ = ["RANKS", "TreeBuilder", "adopt", "finish"]

RANKS = {"front_matter": 1, "preface": 1, "toc": 1, "part": 1, "section": 2, "case": 3, "item": 4}


@dataclass(slots=True)
class _Frame:
    """An open container, its rank and its numbering style ("." "、" "()" "章" "节" …)."""

    node: Node
    rank: int
    style: str | None = None


def adopt(parent: Node, child: Node) -> Node:
    """Append ``child`` to ``parent``; return the child."""
    parent.children.append(child)
    child.parent = parent
    return child


class TreeBuilder:
    """The clean-text writer, the document root and the stack of open containers."""

    def __init__(self, raw: str) -> None:
        self.cb = CleanBuilder(raw)
        self.root = Node("document", 0, len(raw), 0, 0)
        self._stack = [_Frame(self.root, 0)]
        self._pending: list[tuple[Node, tuple[Node, ...]]] = []

    def _open_nodes(self) -> tuple[Node, ...]:
        return tuple(frame.node for frame in self._stack)

    def attach(self, node: Node) -> Node:
        """Add ``node`` to the innermost open container (placing pending furniture first)."""
        current = self._open_nodes()
        for furniture, opened in self._pending:
            parent = self.root
            for before, now in zip(opened, current, strict=False):
                if before is not now:
                    break
                parent = before
            adopt(parent, furniture)
        self._pending.clear()
        return adopt(self._stack[-1].node, node)

    def furniture(self, node: Node) -> None:
        """Hold a furniture node until the next :meth:`attach` (or the end) places it."""
        self._pending.append((node, self._open_nodes()))

    def push(self, node: Node, style: str | None = None) -> None:
        """Make ``node`` the innermost open container."""
        self._stack.append(_Frame(node, RANKS[node.kind], style))

    def pop(self) -> None:
        """Close the innermost open container."""
        self._stack.pop()

    def is_open(self, kind: str, style: str | None = None) -> bool:
        """Is a ``kind`` container (of numbering ``style``, when given) open?"""
        return any(f.node.kind == kind and (style is None or f.style == style) for f in self._stack)

    def close_for(self, kind: str, style: str | None = None) -> None:
        """Close the containers that a new ``kind`` heading (numbered in ``style``) ends."""
        rank = RANKS[kind]
        if kind == "item" or (kind == "section" and style is not None):
            while len(self._stack) > 1 and self._stack[-1].rank > rank:
                self._stack.pop()
            same = [
                k for k, f in enumerate(self._stack) if f.node.kind == kind and f.style == style
            ]
            if same:
                del self._stack[same[-1] :]
            return
        while len(self._stack) > 1 and self._stack[-1].rank >= rank:
            self._stack.pop()

    def flush(self) -> None:
        """Place furniture still pending at the end of the text on the document node."""
        for node, _ in self._pending:
            adopt(self.root, node)
        self._pending.clear()


def finish(node: Node) -> None:
    """Order children by position and widen containers to cover them (post-order)."""
    if not node.children:
        return
    for child in node.children:
        finish(child)
    node.children.sort(key=lambda c: (c.start, -c.end))
    if node.kind == "document":
        return
    node.start = min(node.start, *(c.start for c in node.children))
    node.end = max(node.end, *(c.end for c in node.children))
    spans = [(c.clean_start, c.clean_end) for c in node.children if c.clean_end > c.clean_start]
    if spans:
        node.clean_start = min(node.clean_start, *(a for a, _ in spans))
        node.clean_end = max(node.clean_end, *(b for _, b in spans))
