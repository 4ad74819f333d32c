"""Dated policy milestones: numbered items that open with a date ("1. 2017年10月,…提出,要…").

The number may be written 1. / 1、 / (1) / 1） / ①, and the date may carry a day (2021年3月11日).
Some house styles set the timeline as unnumbered paragraphs that open with a dash ("——2017年10月,…",
also "—" or "－－") or a bullet symbol ("▲2017年10月,…", also ● ◆ ■ • ·): a run of two or more
consecutive such paragraphs with the same mark, each opening with a date, is a timeline too,
numbered by position in the run (a lone dashed date may be an epigraph's source, and a dashed
subtitle or a bulleted headline has no date).

White papers of this genre trace the policy line as a numbered list, one event per item: a date,
the event or document (党的十九大报告, 中央经济工作会议, 《…》), a verb of saying (提出, 强调 …) and
what was said. Each item becomes a ``cg:Policy`` with its date, label, issuer (only when the
subject is a body: persons such as 习近平总书记 become ``cg:speaker``), key phrase, ordinal and
level (from the words of the enclosing heading).

This module also holds the small text helpers the other part-one rules share (``surface``,
``context_titles``, ``is_body``, ``policy_level``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, ELI, XSD
from clustergraph.graph.writer import integer, zh
from clustergraph.text.patterns import circled_value

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext

__all__ = [
    "BODY_SUFFIXES",
    "TimelineItem",
    "context_titles",
    "date_literal",
    "document_type",
    "find_items",
    "is_body",
    "policy_level",
    "run",
    "surface",
]

# -- shared helpers ----------------------------------------------------------------------------

#: endings of the names of party and government bodies (general knowledge of Chinese usage)
BODY_SUFFIXES: tuple[str, ...] = (
    "中央",
    "国务院",
    "政治局",
    "常委会",
    "人民政府",
    "政府",
    "办公厅",
    "办公室",
    "委员会",
    "领导小组",
    "工作组",
    "省委",
    "市委",
    "党委",
    "人大",
    "政协",
    "部",
    "委",
    "厅",
    "局",
    "署",
)
#: endings of a person's title: such subjects are speakers, not issuing bodies
PERSON_SUFFIXES: tuple[str, ...] = (
    "总书记",
    "主席",
    "总理",
    "书记",
    "省长",
    "市长",
    "部长",
    "同志",
)
#: final words of document titles → document type (longest first)
DOCUMENT_TYPES: tuple[str, ...] = (
    "意见",
    "通知",
    "方案",
    "计划",
    "措施",
    "规划",
    "报告",
    "决定",
    "决议",
    "办法",
    "建议",
    "纲要",
    "条例",
    "规定",
    "细则",
    "指南",
    "政策",
    "函",
)
#: type words with their own concept in cg:DocumentTypeScheme (the ontology's)
DOCUMENT_TYPE_CONCEPTS: dict[str, URIRef] = {
    "意见": CG.OpinionDocumentType,
    "通知": CG.NoticeDocumentType,
    "方案": CG.ProgrammeDocumentType,
    "计划": CG.ActionPlanDocumentType,
    "措施": CG.MeasuresDocumentType,
    "规划": CG.PlanningDocumentType,
    "报告": CG.ReportDocumentType,
    "决定": CG.DecisionDocumentType,
}
_LEVEL_WORDS: tuple[tuple[tuple[str, ...], URIRef], ...] = (
    (("党中央", "中共中央", "国务院", "中央", "国家", "全国人大"), CG.CentralLevel),
    (("省", "自治区", "直辖市"), CG.ProvincialLevel),
    (("市", "州", "盟"), CG.MunicipalLevel),
)


def surface(ctx: ExtractionContext, clean_start: int, clean_end: int) -> str:
    """The text of a clean span as written: the raw slice without page breaks and ``**``.

    Falls back to the clean text when the raw slice holds anything else the clean view dropped
    (a running footer between two halves of a sentence).
    """
    clean = ctx.doc.clean.clean[clean_start:clean_end].strip()
    start, end = ctx.writer.raw_span(clean_start, clean_end)
    raw = ctx.writer.raw[start:end].replace("**", "").replace("＊＊", "")
    raw = re.sub(r"\s*\n\s*", "", raw).strip()

    def squeeze(text: str) -> str:
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))

    return raw if squeeze(raw) == squeeze(clean) else clean


def context_titles(ctx: ExtractionContext, clean_offset: int) -> list[str]:
    """Titles of the headed nodes (part, section, titled item) around ``clean_offset``, outermost
    first.
    """
    raw_offset = ctx.doc.clean.to_raw(min(clean_offset, len(ctx.doc.clean.clean) - 1))
    titles: list[tuple[int, str]] = []
    for kind in ("part", "section", "item", "case", "table"):
        node = ctx.doc.find_enclosing(kind, raw_offset)
        while node is not None:
            if node.title:
                titles.append((node.start, node.title))
            node = node.enclosing(kind)
    return [title for _, title in sorted(set(titles))]


def is_body(name: str) -> bool:
    """True when ``name`` reads as a party or government body (江苏省人民政府, 中央政治局)."""
    return len(name) >= 2 and name.endswith(BODY_SUFFIXES) and not name.endswith(PERSON_SUFFIXES)


def is_person(name: str) -> bool:
    """True when ``name`` ends with a person's title (习近平总书记)."""
    return name.endswith(PERSON_SUFFIXES)


