"""Writing a command's text to the terminal: print it and flush at once.

Flushing after each write keeps a long-running command's messages (``serve``) visible through a
pipe, and makes a closed pipe fail inside ``clustergraph.cli.main``, which handles it.
"""

from __future__ import annotations

import sys

__all__ = ["echo"]


def echo(message: str = "", *, nl: bool = True, err: bool = False) -> None:
    """Write MESSAGE (plus a newline unless NL is false) to stdout, or to stderr if ERR."""
    stream = sys.stderr if err else sys.stdout
    stream.write(f"{message}\n" if nl else message)
    stream.flush()
