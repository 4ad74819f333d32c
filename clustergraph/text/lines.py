"""Physical lines of the raw text with their offsets and normalised content.

Structure is recognised line by line (headings, rows, furniture), on the normalised text of each
line; the line keeps the map from that text back to raw offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clustergraph.text.normalize import CleanText, normalize

__all__ = ["Line", "split_lines"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line: raw ``[start, end)`` without its terminator, content ``[cstart, cend)``."""

    index: int
    start: int
    end: int
    cstart: int
    cend: int
    view: CleanText

    @property
    def norm(self) -> str:
        """The normalised content (NFKC, markers dropped, whitespace collapsed, tabs kept)."""
        return self.view.clean

    @property
    def blank(self) -> bool:
        """True for a line without visible content (empty, spaces, or only ``**`` markers)."""
        return not self.view.clean

    @property
    def whitespace_only(self) -> bool:
        """True for a blank line that is not empty: PDF page furniture, unlike an empty line."""
        return self.blank and self.end > self.start

    def raw_at(self, k: int) -> int:
        """Raw offset of normalised index ``k`` (``len(norm)`` gives the content end)."""
        return self.cstart + self.view.to_raw(k)

    def raw_end(self, k: int) -> int:
        """Raw offset just after normalised character ``k - 1`` (the content start for 0)."""
        return self.cstart + self.view.raw_span(0, k)[1] if k else self.cstart


#: a Markdown heading marker ("## 2.1 中央部署", from documents converted to Markdown): like
#: indentation, it is left out of the line's content, so the heading reads as in plain text
_MARKDOWN_HEADING = re.compile(r"\s*#{1,6}[ \t\u3000]+(?=\S)")


def split_lines(raw: str) -> list[Line]:
    """Lines as :meth:`str.splitlines` sees them (CR LF, CR, form feed, U+2028 all break)."""
    lines: list[Line] = []
    offset = 0
    for index, chunk in enumerate(raw.splitlines(keepends=True)):
        body = chunk.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if len(body) == len(chunk) and chunk:
            body = chunk  # the last line, without terminator
        heading_marker = _MARKDOWN_HEADING.match(body)
        stripped_left = heading_marker.end() if heading_marker else len(body) - len(body.lstrip())
        content = body[stripped_left:].rstrip()
        cstart = offset + stripped_left
        cend = cstart + len(content)
        lines.append(
            Line(
                index, offset, offset + len(body), cstart, cend, normalize(content, keep_tabs=True)
            )
        )
        offset += len(chunk)
    return lines
