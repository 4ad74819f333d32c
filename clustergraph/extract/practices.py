"""Local practice paragraphs ("重点省市集群政策文件解读及实践探索"): per region, the policy documents
it names, the counts it states and the programmes it runs.

In a section whose heading speaks of local policy and practice, each paragraph that opens with a
place name ("江苏以…", "广东聚焦…") is about that place. In it:

* 《title》 — or “title” ending with a document-type word right after 发布/出台/印发 — is a policy
  document; its date is the last "2018年"/"2020年5月" before it in the sentence, its issuer the
  subject after that date when the subject is a body (江苏省人民政府; a bare place name such as
  广东省 is the jurisdiction, not a body). A document whose normalised title matches a Table-1 row
  of the same place is that row's node (same IRI).
* Arabic counts with a classifier ("13个先进制造业集群", "政策文件51个") are ``cg:Quantity``
  observations with ``cg:refRegion`` the place and ``cg:measuredThing`` the counted noun phrase.
* A quoted name followed by 计划/行动/工程 or a …体系 (“凤凰行动”计划, “415”…建设体系), or itself
  ending in 行动/计划/工程/企业 (“雏鹰行动”, “雄鹰企业”), is a ``cg:Programme``; a quoted list of such
  names followed by "等六大工程" is an umbrella programme with its parts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import URIRef

from clustergraph.extract.numbers import find_numbers
from clustergraph.extract.policy_table import (
    add_date,
    emit_issuers,
    find_bodies,
    normalise_title,
)
from clustergraph.extract.timeline import (
    date_literal,
    document_type,
    document_type_concept,
    surface,
)
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, ELI, QB, RDF, RDFS, SKOS
from clustergraph.graph.writer import decimal, zh

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext
    from clustergraph.gazetteer import Region

__all__ = [
    "Count",
    "DocumentMention",
    "PracticeParagraph",
    "ProgrammeMention",
    "find_counts",
    "find_documents",
    "find_programmes",
    "run",
]

QUANTITIES = mint("dataset", "quantities")

_SECTION_WORDS = (("政策", "文件"), ("实践", "解读", "探索", "做法", "经验", "举措"))
_PUBLISH = re.compile(r"(?:发布|出台|印发|制定|颁布)(?:实施)?了?\s*$")
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年(?:\s*(?P<m>\d{1,2})\s*月)?")
_SUBJECT_END = re.compile(
    r"在|于|统筹|率先|正式|联合|日前|近日|先后|相继|发布|出台|印发|制定|颁布|提出|围绕|聚焦"
)
_TITLE = re.compile(r"《(?P<title>[^《》]+)》")
_QUOTE = re.compile(r"“(?P<content>[^“”]{1,40})”")
_PROGRAMME_CONTENT = ("行动", "计划", "工程", "企业")
_PROGRAMME_AFTER = re.compile(
    r"(?:[^,。;、“”:]{0,6}?(?:行动|计划|工程))|(?:的?[^,。;、“”:]{0,12}?体系)"
)
_UMBRELLA = re.compile(r"等?\s*(?P<n>[一二三四五六七八九十\d]+)\s*大(?P<head>工程|行动|计划|任务)")
#: head nouns that end the counted thing ("13个先进制造业集群", "8个方面")
_THING_HEADS = (
    "集群",
    "文件",
    "计划",
    "方案",
    "方面",
    "企业",
    "项目",
    "园区",
    "基地",
    "平台",
    "中心",
    "行动",
    "工程",
    "政策",
    "领域",
    "产业链",
    "产业",
    "城市",
    "地区",
    "任务",
    "机构",
    "示范区",
)
#: words that cannot be inside a counted noun phrase (it has ended before them)
_THING_STOP = ("提出", "在", "作为", "推动", "实施", "落实", "具有", "达到", "形成", "开展", "建设")
#: verbs after which a clause-final count's noun phrase begins ("已配套各类政策文件51个")
_BEFORE_VERBS = (
    "配套",
    "出台",
    "制定",
    "发布",
    "印发",
    "拥有",
    "聚集",
    "集聚",
    "形成",
    "建成",
    "培育",
    "实施",
    "设立",
)
_BEFORE_LEAD = re.compile(r"^(?:已经|已|共有|共|累计|总计)+")


@dataclass
class DocumentMention:
    """A document named in a practice paragraph (clean offsets)."""

    title: tuple[int, int]
    sentence: tuple[int, int]
    date: tuple[int, int | None] | None = None
    date_span: tuple[int, int] | None = None
    issuers: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Count:
    """A stated count: value, unit, qualifier, counted thing and the span stating it."""

    value: str
    unit: str
    qualifier: str
    thing: tuple[int, int]
    number: tuple[int, int]
    span: tuple[int, int]


@dataclass
class ProgrammeMention:
    """A named programme: its quoted name, the name as written with its suffix, the clause."""

    content: tuple[int, int]
    written: tuple[int, int]
    clause: tuple[int, int]
    parts: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class PracticeParagraph:
    """A paragraph about one place."""

    region: Region
    mention: tuple[int, int]
    start: int
    end: int


# -- finding -------------------------------------------------------------------------------------


def _sentence(clean: str, at: int, start: int, end: int) -> tuple[int, int]:
    left = clean.rfind("。", start, at)
    right = clean.find("。", at, end)
    return (start if left < 0 else left + 1, end if right < 0 else right + 1)


def _clause(clean: str, at: int, start: int, end: int) -> tuple[int, int]:
    left = max(clean.rfind(ch, start, at) for ch in "。,;:")
    rights = [k for k in (clean.find(ch, at, end) for ch in "。,;:") if k >= 0]
    return (start if left < 0 else left + 1, min(rights) if rights else end)


def _is_document_quote(clean: str, quote: re.Match[str], start: int) -> bool:
    content = quote.group("content")
    return document_type(content) is not None and bool(
        _PUBLISH.search(clean[max(start, quote.start() - 8) : quote.start()])
    )


def find_documents(clean: str, start: int, end: int) -> list[DocumentMention]:
    """Documents named in ``clean[start:end]``: 《…》 and published “…计划” titles."""
    spans = [m.span("title") for m in _TITLE.finditer(clean, start, end)]
    spans += [
        m.span("content")
        for m in _QUOTE.finditer(clean, start, end)
        if _is_document_quote(clean, m, start)
    ]
    found: list[DocumentMention] = []
    for title in sorted(spans):
        sentence = _sentence(clean, title[0], start, end)
        mention = DocumentMention(title=title, sentence=sentence)
        dates = list(_DATE.finditer(clean, sentence[0], title[0]))
        if dates:
            date = dates[-1]
            month = int(date.group("m")) if date.group("m") else None
            mention.date = (int(date.group("y")), month)
            mention.date_span = (date.start(), title[1] + 1)
            subject_start = date.end()
            while subject_start < title[0] and clean[subject_start] in " ,":
                subject_start += 1
            stop = _SUBJECT_END.search(clean, subject_start, title[0])
            subject = clean[subject_start : stop.start() if stop else subject_start]
            bodies = find_bodies(subject)
            mention.issuers = [(subject_start + s, subject_start + e) for s, e in bodies]
        found.append(mention)
    return found


def _thing_after(clean: str, at: int, end: int) -> tuple[int, int] | None:
    stop = min([k for k in (clean.find(ch, at, end) for ch in ",。;:") if k >= 0] or [end])
    best: tuple[int, int] | None = None
    for i in range(at + 1, min(stop, at + 30) + 1):
        text = clean[at:i]
        if any(word in text for word in _THING_STOP) or text[-1].isdigit():
            break  # a verb or the next figure ("3个世界级集群和5个…") ends the phrase
        if text.endswith(_THING_HEADS):
            best = (at, i)
    return best


def _thing_before(clean: str, at: int, start: int) -> tuple[int, int] | None:
    """The noun phrase a clause-final count follows: after the clause's last verb (已配套X51个)."""
    left = max(clean.rfind(ch, start, at) for ch in "。,;:、")
    s = start if left < 0 else left + 1
    text = clean[s:at]
    verbs = [text.rfind(verb) + len(verb) for verb in _BEFORE_VERBS if verb in text]
    if verbs:
        s += max(verbs)
    lead = _BEFORE_LEAD.match(clean[s:at])
    if lead is not None:
        s += lead.end()
    while s < at and clean[s] == " ":
        s += 1
    if at - s < 2 or not clean[s:at].strip().endswith(_THING_HEADS):
        return None
    return s, at


