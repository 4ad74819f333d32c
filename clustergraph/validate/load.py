"""Read a graph file for validation, turning every way it can fail into one clear line."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from clustergraph.errors import InputError

__all__ = ["FORMATS", "load_graph"]

#: file extension → rdflib parser name
FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".rdf": "xml",
}


def load_graph(path: str | Path) -> Graph:
    """Parse ``path`` in the format its extension names (.ttl, .nt, .jsonld, .rdf).

    :raises InputError: the file is missing, not a file, empty, of an unknown kind or unparsable.
    """
    file = Path(path)
    rdf_format = FORMATS.get(file.suffix.lower())
    if rdf_format is None:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"{file}: unknown graph format {file.suffix!r}; use one of {known}")
    if not file.exists():
        raise InputError(f"{file}: no such file")
    if not file.is_file():
        raise InputError(f"{file}: not a regular file")
    data = file.read_bytes()
    if not data.strip():
        raise InputError(f"{file}: the file is empty")
    graph = Graph()
    try:
        graph.parse(data=data, format=rdf_format, publicID=file.resolve().as_uri())
    except Exception as error:  # noqa: BLE001 - rdflib's parsers raise many unrelated types
        raise InputError(f"{file}: not valid {rdf_format}: {_one_line(error)}") from None
    if len(graph) == 0:
        raise InputError(f"{file}: the file holds no triples")
    return graph


def _one_line(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."
