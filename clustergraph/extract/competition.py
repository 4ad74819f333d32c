"""A national cluster competition: the contest, its batches, totals and the breakdowns of
entrants and winners by industry and by province (RDF Data Cube observations).

The genre reports such contests in a fixed way: a heading "X部开展…竞赛"; "分别于 2019 年 8 月和
2020 年 5 月,启动了第一批和第二批…初赛" (one launch month per batch, in order); "共有 135 家…参赛,
44 家集群胜出" (totals); "2019年94家参赛,24家胜出" (per-batch results, matched to the batch launched
that year); then paragraphs led by "参赛对象分析。" / "初赛结果分析。" whose "从行业看" and "从地区看"
sentences (also "按行业划分", "按照地区分布", "分地区看") list "电子信息(20个)、…" or, without
parentheses, "高端装备6个,…软件和信息服务、生物医药各2个", and "广东20个,…湖北、山东和上海各6个,…等".
A list in such a paragraph without a dimension word ("胜出的25个集群中,高端装备6个,…") takes its
dimension from its names: only provinces, or no place name at all (industries). A trailing 等
marks the breakdown as partial (``cg:isPartial`` on its ``qb:Slice``).

Other house styles: the stage lead may be "参赛集群概况。" (…分析/概况/情况/结构/结果, opening its
paragraph: "参赛集群结构。", "初赛结果。"), counts may be in 家, a list may close with "共涉及21个省",
the dimension word compound ("按产业领域划分"), bare groups may follow parenthesised items in one
sentence, a list may open with "江苏以 8 个居首,其后依次为…", and "A和B各1个" (no 、) names two. A total
stated about earlier batches ("从前两批竞赛的后续进展看,…共有 44 家集群胜出") is not the contest's.
In running prose a sentence may name its own stage ("从初赛胜出集群看,按产业领域划分,…;按地区划分,…":
the next dimension word ends a list), and a group may carry its share or be followed by a subtotal
("高端装备20家,占23.8%;…", "三省合计32家,占参赛总数的38.1%"), neither of them a group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from clustergraph.extract.concepts import industry_concept
from clustergraph.extract.timeline import context_titles, date_literal, surface
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, QB, RDF, RDFS, XSD
from clustergraph.graph.writer import integer
from clustergraph.text.numerals import parse_number_token

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext
    from clustergraph.gazetteer import Gazetteer

__all__ = [
    "BY_INDUSTRY",
    "BY_PROVINCE",
    "Batch",
    "Breakdown",
    "CompetitionFacts",
    "find_competition",
    "run",
]

BY_INDUSTRY = mint("dataset", "competition-by-industry")
BY_PROVINCE = mint("dataset", "competition-by-province")

_CONTEST = r"(?:竞赛|大赛|比赛|评选|评比)"
#: the contest's name: Han characters up to a contest word
_CONTEST_NAME = rf"(?P<name>[\u4e00-\u9fff]{{2,30}}?{_CONTEST})"
_ORGANISER_AND_NAME = re.compile(
    rf"(?P<org>[\u4e00-\u9fff]{{2,20}}?(?:部|委员会|委|厅|局|政府|中心|协会))"
    rf"(?:组织)?(?:开展|举办|启动|实施)了?{_CONTEST_NAME}"
)
_TITLE_NAME = re.compile(_CONTEST_NAME)
_NAME = re.compile(rf"(?:(?:组织)?开展|举办|启动|组织)了?{_CONTEST_NAME}")
_BODY_AT_START = re.compile(r"^(?P<org>[\u4e00-\u9fff]{2,12}?(?:部|委员会|委|厅|局|政府))")
_CN_NUM = "一二三四五六七八九十"
_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月"
_BATCH = rf"第\s*[{_CN_NUM}\d]+\s*批"
_LAUNCH = re.compile(
    rf"于\s*(?P<dates>{_DATE}(?:\s*[和、及与]\s*{_DATE})*)\s*,?\s*"
    rf"(?:先后|分别)?(?:启动|开展|举办|组织|开始)了?\s*"
    rf"(?P<batches>{_BATCH}(?:\s*[和、及与]\s*{_BATCH})*)(?P<noun>[^,。;]*)"
)
_DATE_PARTS = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月")
_BATCH_PARTS = re.compile(rf"第\s*(?P<n>[{_CN_NUM}\d]+)\s*批")
_UNIT = r"\s*[家个](?:集群)?"
#: the verbs that say entrants won
_WON = r"(?:胜出|入选|获胜)"
_PER_BATCH = re.compile(
    rf"(?P<year>\d{{4}})\s*年(?:第[{_CN_NUM}\d]+批)?\s*(?:共有?)?\s*(?P<e>\d+){_UNIT}\s*参赛\s*[,;]\s*"
    rf"(?:其中)?(?P<w>\d+){_UNIT}\s*{_WON}"
)
#: an adverb before the winners of a total ("…参赛,最终 27 家集群胜出")
_THEN = r"(?:最终|最后|其中|共有?|经[\u4e00-\u9fff]{2,6}[,]?)?\s*"
_TOTAL_ENTRANTS = re.compile(
    rf"共有?\s*(?P<e>\d+)\s*[家个][^,。;]{{0,15}}?参赛"
    rf"(?:\s*[,;]\s*{_THEN}(?P<w>\d+){_UNIT}\s*{_WON})?"
)
_TOTAL_WINNERS = re.compile(rf"共有?\s*(?P<w>\d+)\s*[家个][^,。;]{{0,8}}?{_WON}")
#: a paragraph's lead: "参赛对象分析。", "胜出集群概况。", "初赛结果情况:", "参赛集群结构。", "初赛结果。"
_STAGE_LEAD = re.compile(
    r"(?P<lead>[\u4e00-\u9fff]{2,10}(?:分析|概况|情况|结构|构成|分布|结果))\s*[。.:]"
)
#: a total about earlier batches than the one reported ("从前两批竞赛的后续进展看,…共有 44 家…")
_EARLIER = re.compile(rf"(?:前[{_CN_NUM}两\d几]+|往|上一?)(?:批|届|轮)(?!相比|比较)")
_INDUSTRY_DIMENSIONS = ("行业", "产业", "领域")
_DIMENSIONS = r"(?:产业|行业)领域|行业|产业|领域|地区|区域|省份|省市|地域"
#: the stage named between 从 and the dimension word ("从参赛集群行业分布看", "从胜出集群的地区看")
_STAGE_SUBJECT = (
    r"[\u4e00-\u9fff]{0,4}?(?:参赛|申报|报名|胜出|入选|获胜|优胜)[\u4e00-\u9fff]{0,4}?的?"
)
#: "从行业(分布)看", "按地区划分", "按照行业分布", "分地区看": the sentence lists one dimension
_DIMENSION = re.compile(
    rf"(?:从\s*(?:{_STAGE_SUBJECT})?(?P<dim>{_DIMENSIONS})(?:分布|构成)?(?:来|上)?看"
    rf"|(?:按照|按)\s*(?P<dim2>{_DIMENSIONS})(?:分布|划分|分类|统计|来)?(?:看|分)?"
    rf"|分\s*(?P<dim3>{_DIMENSIONS})(?:来|上)?看)\s*[,:]?\s*"
)
_LIST_LEAD = re.compile(r"(?:主要)?(?:分布|集中)(?:在|于)|包括|涵盖|涉及|其中")
_INDUSTRY_ITEM = re.compile(
    r"\s*[、,;]?\s*(?:以及|及|和|与)?\s*(?P<name>[^、,;。()]+?)\s*\(\s*(?P<n>\d+)\s*(?:个|家)?\s*\)"
)
#: one group of a list written without parentheses: "高端装备6个", "辽宁、重庆各2个等"
_BARE_GROUP = re.compile(
    r"\s*(?P<names>[^\d,;:。()“”的]+?)\s*(?P<each>各)?\s*(?P<n>\d+)\s*(?P<unit>个|家)"
    r"(?:集群)?\s*(?P<etc>等)?\s*(?:集群)?\s*"
)
#: words that open a list rather than name its first item
_BARE_LEAD = re.compile(
    r"\s*(?:其中|分别为|分别是|(?:其后|随后|其次)?依次为|其次(?:为|是)|包括|以及|及|和)\s*"
)
#: a group that leads the list: "江苏以 8 个居首", "广东以 20 个位居第一"
_FIRST_GROUP = re.compile(
    r"\s*(?P<names>[^\d,;:。()“”的]+?)\s*以\s*(?P<n>\d+)\s*(?P<unit>个|家)(?:集群)?\s*"
    r"(?:居首|位居(?:首位|第一)|位列第一|排名第一|领先|最多)\s*"
)
#: words that join the two names of a group counted "各" when no 、 separates them
_JOINERS = ("和", "以及", "与", "及")
_WINNER_WORDS = ("结果", "胜出", "优胜", "获胜", "入选")
_ENTRANT_WORDS = ("参赛", "申报", "报名")


@dataclass
class Batch:
    """A batch: its number, launch month and per-batch results (clean offsets for evidence)."""

    number: int
    label: str
    launch: tuple[int, int] | None
    span: tuple[int, int]
    entrants: int | None = None
    winners: int | None = None
    result_span: tuple[int, int] | None = None


@dataclass
class Breakdown:
    """One "从行业看/从地区看" list: stage, dimension and (name, count, span) entries."""

    stage: URIRef
    dimension: str  # "industry" or "province"
    span: tuple[int, int]
    entries: list[tuple[str, int, tuple[int, int]]] = field(default_factory=list)
    partial: bool = False


@dataclass
class CompetitionFacts:
    """What one competition section states (clean offsets)."""

    name: tuple[int, int] | None
    organiser: tuple[int, int] | None
    start: int
    end: int
    batches: list[Batch] = field(default_factory=list)
    entrant_totals: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    winner_totals: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)


# -- finding ---------------------------------------------------------------------------------


def _sentence_end(clean: str, start: int, limit: int) -> int:
    k = clean.find("。", start, limit)
    return limit if k < 0 else k


def _sentence_start(clean: str, at: int, floor: int) -> int:
    k = max(clean.rfind("。", floor, at), clean.rfind("\n", floor, at))
    return floor if k < 0 else k + 1


def _organiser_before(clean: str, at: int, floor: int) -> tuple[int, int] | None:
    """The body that opens a clause of the sentence before ``at`` (工业和信息化部创新…)."""
    start = _sentence_start(clean, at, floor)
    found = None
    for clause in re.finditer(r"[^,。;]+", clean[start:at]):
        lead = len(clause.group()) - len(clause.group().lstrip())
        body = _BODY_AT_START.match(clause.group()[lead:])
        if body is not None:
            begin = start + clause.start() + lead
            found = (begin, begin + len(body.group("org")))
    return found


def _name_and_organiser(
    clean: str, title: tuple[int, int] | None, start: int, end: int
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The contest's name (title, else text) and organiser (title, else a clause subject).

    The clause subject is looked for in the sentence that names the contest, then in the one
    that launches its batches.
    """
    name = organiser = None
    if title is not None:
        match = _ORGANISER_AND_NAME.search(clean, *title)
        if match is not None:
            return match.span("name"), match.span("org")
        noun = _TITLE_NAME.search(clean, *title)
        if noun is not None:
            name = noun.span("name")
    match = _NAME.search(clean, start, end)
    if match is not None:
        name = name or match.span("name")
        organiser = _organiser_before(clean, match.start(), start)
    if organiser is None:
        launch = _LAUNCH.search(clean, start, end)
        if launch is not None:
            organiser = _organiser_before(clean, launch.start(), start)
    return name, organiser