def policy_level(*texts: str) -> URIRef | None:
    """The level a heading (or the text itself) speaks of: 党中央/国务院 → central, 省 → provincial."""
    for text in texts:
        for words, level in _LEVEL_WORDS:
            if any(word in text for word in words):
                return level
    return None


def document_type(title: str) -> str | None:
    """The type word a title ends with (…的指导意见 → 意见), ignoring closing punctuation."""
    # NFKC first: a raw title's full-width （…） (a year range, a trial note) becomes (…)
    stripped = unicodedata.normalize("NFKC", title).rstrip("》”\"'。 ")
    stripped = re.sub(r"\([^()]*\)$", "", stripped)
    for word in DOCUMENT_TYPES:
        if stripped.endswith(word):
            return word
    return None


def document_type_concept(ctx: ExtractionContext, word: str) -> URIRef:
    """The ``cg:DocumentTypeScheme`` concept of a type word (建议, 纲要 … are "other")."""
    return DOCUMENT_TYPE_CONCEPTS.get(word, CG.OtherDocumentType)


def date_literal(year: int, month: int | None = None, day: int | None = None) -> Literal:
    """``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date`` for what the text states."""
    if month is None:
        return Literal(f"{year:04d}", datatype=XSD.gYear)
    if day is None:
        return Literal(f"{year:04d}-{month:02d}", datatype=XSD.gYearMonth)
    return Literal(f"{year:04d}-{month:02d}-{day:02d}", datatype=XSD.date)


# -- timeline items ----------------------------------------------------------------------------

#: the date an item opens with, and the punctuation after it
_ITEM_DATE = (
    r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?"
    r"\s*[,:]?\s*"
)
#: "1. " "1、" "(1)" "1)" (NFKC of "1）") or "①" (kept by the clean text) at a line start
_ITEM_START = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:\(\s*(?P<pnum>\d{1,2})\s*\)|(?P<num>\d{1,2})\s*[.、)]"
    r"|(?P<cnum>[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2776-\u2793\u24eb-\u24fe]))\s*"
    + _ITEM_DATE
)
#: "——" / "—" / "―" or "--" (NFKC of "－－"), or a bullet symbol, opening a line, then the date
_DASH_START = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?P<mark>[—―]{1,2}|-{2}|[▲△●◆■□•·▪▸►])[ \t]*" + _ITEM_DATE
)
#: verbs of saying/adopting that end the subject of a milestone (longest first)
_VERBS = (
    "明确提出",
    "审议通过",
    "正式发布",
    "印发实施",
    "提出",
    "强调",
    "指出",
    "要求",
    "印发",
    "发布",
    "出台",
    "通过",
    "部署",
    "作出",
    "召开",
)
_VERB_RE = re.compile("(?:分别|明确|再次|首次|正式)?(?:" + "|".join(_VERBS) + ")")
_TITLE = re.compile(r"《(?P<title>[^《》]+)》")
_SPEAKER_AT = re.compile(r"^(?P<who>[^在]{2,12})在(?P<event>.+?)(?:上|期间|时)$")
_MEETING = re.compile(r"^(?P<body>.+?)(?:常务会议|全体会议|会议)$")