def find_counts(clean: str, start: int, end: int) -> list[Count]:
    """Counts with a classifier in ``clean[start:end]`` and the noun phrase each counts."""
    counts: list[Count] = []
    for match in find_numbers(clean[start:end]):
        if not match.is_count:
            continue
        number = (start + match.start, start + match.end)
        thing = _thing_after(clean, number[1], end)
        span = (number[0], thing[1]) if thing else None
        if thing is None:
            following = clean[number[1] : number[1] + 1]
            if following and following not in ",。;:":
                continue
            thing = _thing_before(clean, number[0], start)
            span = (thing[0], number[1]) if thing else None
        if thing is None or span is None:
            continue
        counts.append(Count(str(match.value), match.unit, match.qualifier, thing, number, span))
    return counts


def find_programmes(clean: str, start: int, end: int) -> list[ProgrammeMention]:
    """Named programmes (quoted names of actions, plans, projects, systems) in ``clean[start:end]``."""
    found: list[ProgrammeMention] = []
    for quote in _QUOTE.finditer(clean, start, end):
        if _is_document_quote(clean, quote, start):
            continue
        content = quote.group("content")
        after = _PROGRAMME_AFTER.match(clean, quote.end(), end)
        umbrella = _UMBRELLA.match(clean, quote.end(), end)
        parts = [p for p in re.split(r"[、和]", content) if p]
        is_list = len(parts) > 1 and all(p.endswith(_PROGRAMME_CONTENT) for p in parts)
        if umbrella is not None and is_list:
            clause = _clause(clean, quote.start(), start, end)
            written = (umbrella.start("n"), umbrella.end())
            mention = ProgrammeMention(written, written, clause)
            at = quote.start("content")
            for part in re.finditer(r"[^、和]+", content):
                mention.parts.append((at + part.start(), at + part.end()))
            found.append(mention)
            continue
        if after is not None and after.end() > quote.end():
            written = (quote.start(), after.end())
        elif content.endswith(_PROGRAMME_CONTENT) and not is_list:
            written = quote.span("content")
        else:
            continue
        clause = _clause(clean, quote.start(), start, end)
        found.append(
            ProgrammeMention(
                quote.span("content"), written, (clause[0], max(clause[1], written[1]))
            )
        )
    return found


