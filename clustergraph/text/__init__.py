"""Text layer: decode a source, normalise it, and parse it into a tree of offset-carrying nodes.

Every node knows its raw ``[start, end)`` (Python ``str`` offsets into the decoded text, BOM
stripped) and its span in the clean view, so extraction can match on clean text and cite raw text.
"""

from __future__ import annotations

from clustergraph.text.decode import SourceText, decode_bytes, read_source
from clustergraph.text.errors import SourceError
from clustergraph.text.nodes import Document, Node
from clustergraph.text.normalize import CleanText, normalize
from clustergraph.text.structure import parse_document

__all__ = [
    "CleanText",
    "Document",
    "Node",
    "SourceError",
    "SourceText",
    "decode_bytes",
    "normalize",
    "parse_document",
    "read_source",
]