def _batches(clean: str, start: int, end: int) -> list[Batch]:
    batches: list[Batch] = []
    for match in _LAUNCH.finditer(clean, start, end):
        dates = list(_DATE_PARTS.finditer(match.group("dates")))
        numbers = list(_BATCH_PARTS.finditer(match.group("batches")))
        noun = match.group("noun").strip()
        for index, number in enumerate(numbers):
            value = parse_number_token(number.group("n"))
            if value is None:
                continue
            launch = None
            if len(dates) == len(numbers):
                launch = (int(dates[index].group("y")), int(dates[index].group("m")))
            label = re.sub(r"\s+", "", number.group()) + noun
            batches.append(Batch(value, label, launch, match.span()))
    return batches


def _attach_results(clean: str, facts: CompetitionFacts) -> None:
    """Per-batch results "2019年94家参赛,24家胜出": the batch launched that year, else in order."""
    for index, match in enumerate(_PER_BATCH.finditer(clean, facts.start, facts.end)):
        year = int(match.group("year"))
        batch = next((b for b in facts.batches if b.launch and b.launch[0] == year), None)
        if batch is None and index < len(facts.batches):
            batch = facts.batches[index]
        if batch is None:
            continue
        batch.entrants, batch.winners = int(match.group("e")), int(match.group("w"))
        batch.result_span = match.span()


