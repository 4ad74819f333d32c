"""OWL 2 RL consistency of data + ontology, so the disjointness axioms actually catch mistakes.

owlrl computes the closure and, instead of raising, records every inconsistency it derives (an
individual of two disjoint classes, a member of ``owl:Nothing``, an invalid literal, …) as a node
``[] a err:ErrorMessage ; err:error "…"`` in the DAML agent namespace (``owlrl.Namespaces.ERRNS``).
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

__all__ = ["check_consistency"]


def check_consistency(data: Graph, ontology: Graph) -> list[str]:
    """Run the OWL-RL closure of ``ontology`` + ``data`` on a copy; return the inconsistencies.

    :returns: owlrl's error messages plus one line per individual inferred to be ``owl:Nothing``,
        sorted; empty when the graph is consistent. Neither input is modified.
    """
    import owlrl
    from owlrl.Namespaces import ERRNS

    closure = Graph()
    for triple in ontology:
        closure.add(triple)
    for triple in data:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    problems = {
        " ".join(str(message).split())
        for node in closure.subjects(RDF.type, ERRNS.ErrorMessage)
        for message in closure.objects(node, ERRNS.error)
    }
    for individual in closure.subjects(RDF.type, OWL.Nothing):
        if isinstance(individual, URIRef) and individual != OWL.Nothing:
            problems.add(f"{individual} is inferred to be a member of owl:Nothing")
    return sorted(problems)
