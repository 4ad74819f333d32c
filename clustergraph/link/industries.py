"""Map industry concepts to GB/T 4754-2017 and to the areas of 战略性新兴产业分类(2018).

Source: ``kg/reference/industries-gbt4754.csv`` (one row per industry term of the white paper), the
nine SEI areas in ``sei-2018-areas.csv``, scheme titles in ``classification-schemes.csv`` and the
names (zh, en) of the GB/T 4754-2017 divisions and sections in ``gbt4754-2017-divisions.csv`` and
``gbt4754-2017-sections.csv``.

A row applies to every ``cgid:industry/…`` concept whose ``skos:prefLabel``/``skos:altLabel`` @zh
equals, after NFKC, one spelling of ``term_in_text``: ``A / B`` lists two spellings,
``A (B)`` (space before the bracket) gives an alternative ``B``, ``A(B)`` an optional suffix ``AB``.

Links (all curated judgement, never ``exactMatch``):

* primary codes → ``skos:closeMatch``;
* secondary codes under a primary code (C3711 under C371) → ``skos:narrowMatch``, other secondary
  codes → ``skos:relatedMatch``;
* SEI areas → ``skos:closeMatch`` when the area name starts with the term (新材料 → 新材料产业),
  ``skos:relatedMatch`` when the cell says the fit is partial ("partial", "only"), otherwise
  ``skos:broadMatch``; a cell starting with "none" gives no link.

Records are ``cgid:linkrec/industry/{slug}/gbt4754-{code}-{relation}`` and
``…/sei2018-{n}-{relation}`` (relation = lower-case SKOS local name, e.g. ``closematch``).
Code concepts ``cgid:gbt4754/{code}`` and ``cgid:sei2018/{n}`` are written only when linked, with
``skos:notation`` and ``skos:prefLabel``. Every written code also brings its division (大类, ``C38``)
and section (门类, ``C``) as concepts of the same scheme, named @zh and @en from the division and
section tables (``prov:wasDerivedFrom`` the table; sections are the scheme's top concepts), so
the hierarchy has names at every level that a link reaches and none where no link does.
``skos:broader`` goes from a code to its nearest written ancestor (C3711 → C371; C3591 → C35 when
C359 is not written), from a division to its section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from clustergraph.errors import InputError
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CGID, DCTERMS, PROV, RDF, SKOS
from clustergraph.link.records import (
    add_link_record,
    iri_tail,
    nfkc,
    read_table,
    reference_node,
    table_path,
)

__all__ = [
    "DIVISIONS_TABLE",
    "GBT4754_SCHEME",
    "SECTIONS_TABLE",
    "SEI_SCHEME",
    "TABLE",
    "link_industries",
    "parse_code_names",
    "parse_sei",
    "term_variants",
]

TABLE = "industries-gbt4754.csv"
SEI_TABLE = "sei-2018-areas.csv"
SCHEMES_TABLE = "classification-schemes.csv"
DIVISIONS_TABLE = "gbt4754-2017-divisions.csv"
SECTIONS_TABLE = "gbt4754-2017-sections.csv"
GBT4754_SCHEME = mint("scheme", "gbt4754-2017")
SEI_SCHEME = mint("scheme", "sei-2018")
_COLUMNS = (
    "term_in_text",
    "term_type",
    "gbt4754_2017_primary",
    "gbt4754_2017_primary_names",
    "gbt4754_2017_secondary",
    "gbt4754_2017_secondary_names",
    "sei_2018_category",
    "note",
)
_CODE = re.compile(r"^[A-T][0-9]{2,4}$")
_DIVISION = re.compile(r"^[A-T][0-9]{2}$")
_SECTION = re.compile(r"^[A-T]$")
_LEVEL_COLUMNS = ("code", "name_zh", "name_en", "source")
_ALTERNATIVE = re.compile(r"^(?P<base>.+?)(?P<space>\s*)\((?P<inner>[^()]+)\)$")
_SEI_PART = re.compile(r"^(?P<n>[1-9])\s+(?P<name>[^\s(;]+)(?P<rest>.*)$", re.DOTALL)
_PARTIAL = re.compile(r"\b(partial|only)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SeiLink:
    """One SEI area named in a row, with the SKOS relation chosen for it."""

    area: str
    name: str
    relation: URIRef
    text: str


def term_variants(cell: str) -> list[str]:
    """Spellings of an industry term cell (see module docstring), NFKC, in order."""
    variants: list[str] = []
    for part in nfkc(cell).split("/"):
        part = part.strip()
        match = _ALTERNATIVE.match(part)
        if match:
            base, inner = match["base"].strip(), match["inner"].strip()
            found = [base, inner] if match["space"] else [base, base + inner]
        else:
            found = [part]
        variants.extend(v for v in found if v and v not in variants)
    return variants


def parse_code_names(codes: str, names: str, where: str) -> dict[str, str]:
    """``{"C39": "计算机、通信和其他电子设备制造业", …}`` from a codes cell and its names cell."""
    named: dict[str, str] = {}
    for item in names.split(";"):
        item = item.strip()
        if not item:
            continue
        code, _, name = item.partition(" ")
        named[code.strip()] = name.strip()
    result: dict[str, str] = {}
    for code in codes.split():
        if not _CODE.match(code):
            raise InputError(f"{where}: {code!r} is not a GB/T 4754 code")
        if not named.get(code):
            raise InputError(f"{where}: no name given for {code}")
        result[code] = named[code]
    return result


def _split_top(cell: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in cell:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_sei(cell: str, variants: list[str], areas: dict[str, str], where: str) -> list[SeiLink]:
    """SEI areas of a ``sei_2018_category`` cell with their SKOS relation."""
    links: list[SeiLink] = []
    for part in _split_top(nfkc(cell)):
        if part.lower().startswith("none"):
            continue
        match = _SEI_PART.match(part)
        if not match:
            raise InputError(f"{where}: cannot read SEI area {part!r}")
        area, name = match["n"], match["name"]
        if areas.get(area) != name:
            raise InputError(f"{where}: SEI area {area} is {areas.get(area)!r}, not {name!r}")
        if any(name.startswith(v) for v in variants):
            relation = SKOS.closeMatch
        elif _PARTIAL.search(match["rest"]):
            relation = SKOS.relatedMatch
        else:
            relation = SKOS.broadMatch
        links.append(SeiLink(area, name, relation, part))
    return links


def _industry_concepts(graph: Graph) -> dict[str, list[URIRef]]:
    """NFKC label → industry concepts carrying it (prefLabel or altLabel, @zh)."""
    prefix = f"{CGID}industry/"
    scheme = mint("scheme", "industries")
    found: dict[str, set[URIRef]] = {}
    for predicate in (SKOS.prefLabel, SKOS.altLabel):
        for node, label in graph.subject_objects(predicate):
            if not isinstance(node, URIRef) or getattr(label, "language", None) != "zh":
                continue
            if str(node).startswith(prefix) or (node, SKOS.inScheme, scheme) in graph:
                found.setdefault(nfkc(str(label)), set()).add(node)
    return {k: sorted(v) for k, v in found.items()}


@dataclass(frozen=True)
class _Level:
    """A table of named divisions or sections: rows by code, and the file they came from."""

    rows: dict[str, dict[str, str]]
    path: Path
    kind: str


def _read_level(path: Path, pattern: re.Pattern[str], kind: str) -> _Level:
    """The division or section table at ``path``; every code well formed, once, fully named."""
    rows: dict[str, dict[str, str]] = {}
    for number, row in enumerate(read_table(path, _LEVEL_COLUMNS), start=2):
        where = f"{path.name} line {number}"
        code = row["code"]
        if not pattern.match(code):
            raise InputError(f"{where}: {code!r} is not a GB/T 4754 {kind} code")
        if code in rows:
            raise InputError(f"{where}: {code} is listed twice")
        empty = [c for c in _LEVEL_COLUMNS[1:] if not row[c]]
        if empty:
            raise InputError(f"{where}: {code} has no {', '.join(empty)}")
        rows[code] = row
    return _Level(rows, path, kind)


class _Writer:
    """Writes the schemes and code concepts on first use."""

    def __init__(
        self,
        graph: Graph,
        schemes: dict[str, dict[str, str]],
        areas: dict[str, dict[str, str]],
        levels: tuple[_Level, _Level],
    ) -> None:
        self.graph = graph
        self.schemes = schemes
        self.areas = areas
        self.divisions, self.sections = levels
        self.codes: dict[str, str] = {}

    def scheme(self, iri: URIRef, key: str) -> URIRef:
        if (iri, RDF.type, SKOS.ConceptScheme) not in self.graph:
            row = self.schemes[key]
            self.graph.add((iri, RDF.type, SKOS.ConceptScheme))
            self.graph.add((iri, DCTERMS.title, Literal(row["title_zh"], lang="zh")))
            self.graph.add((iri, DCTERMS.title, Literal(row["title_en"], lang="en")))
            self.graph.add((iri, DCTERMS.source, Literal(row["source"])))
        return iri

    def gbt4754(self, code: str, name: str) -> URIRef:
        iri = mint("gbt4754", code)
        known = self.codes.setdefault(code, name)
        if known != name:
            raise InputError(
                f"GB/T 4754 {code} is named both {known!r} and {name!r} "
                f"({TABLE}, {DIVISIONS_TABLE}, {SECTIONS_TABLE})"
            )
        self.graph.add((iri, RDF.type, SKOS.Concept))
        self.graph.add((iri, SKOS.inScheme, self.scheme(GBT4754_SCHEME, "gbt4754-2017")))
        self.graph.add((iri, SKOS.notation, Literal(code)))
        self.graph.add((iri, SKOS.prefLabel, Literal(name, lang="zh")))
        return iri

    def level(self, code: str, level: _Level, under: str) -> URIRef:
        """The division or section ``code`` named from its table (``under``: the code reaching it)."""
        row = level.rows.get(code)
        if row is None:
            raise InputError(f"{level.path.name}: no row for {level.kind} {code} (of {under})")
        iri = self.gbt4754(code, row["name_zh"])
        self.graph.add((iri, SKOS.prefLabel, Literal(row["name_en"], lang="en")))
        self.graph.add((iri, PROV.wasDerivedFrom, reference_node(self.graph, level.path)))
        if level is self.sections:
            self.graph.add((iri, SKOS.topConceptOf, GBT4754_SCHEME))
            self.graph.add((GBT4754_SCHEME, SKOS.hasTopConcept, iri))
        return iri

    def sei(self, area: str) -> URIRef:
        iri = mint("sei2018", area)
        row = self.areas[area]
        scheme = self.scheme(SEI_SCHEME, "sei-2018")
        self.graph.add((iri, RDF.type, SKOS.Concept))
        self.graph.add((iri, SKOS.inScheme, scheme))
        self.graph.add((iri, SKOS.topConceptOf, scheme))
        self.graph.add((scheme, SKOS.hasTopConcept, iri))
        self.graph.add((iri, SKOS.notation, Literal(area)))
        self.graph.add((iri, SKOS.prefLabel, Literal(row["name_zh"], lang="zh")))
        self.graph.add((iri, SKOS.prefLabel, Literal(row["name_en"], lang="en")))
        return iri

    def hierarchy(self) -> None:
        """Divisions and sections of the written codes, and ``skos:broader`` up to the section."""
        for code in sorted(self.codes):
            self.level(code[:3], self.divisions, code)
            self.level(code[0], self.sections, code)
        for code in sorted(self.codes):
            parent = self.parent(code)
            if parent is not None:
                self.graph.add((mint("gbt4754", code), SKOS.broader, mint("gbt4754", parent)))

    def parent(self, code: str) -> str | None:
        """The nearest written ancestor: a shorter written prefix, then the division, the section."""
        if len(code) == 1:
            return None
        if len(code) == 3:
            return code[0]
        return next(code[:n] for n in range(len(code) - 1, 2, -1) if code[:n] in self.codes)


def _relation_for_secondary(code: str, primaries: dict[str, str]) -> URIRef:
    return SKOS.narrowMatch if any(code.startswith(p) for p in primaries) else SKOS.relatedMatch


def link_industries(graph: Graph, table: str | Path | None = None) -> int:
    """Add GB/T 4754 and SEI links to the industry concepts of ``graph``; return how many are new."""
    path = table_path(TABLE, table)
    rows = read_table(path, _COLUMNS)
    base = path.parent

    def beside(name: str) -> Path:
        """A companion table: next to ``table`` when one is given, else the bundled one."""
        return base / name if table is not None else table_path(name)

    areas = {
        r["code"]: r
        for r in read_table(beside(SEI_TABLE), ("code", "name_zh", "name_en", "source"))
    }
    schemes = {
        r["scheme"]: r
        for r in read_table(beside(SCHEMES_TABLE), ("scheme", "title_zh", "title_en", "source"))
    }
    levels = (
        _read_level(beside(DIVISIONS_TABLE), _DIVISION, "division"),
        _read_level(beside(SECTIONS_TABLE), _SECTION, "section"),
    )
    concepts = _industry_concepts(graph)
    writer = _Writer(graph, schemes, areas, levels)
    reference: URIRef | None = None
    added = 0
    for number, row in enumerate(rows, start=2):
        where = f"{path.name} line {number}"
        variants = term_variants(row["term_in_text"])
        primary = parse_code_names(
            row["gbt4754_2017_primary"], row["gbt4754_2017_primary_names"], where
        )
        secondary = parse_code_names(
            row["gbt4754_2017_secondary"], row["gbt4754_2017_secondary_names"], where
        )
        sei = parse_sei(
            row["sei_2018_category"], variants, {k: v["name_zh"] for k, v in areas.items()}, where
        )
        targets = sorted({c for v in variants for c in concepts.get(v, [])})
        if not targets:
            continue
        reference = reference or reference_node(graph, path)
        notes = (f"term_in_text: {row['term_in_text']} ({row['term_type']})", row["note"])
        for concept in targets:
            slug = iri_tail(concept, "industry")
            links: list[tuple[str, URIRef, URIRef, str]] = []
            for code, name in primary.items():
                links.append(
                    (f"gbt4754-{code}", SKOS.closeMatch, writer.gbt4754(code, name), "gbt4754-2017")
                )
            for code, name in secondary.items():
                relation = _relation_for_secondary(code, primary)
                links.append(
                    (f"gbt4754-{code}", relation, writer.gbt4754(code, name), "gbt4754-2017")
                )
            for item in sei:
                links.append(
                    (f"sei2018-{item.area}", item.relation, writer.sei(item.area), "sei-2018")
                )
            for key, relation, target, scheme in links:
                kind = str(relation).rsplit("#", 1)[-1].lower()
                record = URIRef(f"{CGID}linkrec/industry/{slug}/{key}-{kind}")
                added += add_link_record(
                    graph,
                    record,
                    (concept, relation, target),
                    source=schemes[scheme]["source"],
                    reference=reference,
                    notes=(*notes, f"sei_2018_category: {row['sei_2018_category']}")
                    if scheme == "sei-2018"
                    else notes,
                )
    writer.hierarchy()
    return added