def _totals(clean: str, facts: CompetitionFacts) -> None:
    per_batch = [m.span() for m in _PER_BATCH.finditer(clean, facts.start, facts.end)]

    def inside(span: tuple[int, int]) -> bool:
        if any(s <= span[0] < e for s, e in per_batch):
            return True
        # a total of earlier batches is no total of the contest reported here
        return (
            _EARLIER.search(clean, _sentence_start(clean, span[0], facts.start), span[0])
            is not None
        )

    for match in _TOTAL_ENTRANTS.finditer(clean, facts.start, facts.end):
        if inside(match.span()):
            continue
        facts.entrant_totals.append((int(match.group("e")), match.span()))
        if match.group("w"):
            facts.winner_totals.append((int(match.group("w")), match.span()))
    for match in _TOTAL_WINNERS.finditer(clean, facts.start, facts.end):
        if not inside(match.span()) and not any(
            s <= match.start() < e for _, (s, e) in facts.entrant_totals
        ):
            facts.winner_totals.append((int(match.group("w")), match.span()))


def _stage_leads(clean: str, start: int, end: int) -> list[tuple[int, int, URIRef | None]]:
    """Stage leads that open a paragraph ("参赛对象分析。", "胜出集群概况。"): (start, end, stage)."""
    return [
        (m.start(), m.end(), _stage_of(m.group("lead")))
        for m in _STAGE_LEAD.finditer(clean, start, end)
        if not clean[max(clean.rfind("\n", start, m.start()) + 1, start) : m.start()].strip()
    ]