def _sections(ctx: ExtractionContext) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for node in ctx.doc.iter():
        if node.kind not in ("part", "section", "item") or not node.title:
            continue
        if node.enclosing("toc") is not None:
            continue
        if all(any(word in node.title for word in words) for words in _SECTION_WORDS):
            spans.append((node.clean_start, node.clean_end))
    return spans


def practice_paragraphs(ctx: ExtractionContext) -> list[PracticeParagraph]:
    """Paragraphs of practice sections that open with a place name."""
    found: list[PracticeParagraph] = []
    for start, end in _sections(ctx):
        for node in ctx.doc.iter("paragraph"):
            if not start <= node.clean_start < end or node.enclosing("table") is not None:
                continue
            text = ctx.doc.clean_text(node)
            lead = len(text) - len(text.lstrip())
            mentions = ctx.gazetteer.find_mentions(text[: lead + 12])
            if not mentions or mentions[0].start != lead:
                continue
            m = mentions[0]
            span = (node.clean_start + m.start, node.clean_start + m.end)
            found.append(PracticeParagraph(m.region, span, node.clean_start, node.clean_end))
    return found


# -- emitting ------------------------------------------------------------------------------------


def run(ctx: ExtractionContext) -> None:
    """Emit documents, counts and programmes of every practice paragraph."""
    from clustergraph.gazetteer.rdf import emit_region

    clean = ctx.doc.clean.clean
    for paragraph in practice_paragraphs(ctx):
        region = emit_region(ctx.writer, paragraph.region, ctx.writer.raw_span(*paragraph.mention))
        for mention in find_documents(clean, paragraph.start, paragraph.end):
            _emit_document(ctx, paragraph, region, mention)
        for count in find_counts(clean, paragraph.start, paragraph.end):
            _emit_count(ctx, paragraph, region, count)
        for programme in find_programmes(clean, paragraph.start, paragraph.end):
            _emit_programme(ctx, paragraph, region, programme)


def _level(region: Region) -> URIRef:
    return CG.ProvincialLevel if region.level == "province" else CG.MunicipalLevel


