"""Quality rule: data-quality findings from graph checks and text patterns; the audit command."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from clustergraph.cli import main
from clustergraph.extract import clusters, quality, run_rules
from clustergraph.extract.context import ExtractionContext
from clustergraph.extract.quality_checks.audit import read_findings, render_findings
from clustergraph.extract.quality_checks.text_patterns import find_text_findings
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, DQV, OA, QB, RDF
from clustergraph.graph.writer import integer
from tests.conftest import GENRE, SOURCE
from tests.extract._helpers import file_ctx, text_ctx

#: the rules, in order, that conftest.py's fixture_ctx runs on FIXTURE (paper below runs every rule)
RULES = (clusters, quality)
FIXTURE = "qlq_quality.txt"


def _full(path: Path) -> ExtractionContext:
    ctx = file_ctx(path)
    run_rules(ctx)
    return ctx


def _findings(ctx: ExtractionContext) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, quote) of the span that names each finding, in text order."""
    out = []
    for record in read_findings(ctx.writer.graph):
        start, end = map(int, record["finding"].rsplit("/", 1)[1].split("-"))
        assert any(e["start"] == start and e["end"] == end for e in record["evidence"])
        out.append((record["kind"], start, end, ctx.writer.raw[start:end]))
    return sorted(out, key=lambda row: row[1])


@pytest.fixture(scope="module")
def paper() -> ExtractionContext:
    """The white paper with every rule run on it (``run_rules``), not only ``RULES``."""
    return _full(SOURCE)


def test_fixture_text_findings(fixture_ctx: ExtractionContext) -> None:
    found = [(kind, quote) for kind, _, _, quote in _findings(fixture_ctx)]
    assert found == [
        ("percentage-mismatch", "16个市政府工作报告中，有12个市明确提出培育产业集群，占比达80%"),
        ("duplicated-text", "千亿级产业集群和千亿级产业集群"),
        ("name-inconsistency", "《关于加快发展物联网产业的若干意见》"),
        ("count-mismatch", "推动合肥、芜湖、马鞍山两市"),
        ("sum-mismatch", "100 家，其中企业 60 家、高校 30 家、服务机构 20 家"),
        ("count-mismatch", "5个重点产业集群：物联网、集成电路、生物医药、新材料"),
        ("garbled-text", "（2021年印发）以及全省"),
        ("name-inconsistency", "江苏无锡物连网集群"),
        ("garbled-text", "营造了良好的产业合作氛围浓厚"),
        ("duplicated-text", "承办和承办"),
    ]