def _stage_of(text: str) -> URIRef | None:
    if any(word in text for word in _WINNER_WORDS):
        return CG.Winners
    if any(word in text for word in _ENTRANT_WORDS):
        return CG.Entrants
    return None


def _industry_entries(clean: str, start: int, end: int, out: Breakdown) -> None:
    """Items A(17个)、B(13 个)… after a lead word; else bare groups: A 6个,B、C各2个."""
    lead = _LIST_LEAD.search(clean, start, end)
    pos = lead.end() if lead else start
    while True:
        match = _INDUSTRY_ITEM.match(clean, pos, end)
        if match is None:
            break
        name = match.group("name").strip()
        out.entries.append((name, int(match.group("n")), (match.start("name"), match.end())))
        pos = match.end()
    if out.entries:
        rest = clean[pos:end]
        out.partial = rest.lstrip(" 、,").startswith("等")
        if out.partial:
            return
        # "…(7个)和C(4个)领域,D、E各3个,F 2个": bare groups may follow the parenthesised items
    groups = _bare_groups(clean, pos, end)
    for group in groups:
        for name, span in _industry_names(clean, group):
            out.entries.append((name, group.count, (span[0], group.span[1])))
    out.partial = bool(groups) and groups[-1].etc


#: a counted group's number: the lead word that opens a list comes before the first one
_COUNTED = re.compile(r"\d+\s*[个家]")


