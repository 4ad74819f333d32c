"""Competition rule: the contest, batches, totals and the by-industry / by-province breakdowns."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from clustergraph.extract import competition
from clustergraph.gazetteer import Gazetteer
from clustergraph.graph.namespaces import CG, DCTERMS, QB, SKOS
from tests.conftest import GENRE
from tests.extract._helpers import ID, extract

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (competition,)
FIXTURE = "part1_competition.txt"

COUNT = CG["count"]


def _by_industry(graph: Graph, stage: URIRef) -> dict[str, int]:
    out = {}
    for obs in graph.subjects(CG.stage, stage):
        sector = graph.value(obs, CG.sector)
        if sector is not None:
            out[str(graph.value(sector, SKOS.prefLabel))] = int(graph.value(obs, COUNT))
    return out


def _by_province(graph: Graph, stage: URIRef) -> dict[str, int]:
    out = {}
    for obs in graph.subjects(CG.stage, stage):
        region = graph.value(obs, CG.refRegion)
        if region is not None and (obs, ns.RDF.type, CG.CompetitionObservation) in graph:
            out[str(region).rsplit("/", 1)[1]] = int(graph.value(obs, COUNT))
    return out


def _slice(graph: Graph, stage: str, dimension: str) -> URIRef:
    return URIRef(f"{ID}slice/competition/{stage}/{dimension}")


def test_fixture_contest_organiser_and_totals(fixture_graph: Graph) -> None:
    graph = fixture_graph
    contest = URIRef(ID + "competition/quan-guo-xian-jin-zhi-zao-ye-ji-qun-jing-sai")
    assert (contest, ns.RDF.type, CG.Competition) in graph
    assert graph.value(contest, ns.RDFS.label, any=True) is not None
    organiser = graph.value(contest, CG.organizer)
    assert (organiser, ns.RDFS.label, Literal("工业和信息化部", lang="zh")) in graph
    assert int(graph.value(contest, CG.entrantCount)) == 135
    assert int(graph.value(contest, CG.winnerCount)) == 44


def test_fixture_batches_take_launch_months_and_their_years_results(fixture_graph: Graph) -> None:
    graph = fixture_graph
    batches = {
        int(graph.value(b, CG.batchNumber)): b
        for b in graph.subjects(ns.RDF.type, CG.CompetitionBatch)
    }
    assert sorted(batches) == [1, 2]
    assert str(graph.value(batches[1], CG.launchDate)) == "2019-08"
    assert str(graph.value(batches[2], CG.launchDate)) == "2020-05"
    assert (
        int(graph.value(batches[1], CG.entrantCount)),
        int(graph.value(batches[1], CG.winnerCount)),
    ) == (94, 24)
    assert (
        int(graph.value(batches[2], CG.entrantCount)),
        int(graph.value(batches[2], CG.winnerCount)),
    ) == (85, 20)
    assert all(graph.value(b, DCTERMS.isPartOf) is not None for b in batches.values())


def test_fixture_industry_breakdown_joins_page_break_and_drops_yiji(fixture_graph: Graph) -> None:
    entrants = _by_industry(fixture_graph, CG.Entrants)
    assert entrants == {"电子信息": 20, "高端装备": 25, "汽车": 17, "其他轻工类": 5}
    assert _by_industry(fixture_graph, CG.Winners) == {"电子信息": 7, "汽车": 5}


def test_fixture_province_groups_with_ge_and_he(fixture_graph: Graph) -> None:
    entrants = _by_province(fixture_graph, CG.Entrants)
    assert entrants == {
        "440000": 20, "320000": 13, "420000": 6, "370000": 6, "310000": 6,
        "340000": 5, "430000": 5, "610000": 5, "640000": 3, "510000": 3, "500000": 3,
    }  # fmt: skip
    winners = _by_province(fixture_graph, CG.Winners)
    assert winners == {"320000": 8, "440000": 7, "330000": 7, "370000": 3, "310000": 3}


def test_fixture_trailing_deng_marks_the_slice_partial(fixture_graph: Graph) -> None:
    graph = fixture_graph
    partial = {
        (stage, dim): graph.value(_slice(graph, stage, dim), CG.isPartial).toPython()
        for stage in ("entrants", "winners")
        for dim in ("industry", "province")
    }
    assert partial == {
        ("entrants", "industry"): True,
        ("entrants", "province"): True,
        ("winners", "industry"): False,
        ("winners", "province"): False,
    }
    members = set(graph.objects(_slice(graph, "winners", "province"), QB.observation))
    assert len(members) == 5


def test_white_paper_entrants_by_industry(paper_graph: Graph) -> None:
    assert _by_industry(paper_graph, CG.Entrants) == {
        "电子信息": 20, "软件和信息服务": 9, "高端装备": 25, "汽车": 17, "新材料": 21,
        "绿色化工": 11, "生物医药": 12, "节能环保与新能源": 5, "纺织服装": 6, "绿色食品": 4,
        "其他轻工类": 5,
    }  # fmt: skip
    assert sum(_by_industry(paper_graph, CG.Winners).values()) == 44


def test_white_paper_winners_by_province(paper_graph: Graph) -> None:
    winners = _by_province(paper_graph, CG.Winners)
    assert winners["320000"] == 8 and winners["440000"] == 7 and winners["330000"] == 7
    assert winners["420000"] == 4 and winners["370000"] == 3 and winners["310000"] == 3
    assert len(winners) == 15 and sum(winners.values()) == 44
    entrants = _by_province(paper_graph, CG.Entrants)
    assert len(entrants) == 19 and sum(entrants.values()) == 123  # the list ends in 等


def test_white_paper_batches_and_totals(paper_graph: Graph) -> None:
    graph = paper_graph
    contest = next(graph.subjects(ns.RDF.type, CG.Competition))
    assert (
        int(graph.value(contest, CG.entrantCount)),
        int(graph.value(contest, CG.winnerCount)),
    ) == (135, 44)
    launches = sorted(
        str(graph.value(b, CG.launchDate)) for b in graph.subjects(ns.RDF.type, CG.CompetitionBatch)
    )
    assert launches == ["2019-08", "2020-05"]


def test_genre_document_third_batch() -> None:
    graph = extract(GENRE, competition).writer.graph
    batch = next(graph.subjects(ns.RDF.type, CG.CompetitionBatch))
    assert int(graph.value(batch, CG.batchNumber)) == 3
    assert str(graph.value(batch, CG.launchDate)) == "2021-03"
    assert len(_by_industry(graph, CG.Entrants)) == 9
    assert len(_by_province(graph, CG.Winners)) == 8


# -- other ways the genre writes the breakdowns ----------------------------------------------

REWORDED = (
    "一、政策\n\n（二）全国集群竞赛\n\n"
    "2021 年,工业和信息化部组织开展了新一届先进制造业集群竞赛,共有 30 家集群参赛,"
    "10 家集群胜出。\n\n"
    "参赛对象分析。按照行业划分,参赛集群主要集中在智能装备(11个)、新材料（9 个）以及食品"
    "（10 个）集群。分地区看,湖南12个,安徽和江西各6个,福建3个,广西、海南各1个等。\n\n"
    "初赛结果分析。在10个胜出集群中,智能装备4个,新材料3个,食品、轻工各1个,其他1个。"
    "湖南4个,安徽、江西各2个,福建2个。\n"
)


@pytest.fixture(scope="module")
def reworded_graph() -> Graph:
    return extract(REWORDED, competition).writer.graph


def test_reworded_dimension_words_start_the_lists(reworded_graph: Graph) -> None:
    # "按照行业划分" and "分地区看" say which dimension a list has, like "从行业看"
    assert _by_industry(reworded_graph, CG.Entrants) == {"智能装备": 11, "新材料": 9, "食品": 10}
    assert _by_province(reworded_graph, CG.Entrants) == {
        "430000": 12, "340000": 6, "360000": 6, "350000": 3, "450000": 1, "460000": 1,
    }  # fmt: skip
    partial = reworded_graph.value(_slice(reworded_graph, "entrants", "province"), CG.isPartial)
    assert partial.toPython() is True


def test_reworded_bare_lists_take_their_dimension_from_the_names(reworded_graph: Graph) -> None:
    # "X 4个, A、B各1个" without parentheses or a dimension word: industries (no place names)
    # and provinces (only province names) are told apart by the gazetteer
    assert _by_industry(reworded_graph, CG.Winners) == {
        "智能装备": 4, "新材料": 3, "食品": 1, "轻工": 1, "其他": 1,
    }  # fmt: skip
    assert _by_province(reworded_graph, CG.Winners) == {
        "430000": 4, "340000": 2, "360000": 2, "350000": 2,
    }  # fmt: skip


def test_counted_groups_separated_by_dun() -> None:
    # "A 5个、B 3个、C、D各1个": 、 between counted groups separates groups, inside one it
    # joins the names that share the count
    text = (
        "初赛结果分析。从行业看,电子信息5个、汽车3个、新材料、纺织各1个。"
        "从地区看,江苏4个、广东3个、浙江和山东各1个。"
    )
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    found = {
        (b.dimension, name): count
        for b in facts.breakdowns
        for name, count, _ in b.entries
        if b.stage == CG.Winners
    }
    assert found == {
        ("industry", "电子信息"): 5, ("industry", "汽车"): 3,
        ("industry", "新材料"): 1, ("industry", "纺织"): 1,
        ("province", "320000"): 4, ("province", "440000"): 3,
        ("province", "330000"): 1, ("province", "370000"): 1,
    }  # fmt: skip


# -- a yearbook house style: "概况" leads, bare lists, "以N个居首", earlier-batch totals ------------

YEARBOOK = (
    "第二节　全国集群竞赛\n\n"
    "2022 年,工业和信息化部组织开展了先进制造业集群竞赛,共有 20 家集群参赛,最终 9 家集群胜出。\n\n"
    "参赛集群概况。按行业领域划分,本届参赛集群中,智能装备 6 个、新材料 5 个,食品、轻工各 3 个,"
    "纺织和医药与健康各 1 个,软件和信息服务 1 个。按地区划分,参赛集群覆盖 5 个省(区、市),"
    "湖南以 7 个居首,其后依次为安徽 5 个、江西 4 个,福建和广西各 2 个。\n\n"
    "胜出集群概况。从领域看,胜出集群主要集中在智能装备(3个)和新材料(2个)领域,食品、轻工各1个,"
    "纺织和医药与健康各1个。从地区看,湖南4个,安徽、江西各2个,福建1个。\n\n"
    "从前两届竞赛的后续进展看,两届初赛共有 30 家集群胜出,其中 12 家通过决赛。\n"
)


@pytest.fixture(scope="module")
def yearbook() -> competition.CompetitionFacts:
    return competition.find_competition(YEARBOOK, 0, len(YEARBOOK), Gazetteer.default())


def _entries(facts: competition.CompetitionFacts, stage: URIRef, dimension: str) -> dict:
    return {
        name: count
        for b in facts.breakdowns
        if b.stage == stage and b.dimension == dimension
        for name, count, _ in b.entries
    }


def test_yearbook_gaikuang_leads_and_compound_dimension_word(yearbook) -> None:
    # "参赛集群概况。" / "胜出集群概况。" open the stage paragraphs; "按行业领域划分" is the industry
    # dimension; "A和B各1个" names two industries (各), "软件和信息服务 1 个" one (no 各)
    assert _entries(yearbook, CG.Entrants, "industry") == {
        "智能装备": 6, "新材料": 5, "食品": 3, "轻工": 3, "纺织": 1, "医药与健康": 1,
        "软件和信息服务": 1,
    }  # fmt: skip
    # bare groups after the parenthesised items of the same sentence
    assert _entries(yearbook, CG.Winners, "industry") == {
        "智能装备": 3, "新材料": 2, "食品": 1, "轻工": 1, "纺织": 1, "医药与健康": 1,
    }  # fmt: skip


def test_yearbook_province_list_led_by_yi_n_ge_ju_shou(yearbook) -> None:
    # "湖南以 7 个居首,其后依次为安徽 5 个": the leading group counts; "5 个省(区、市)" does not
    assert _entries(yearbook, CG.Entrants, "province") == {
        "430000": 7, "340000": 5, "360000": 4, "350000": 2, "450000": 2,
    }  # fmt: skip
    assert _entries(yearbook, CG.Winners, "province") == {
        "430000": 4, "340000": 2, "360000": 2, "350000": 1,
    }  # fmt: skip


def test_yearbook_totals_skip_earlier_batches(yearbook) -> None:
    # "最终 9 家集群胜出" is the winners' total; the 30 of "前两届…共有 30 家集群胜出" is not
    assert [value for value, _ in yearbook.entrant_totals] == [20]
    assert [value for value, _ in yearbook.winner_totals] == [9]


def test_a_stage_word_inside_a_paragraph_is_no_lead() -> None:
    # the lead must open its paragraph: "…参赛情况。" in mid-paragraph gives the list no stage
    text = "课题组梳理了本届竞赛的参赛情况。从地区看,湖南3个,安徽2个。\n"
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    assert facts.breakdowns == []
    text = "本届参赛情况。从地区看,湖南3个,安徽2个。\n"
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    assert _entries(facts, CG.Entrants, "province") == {"430000": 3, "340000": 2}


# -- a think-tank house style: "…结构。" / "…结果。" leads, counts in 家, a closing 共涉及 -----------

THINK_TANK = (
    "(二)国家集群竞赛:2023年初赛观察\n\n"
    "2023年组织开展了新一轮初赛。据课题组汇总,本轮共有20家集群参赛,8家集群胜出。\n\n"
    "参赛集群结构。按行业划分,电子信息8家,高端装备7家,新材料5家。按地区划分,广东6家,江苏5家,"
    "湖南、湖北各3家,安徽2家,吉林1家,共涉及6个省(区、市)。东部省份参赛数量占比超过五成。\n\n"
    "初赛结果。8家胜出集群中,按行业划分:电子信息4家,高端装备、新材料各2家。"
    "按地区划分:广东、江苏各3家,湖南2家。\n"
)


def test_think_tank_jiegou_and_jieguo_leads_with_jia() -> None:
    facts = competition.find_competition(THINK_TANK, 0, len(THINK_TANK), Gazetteer.default())
    # "参赛集群结构。" opens the entrants' paragraph, "初赛结果。" the winners'
    assert _entries(facts, CG.Entrants, "industry") == {"电子信息": 8, "高端装备": 7, "新材料": 5}
    # "共涉及6个省" closes the list: 涉及 after the groups is no lead word that starts it
    assert _entries(facts, CG.Entrants, "province") == {
        "440000": 6, "320000": 5, "430000": 3, "420000": 3, "340000": 2, "220000": 1,
    }  # fmt: skip
    assert _entries(facts, CG.Winners, "industry") == {"电子信息": 4, "高端装备": 2, "新材料": 2}
    assert _entries(facts, CG.Winners, "province") == {"440000": 3, "320000": 3, "430000": 2}
    assert [value for value, _ in facts.entrant_totals] == [20]
    assert [value for value, _ in facts.winner_totals] == [8]


def test_a_structure_lead_without_a_stage_word_gives_no_stage() -> None:
    # "产业结构。" names no stage (参赛/胜出…): its list is not a competition breakdown
    text = "产业结构。按行业划分,电子信息5家,汽车3家。\n"
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    assert facts.breakdowns == []


def test_a_lead_word_before_the_groups_still_starts_the_list() -> None:
    # "主要分布在东部省份,其中广东…": the last lead word before the first count starts the list
    text = "参赛对象分析。从地区看,参赛集群主要分布在东部省份,其中广东4个,江苏3个,涉及2个省份。\n"
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    assert _entries(facts, CG.Entrants, "province") == {"440000": 4, "320000": 3}


# -- an academic-journal house style: prose breakdowns with shares, both dimensions in a sentence --

JOURNAL = (
    "2.2 集群竞赛\n\n"
    "本文以一轮初赛为样本:该轮共有50家集群参赛,20家集群胜出。\n\n"
    "从参赛集群的构成看,按产业领域划分,智能装备20家,占40.0%;新材料15家,占30.0%;"
    "食品、轻工各5家,纺织5家。按地区划分,湖南20家、江西15家,两省合计35家,占参赛总数的70.0%;"
    "安徽、福建各5家;广西5家。\n\n"
    "从初赛胜出集群看,按产业领域划分,智能装备8个,新材料6个,食品、轻工各2个,纺织2个;"
    "按地区划分,湖南8个,江西6个,安徽、福建各2个,广西2个。广西虽有集群参赛,但未胜出。\n\n"
    "从结构特征看,其一是领域集中,智能装备和新材料两个领域的参赛集群合计35家,胜出集群合计14个。\n"
)


@pytest.fixture(scope="module")
def journal() -> competition.CompetitionFacts:
    return competition.find_competition(JOURNAL, 0, len(JOURNAL), Gazetteer.default())


def test_journal_industry_counts_with_their_shares(journal) -> None:
    # "智能装备20家,占40.0%;": the share of a group is no group, and does not end the list
    assert _entries(journal, CG.Entrants, "industry") == {
        "智能装备": 20, "新材料": 15, "食品": 5, "轻工": 5, "纺织": 5,
    }  # fmt: skip
    # "两省合计35家,占参赛总数的70.0%": a subtotal and its share are no provinces
    assert _entries(journal, CG.Entrants, "province") == {
        "430000": 20, "360000": 15, "340000": 5, "350000": 5, "450000": 5,
    }  # fmt: skip


def test_journal_winners_paragraph_names_its_own_stage(journal) -> None:
    # "从初赛胜出集群看" in the next paragraph: the winners' stage, not the entrants' carried on;
    # "按产业领域划分,…;按地区划分,…" in one sentence: the province list ends the industry list
    assert _entries(journal, CG.Winners, "industry") == {
        "智能装备": 8, "新材料": 6, "食品": 2, "轻工": 2, "纺织": 2,
    }  # fmt: skip
    assert _entries(journal, CG.Winners, "province") == {
        "430000": 8, "360000": 6, "340000": 2, "350000": 2, "450000": 2,
    }  # fmt: skip
    # no province is read as an industry, no zero record, no subtotal (其一…合计35家)
    stages = [(b.stage, b.dimension) for b in journal.breakdowns]
    assert sorted(stages) == sorted(
        (stage, dim) for stage in (CG.Entrants, CG.Winners) for dim in ("industry", "province")
    )


def test_a_paragraph_lead_outranks_a_stage_word_in_its_sentence() -> None:
    # "初赛结果分析。与参赛阶段相比,从地区看,…": the paragraph's lead (结果) names the stage,
    # the 参赛 of a comparison in the sentence does not
    text = "初赛结果分析。与参赛阶段相比,从地区看,湖南4个,安徽2个。\n"
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    assert _entries(facts, CG.Winners, "province") == {"430000": 4, "340000": 2}
    assert _entries(facts, CG.Entrants, "province") == {}


def test_a_bare_subtotal_is_no_industry() -> None:
    # "以上两个领域合计12家": a subtotal of the groups before it, not an industry named 以上两个领域
    text = "参赛对象分析。按行业划分,智能装备7家,新材料5家,以上两个领域合计12家,食品3家。\n"
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    assert _entries(facts, CG.Entrants, "industry") == {"智能装备": 7, "新材料": 5, "食品": 3}


def test_a_later_sentence_stage_outlasts_an_earlier_paragraphs_lead() -> None:
    # the entrants' lead opens the first paragraph; the second names the winners in its first
    # sentence, and its next sentence ("按地区划分,…") carries the winners on, not the old lead
    text = (
        "参赛对象分析。按行业划分,智能装备6个,新材料4个。\n\n"
        "从胜出集群看,按行业划分,智能装备3个,新材料1个。按地区划分,湖南3个,安徽1个。\n"
    )
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    assert _entries(facts, CG.Entrants, "industry") == {"智能装备": 6, "新材料": 4}
    assert _entries(facts, CG.Winners, "industry") == {"智能装备": 3, "新材料": 1}
    assert _entries(facts, CG.Winners, "province") == {"430000": 3, "340000": 1}
    assert _entries(facts, CG.Entrants, "province") == {}


def test_the_stage_named_inside_the_dimension_phrase() -> None:
    # "从参赛集群行业分布看" / "从胜出集群地区分布看": no paragraph lead, the stage sits between
    # 从 and the dimension word
    text = (
        "本刊讯 两批初赛共有20家集群参赛,6个集群胜出。\n"
        "从参赛集群行业分布看,智能装备8家,新材料、食品各6家。"
        "从参赛集群地区分布看,湖南12家,安徽8家。\n"
        "从胜出集群行业分布看,智能装备4个,新材料2个。从胜出集群的地区分布看,湖南5个,江西1个。\n"
    )
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    assert _entries(facts, CG.Entrants, "industry") == {"智能装备": 8, "新材料": 6, "食品": 6}
    assert _entries(facts, CG.Entrants, "province") == {"430000": 12, "340000": 8}
    assert _entries(facts, CG.Winners, "industry") == {"智能装备": 4, "新材料": 2}
    assert _entries(facts, CG.Winners, "province") == {"430000": 5, "360000": 1}


def test_a_place_between_cong_and_the_dimension_is_no_stage() -> None:
    # "从中部地区看": a region, not a stage, stands before 地区; without a stage no breakdown
    text = "本刊讯 两批初赛共有20家集群参赛。\n从中部地区看,湖南3个,安徽2个。\n"
    facts = competition.find_competition(text, 0, len(text), Gazetteer.default())
    assert facts.breakdowns == []
