"""Generate clustergraph/graph/vocab.py: the ontology's terms as a strict rdflib DefinedNamespace.

``CG.Clustr`` then raises AttributeError instead of minting a misspelled IRI. Run after changing
ontology/clustergraph.ttl:

    python scripts/gen_vocab.py          # rewrite clustergraph/graph/vocab.py
    python scripts/gen_vocab.py --check  # exit 1 if the file is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, QB, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "clustergraph.ttl"
TARGET = ROOT / "clustergraph" / "graph" / "vocab.py"
NAMESPACE = "https://w3id.org/clustergraph/ontology#"
COMMAND = "python scripts/gen_vocab.py"

_SECTIONS: tuple[tuple[str, tuple[URIRef, ...]], ...] = (
    ("Classes", (OWL.Class, RDFS.Class)),
    (
        "Properties",
        (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property),
    ),
    ("Concept schemes and data structures", (SKOS.ConceptScheme, QB.DataStructureDefinition)),
    ("Concepts", (SKOS.Concept,)),
)

_HEADER = '''"""The terms of the clustergraph ontology as a strict rdflib namespace (generated: do not edit).

Generated from ontology/clustergraph.ttl by ``{command}``. Unlike a plain
``Namespace``, ``CG.Clustr`` raises ``AttributeError``, so code cannot mint a misspelled ``cg:``
IRI. ``CG.count`` works here (with a plain ``Namespace`` it is ``str.count``).
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["CG"]


class CG(DefinedNamespace):
    """clustergraph ontology ({count} terms)."""

    _NS = Namespace("{namespace}")
    _fail = True
'''


def terms(ontology: Graph) -> dict[str, list[str]]:
    """Local names of the ontology's ``cg:`` terms by section, each list sorted."""
    seen: set[str] = set()
    sections: dict[str, list[str]] = {}
    for title, types in _SECTIONS:
        names = {
            str(subject)[len(NAMESPACE) :]
            for rdf_type in types
            for subject in ontology.subjects(RDF.type, rdf_type)
            if isinstance(subject, URIRef) and str(subject).startswith(NAMESPACE)
        }
        sections[title] = sorted(names - seen)
        seen |= names
    others = {
        str(subject)[len(NAMESPACE) :]
        for subject in ontology.subjects()
        if isinstance(subject, URIRef) and str(subject).startswith(NAMESPACE)
    } - seen
    if others:
        sections["Other terms"] = sorted(others)
    return sections


def render(ontology: Graph) -> str:
    """The text of vocab.py for ``ontology``."""
    sections = terms(ontology)
    count = sum(len(names) for names in sections.values())
    lines = [_HEADER.format(command=COMMAND, count=count, namespace=NAMESPACE)]
    for title, names in sections.items():
        if not names:
            continue
        lines.append(f"\n    # {title}\n")
        lines.extend(f"    {name}: URIRef\n" for name in names)
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) clustergraph/graph/vocab.py."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if vocab.py is out of date")
    args = parser.parse_args(argv)
    text = render(Graph().parse(ONTOLOGY, format="turtle"))
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if args.check:
        if current != text:
            sys.stderr.write(f"{TARGET.relative_to(ROOT)} is out of date; run: {COMMAND}\n")
            return 1
        return 0
    if current != text:
        sys.path.insert(0, str(ROOT))
        from clustergraph.fileio import atomic_write_text

        atomic_write_text(TARGET, text)
        sys.stderr.write(f"wrote {TARGET.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