def _province_entries(clean: str, start: int, end: int, out: Breakdown, gaz: Gazetteer) -> None:
    first = _COUNTED.search(clean, start, end)
    lead = None
    for found in _LIST_LEAD.finditer(clean, start, first.start() if first else end):
        lead = found  # "主要分布在东部沿海省份,其中广东…": the last lead word starts the list
    # ("…各1家,共涉及21个省": a lead word after the groups is a closing remark, not a lead)
    pos = lead.end() if lead else start
    for piece in re.finditer(r"[^,;]+", clean[pos:end]):
        groups = _piece_groups(clean, pos + piece.start(), pos + piece.end()) or []
        for group in groups:
            names = clean[group.names[0] : group.names[1]]
            mentions = [m for m in gaz.find_mentions(names) if m.end <= len(names)]
            if not mentions or (len(mentions) > 1 and not group.each):
                continue
            span = (group.names[0] + mentions[0].start, group.span[1])
            for mention in mentions:
                out.entries.append((mention.region.code6, group.count, span))
            if group.etc:
                out.partial = True


@dataclass
class _Group:
    """One "A、B各N个(等)" group of a bare list (clean offsets of the names and of the group)."""

    names: tuple[int, int]
    count: int
    each: bool
    etc: bool
    span: tuple[int, int]


#: a piece of a bare list that is no group of its own: the share of the group before it
#: ("占23.8%", "占参赛总数的38.1%") or a subtotal of the groups before it ("三省合计32家")
_ASIDE = re.compile(
    r"\s*(?:(?:约|分别)?占(?:比)?[^\d,;:。]{0,12}?\d+(?:\.\d+)?\s*%"
    r"|[^\d,;:。]{0,12}?(?:合计|共计|小计|总计)\s*\d+\s*[个家])\s*"
)


def _bare_groups(clean: str, start: int, end: int) -> list[_Group]:
    """The run of "name N个" groups that closes ``clean[start:end]`` ("…中,A 6个,B、C各2个").

    Groups are separated by , or ; (or by 、 between two counted groups: "A 20个、B 9个").
    """
    pieces = [
        (start + m.start(), start + m.end()) for m in re.finditer(r"[^,;:]+", clean[start:end])
    ]
    groups: list[_Group] = []
    for index, (s, e) in reversed(list(enumerate(pieces))):
        if index and _ASIDE.fullmatch(clean, s, e):
            continue  # "高端装备20家,占23.8%;…", "三省合计32家": a share or subtotal, no group
        found = _piece_groups(clean, s, e)
        if found is None:
            break
        groups[:0] = found
    return groups


def _piece_groups(clean: str, start: int, end: int) -> list[_Group] | None:
    """The groups that make up ``clean[start:end]`` entirely, else None."""
    first = _FIRST_GROUP.fullmatch(clean, start, end)
    if first is not None:  # "江苏以 8 个居首": one group, the whole piece
        names = (first.start("names"), first.end("names"))
        return [_Group(names, int(first.group("n")), False, False, (names[0], first.end("unit")))]
    groups: list[_Group] = []
    pos = start
    while pos < end:
        match = _BARE_GROUP.match(clean, pos, end)
        if match is None or (match.end() < end and clean[match.end()] != "、"):
            return None
        names = (match.start("names"), match.end("names"))
        lead = _BARE_LEAD.match(clean, *names)
        if lead is not None:
            names = (lead.end(), names[1])
        if names[0] >= names[1]:
            return None
        groups.append(
            _Group(
                names,
                int(match.group("n")),
                bool(match.group("each")),
                bool(match.group("etc")),
                (names[0], match.end("unit")),
            )
        )
        pos = match.end() + 1
    return groups or None


