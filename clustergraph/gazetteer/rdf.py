"""Region nodes in the graph (docs/data-model.md, "Region").

A region is ``cgid:region/{code6}``, typed with its level class, labelled with the official name
(plus pinyin) and the short name, and placed under its parent chain. Its codes and point come from
the gazetteer; so every geometry node says ``prov:wasDerivedFrom cgid:source/gazetteer-cpca``. The
region node itself carries ``cg:evidence`` when the text mentions it, otherwise the same
``prov:wasDerivedFrom`` (the contract: "gazetteer-only nodes carry prov:wasDerivedFrom").
"""

from __future__ import annotations

from rdflib import Literal, URIRef

from clustergraph.gazetteer.core import Gazetteer
from clustergraph.gazetteer.model import Region
from clustergraph.gazetteer.table import cpca_version, table_sha256, table_size
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCAT, DCTERMS, GEO, OWL, PROV, RDF, RDFS
from clustergraph.graph.writer import GraphWriter, Span, integer

__all__ = [
    "GAZETTEER_SOURCE",
    "LEVEL_CLASSES",
    "describe_gazetteer_source",
    "emit_all_provinces",
    "emit_region",
    "region_iri",
    "wkt_point",
]

GAZETTEER_SOURCE: URIRef = mint("source", "gazetteer-cpca")
LEVEL_CLASSES: dict[str, URIRef] = {
    "province": CG.ProvinceLevelDivision,
    "prefecture": CG.PrefectureLevelDivision,
    "county": CG.CountyLevelDivision,
}
_TITLE = "GB/T 2260 division table shipped in cpca"
_RESOURCE = "cpca/resources/adcodes.csv"


def region_iri(region: Region | str) -> URIRef:
    """``cgid:region/{code6}``."""
    code6 = region.code6 if isinstance(region, Region) else str(region)[:6]
    return mint("region", code6)


def wkt_point(lon: float, lat: float) -> Literal:
    """``"POINT(lon lat)"^^geo:wktLiteral`` (CRS84 axis order: longitude first)."""
    return Literal(f"POINT({lon!r} {lat!r})", datatype=GEO.wktLiteral)


def describe_gazetteer_source(writer: GraphWriter) -> URIRef:
    """Describe ``cgid:source/gazetteer-cpca`` once: title, cpca version, and the table file
    (name, SHA-256, bytes, characters, a ``dcat:Distribution``) like any other source.
    """
    src = GAZETTEER_SOURCE
    if (src, RDF.type, PROV.Entity) in writer.graph:
        return src
    writer.add(src, RDF.type, DCTERMS.BibliographicResource)
    writer.add(src, RDF.type, PROV.Entity)
    writer.add(src, DCTERMS.title, Literal(_TITLE, lang="en"))
    writer.add(src, OWL.versionInfo, Literal(cpca_version()))
    writer.add(src, CG.fileName, Literal(_RESOURCE))
    writer.add(src, CG.sha256, Literal(table_sha256()))
    size, chars = table_size()
    writer.add(src, DCAT.byteSize, integer(size))
    writer.add(src, CG.characterCount, integer(chars))
    writer.add(src, RDFS.seeAlso, URIRef("https://pypi.org/project/cpca/"))
    table = URIRef(f"{src}/table")
    writer.add(src, DCAT.distribution, table)
    writer.add(table, RDF.type, DCAT.Distribution)
    writer.add(table, DCAT.mediaType, Literal("text/csv"))
    writer.add(table, CG.fileName, Literal(_RESOURCE))
    return src


def _is_cited(writer: GraphWriter, iri: URIRef) -> bool:
    return (iri, CG.evidence, None) in writer.graph


def emit_region(
    writer: GraphWriter,
    region: Region,
    span: Span | None = None,
    *,
    gazetteer: Gazetteer | None = None,
) -> URIRef:
    """Write ``region`` (and its parents) into the writer's graph; return its IRI.

    :param span: raw ``(start, end)`` of a mention: the node gets ``cg:evidence`` for it (map clean
        offsets with ``writer.raw_span`` first). Without a span the node is marked as derived from
        the gazetteer, unless some mention already cites it.
    """
    gaz = gazetteer or Gazetteer.default()
    iri = region_iri(region)
    known = (iri, RDF.type, CG.Region) in writer.graph
    if not known:
        writer.add(iri, RDF.type, CG.Region)
        writer.add(iri, RDF.type, LEVEL_CLASSES[region.level])
        writer.label(iri, region.name)
        if region.short_name != region.name:
            writer.label(iri, region.short_name, alt=True)
        writer.add(iri, CG.gbt2260Code, Literal(region.code6))
        writer.add(iri, CG.statisticalCode, Literal(region.code12))
        if region.lon is not None and region.lat is not None:
            geometry = URIRef(f"{iri}/geometry")
            writer.add(iri, GEO.hasGeometry, geometry)
            writer.add(geometry, RDF.type, GEO.Geometry)
            writer.add(geometry, GEO.asWKT, wkt_point(region.lon, region.lat))
            writer.add(geometry, PROV.wasDerivedFrom, describe_gazetteer_source(writer))
        if region.parent_code is not None:
            parent = gaz.by_code(region.parent_code)
            if parent is not None:
                writer.add(iri, CG.parentRegion, emit_region(writer, parent, gazetteer=gaz))
    if span is not None and writer.cite(iri, span) is not None:
        writer.graph.remove((iri, PROV.wasDerivedFrom, GAZETTEER_SOURCE))
    elif not _is_cited(writer, iri):
        writer.add(iri, PROV.wasDerivedFrom, describe_gazetteer_source(writer))
    return iri


def emit_all_provinces(writer: GraphWriter, gazetteer: Gazetteer | None = None) -> list[URIRef]:
    """The 31 province-level divisions (always in the graph, cited or not)."""
    gaz = gazetteer or Gazetteer.default()
    return [emit_region(writer, region, gazetteer=gaz) for region in gaz.provinces()]
