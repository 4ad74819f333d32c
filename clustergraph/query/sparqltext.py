"""Just enough SPARQL lexing to read a query's PREFIXes and projection and to find its WHERE brace.

A full parser would cost an rdflib import; these questions only need the query split into tokens
with comments, strings and IRIs kept whole, so a ``{`` or ``#`` inside a string is never mistaken
for syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Token", "prefixes", "select_variables", "tokens", "where_brace"]

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'",
    re.DOTALL,
)
# SPARQL VARNAME is letters, digits, _ and U+00B7 (plus combining marks); \w covers them. The
# grammar's literal code-point ranges would cost ~2 ms to compile on every start-up.
_VAR = re.compile(r"[?$]([\w\u00b7\u0300-\u036f\u203f\u2040]+)")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*(?::[^\s{}()<>\"',;?$#|/^*+!=&\[\]]*)?")


@dataclass(frozen=True)
class Token:
    """One lexical unit: ``kind`` is iri, string, var, word, punct; ``start`` its offset."""

    kind: str
    text: str
    start: int


def tokens(query: str) -> Iterator[Token]:
    """Split ``query`` into tokens, dropping whitespace and ``#`` comments."""
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char.isspace():
            i += 1
            continue
        if char == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if char == "<":
            match = _IRIREF.match(query, i)
            if match:
                yield Token("iri", match.group(), i)
                i = match.end()
                continue
        if char in "\"'":
            match = _STRING.match(query, i)
            if match:
                yield Token("string", match.group(), i)
                i = match.end()
                continue
        if char in "?$":
            match = _VAR.match(query, i)
            if match:
                yield Token("var", match.group(1), i)
                i = match.end()
                continue
        match = _WORD.match(query, i)
        if match and match.end() > i:
            yield Token("word", match.group(), i)
            i = match.end()
            continue
        yield Token("punct", char, i)
        i += 1


def prefixes(query: str) -> dict[str, str]:
    """The ``PREFIX p: <iri>`` declarations of ``query`` (prefix without colon → IRI)."""
    found: dict[str, str] = {}
    stream = list(tokens(query))
    for index, token in enumerate(stream[:-2]):
        if token.kind == "word" and token.text.upper() == "PREFIX":
            name, iri = stream[index + 1], stream[index + 2]
            if name.kind == "word" and name.text.endswith(":") and iri.kind == "iri":
                found[name.text[:-1]] = iri.text[1:-1]
    return found


def select_variables(query: str) -> list[str] | None:
    """The projected variables of a SELECT query in order; ``None`` for ``SELECT *``.

    :raises ValueError: if the query has no SELECT clause.
    """
    stream = tokens(query)
    for token in stream:
        if token.kind == "word" and token.text.upper() == "SELECT":
            break
    else:
        raise ValueError("not a SELECT query")
    names: list[str] = []
    depth = 0
    after_as = False
    for token in stream:
        text = token.text
        if token.kind == "punct" and text == "(":
            depth += 1
        elif token.kind == "punct" and text == ")":
            depth -= 1
        elif depth == 0 and (
            (token.kind == "punct" and text == "{")
            or (token.kind == "word" and text.upper() in ("WHERE", "FROM"))
        ):
            break
        elif depth == 0 and token.kind == "punct" and text == "*":
            return None
        elif token.kind == "word" and text.upper() == "AS" and depth == 1:
            after_as = True
        elif token.kind == "var" and (depth == 0 or after_as):
            names.append(text)
            after_as = False
    return names


def where_brace(query: str) -> int:
    """Offset of the ``{`` that opens the outermost query's WHERE clause.

    :raises ValueError: if there is none.
    """
    stream = tokens(query)
    depth = 0
    for token in stream:
        if token.kind == "punct" and token.text == "(":
            depth += 1
        elif token.kind == "punct" and token.text == ")":
            depth -= 1
        elif token.kind == "punct" and token.text == "{" and depth == 0:
            return token.start
    raise ValueError("the query has no WHERE clause")