def _industry_names(clean: str, group: _Group) -> list[tuple[str, tuple[int, int]]]:
    """Industry names of a group: split at 、 only (和/与 join words: 软件和信息服务).

    A group counted "各" names two or more industries, so "A和B各1个" (no 、) splits at its one
    joining word (和, else 以及/与/及 when it occurs once).
    """
    out = []
    s, e = group.names
    text = clean[s:e]
    if group.each and "、" not in text:
        for word in _JOINERS:
            if text.count(word) == 1:
                at = s + text.index(word)
                left, right = (s, at), (at + len(word), e)
                if at - s >= 2 and e - right[0] >= 2:
                    return [
                        (clean[a:b].strip(), (a, b)) for a, b in (left, right) if clean[a:b].strip()
                    ]
                break
    for m in re.finditer(r"[^、]+", clean[s:e]):
        at = s + m.start()
        text = m.group()
        lead = _BARE_LEAD.match(text)
        if lead is not None:
            at += lead.end()
            text = text[lead.end() :]
        name = text.strip()
        if name:
            out.append((name, (at + (len(text) - len(text.lstrip())), s + m.end())))
    if len(out) > 1 and not group.each:
        return []
    return out


def _unmarked_dimension(clean: str, groups: list[_Group], gaz: Gazetteer) -> str | None:
    """Province when every group names only provinces, industry when none names a place."""
    kinds = set()
    for group in groups:
        names = clean[group.names[0] : group.names[1]]
        mentions = gaz.find_mentions(names)
        covered = sum(m.end - m.start for m in mentions)
        rest = len(re.sub(r"[、和及与\s]", "", names))
        if mentions and all(m.region.level == "province" for m in mentions) and covered == rest:
            kinds.add("province")
        elif not mentions:
            kinds.add("industry")
        else:
            return None
    return kinds.pop() if len(kinds) == 1 else None


def _paragraph_start(clean: str, at: int, floor: int) -> int:
    k = clean.rfind("\n", floor, at)
    return floor if k < 0 else k + 1


def _stage_at(
    clean: str,
    facts: CompetitionFacts,
    leads: list[tuple[int, int, URIRef | None]],
    at: int,
    previous: tuple[URIRef | None, int],
) -> URIRef | None:
    """The stage of a list whose dimension word starts at ``at``.

    A lead opening the paragraph ("参赛对象分析。") names it; else a stage word earlier in the
    sentence ("从初赛胜出集群看,按产业领域划分,…;按地区划分"); else the latest of an earlier lead
    and the stage of the list before (``previous``: stage, start), as in "…各2家。按地区划分,…".
    """
    paragraph = _paragraph_start(clean, at, facts.start)
    stage, since = previous
    for lead_at, _, lead_stage in leads:
        if lead_at < at and lead_stage is not None:
            if lead_at >= paragraph:
                return lead_stage
            if lead_at > since:
                stage, since = lead_stage, lead_at
    return _stage_of(clean[_sentence_start(clean, at, facts.start) : at]) or stage


def _breakdowns(clean: str, facts: CompetitionFacts, gaz: Gazetteer) -> None:
    stage: URIRef | None = None
    since = -1
    leads = _stage_leads(clean, facts.start, facts.end)
    dimensions = list(_DIMENSION.finditer(clean, facts.start, facts.end))
    for index, match in enumerate(dimensions):
        # the stage word may sit inside the match ("从胜出集群行业分布看"): look up to the dimension
        at = match.start(next(g for g in ("dim", "dim2", "dim3") if match.group(g)))
        stage = _stage_at(clean, facts, leads, at, (stage, since))
        since = match.start()
        if stage is None:
            continue
        end = _sentence_end(clean, match.end(), facts.end)
        if index + 1 < len(dimensions):
            # "按产业领域划分,A 8个,…;按地区划分,…": the next dimension word ends the list
            end = min(end, dimensions[index + 1].start())
        dim = match.group("dim") or match.group("dim2") or match.group("dim3")
        dimension = "industry" if dim.endswith(_INDUSTRY_DIMENSIONS) else "province"
        breakdown = Breakdown(stage, dimension, (match.start(), end))
        if dimension == "industry":
            _industry_entries(clean, match.end(), end, breakdown)
        else:
            _province_entries(clean, match.end(), end, breakdown, gaz)
        if breakdown.entries:
            facts.breakdowns.append(breakdown)
    for _, lead_end, lead_stage in leads:
        if lead_stage is not None:
            _unmarked_breakdowns(clean, facts, gaz, lead_stage, lead_end)


