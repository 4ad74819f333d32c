"""The one error the text layer raises, so callers can turn it into a clean one-line message."""

from __future__ import annotations

__all__ = ["SourceError"]


class SourceError(ValueError):
    """A source text that cannot be used; ``str(error)`` is one line that names the fix."""
