"""How regional government work reports (政府工作报告) phrase "clusters".

The genre summarises a year's reports in one paragraph: "2020年31个省(自治区、直辖市)政府工作报告中,
有29个地区明确提出…,占比达93.5%…其中,北京、甘肃…关注“产业集群”…重庆强调“支柱产业集群”…". The
survey (year, regions surveyed, stated count and share) becomes a ``cg:WorkReportSurvey`` so the
quality rule can check count against share; each clause "A、B和C + verb (+ modifiers) + “phrase”"
becomes one ``cg:PhrasingUsage`` per region. The verb may carry an adverb and a modifier
("均提出", "则采用", "侧重发展"), and the phrase may come first ("“X”是A、B…政府工作报告中的高频词"). Regions not named are not asserted: a query over the
province nodes finds them.

A survey may also go on over the paragraphs that follow it ("第一类是“X”。A、B 8 个地区采用这一提法。",
"此外,…"), as long as each of them states usages: "这一提法/这一表述" refers back to the quoted
phrase the paragraph introduced, and a clause "2020 年政府工作报告提出发展“X”" takes its region
from the sentence's one named region ("陕西的表述在两年间有所调整:…") and its own year. Quotations
in an example clause ("如山东提出“…”", a report's words) are not usages, nor are quotations that
open with a verb ("湖北提出“打造一批…先进制造业集群”": a report's words, not a term).

Other house styles: the survey's count may follow in the next sentence ("…的政府工作报告。其中,25
个地区明确使用了…"); the usages may be a bulleted list, phrase first and a colon
("· “先进制造业集群”:江苏、浙江…。"); and a clause may carry over its sentence's subject
("此外,广东在使用“X”的同时,还提出壮大“Y”": 广东 uses Y).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from clustergraph.extract.timeline import date_literal, surface
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS
from clustergraph.graph.writer import decimal, integer, zh

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext
    from clustergraph.gazetteer import Gazetteer, Region
    from clustergraph.gazetteer.model import Mention

__all__ = ["Survey", "Usage", "find_survey", "find_surveys", "find_usages", "run"]

_REPORT = "政府工作报告"
_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")
_SURVEYED = re.compile(r"(?P<n>\d+)\s*个(?:省|地区|地市|市|区县|县)")
#: what a count of regions counts ("29个地区", "31个省(区、市)")
_REGIONS = r"个(?:地区|省份|省区市|省|地市|市|区县|县)"
#: "有29个地区…" or "29个地区对…作出部署" (read after the report word, past the surveyed count)
_STATED = re.compile(rf"(?:有\s*)?(?P<n>\d+)\s*{_REGIONS}")
#: "…政府工作报告看,31个省(区、市)中有28个…": the surveyed count, then the stated one
_SURVEYED_THEN_STATED = re.compile(
    rf"(?P<n>\d+)\s*{_REGIONS}(?:\s*\([^()]*\))?"
    r"\s*(?:当中|中)\s*,?\s*(?:共|仅)?\s*有\s*(?P<m>\d+)\s*个"
)
_SHARE = re.compile(r"占比(?:达到|达|为|约|超过)?\s*(?P<p>\d+(?:\.\d+)?)\s*%")
#: verbs that introduce the quoted phrase (general Chinese policy prose)
_VERBS = (
    "关注",
    "强调",
    "发展",
    "打造",
    "构建",
    "培育",
    "建设",
    "壮大",
    "推动",
    "提出",
    "聚焦",
    "加快",
    "突出",
    "提到",
    "使用",
    "采用",
    "沿用",
)
#: a modifier before the verb ("侧重发展", "重点培育", "着力打造")
_VERB_MODIFIERS = (
    "侧重",
    "着重",
    "重点",
    "着力",
    "大力",
    "积极",
    "加快",
    "持续",
    "注重",
    "继续",
    "进一步",
    "明确",
    "纷纷",
    "集中",
)
#: an adverb between the list of regions and its verb ("…均提出", "…则采用", "…都强调")
_ADVERBS = ("均", "都", "皆", "亦", "也", "则", "还", "分别", "同样", "多", "普遍", "主要")
#: the phrase first: "“X”是A、B…政府工作报告中的高频词", "“X”成为A、B的共同表述"
_COPULA = re.compile(r"\s*(?:是|为|成为|见于|出现在|出现于|写入了?|:)\s*")
#: a list bullet that opens a paragraph ("· “X”:A、B")
_BULLET = re.compile(r"\s*[·•●○◆◇▪■□▶►\-*]\s*")
_LEADS = ("其中", "此外", "另外", "同时", "而", "以及")
#: adverbs of addition that open a clause carrying over its sentence's subject ("还提出…")
_ALSO = ("还", "也", "亦", "并", "又", "同时", "另外")
#: a lead word that is a clause of its own ("此外,广东…")
_LEAD_CLAUSE = re.compile(rf"\s*(?:{'|'.join(_LEADS)})\s*[,:]\s*")
#: an example clause: its quotation is a report's own words, not a usage ("如山东提出“…”")
_EXAMPLE = re.compile(r"\s*(?:例如|比如|譬如|如)")
#: the regions' apposition before the verb ("…河北 8 个地区采用", "…内蒙古等 9 个地区采用")
_APPOSITION = re.compile(
    r"\s*等?\s*(?:(?:\d+|[两三四五六七八九十]+)\s*个)?\s*"
    r"(?:地区|省份|省区市|省市|省区|省\([^()]{1,8}\))?\s*"
)
#: "这一提法": the phrase the paragraph introduced before
_ANAPHOR = re.compile(r"(?:这一|这种|这个|此|该|上述)(?:提法|表述|说法|用语|表达)")
#: a clause whose subject is a year's report: "2020 年政府工作报告提出发展“X”"
_DATED = re.compile(
    rf"\s*(?P<year>(?:19|20)\d{{2}})\s*年(?:的)?\s*(?:{_REPORT}|报告)?\s*(?:中|里)?\s*"
)
#: a sentence that goes on about the reports just counted ("其中,25个地区…")
_OF_THEM = re.compile(r"\s*其中")
_SEPARATORS = "、和及与 "
_QUOTE = re.compile(r"“(?P<phrase>[^“”]{2,30})”")


@dataclass
class Usage:
    """Regions (mention spans) using one quoted phrase, with the clause that says so."""

    phrase: tuple[int, int]
    clause: tuple[int, int]
    regions: list[tuple[Region, tuple[int, int]]] = field(default_factory=list)
    year: int | None = None


@dataclass
class Survey:
    """The survey sentence and its stated numbers (clean offsets)."""

    sentence: tuple[int, int]
    label: tuple[int, int]
    year: int | None
    surveyed: int | None
    stated: int | None
    share: str | None
    usages: list[Usage] = field(default_factory=list)


def _province_of(region: Region, gaz: Gazetteer, candidates: tuple[Region, ...]) -> Region | None:
    if region.level == "province":
        return region
    return next((c for c in candidates if c.level == "province"), None)


def _names_run(
    clean: str, start: int, end: int, mentions: list[Mention], gaz: Gazetteer
) -> tuple[list[tuple[Region, tuple[int, int]]], int] | None:
    """Provinces named back to back from ``start`` (after a lead word); where the run ends."""
    pos = start
    while pos < end and clean[pos] in " ,":
        pos += 1
    for lead in _LEADS:
        if clean.startswith(lead, pos):
            pos += len(lead)
            break
    found: list[tuple[Region, tuple[int, int]]] = []
    for mention in mentions:
        if mention.end <= pos:
            continue
        if mention.start > end or clean[pos : mention.start].strip(_SEPARATORS):
            break
        region = _province_of(mention.region, gaz, mention.candidates)
        if region is None:
            break
        found.append((region, (mention.start, mention.end)))
        pos = mention.end
    return (found, pos) if found else None


def find_survey(clean: str, start: int, end: int, gaz: Gazetteer) -> Survey | None:
    """The work-report survey in ``clean[start:end]`` (one paragraph), or None.

    The survey is about the first report mention counted "31个省…政府工作报告" in its clause (a
    heading run into the paragraph may name the reports first), else about the first mention.
    """
    mentions = [m.start() for m in re.finditer(_REPORT, clean[start:end])]
    if not mentions:
        return None
    at = start + mentions[0]
    for offset in mentions:
        clause = max(clean.rfind(ch, start, start + offset) for ch in "。;,:\n")
        if _SURVEYED.search(clean, max(clause + 1, start), start + offset):
            at = start + offset
            break
    stop = clean.find("。", at, end)
    sentence = (start, end if stop < 0 else stop + 1)
    if not _STATED.search(clean, at + len(_REPORT), sentence[1]) and _OF_THEM.match(
        clean, sentence[1], end
    ):
        # "…的政府工作报告。其中,25个地区明确使用了…": the count follows in the next sentence
        stop = clean.find("。", sentence[1], end)
        sentence = (start, end if stop < 0 else stop + 1)
    head = clean[start : at + len(_REPORT)]
    year = _YEAR.search(head)
    surveyed = _SURVEYED.search(head)
    body = clean[sentence[0] : sentence[1]]
    stated = _STATED.search(clean, at + len(_REPORT), sentence[1])
    share = _SHARE.search(body)
    surveyed_n = int(surveyed.group("n")) if surveyed else None
    stated_n = int(stated.group("n")) if stated else None
    after = _SURVEYED_THEN_STATED.search(clean, at + len(_REPORT), sentence[1])
    if surveyed is None and stated is not None and after and after.start() == stated.start():
        # the reports named first, counted after: "…报告看,31个省(区、市)中有28个…"
        surveyed_n, stated_n = int(after.group("n")), int(after.group("m"))
    survey = Survey(
        sentence=sentence,
        label=(start + (year.start() if year else 0), at + len(_REPORT)),
        year=int(year.group("year")) if year else None,
        surveyed=surveyed_n,
        stated=stated_n,
        share=share.group("p") if share else None,
    )
    survey.usages = find_usages(clean, sentence[1], end, gaz)
    return survey


def find_usages(clean: str, start: int, end: int, gaz: Gazetteer) -> list[Usage]:
    """The phrasing usages stated in ``clean[start:end]`` (part of one paragraph), in order."""
    mentions = [
        replace(m, start=m.start + start, end=m.end + start)
        for m in gaz.find_mentions(clean[start:end])
    ]
    usages: list[Usage] = []
    introduced: list[tuple[int, int]] = []  # quoted phrases no region uses: "第一类是“X”"
    for quote in _QUOTE.finditer(clean, start, end):
        boundary = max(clean.rfind(ch, start, quote.start()) for ch in "。;,:")
        clause_start = max(boundary + 1, start)
        if _EXAMPLE.match(clean, clause_start, quote.start()) or _is_statement(
            quote.group("phrase")
        ):
            continue
        run = _names_run(clean, clause_start, quote.start(), mentions, gaz)
        if run is None:
            usage = _phrase_first(clean, clause_start, quote, end, mentions, gaz)
            usage = usage or _dated(clean, start, clause_start, quote, mentions, gaz)
            usage = usage or _carried(clean, start, clause_start, quote, mentions, gaz)
            if usage is not None:
                usages.append(usage)
            elif _sentence_start(clean, start, quote.start()) >= clause_start:
                introduced.append(quote.span("phrase"))
            continue
        regions, names_end = run
        if not _introduces(clean[names_end : quote.start()]):
            continue
        usage = Usage(phrase=quote.span("phrase"), clause=(regions[0][1][0], quote.end()))
        usage.regions = regions
        usages.append(usage)
    for anaphor in _ANAPHOR.finditer(clean, start, end):
        usage = _anaphoric(clean, start, anaphor, introduced, mentions, gaz)
        if usage is not None:
            usages.append(usage)
    return sorted(usages, key=lambda u: u.clause)


def _sentence_start(clean: str, floor: int, at: int) -> int:
    return max(clean.rfind("。", floor, at) + 1, floor)


def _is_statement(phrase: str) -> bool:
    """Is the quotation a report's words rather than a term ("打造一批…先进制造业集群")?

    A term is a noun phrase; a quotation that opens with a verb ("打造…", "加快发展…") or lists
    things (、, figures) is a statement. "培育型产业集群" is a term: the verb is bound by 型/性/类/级.
    """
    text = phrase.replace("*", "").strip()
    if re.search(r"[、,;:\d]", text):
        return True  # "巩固提升汽车摩托车、电子两大支柱产业集群": a list is no term
    for word in sorted(_VERB_MODIFIERS, key=len, reverse=True):
        if text.startswith(word) and text[len(word) :].startswith(_VERBS):
            text = text[len(word) :]
            break
    verb = next((v for v in _VERBS if text.startswith(v)), None)
    return verb is not None and len(text) > len(verb) + 1 and text[len(verb)] not in "型性类级"


def _carried(
    clean: str,
    start: int,
    clause_start: int,
    quote: re.Match[str],
    mentions: list[Mention],
    gaz: Gazetteer,
) -> Usage | None:
    """A clause that carries over its sentence's subject: "此外,广东在使用“X”的同时,还提出壮大“Y”".

    The clause opens with an adverb of addition (还, 也, 同时…) and its verb, and the sentence
    (or its part after a ;) opens with the regions (after a lead word such as 此外).
    """
    sentence = max(
        _sentence_start(clean, start, clause_start), clean.rfind(";", start, clause_start) + 1
    )
    gap = clean[clause_start : quote.start()].lstrip(" ")
    if sentence >= clause_start or not gap.startswith(_ALSO) or not _introduces(gap):
        return None
    pos = sentence
    lead = _LEAD_CLAUSE.match(clean, pos, clause_start)
    if lead is not None:
        pos = lead.end()
    run = _names_run(clean, pos, clause_start, mentions, gaz)
    if run is None:
        return None
    regions, _ = run
    usage = Usage(phrase=quote.span("phrase"), clause=(regions[0][1][0], quote.end()))
    usage.regions = regions
    return usage


def _anaphoric(
    clean: str,
    start: int,
    anaphor: re.Match[str],
    introduced: list[tuple[int, int]],
    mentions: list[Mention],
    gaz: Gazetteer,
) -> Usage | None:
    """Regions using the phrase introduced before: "A、B 8 个地区采用这一提法" after 第一类是“X”."""
    before = [span for span in introduced if span[1] < anaphor.start()]
    if not before:
        return None
    boundary = max(clean.rfind(ch, start, anaphor.start()) for ch in "。;,:")
    clause_start = max(boundary + 1, start)
    # the phrase must be the last quotation before the anaphor
    if (
        _EXAMPLE.match(clean, clause_start, anaphor.start())
        or "“" in clean[before[-1][1] : anaphor.start()]
    ):
        return None
    run = _names_run(clean, clause_start, anaphor.start(), mentions, gaz)
    if run is None:
        return None
    regions, names_end = run
    if not _introduces(clean[names_end : anaphor.start()], whole=True):
        return None
    usage = Usage(phrase=before[-1], clause=(regions[0][1][0], anaphor.end()))
    usage.regions = regions
    return usage


def _dated(
    clean: str,
    start: int,
    clause_start: int,
    quote: re.Match[str],
    mentions: list[Mention],
    gaz: Gazetteer,
) -> Usage | None:
    """A clause "2020 年政府工作报告提出发展“X”": the sentence's one region, the clause's year."""
    dated = _DATED.match(clean, clause_start, quote.start())
    if dated is None or not _introduces(clean[dated.end() : quote.start()]):
        return None
    sentence = _sentence_start(clean, start, clause_start)
    regions: dict[str, tuple[Region, tuple[int, int]]] = {}
    for mention in mentions:
        if sentence <= mention.start and mention.end <= clause_start:
            region = _province_of(mention.region, gaz, mention.candidates)
            if region is None:
                return None
            regions.setdefault(region.code6, (region, (mention.start, mention.end)))
    if len(regions) != 1:
        return None
    usage = Usage(phrase=quote.span("phrase"), clause=(clause_start, quote.end()))
    usage.regions = list(regions.values())
    usage.year = int(dated.group("year"))
    return usage


def _introduces(gap: str, whole: bool = False) -> bool:
    """Does the text between the regions and the quotation start with a (modified) verb?

    "提出", "均提出", "则采用", "侧重发展", "都重点培育" – an adverb, then a modifier, then a verb;
    the regions' apposition may come first ("…河北 8 个地区采用"). With ``whole``, the gap must
    end with the verb (before "这一提法").
    """
    text = gap.lstrip(" ")
    apposition = _APPOSITION.match(text)
    if apposition is not None:
        text = text[apposition.end() :]
    for words in (_ADVERBS, _VERB_MODIFIERS):
        for word in sorted(words, key=len, reverse=True):
            if text.startswith(word) and text[len(word) :].lstrip(" "):
                text = text[len(word) :].lstrip(" ")
                break
    if whole:
        return text.rstrip(" 了") in _VERBS
    return text.startswith(_VERBS)


def _phrase_first(
    clean: str,
    clause_start: int,
    quote: re.Match[str],
    end: int,
    mentions: list[Mention],
    gaz: Gazetteer,
) -> Usage | None:
    """The phrase opens its clause and the regions follow: “X”是A、B…政府工作报告中的高频词."""
    bullet = _BULLET.fullmatch(clean, clause_start, quote.start())
    if bullet is not None and (clause_start == 0 or clean[clause_start - 1] == "\n"):
        pass  # "· “X”:A、B": a bulleted list item at the start of its line
    elif clean[clause_start : quote.start()].strip(" "):
        for lead in _LEADS:
            if clean[clause_start : quote.start()].strip(" ") == lead:
                break
        else:
            return None
    copula = _COPULA.match(clean, quote.end(), end)
    if copula is None:
        return None
    run = _names_run(clean, copula.end(), end, mentions, gaz)
    if run is None:
        return None
    regions, names_end = run
    usage = Usage(phrase=quote.span("phrase"), clause=(quote.start(), names_end))
    usage.regions = regions
    return usage


#: the nodes that follow one another in the text (a survey's paragraphs end at any but a paragraph)
_BLOCKS = ("paragraph", "heading", "table", "case", "section", "part", "item")


def find_surveys(ctx: ExtractionContext) -> list[Survey]:
    """Every survey paragraph, with the usages of the paragraphs that go on with it.

    The survey goes on over the paragraphs right after it while each states usages; a heading,
    a table or a paragraph without usages ends it.
    """
    clean = ctx.doc.clean.clean
    blocks = [
        (node.clean_start, node.clean_end) if node.kind == "paragraph" else None
        for node in ctx.doc.iter()
        if node.kind in _BLOCKS and node.enclosing("toc") is None
    ]
    surveys: list[Survey] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if block is None or _REPORT not in clean[block[0] : block[1]]:
            continue
        start, end = block
        survey = find_survey(clean, start, end, ctx.gazetteer)
        if survey is None or not (survey.usages or survey.stated is not None):
            continue
        surveys.append(survey)
        if survey.stated is None and survey.surveyed is None:
            continue
        # the paragraphs that go on listing usages ("第一类是…", "此外,…") belong to it
        while index < len(blocks) and blocks[index] is not None:
            usages = find_usages(clean, *blocks[index], ctx.gazetteer)  # type: ignore[misc]
            if not usages:
                break
            survey.usages.extend(usages)
            index += 1
    return surveys


def run(ctx: ExtractionContext) -> None:
    """Emit each survey and its phrasing usages."""
    from clustergraph.gazetteer.rdf import emit_region

    writer = ctx.writer
    for survey in find_surveys(ctx):
        label = surface(ctx, *survey.label)
        iri = mint("survey", "work-reports", label)
        writer.entity(iri, CG.WorkReportSurvey, label=label, span=writer.raw_span(*survey.sentence))
        date = date_literal(survey.year) if survey.year else None
        if date is not None:
            writer.add(iri, DCTERMS.date, date)
        if survey.surveyed is not None:
            writer.add(iri, CG.surveyedCount, integer(survey.surveyed))
        if survey.stated is not None:
            writer.add(iri, CG.statedCount, integer(survey.stated))
        if survey.share is not None:
            writer.add(iri, CG.statedShare, decimal(survey.share))
        for usage in survey.usages:
            phrase = surface(ctx, *usage.phrase)
            clause = writer.raw_span(*usage.clause)
            when = date_literal(usage.year) if usage.year else date
            for region, span in usage.regions:
                node = mint("phrasing", region.code6, phrase)
                writer.entity(node, CG.PhrasingUsage, span=clause)
                writer.add(node, CG.region, emit_region(writer, region, writer.raw_span(*span)))
                writer.add(node, CG.phrase, zh(phrase))
                writer.add(node, DCTERMS.isPartOf, iri)
                if when is not None:
                    writer.add(node, DCTERMS.date, when)
                writer.add(iri, CG.usage, node)