def _unmarked_breakdowns(
    clean: str, facts: CompetitionFacts, gaz: Gazetteer, stage: URIRef, start: int
) -> None:
    """Lists without a "从行业看" word in a stage paragraph ("胜出的25个集群中,高端装备6个,…").

    The dimension is read from the names: provinces only, or no place at all (industries).
    """
    stop = clean.find("\n", start, facts.end)
    stop = facts.end if stop < 0 else stop
    taken = [b.span for b in facts.breakdowns]
    pos = start
    while pos < stop:
        end = _sentence_end(clean, pos, stop)
        sentence = (pos, end)
        pos = end + 1
        if _DIMENSION.search(clean, *sentence) or any(
            s < sentence[1] and sentence[0] < e for s, e in taken
        ):
            continue
        groups = _bare_groups(clean, *sentence)
        if len(groups) < 2:
            continue
        dimension = _unmarked_dimension(clean, groups, gaz)
        if dimension is None or any(
            b.stage == stage and b.dimension == dimension for b in facts.breakdowns
        ):
            continue
        span = (groups[0].span[0], sentence[1])
        breakdown = Breakdown(stage, dimension, span)
        if dimension == "industry":
            _industry_entries(clean, span[0], span[1], breakdown)
        else:
            _province_entries(clean, span[0], span[1], breakdown, gaz)
        if breakdown.entries:
            facts.breakdowns.append(breakdown)


def find_competition(
    clean: str,
    start: int,
    end: int,
    gaz: Gazetteer,
    title: tuple[int, int] | None = None,
) -> CompetitionFacts:
    """Everything a competition passage ``clean[start:end]`` (headed by ``title``) states."""
    name, organiser = _name_and_organiser(clean, title, start, end)
    facts = CompetitionFacts(name=name, organiser=organiser, start=start, end=end)
    facts.batches = _batches(clean, start, end)
    _attach_results(clean, facts)
    _totals(clean, facts)
    _breakdowns(clean, facts, gaz)
    return facts


# -- locating and emitting ---------------------------------------------------------------------


