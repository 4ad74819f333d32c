"""One result shape for every engine, modelled on SPARQL 1.1 Query Results JSON terms.

Embedded (pyoxigraph) and remote (JSON over HTTP) runs both end up as a :class:`ResultTable` of
:class:`Term` values, normalised so the same answer compares equal whichever way it was obtained:
``xsd:string`` literals carry no datatype and language-tagged literals carry only their tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["XSD", "ResultTable", "Term", "escape_string", "unescape_string"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = XSD + "string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_LANG = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")
_ECHAR = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_ECHAR_RE = re.compile(r'[\\"\n\r\t\b\f]')
_UNECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE_RE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([tbnrf\"'\\]))")
_NOT_TYPED = (_XSD_STRING, _LANG_STRING)
_new = object.__new__


def escape_string(text: str) -> str:
    """Escape ``text`` for a double-quoted N-Triples / SPARQL string (ECHAR escapes only)."""
    return _ECHAR_RE.sub(lambda match: _ECHAR[match.group()], text)


def unescape_string(text: str) -> str:
    """Undo the ECHAR and UCHAR escapes of a Turtle / N-Triples / SPARQL string body."""
    if "\\" not in text:
        return text
    return _ESCAPE_RE.sub(_unescape_one, text)


def _unescape_one(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2)
    return chr(int(code, 16)) if code else _UNECHAR[match.group(3)]


@dataclass(frozen=True)
class Term:
    """An RDF term as SPARQL JSON results describe it.

    :param type: ``"uri"``, ``"literal"`` or ``"bnode"``.
    :param value: the IRI, the literal's lexical form or the blank node label.
    :param lang: the language tag of a language-tagged literal.
    :param datatype: the datatype IRI of a typed literal other than ``xsd:string``.
    """

    type: str
    value: str
    lang: str | None = None
    datatype: str | None = None

    def __post_init__(self) -> None:
        if self.type not in ("uri", "literal", "bnode"):
            raise ValueError(f"unknown term type {self.type!r}")
        if self.datatype in (_XSD_STRING, _LANG_STRING) or self.lang:
            object.__setattr__(self, "datatype", None)
        if self.lang is not None:
            if not _LANG.match(self.lang):
                raise ValueError(f"bad language tag {self.lang!r}")
            object.__setattr__(self, "lang", self.lang.lower())

    @classmethod
    def trusted(
        cls, type: str, value: str, lang: str | None = None, datatype: str | None = None
    ) -> Term:
        """A term from parts already known to be valid (read from pyoxigraph), built cheaply.

        Reading thousands of result cells, the checks of ``__init__`` cost as much as the
        query; this applies the same normalisation (``xsd:string`` and ``rdf:langString``
        dropped, language tag lower-cased) without them. Equal (and hashing equal) to
        ``Term(type, value, lang, datatype)`` for every valid input.
        """
        if lang:
            lang = lang.lower()
            datatype = None
        elif datatype in _NOT_TYPED:
            datatype = None
        term = _new(cls)
        fields = term.__dict__
        fields["type"] = type
        fields["value"] = value
        fields["lang"] = lang
        fields["datatype"] = datatype
        return term

    @classmethod
    def iri(cls, value: str) -> Term:
        """An IRI term."""
        return cls("uri", value)

    @classmethod
    def literal(cls, value: str, lang: str | None = None, datatype: str | None = None) -> Term:
        """A literal term (plain, language-tagged or typed)."""
        return cls("literal", value, lang, datatype)

    @classmethod
    def from_json(cls, data: object) -> Term:
        """Read one SPARQL JSON result term; ``TypeError``/``ValueError`` if it is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("value"), str):
            raise TypeError(f"not a SPARQL JSON term: {data!r}")
        kind = data.get("type")
        if kind == "typed-literal":  # pre-standard spelling still sent by some servers
            kind = "literal"
        if kind not in ("uri", "literal", "bnode"):
            raise ValueError(f"unknown term type {kind!r}")
        lang = data.get("xml:lang")
        datatype = data.get("datatype")
        return cls(
            kind,
            data["value"],
            lang if kind == "literal" else None,
            datatype if kind == "literal" else None,
        )

    def to_json(self) -> dict[str, str]:
        """Return the term as a SPARQL 1.1 JSON results term."""
        data = {"type": self.type, "value": self.value}
        if self.lang:
            data["xml:lang"] = self.lang
        if self.datatype:
            data["datatype"] = self.datatype
        return data

    def n3(self) -> str:
        """N-Triples form: ``<iri>``, ``"text"@lang``, ``"1"^^<xsd:integer>``, ``_:b0``."""
        if self.type == "uri":
            return f"<{self.value}>"
        if self.type == "bnode":
            return f"_:{self.value}"
        text = f'"{escape_string(self.value)}"'
        if self.lang:
            return f"{text}@{self.lang}"
        if self.datatype:
            return f"{text}^^<{self.datatype}>"
        return text


@dataclass(frozen=True)
class ResultTable:
    """SELECT results: the projected variables in order and one dict per solution.

    Unbound variables are simply absent from a row's dict.
    """

    columns: list[str]
    rows: list[dict[str, Term]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def values(self, column: str) -> list[str | None]:
        """The plain values of one column (``None`` where unbound), for quick checks."""
        return [row[column].value if column in row else None for row in self.rows]
