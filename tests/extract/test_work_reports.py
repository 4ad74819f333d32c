"""Work-report rule: the survey's stated numbers and one phrasing usage per (province, phrase)."""

from __future__ import annotations

from collections import Counter

from rdflib import Graph, Literal
from rdflib import namespace as ns

from clustergraph.extract import regions, work_reports
from clustergraph.graph.namespaces import CG, DCTERMS
from tests.conftest import GENRE
from tests.extract._helpers import extract, fixture_text

#: the rules, in order, that the fixtures of conftest.py run (here: on the white paper)
RULES = (regions, work_reports)

UNMENTIONED = """
PREFIX cg: <https://w3id.org/clustergraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?short WHERE {
  ?p a cg:ProvinceLevelDivision ; skos:altLabel ?short .
  FILTER NOT EXISTS { ?u a cg:PhrasingUsage ; cg:region ?p }
} ORDER BY ?short
"""


def _usages(graph: Graph) -> list[tuple[str, str]]:
    return sorted(
        (str(graph.value(u, CG.region)).rsplit("/", 1)[1], str(graph.value(u, CG.phrase)))
        for u in graph.subjects(ns.RDF.type, CG.PhrasingUsage)
    )


def test_fixture_usages_from_lists_with_he_and_modifiers() -> None:
    ctx = extract(fixture_text("part1_work_reports.txt"), work_reports)
    graph = ctx.writer.graph
    assert _usages(graph) == [
        ("110000", "产业集群"),
        ("120000", "产业集群"),
        ("130000", "产业集群"),
        ("500000", "支柱产业集群"),  # ** markers dropped
        ("630000", "循环产业集群"),  # modifiers between verb and quotation
    ]
    survey = next(graph.subjects(ns.RDF.type, CG.WorkReportSurvey))
    assert int(graph.value(survey, CG.surveyedCount)) == 31
    assert int(graph.value(survey, CG.statedCount)) == 5
    assert str(graph.value(survey, CG.statedShare)) == "16.1"
    assert graph.value(survey, DCTERMS.date) == Literal("2021", datatype=ns.XSD.gYear)
    usage = next(graph.subjects(ns.RDF.type, CG.PhrasingUsage))
    assert graph.value(usage, DCTERMS.isPartOf) == survey
    assert graph.value(usage, DCTERMS.date) == Literal("2021", datatype=ns.XSD.gYear)
    assert graph.value(usage, CG.evidence) is not None


def test_white_paper_29_usages_29_provinces(paper_graph: Graph) -> None:
    usages = _usages(paper_graph)
    assert len(usages) == 29
    assert len({code for code, _ in usages}) == 29
    phrases = Counter(phrase for _, phrase in usages)
    assert phrases == {
        "产业集群": 12, "支柱产业集群": 1, "优势产业集群": 2, "战略性新兴产业集群": 5,
        "先进制造业集群": 7, "循环产业集群": 1, "现代产业集群": 1,
    }  # fmt: skip


def test_white_paper_unmentioned_provinces_by_query(paper_graph: Graph) -> None:
    rows = [str(row.short) for row in paper_graph.query(UNMENTIONED)]
    assert rows == sorted(["四川", "西藏"])


def test_white_paper_survey_numbers(paper_graph: Graph) -> None:
    survey = next(paper_graph.subjects(ns.RDF.type, CG.WorkReportSurvey))
    assert int(paper_graph.value(survey, CG.statedCount)) == 29
    assert str(paper_graph.value(survey, CG.statedShare)) == "93.5"
    assert str(paper_graph.value(survey, DCTERMS.date)) == "2020"


def test_genre_document_usages() -> None:
    ctx = extract(GENRE, work_reports)
    usages = _usages(ctx.writer.graph)
    assert len(usages) == 29 and len({code for code, _ in usages}) == 29
    assert ("510000", "世界级产业集群") in usages


# -- other sentence shapes of the genre --------------------------------------------------------

REWORDED = (
    "（三）各地培育集群\n\n1、2024年31个省(自治区、直辖市)政府工作报告对“集群”的表述\n\n"
    "2024年31个省(自治区、直辖市)政府工作报告中,10个地区对集群培育作出部署,占比约32.3%。"
    "安徽、江西和湖南均强调“先进制造业集群”;“数字产业集群”成为浙江、福建政府工作报告的共同"
    "表述;海南、西藏着力培育“特色产业集群”;云南、贵州、广西则使用“产业集群”一词。\n"
)


def test_reworded_usages_adverbs_modifiers_and_phrase_first() -> None:
    ctx = extract(REWORDED, work_reports)
    graph = ctx.writer.graph
    assert _usages(graph) == [
        ("330000", "数字产业集群"),  # “X”成为A、B…的表述: the phrase first
        ("340000", "先进制造业集群"),  # A、B和C均强调: an adverb before the verb
        ("350000", "数字产业集群"),
        ("360000", "先进制造业集群"),
        ("430000", "先进制造业集群"),
        ("450000", "产业集群"),  # 则使用
        ("460000", "特色产业集群"),  # 着力培育: a modifier before the verb
        ("520000", "产业集群"),
        ("530000", "产业集群"),
        ("540000", "特色产业集群"),
    ]
    survey = next(graph.subjects(ns.RDF.type, CG.WorkReportSurvey))
    # "10个地区对…作出部署" states the count without 有
    assert int(graph.value(survey, CG.statedCount)) == 10
    assert int(graph.value(survey, CG.surveyedCount)) == 31