def _sections(ctx: ExtractionContext) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Clean ranges of sections whose title speaks of a contest (else of passages about one)."""
    clean = ctx.doc.clean.clean
    found: list[tuple[int, int, tuple[int, int] | None]] = []
    for node in ctx.doc.iter():
        if node.kind not in ("section", "part", "item") or not node.title:
            continue
        if node.enclosing("toc") is not None or not re.search(_CONTEST, node.title):
            continue
        if any(s <= node.clean_start < e for s, e, _ in found):
            continue
        at = clean.find(node.title, node.clean_start, node.clean_end)
        title = (at, at + len(node.title)) if at >= 0 else None
        found.append((node.clean_start, node.clean_end, title))
    if not found and "参赛" in clean and "胜出" in clean:
        first, last = clean.find("参赛"), clean.rfind("胜出")
        start = _sentence_start(clean, first, 0)
        start = _sentence_start(clean, max(start - 1, 0), 0) if start else 0
        found.append((start, clean.find("\n", last) if "\n" in clean[last:] else len(clean), None))
    return found


def run(ctx: ExtractionContext) -> None:
    """Emit the competition, its batches, totals and breakdown observations."""
    clean = ctx.doc.clean.clean
    for start, end, title in _sections(ctx):
        facts = find_competition(clean, start, end, ctx.gazetteer, title)
        if facts.name is None and not facts.breakdowns:
            continue
        _emit(ctx, facts)


def _emit(ctx: ExtractionContext, facts: CompetitionFacts) -> None:
    from clustergraph.extract.context import register_institution

    writer, clean = ctx.writer, ctx.doc.clean.clean
    name_span = facts.name or (facts.start, _sentence_end(clean, facts.start, facts.end))
    label = (
        surface(ctx, *facts.name) if facts.name else "".join(context_titles(ctx, facts.start)[-1:])
    )
    contest = mint("competition", label or "competition")
    writer.entity(contest, CG.Competition, label=label, span=writer.raw_span(*name_span))
    if facts.organiser is not None:
        body = register_institution(
            ctx,
            clean[slice(*facts.organiser)],
            CG.GovernmentBody,
            writer.raw_span(*facts.organiser),
        )
        writer.add(contest, CG.organizer, body.iri)
    _emit_totals(ctx, contest, facts)
    for batch in facts.batches:
        iri = URIRef(f"{contest}/batch/{batch.number}")
        writer.entity(
            iri, CG.CompetitionBatch, label=batch.label, span=writer.raw_span(*batch.span)
        )
        writer.add(iri, DCTERMS.isPartOf, contest)
        writer.add(iri, CG.batchNumber, integer(batch.number))
        if batch.launch is not None:
            writer.add(iri, CG.launchDate, date_literal(*batch.launch))
        if batch.result_span is not None:
            writer.cite(iri, writer.raw_span(*batch.result_span))
            writer.add(iri, CG.entrantCount, integer(batch.entrants or 0))
            writer.add(iri, CG.winnerCount, integer(batch.winners or 0))
    for breakdown in facts.breakdowns:
        _emit_breakdown(ctx, contest, breakdown)


def _emit_totals(ctx: ExtractionContext, contest: URIRef, facts: CompetitionFacts) -> None:
    writer = ctx.writer
    for prop, totals in (
        (CG.entrantCount, facts.entrant_totals),
        (CG.winnerCount, facts.winner_totals),
    ):
        values = [value for value, _ in totals]
        if values:
            writer.add(contest, prop, integer(values[0]))
            if len(set(values)) > 1:
                ctx.warn(f"competition totals disagree: {values}")
        for _, span in totals:
            writer.cite(contest, writer.raw_span(*span))


def _emit_breakdown(ctx: ExtractionContext, contest: URIRef, breakdown: Breakdown) -> None:
    from clustergraph.gazetteer.rdf import emit_region

    writer = ctx.writer
    stage = "winners" if breakdown.stage == CG.Winners else "entrants"
    dataset = BY_INDUSTRY if breakdown.dimension == "industry" else BY_PROVINCE
    structure = (
        CG.CompetitionByIndustryStructure
        if breakdown.dimension == "industry"
        else CG.CompetitionByProvinceStructure
    )
    writer.add(dataset, RDF.type, QB.DataSet)
    writer.add(dataset, QB.structure, structure)
    writer.add(
        dataset,
        RDFS.label,
        Literal(f"competition entrants and winners by {breakdown.dimension}", lang="en"),
    )
    by_zh = "分行业" if breakdown.dimension == "industry" else "分省份"
    writer.add(dataset, RDFS.label, Literal(f"{by_zh}集群竞赛参赛与胜出数量", lang="zh"))
    slice_iri = mint("slice", "competition", stage, breakdown.dimension)
    writer.entity(slice_iri, QB.Slice, span=writer.raw_span(*breakdown.span))
    writer.add(dataset, QB.slice, slice_iri)
    writer.add(slice_iri, CG.stage, breakdown.stage)
    writer.add(slice_iri, CG.refCompetition, contest)
    writer.add(slice_iri, CG.isPartial, Literal(breakdown.partial, datatype=XSD.boolean))
    by_region = ctx.gazetteer
    for key, count, span in breakdown.entries:
        raw = writer.raw_span(*span)
        if breakdown.dimension == "industry":
            value = industry_concept(writer, key)
            obs = mint("obs", "competition", stage, "industry", key)
            prop = CG.sector
        else:
            region = by_region.by_code(key)
            if region is None:
                continue
            value = emit_region(writer, region, raw)
            obs = mint("obs", "competition", stage, "province", key)
            prop = CG.refRegion
        writer.entity(obs, CG.CompetitionObservation, QB.Observation, span=raw)
        writer.add(obs, QB.dataSet, dataset)
        writer.add(obs, CG.stage, breakdown.stage)
        writer.add(obs, prop, value)
        writer.add(obs, CG["count"], integer(count))
        writer.add(obs, CG.refCompetition, contest)
        writer.add(slice_iri, QB.observation, obs)
