"""Checks a graph against the project's contract: SHACL shapes, declared terms, OWL consistency.

``shacl.validate_graph`` is the one used by ``clustergraph build`` and ``clustergraph validate``;
``coverage`` and ``consistency`` back the ontology tests and are cheap enough to run ad hoc.
"""