def _places(ctx: ExtractionContext, region: Region) -> tuple[str, ...]:
    names = [region.name, region.short_name]
    province = ctx.gazetteer.province_of(region.code6)
    if province is not None and province.code6 != region.code6:
        names += [province.name, province.short_name]
    return tuple(dict.fromkeys(names))


def _matching_document(ctx: ExtractionContext, region: Region, title: str) -> URIRef | None:
    """A document already in the graph for the same place whose normalised title is ``title``'s."""
    from clustergraph.gazetteer.rdf import region_iri

    graph = ctx.writer.graph
    places = _places(ctx, region)
    wanted = normalise_title(title, places)
    allowed = {region_iri(region)}
    for doc in sorted(graph.subjects(RDF.type, CG.PolicyDocument)):
        if not set(graph.objects(doc, CG.jurisdiction)) & allowed:
            continue
        labels = [str(lit) for lit in graph.objects(doc, RDFS.label) if lit.language == "zh"]
        labels += [str(lit) for lit in graph.objects(doc, SKOS.altLabel)]
        if any(normalise_title(label, places) == wanted for label in labels):
            return doc
    return None


def _emit_document(
    ctx: ExtractionContext, paragraph: PracticeParagraph, region: URIRef, mention: DocumentMention
) -> None:
    writer = ctx.writer
    title = surface(ctx, *mention.title)
    iri = _matching_document(ctx, paragraph.region, title)
    if iri is None:
        iri = mint("policy", title)
        writer.entity(iri, CG.PolicyDocument, CG.Policy, ELI.LegalResource, label=title)
        writer.add(iri, CG.jurisdiction, region)
        writer.add(iri, CG.policyLevel, _level(paragraph.region))
        kind = document_type(title)
        if kind is not None:
            writer.add(iri, ELI.type_document, document_type_concept(ctx, kind))
    elif (iri, RDFS.label, zh(title)) not in writer.graph:
        writer.label(iri, title, alt=True)
    writer.cite(iri, writer.raw_span(*mention.sentence))
    if mention.date is not None and mention.date_span is not None:
        add_date(ctx, iri, date_literal(*mention.date), mention.sentence)
    emit_issuers(ctx, iri, mention.issuers, paragraph.region)


def _emit_count(
    ctx: ExtractionContext, paragraph: PracticeParagraph, region: URIRef, count: Count
) -> None:
    writer = ctx.writer
    number = writer.raw_span(*count.number)
    iri = mint("obs", "quantity", f"{number[0]}-{number[1]}")
    clause = _clause(ctx.doc.clean.clean, count.number[0], paragraph.start, paragraph.end)
    clause = (min(clause[0], count.span[0]), max(clause[1], count.span[1]))
    writer.entity(iri, CG.Quantity, QB.Observation, span=writer.raw_span(*clause))
    writer.add(iri, QB.dataSet, QUANTITIES)  # declared (typed, labelled) by the quantities rule
    writer.add(iri, CG.value, decimal(count.value))
    writer.add(iri, CG.unit, zh(count.unit))
    writer.add(iri, CG.qualifier, CG[count.qualifier])
    thing = unicodedata.normalize("NFKC", ctx.doc.clean.clean[count.thing[0] : count.thing[1]])
    writer.add(iri, CG.measuredThing, zh(surface(ctx, *count.thing) or thing))
    writer.add(iri, CG.refRegion, region)


def _emit_programme(
    ctx: ExtractionContext,
    paragraph: PracticeParagraph,
    region: URIRef,
    programme: ProgrammeMention,
) -> None:
    writer = ctx.writer
    label = surface(ctx, *programme.written)
    iri = mint("programme", paragraph.region.code6, label)
    level = _level(paragraph.region)
    writer.entity(
        iri, CG.Programme, CG.Policy, label=label, span=writer.raw_span(*programme.clause)
    )
    writer.add(iri, CG.jurisdiction, region)
    writer.add(iri, CG.policyLevel, level)
    content = surface(ctx, *programme.content)
    if content != label:
        writer.label(iri, content, alt=True)
    for start, end in programme.parts:
        part_label = surface(ctx, start, end)
        part = mint("programme", paragraph.region.code6, part_label)
        writer.entity(
            part, CG.Programme, CG.Policy, label=part_label, span=writer.raw_span(start, end)
        )
        writer.add(part, CG.jurisdiction, region)
        writer.add(part, CG.policyLevel, level)
        writer.add(part, CG.partOfProgramme, iri)
