"""Work-report rule: the survey's stated numbers and one phrasing usage per (province, phrase)."""

from __future__ import annotations

from collections import Counter

from rdflib import Graph, Literal
from rdflib import namespace as ns

from clustergraph.extract import regions, work_reports
from clustergraph.gazetteer import Gazetteer
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


# -- a survey that goes on over the following paragraphs ----------------------------------------

GROUPED = (
    "第五节地方政府工作报告中的“集群”梳理 2024 年 31 个省(区、市)政府工作报告发现,"
    "其余 12 个地区均对集群发展作出部署,占比达 38.7%。具体可分为以下几类。\n\n"
    "第一类是“**数字产业集群**”。浙江、福建 2 个地区采用这一提法。如浙江省政府工作报告提出,"
    "“打造数字产业集群”。\n\n"
    "第二类突出“特色”。海南、西藏提出“特色产业集群”,如海南提出“做强热带特色产业集群”;"
    "云南沿用“高原特色产业集群”。\n\n"
    "此外,甘肃等 1 个地区使用这一表述。宁夏的表述在两年间有所调整:2023 年政府工作报告提出发展"
    "“新兴产业集群”,2024 年政府工作报告则提出打造“千亿级产业集群”,如“打造两个千亿级产业集群”。\n\n"
    "总体来看,东部省份更多使用“数字产业集群”的提法。\n\n"
    "安徽提出“链长制”。\n"
)


def test_grouped_paragraphs_continue_the_survey() -> None:
    graph = extract(GROUPED, work_reports).writer.graph
    assert _usages(graph) == [
        ("330000", "数字产业集群"),  # "A、B 2 个地区采用这一提法": the phrase of "第一类是“X”"
        ("350000", "数字产业集群"),
        ("460000", "特色产业集群"),  # not "做强热带特色产业集群": 如… quotes a report
        ("530000", "高原特色产业集群"),  # 沿用
        ("540000", "特色产业集群"),
        ("640000", "千亿级产业集群"),  # the sentence's one region, each clause's own year
        ("640000", "新兴产业集群"),
    ]
    # "甘肃等 1 个地区使用这一表述": the last quotation before it is no introduced phrase of its
    # paragraph, so no usage; the paragraphs after the first one without usages are not read
    survey = next(graph.subjects(ns.RDF.type, CG.WorkReportSurvey))
    # the heading run into the paragraph does not hide the counted report mention
    assert int(graph.value(survey, CG.surveyedCount)) == 31
    assert int(graph.value(survey, CG.statedCount)) == 12
    assert graph.value(survey, DCTERMS.date) == Literal("2024", datatype=ns.XSD.gYear)
    dates = {
        str(graph.value(u, CG.phrase)): str(graph.value(u, DCTERMS.date))
        for u in graph.subjects(ns.RDF.type, CG.PhrasingUsage)
        if str(graph.value(u, CG.region)).endswith("640000")
    }
    assert dates == {"新兴产业集群": "2023", "千亿级产业集群": "2024"}


def test_a_dated_clause_needs_exactly_one_region_in_its_sentence() -> None:
    text = (
        "2024年31个省(自治区、直辖市)政府工作报告中,有3个地区提出集群发展,占比约9.7%。"
        "宁夏和青海的表述有所调整:2023 年政府工作报告提出发展“新兴产业集群”。"
        "山西提出“能源产业集群”。\n"
    )
    graph = extract(text, work_reports).writer.graph
    assert _usages(graph) == [("140000", "能源产业集群")]


def test_survey_sentence_is_the_counted_report_mention() -> None:
    # a heading run into the paragraph names the reports first; the survey is the counted mention
    text = (
        "地方政府工作报告中的“集群”梳理 2024 年 31 个省(区、市)政府工作报告发现,12 个地区作出部署。"
    )
    survey = work_reports.find_survey(text, 0, len(text), Gazetteer.default())
    assert survey is not None
    assert (survey.year, survey.surveyed, survey.stated) == (2024, 31, 12)
    assert text[slice(*survey.label)] == "2024 年 31 个省(区、市)政府工作报告"


def test_a_heading_ends_the_survey() -> None:
    # a paragraph under the next heading is practice, not the survey, however it is worded
    text = (
        "1、2024年各地政府工作报告中的表述\n\n"
        "2024年31个省(自治区、直辖市)政府工作报告中,有2个地区提出集群发展,占比约6.5%。\n\n"
        "第一类是“数字产业集群”。浙江、福建采用这一提法。\n\n"
        "2、各地集群培育实践\n\n"
        "安徽提出“链长制”,江西提出“链长制”。\n"
    )
    graph = extract(text, work_reports).writer.graph
    assert _usages(graph) == [("330000", "数字产业集群"), ("350000", "数字产业集群")]


# -- a bulleted list: the phrase first, a colon, then the provinces ------------------------------