@dataclass
class TimelineItem:
    """One dated item, offsets into the clean text."""

    ordinal: int
    year: int
    month: int
    day: int | None
    start: int
    end: int
    label: tuple[int, int]
    is_document: bool
    issuer: tuple[int, int] | None
    speaker: tuple[int, int] | None
    key_phrase: tuple[int, int] | None


def _item_end(clean: str, start: int) -> int:
    end = clean.find("\n", start)
    return len(clean) if end < 0 else end


def _subject(clean: str, body_start: int, end: int) -> tuple[int, int, int] | None:
    """(subject start, subject end, statement start) of the item's first sentence.

    The subject ends at the first verb of saying that is not attributive (审议通过的《…》) and
    not inside a title.
    """
    stop = clean.find("。", body_start, end)
    sentence_end = end if stop < 0 else stop
    for match in _VERB_RE.finditer(clean, body_start, sentence_end):
        before = clean[body_start : match.start()]
        if before.count("《") > before.count("》") or clean.startswith("的", match.end()):
            continue
        statement = match.end()
        while statement < end and clean[statement] in " ,:了":
            statement += 1
        return body_start, match.start(), statement
    return None


def _key_phrase(clean: str, start: int, end: int) -> tuple[int, int] | None:
    """The clause after 要 (or the whole statement), unwrapped when it is one quotation."""
    stop = clean.find("。", start, end)
    stop = end if stop < 0 else stop
    if clean.startswith("要", start):
        start += 1
    while start < stop and clean[start] in " ,":
        start += 1
    if start >= stop:
        return None
    if (
        clean[start] == "“"
        and clean.find("”", start) == stop - 1
        and "“" not in clean[start + 1 : stop]
    ):
        return start + 1, stop - 1
    return start, stop


def _classify_subject(clean: str, s: int, e: int, item: TimelineItem) -> None:
    """Fill label/issuer/speaker of ``item`` from its subject ``clean[s:e]``."""
    subject = clean[s:e]
    title = _TITLE.search(subject)
    if title is not None:
        ts, te = s + title.start("title"), s + title.end("title")
        item.label, item.is_document = (ts, te), True
        owner = re.match(r"^(?P<body>.{2,12}?)关于", clean[ts:te])
        lead = clean[s : ts - 1].strip()
        if owner and is_body(owner.group("body")):
            item.issuer = (ts, ts + len(owner.group("body")))
        elif lead and is_body(lead):
            # 国务院《政府工作报告》: the body that speaks precedes the title
            item.issuer = (s, s + len(lead))
        return
    at = _SPEAKER_AT.match(subject)
    if at is not None:
        who = (s, s + len(at.group("who")))
        item.label = (s + at.start("event"), s + at.end("event"))
        meeting = _MEETING.match(at.group("event"))
        if is_person(at.group("who")):
            item.speaker = who
        elif is_body(at.group("who")):
            item.issuer = who
        if item.issuer is None and meeting is not None and is_body(meeting.group("body")):
            # 李克强总理在国务院常务会议上强调: the meeting's body is the issuer
            body_start = s + at.start("event")
            item.issuer = (body_start, body_start + len(meeting.group("body")))
        return
    item.label = (s, e)
    meeting = _MEETING.match(subject)
    if is_body(subject):
        item.issuer = (s, e)
    elif meeting is not None and is_body(meeting.group("body")):
        item.issuer = (s, s + len(meeting.group("body")))


def _mark_kind(match: re.Match[str]) -> str:
    """What opens a dashed or bulleted paragraph: any dash is one kind, each bullet its own."""
    mark = match.group("mark")
    return "—" if mark[0] in "—―-" else mark


