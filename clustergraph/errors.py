"""Typed errors mapped to CLI exit codes, so every failure ends in one clear line.

Exit-code contract (documented in README.md):
0 success / conforms, 1 SHACL violations, 2 input, load, parameter or endpoint error.
"""

from __future__ import annotations

__all__ = [
    "ClusterGraphError",
    "EndpointError",
    "InputError",
    "QueryError",
    "ValidationFailed",
]


class ClusterGraphError(Exception):
    """Base class: ``str(error)`` is the one-line message shown to the user."""

    exit_code = 2


class InputError(ClusterGraphError):
    """A source or graph file that is missing, empty, binary, undecodable or unparsable."""


class QueryError(ClusterGraphError):
    """An unknown query or parameter, or a query that does not parse."""


class EndpointError(ClusterGraphError):
    """A remote SPARQL endpoint that cannot be reached or answers badly."""


class ValidationFailed(ClusterGraphError):
    """The graph does not conform to the shapes; carries the grouped report text."""

    exit_code = 1

    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report