BULLETED = (
    "1.省级政府工作报告中的“集群”表述\n\n"
    "课题组逐一检索了2023年31个省(区、市)的政府工作报告。其中,5个地区明确使用了“集群”相关表述,"
    "占比逾一成。按提法归类如下:\n\n"
    "· “数字产业集群”:浙江、福建。其中浙江提出“打造全球数字产业集群高地”,措辞最为明确。\n\n"
    "· “特色产业集群”:海南、西藏。\n\n"
    "· “产业集群”:云南,如云南提出培育高原特色产业。\n\n"
    "此外,浙江在使用“数字产业集群”的同时,还提出壮大“海洋产业集群”。"
    "从分布看,东部省份更多使用“数字产业集群”。\n\n"
    "2.集群专项政策\n\n"
    "安徽提出“链长制”。\n"
)


def test_bulleted_phrase_first_list_and_a_carried_subject() -> None:
    graph = extract(BULLETED, work_reports).writer.graph
    assert _usages(graph) == [
        ("330000", "数字产业集群"),  # "· “X”:A、B": a bullet, the phrase, a colon, the provinces
        ("330000", "海洋产业集群"),  # "浙江在使用“X”的同时,还提出壮大“Y”": 浙江 carried over
        ("350000", "数字产业集群"),
        ("460000", "特色产业集群"),
        ("530000", "产业集群"),
        ("540000", "特色产业集群"),
    ]  # not "打造全球数字产业集群高地" (a report's words), nor 浙江 using 数字产业集群 twice
    survey = next(graph.subjects(ns.RDF.type, CG.WorkReportSurvey))
    # "…的政府工作报告。其中,5个地区…": the count follows in the next sentence
    assert int(graph.value(survey, CG.statedCount)) == 5
    assert int(graph.value(survey, CG.surveyedCount)) == 31
    assert graph.value(survey, CG.statedShare) is None  # 逾一成 is no percentage


def test_a_count_in_a_later_sentence_needs_qizhong() -> None:
    # only a sentence that goes on about the reports counted ("其中,…") gives their count
    text = "课题组逐一检索了2023年31个省(区、市)的政府工作报告。此前有5个地区提出过集群培育。"
    survey = work_reports.find_survey(text, 0, len(text), Gazetteer.default())
    assert survey is not None and (survey.surveyed, survey.stated) == (31, None)


def test_carried_subjects_need_an_adverb_and_stop_at_a_semicolon() -> None:
    text = (
        "2024年31个省(自治区、直辖市)政府工作报告中,有4个地区提出集群发展,占比约12.9%。"
        "山东、天津提出“优势产业集群”;重庆沿用“支柱产业集群”,提出“汽车产业集群”,"
        "还提出“电子产业集群”。"
        "四川提出“万亿级产业集群”,如“巩固提升电子、装备两大万亿级产业集群”。\n"
    )
    graph = extract(text, work_reports).writer.graph
    assert _usages(graph) == [
        ("120000", "优势产业集群"),
        ("370000", "优势产业集群"),
        ("500000", "支柱产业集群"),
        ("500000", "电子产业集群"),  # 还提出: 重庆, the subject after the ;, not 山东、天津
        ("510000", "万亿级产业集群"),
    ]  # "提出“汽车产业集群”" has no adverb of addition: no subject carried over


def test_a_quotation_opening_with_a_verb_or_listing_is_no_term() -> None:
    assert work_reports._is_statement("打造一批具有国际竞争力的先进制造业集群")
    assert work_reports._is_statement("加快发展数字产业集群")
    assert work_reports._is_statement("巩固提升汽车摩托车、电子两大支柱产业集群")
    assert not work_reports._is_statement("培育型产业集群")
    assert not work_reports._is_statement("重点产业集群")
    assert not work_reports._is_statement("战略性新兴产业集群")


def test_a_colon_after_a_phrase_mid_line_is_no_bullet_list() -> None:
    # the bullet must open its line: "。·“X”:A、B" inside a paragraph is no list item
    text = (
        "2024年31个省(自治区、直辖市)政府工作报告中,有2个地区提出集群发展,占比约6.5%。"
        "·“数字产业集群”:浙江、福建的做法各有特点。山西提出“能源产业集群”。\n"
    )
    graph = extract(text, work_reports).writer.graph
    assert _usages(graph) == [("140000", "能源产业集群")]


def test_reports_named_first_then_counted_surveyed_then_stated() -> None:
    # "…政府工作报告看,31个省(区、市)中有28个…": 31 were surveyed, 28 state it
    text = "从2023年各省(区、市)政府工作报告看,31个省(区、市)中有28个明确提出集群发展,占比90.3%。"
    survey = work_reports.find_survey(text, 0, len(text), Gazetteer.default())
    assert survey is not None and (survey.surveyed, survey.stated) == (31, 28)
    # a count of its own after the reports stays the stated count
    text = "从2023年各省(区、市)政府工作报告看,12个地区作出部署。"
    survey = work_reports.find_survey(text, 0, len(text), Gazetteer.default())
    assert survey is not None and (survey.surveyed, survey.stated) == (None, 12)