def test_fixture_findings_carry_numbers_and_both_languages(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    for record in read_findings(graph):
        assert record["description_en"] and record["description_zh"]
        node = URIRef(record["finding"])
        assert (node, RDF.type, DQV.QualityAnnotation) in graph
        assert (node, OA.motivatedBy, DQV.qualityAssessment) in graph
    by_kind = {r["kind"]: r for r in read_findings(graph)}
    assert (by_kind["sum-mismatch"]["stated"], by_kind["sum-mismatch"]["computed"]) == (
        "100",
        "110",
    )
    assert (
        by_kind["percentage-mismatch"]["stated"],
        by_kind["percentage-mismatch"]["computed"],
    ) == (
        "80",
        "75",
    )
    assert "12 / 16" in by_kind["percentage-mismatch"]["description_en"]


def test_consistent_statements_are_not_findings() -> None:
    text = (
        "有29个地区明确提出产业集群式发展,31个省中占比达93.5%。"
        "依托印染大脑、智慧印染两个省级工业互联网平台。泰州、连云港、无锡三市建立联席会议。"
        "6个培育型产业集群:装备产业、材料产业、生物医药产业、消费品产业、农副食品加工产业和技术服务。"
        "新型电力装备、工程机械等4个集群。吸纳会员单位 156 家,其中企业 121 家、高校 18 家、机构 17 家。"
        "国家和省级企业技术中心。从示范园区、产业链、集群合作等8个方面。湖北、山东和上海各6个。"
    )
    assert find_text_findings(text) == []


def test_duplicated_terms_of_a_change() -> None:
    # the same quoted term on both sides of 向/和, and a change from a thing to itself
    text = (
        "推动园区由“制造基地”向“制造基地”升级。引导企业由加工向加工转变。"
        "推动服务从企业到企业集群延伸。从个体到集群。"
    )
    found = [(check, details[1], details[2]) for check, details in find_text_findings(text)]
    assert found == [("duplicate", "制造基地", "向"), ("duplicate", "加工", "向")]


def test_quality_entry_point_re_exports_the_checks() -> None:
    # clustergraph audit imports these from the entry point
    assert quality.read_findings is read_findings
    assert quality.render_findings is render_findings
    assert quality.find_text_findings is find_text_findings


def _evidence_writer() -> tuple[ExtractionContext, str]:
    raw = "表中写明3个世界级集群:甲、乙。两批初赛共有 100 家参赛,30 家胜出。2019年60家参赛,20家胜出;2020年50家参赛,10家胜出。\n"
    return text_ctx(raw), raw


def test_graph_checks_tiers_batches_and_slices() -> None:
    ctx, raw = _evidence_writer()
    writer = ctx.writer
    tier = URIRef("https://w3id.org/clustergraph/id/policy/x/tier/1")
    writer.entity(tier, CG.PolicyTier, label="世界级集群", span=(raw.index("3个"), raw.index("。")))
    writer.add(tier, CG.statedCount, integer(3))
    for name in ("甲", "乙"):
        writer.add(tier, CG.target, mint("target", name))
    contest = mint("competition", "x")
    total = raw.index("共有")
    writer.entity(contest, CG.Competition, span=(total, raw.index("胜出") + 2))
    writer.add(contest, CG.entrantCount, integer(100))
    writer.add(contest, CG.winnerCount, integer(30))
    for n, (year, entrants, winners) in enumerate((("2019", 60, 20), ("2020", 50, 10)), 1):
        batch = URIRef(f"{contest}/batch/{n}")
        start = raw.index(f"{year}年")
        writer.entity(batch, CG.CompetitionBatch, span=(start, start + 15))
        writer.add(batch, DCTERMS.isPartOf, contest)
        writer.add(batch, CG.batchNumber, integer(n))
        writer.add(batch, CG.entrantCount, integer(entrants))
        writer.add(batch, CG.winnerCount, integer(winners))
    piece = mint("slice", "competition", "winners", "industry")
    writer.entity(piece, QB.Slice, span=(total, total + 10))
    writer.add(piece, CG.stage, CG.Winners)
    writer.add(piece, CG.refCompetition, contest)
    writer.add(piece, CG.isPartial, Literal(False))
    for key, count in (("a", 20), ("b", 12)):
        obs = mint("obs", "competition", "winners", "industry", key)
        writer.add(piece, QB.observation, obs)
        writer.add(obs, CG.sector, mint("industry", key))
        writer.add(obs, CG["count"], integer(count))
    quality.run(ctx)
    records = read_findings(writer.graph)
    summary = sorted((r["kind"], r["stated"], r["computed"]) for r in records)
    assert summary == [
        ("count-mismatch", "3", "2"),
        ("sum-mismatch", "100", "110"),  # batches 60 + 50 vs the stated 100 entrants
        ("sum-mismatch", "30", "32"),  # the breakdown of winners by industry
    ]
    targets = {r["kind"] + r["stated"]: r["targets"] for r in records}
    assert str(tier) in targets["count-mismatch3"]
    assert str(contest) in targets["sum-mismatch100"]


def test_white_paper_findings(paper: ExtractionContext) -> None:
    found = _findings(paper)
    kinds: dict[str, int] = {}
    for kind, *_ in found:
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds == {
        "count-mismatch": 1,
        "sum-mismatch": 1,
        "duplicated-text": 4,
        "garbled-text": 2,
        "name-inconsistency": 3,
    }
    quotes = {(kind, quote) for kind, _, _, quote in found}
    assert ("sum-mismatch", "2019年94家参赛,24家胜出;2020年85家参赛,20家胜出") in quotes
    assert ("duplicated-text", "十大战略性新兴产业集群和十大战略性新兴产业集群") in quotes
    assert ("name-inconsistency", "浙江温州乐清电气集群") in quotes
    assert ("duplicated-text", "承办和承办") in quotes
    count = next(r for r in read_findings(paper.writer.graph) if r["kind"] == "count-mismatch")
    assert (count["stated"], count["computed"]) == ("15", "14")
    assert count["evidence"][0]["quote"].startswith("15个优势制造业集群")
    batch = next(r for r in read_findings(paper.writer.graph) if r["kind"] == "sum-mismatch")
    assert (batch["stated"], batch["computed"]) == ("135", "179")
    assert "94 + 85 = 179" in batch["description_en"]


def test_genre_findings() -> None:
    found = _findings(_full(GENRE))
    assert [(kind, quote[:9]) for kind, _, _, quote in found] == [
        ("duplicated-text", "万亿级产业集群和万"),
        ("count-mismatch", "15个重点产业集群"),
    ]


def test_render_formats(paper: ExtractionContext) -> None:
    records = read_findings(paper.writer.graph)
    text = render_findings(records, "text")
    assert "[1] sum-mismatch" in text and "quote [2648-2681]" in text
    assert text.rstrip().endswith(
        "11 findings: 1 count-mismatch, 4 duplicated-text, 2 garbled-text, 3 name-inconsistency, 1 sum-mismatch"
    )
    table = render_findings(records, "table").splitlines()
    assert table[0].split()[:4] == ["kind", "span", "stated", "computed"]
    assert len(table) == 12
    data = json.loads(render_findings(records, "json"))
    assert [d["kind"] for d in data] == [r["kind"] for r in records]
    assert Decimal(data[0]["stated"]) == Decimal(135)


def _audit(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """(exit code, stdout) of ``clustergraph audit ARGS``."""
    with pytest.raises(SystemExit) as exited:
        main(["audit", *args])
    return int(exited.value.code or 0), capsys.readouterr().out


def test_audit_command(
    paper: ExtractionContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "g.ttl"
    paper.writer.graph.serialize(out, format="turtle")
    code, output = _audit([str(out)], capsys)
    assert code == 0, output
    assert "name-inconsistency" in output and "浙江温州乐清电气集群" in output
    code, output = _audit([str(out), "--format", "json"], capsys)
    assert code == 0
    assert len(json.loads(output)) == 11
    code, _ = _audit([str(tmp_path / "none.ttl")], capsys)
    assert code != 0


def test_a_count_after_a_conjunction_is_one_more_item() -> None:
    # "由A、B和 9 家企业共同发起": 9 counts the enterprises, not the list; "…三市" still counts it
    text = "促进会由甲市人民政府、乙市商会和 9 家企业共同发起设立。丙、丁、戊、己三市联合建设平台。"
    found = [(check, details[1], details[2]) for check, details in find_text_findings(text)]
    assert found == [("count", 3, 4)]


def test_a_list_given_elsewhere_is_not_counted() -> None:
    # "名单另行发布": the list is explicitly not given, so there is nothing to count
    text = "8个县域特色集群:以县域为主体培育、名单另行发布。3个支柱集群:钢铁、石化。"
    found = [(check, details[1], details[2]) for check, details in find_text_findings(text)]
    assert found == [("count", 3, 2)]


_NOTICE_TABLE = (
    "河北省人民政府印发《{title}》，提出培育两个世界级集群。\n\n"
    "表1 地方集群政策一览\n\n序号\t地区\t政策文件\t培育方向\n"
    "1\t河北省\t河北省人民政府关于印发河北省先进制造业集群培育工程实施方案的通知（冀政〔2022〕7号）\t"
    "2个世界级集群：钢铁、装备。\n"
)


def test_an_issuing_notice_names_the_document_it_issues() -> None:
    # "X关于印发Y的通知" in the table and 《Y》 in the text are one title, not an inconsistency
    ctx = text_ctx(_NOTICE_TABLE.format(title="河北省先进制造业集群培育工程实施方案"))
    quality.run(ctx)
    assert [r["kind"] for r in read_findings(ctx.writer.graph)] == []
    # a substituted word is still one (工程 → 行动)
    ctx = text_ctx(_NOTICE_TABLE.format(title="河北省先进制造业集群培育行动实施方案"))
    quality.run(ctx)
    assert [r["kind"] for r in read_findings(ctx.writer.graph)] == ["name-inconsistency"]


def test_breakdown_of_a_yearbook_style_section_against_its_total() -> None:
    # "最终 9 家集群胜出" and a province list adding up to 10: one sum mismatch on the list
    from clustergraph.extract import competition

    raw = (
        "第二节　集群竞赛\n\n2022 年,工业和信息化部组织开展了先进制造业集群竞赛,共有 20 家集群参赛,"
        "最终 9 家集群胜出。\n\n胜出集群概况。从地区看,湖南4个,安徽、江西各2个,福建、广西各1个。\n"
    )
    ctx = text_ctx(raw)
    competition.run(ctx)
    quality.run(ctx)
    found = _findings(ctx)
    assert [(kind, quote) for kind, _, _, quote in found] == [
        ("sum-mismatch", "从地区看,湖南4个,安徽、江西各2个,福建、广西各1个")
    ]


def test_a_chained_phrase_across_a_dun_is_no_duplicate() -> None:
    # "整机带部件、部件强整机": 部件 ends one item and opens the next (顶真), the items differ
    assert find_text_findings("以“整机带部件、部件强整机”为思路推进产业链协同。") == []
    # a whole item repeated in a 、-list, and X和X inside a title, are still duplicates
    text = (
        "重点发展新材料、新材料、生物医药。印发《关于培育发展新兴产业集群和新兴产业集群的意见》。"
    )
    found = [(check, details[1], details[2]) for check, details in find_text_findings(text)]
    assert found == [("duplicate", "新材料", "、"), ("duplicate", "新兴产业集群", "和")]


_CASE = (
    "二、实践探索：集群培育的典型做法\n\n（五）完善集群治理机制\n\n"
    "案例一：江苏常州智能数控机床集群\n\n"
    "{name}现有整机企业200余家。一是协同攻关。国产数控系统在集群整机中的配套比例提高到41%。\n"
)


def test_a_phrase_ending_in_the_titles_tail_is_no_name() -> None:
    # "…数控系统在集群整机中": 系统在 for 机床 brings in a preposition, the phrase is no name
    ctx = text_ctx(_CASE.format(name="常州智能数控机床集群"))
    clusters.run(ctx)
    quality.run(ctx)
    assert _findings(ctx) == []
    # a substituted content word (智能 → 高端) is still a name inconsistency
    ctx = text_ctx(_CASE.format(name="常州高端数控机床集群"))
    clusters.run(ctx)
    quality.run(ctx)
    assert [(kind, quote) for kind, _, _, quote in _findings(ctx)] == [
        ("name-inconsistency", "常州高端数控机床集群")
    ]


def test_a_table_cell_ending_a_list_is_not_broken_off() -> None:
    # "…:航空、虚拟现实、中医药" ends its list; "（2021年印发）以及全省" and "…、虚拟现实和" break off
    raw = (
        "表1 各省集群培育方向一览表\n\n序号\t省份\t集群文件\t集群培育发展方向\n"
        "1\t江西省\t江西省制造业高质量发展行动计划\t一批新兴产业集群：航空、虚拟现实、中医药\n"
        "2\t浙江省\t浙江省数字经济发展行动计划（2021年印发）以及全省\t一批特色集群：纺织、家具、五金\n"
        "3\t福建省\t福建省制造业高质量发展规划\t一批新兴产业集群：航空、虚拟现实和\n"
    )
    ctx = text_ctx(raw)
    quality.run(ctx)
    assert [(kind, quote) for kind, _, _, quote in _findings(ctx)] == [
        ("garbled-text", "（2021年印发）以及全省"),
        ("garbled-text", "和"),  # the list's last item is missing after 和
    ]


def test_entrants_in_jia_against_their_total() -> None:
    # a "参赛集群结构。" paragraph counting in 家: the industries add up to 18, the total is 20
    from clustergraph.extract import competition

    raw = (
        "(二)国家集群竞赛\n\n本轮共有20家集群参赛,8家集群胜出。\n\n"
        "参赛集群结构。按行业划分,电子信息8家,高端装备6家,新材料4家。"
        "按地区划分,广东12家,江苏8家。\n"
    )
    ctx = text_ctx(raw)
    competition.run(ctx)
    quality.run(ctx)
    assert [(kind, quote) for kind, _, _, quote in _findings(ctx)] == [
        ("sum-mismatch", "按行业划分,电子信息8家,高端装备6家,新材料4家")
    ]


def test_a_rate_of_the_sentences_counts_against_its_ratio() -> None:
    # "40家参赛,12家胜出,总体胜出率为35.0%": 12 / 40 is 30%, the stem 胜出 names the part
    text = "本轮共有40家集群参赛,12家集群胜出,总体胜出率为35.0%。"
    found = [
        (check, details[1], details[3], details[4]) for check, details in find_text_findings(text)
    ]
    assert found == [("percentage", Decimal("35.0"), 12, 40)]
    # a rate that agrees, and rates whose stem names none of the counts (利用率), are no findings
    text = (
        "本轮共有40家集群参赛,12家集群胜出,总体胜出率为30.0%。"
        "整合设备600余台,接入设备120台,设备利用率为72%。带动配套企业190家,本地配套率达到63%。"
    )
    assert find_text_findings(text) == []


def test_a_count_with_its_own_share_is_no_whole() -> None:
    # "A 20家,占40.0%;B 15家,占30.0%": each share is of a total stated elsewhere, and A's 20家
    # is a sibling part of B's 15家, not its whole (15 / 20 would be 75%)
    text = "按产业领域划分,智能装备20家,占40.0%;新材料15家,占30.0%;食品5家,占10.0%。"
    assert find_text_findings(text) == []
    # a whole without a share of its own is still the whole: 20 / 50 is 40%, not 30%
    text = "参赛集群50家,其中智能装备20家,占30.0%。"
    found = [
        (check, details[1], details[3], details[4]) for check, details in find_text_findings(text)
    ]
    assert found == [("percentage", Decimal("30.0"), 20, 50)]


def test_journal_style_breakdowns_agree_with_their_totals() -> None:
    # prose breakdowns with shares and both dimensions in one sentence: every list adds up to
    # its total and every share is right, so the only finding is the overall rate (20/50 = 40%)
    from clustergraph.extract import competition

    raw = (
        "2.2 集群竞赛\n\n工业和信息化部组织开展先进制造业集群竞赛。"
        "该轮共有50家集群参赛,20家集群胜出,总体胜出率为42.0%。\n\n"
        "从参赛集群的构成看,按产业领域划分,智能装备20家,占40.0%;新材料15家,占30.0%;"
        "食品、轻工各5家,纺织5家。按地区划分,湖南20家、江西15家,两省合计35家,占参赛总数的70.0%;"
        "安徽、福建各5家;广西5家。\n\n"
        "从初赛胜出集群看,按产业领域划分,智能装备8个,新材料6个,食品、轻工各2个,纺织2个;"
        "按地区划分,湖南8个,江西6个,安徽、福建各2个,广西2个。\n"
    )
    ctx = text_ctx(raw)
    competition.run(ctx)
    quality.run(ctx)
    assert [(kind, quote) for kind, _, _, quote in _findings(ctx)] == [
        ("percentage-mismatch", "50家集群参赛,20家集群胜出,总体胜出率为42.0%")
    ]


def test_a_count_not_touching_its_list_is_not_the_lists() -> None:
    # "A、B、C三个方面的五个": the list has its own count (三个), the later one counts other things;
    # "31个省(区、市)中有28个": the 、 list closed in brackets before the count
    text = (
        "经验交流:甲方、乙方、丙方三个方面的五个集群做法。"
        "从2023年各省(区、市)政府工作报告看,31个省(区、市)中有28个明确提出集群发展。"
    )
    assert find_text_findings(text) == []
    # a count touching its list still counts it
    text = "经验交流:甲方、乙方、丙方、丁方三个方面的五个集群做法。"
    found = [(check, details[1], details[2]) for check, details in find_text_findings(text)]
    assert found == [("count", 3, 4)]


def test_winners_by_province_named_in_the_dimension_phrase_against_their_total() -> None:
    # "从胜出集群地区分布看,…" adds up to 10 against "9个集群胜出": one sum mismatch on the list
    from clustergraph.extract import competition

    raw = (
        "【竞赛动态】集群竞赛初赛情况通报\n\n本刊讯 两批初赛共有20家集群参赛,9个集群胜出。\n\n"
        "从胜出集群行业分布看,智能装备5个,新材料4个。"
        "从胜出集群地区分布看,湖南4个,安徽、江西各2个,福建2个。\n"
    )
    ctx = text_ctx(raw)
    competition.run(ctx)
    quality.run(ctx)
    assert [(kind, quote) for kind, _, _, quote in _findings(ctx)] == [
        ("sum-mismatch", "从胜出集群地区分布看,湖南4个,安徽、江西各2个,福建2个")
    ]