def _dash_runs(clean: str) -> list[tuple[re.Match[str], int]]:
    """Dashed (or bulleted) dated paragraphs that stand in a run of two or more with the same
    mark, each with its place in the run.
    """
    runs: list[list[re.Match[str]]] = []
    previous_end = -2
    for match in _DASH_START.finditer(clean):
        same = bool(runs) and _mark_kind(runs[-1][-1]) == _mark_kind(match)
        if same and clean[previous_end : match.start()].strip() == "":
            runs[-1].append(match)  # the next paragraph: the run goes on
        else:
            runs.append([match])
        previous_end = _item_end(clean, match.end())
    return [(match, n) for run in runs if len(run) > 1 for n, match in enumerate(run, 1)]


def _numbered(clean: str) -> list[tuple[re.Match[str], int]]:
    found = []
    for match in _ITEM_START.finditer(clean):
        number = match.group("num") or match.group("pnum")
        found.append((match, int(number) if number else circled_value(match.group("cnum")) or 0))
    return found


def find_items(clean: str) -> list[TimelineItem]:
    """Every numbered (or dashed) item of ``clean`` that opens with a year and month, in order."""
    items: list[TimelineItem] = []
    starts = sorted(_numbered(clean) + _dash_runs(clean), key=lambda found: found[0].start())
    for match, ordinal in starts:
        start, body = match.start(), match.end()
        while clean[start] in " \t":
            start += 1
        end = _item_end(clean, body)
        item = TimelineItem(
            ordinal=ordinal,
            year=int(match.group("year")),
            month=int(match.group("month")),
            day=int(match.group("day")) if match.group("day") else None,
            start=start,
            end=end,
            label=(body, body),
            is_document=False,
            issuer=None,
            speaker=None,
            key_phrase=None,
        )
        parts = _subject(clean, body, end)
        if parts is None:
            first = re.search(r"[,。]", clean[body:end])
            item.label = (body, body + first.start() if first else end)
        else:
            s, e, statement = parts
            _classify_subject(clean, s, e, item)
            after = _TITLE.match(clean, statement)
            if not item.is_document and after is not None:
                # "国务院印发《…》": the document follows the verb
                item.label = (after.start("title"), after.end("title"))
                item.is_document = True
                if is_body(clean[s:e]):
                    item.issuer = (s, e)
                statement = after.end()
                while statement < end and clean[statement] in " ,:":
                    statement += 1
            item.key_phrase = _key_phrase(clean, statement, end)
        if item.label[0] < item.label[1]:
            items.append(item)
    return items


def _in_toc(ctx: ExtractionContext, clean_offset: int) -> bool:
    raw = ctx.doc.clean.to_raw(clean_offset)
    return ctx.doc.find_enclosing("toc", raw) is not None


def run(ctx: ExtractionContext) -> None:
    """Emit one ``cg:Policy`` per dated timeline item."""
    from clustergraph.extract.context import register_institution

    writer = ctx.writer
    clean = ctx.doc.clean.clean
    for item in find_items(clean):
        if _in_toc(ctx, item.start):
            continue
        label = surface(ctx, *item.label)
        stamp = f"{item.year:04d}-{item.month:02d}"
        iri = mint("policy", f"{stamp}-{label}")
        types = [CG.Policy]
        if item.is_document:
            types += [CG.PolicyDocument, ELI.LegalResource]
        writer.entity(iri, *types, label=label, span=writer.raw_span(item.start, item.end))
        writer.add(iri, DCTERMS.date, date_literal(item.year, item.month, item.day))
        writer.add(iri, CG.timelineOrdinal, integer(item.ordinal))
        level = policy_level(
            *reversed(context_titles(ctx, item.start)), clean[item.start : item.end]
        )
        if level is not None:
            writer.add(iri, CG.policyLevel, level)
        if item.issuer is not None:
            name = clean[item.issuer[0] : item.issuer[1]]
            body = register_institution(ctx, name, CG.GovernmentBody, writer.raw_span(*item.issuer))
            writer.add(iri, CG.issuer, body.iri)
        if item.speaker is not None:
            writer.add(iri, CG.speaker, zh(surface(ctx, *item.speaker)))
        if item.key_phrase is not None:
            writer.add(iri, CG.keyPhrase, zh(surface(ctx, *item.key_phrase)))
        if item.is_document:
            kind = document_type(label)
            if kind is not None:
                writer.add(iri, ELI.type_document, document_type_concept(ctx, kind))
