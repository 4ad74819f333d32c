"""Small graphs built with GraphWriter, the way extraction builds the real one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph

from clustergraph.gazetteer import Gazetteer
from clustergraph.gazetteer.rdf import emit_all_provinces, emit_region
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, RDF, SKOS
from clustergraph.graph.writer import GraphWriter, SourceInfo, zh

RAW = "浙江温州乐清电器集群 宁波 清华 中科院"


def new_writer(raw: str = RAW) -> GraphWriter:
    return GraphWriter(raw, SourceInfo("t.txt", "cd" * 32, len(raw.encode()), len(raw)))


def add_industry(writer: GraphWriter, label: str) -> None:
    concept = mint("industry", label)
    writer.add(concept, RDF.type, SKOS.Concept)
    writer.add(concept, SKOS.inScheme, mint("scheme", "industries"))
    writer.add(concept, SKOS.prefLabel, zh(label))


def add_institution(writer: GraphWriter, label: str, *aliases: str) -> None:
    iri = writer.entity(mint("institution", label), CG.Institution, CG.University, label=label)
    for alias in aliases:
        writer.label(iri, alias, alt=True)


def add_cluster(writer: GraphWriter, label: str) -> None:
    writer.entity(mint("cluster", label), CG.Cluster, label=label)


@pytest.fixture
def small_graph() -> Callable[[], Graph]:
    """A graph with regions, industries, institutions and clusters like the white paper's."""

    def build() -> Graph:
        gaz = Gazetteer.default()
        w = new_writer()
        emit_all_provinces(w)
        for name in ("乐清", "宁波", "柯桥", "成都", "德阳"):
            emit_region(w, gaz.lookup(name))
        for label in ("磁性材料", "电器", "软件和信息服务", "其他轻工类", "新材料", "轨道交通装备"):
            add_industry(w, label)
        add_institution(w, "清华大学", "清华")
        add_institution(w, "中科院")
        add_institution(w, "浙江省北大信息技术高等研究院")
        for label in (
            "浙江温州乐清电器集群",
            "天津动力电池集群",
            "湖北武汉节能与新能源智能网联汽车集群",
        ):
            add_cluster(w, label)
        return w.graph

    return build
