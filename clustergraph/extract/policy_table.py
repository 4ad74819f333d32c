"""Tables of local cluster policies ("表1 地方确定的集群培育方向一览表"): one policy document per row,
with its 文号, issuer, jurisdiction, date, type and the tiers of clusters it sets out to cultivate.

Columns are recognised by their header words (省份/地区 → jurisdiction, 文件/政策 → document,
文号/字号/编号 → the 文号 when it has a column of its own, 方向/重点/集群/目标/梯次/层级 → tiers), so
column order does not matter. A cell that is only a dash or a slash ("—", "-", "/") or 无 is empty. The row's
jurisdiction may be a city (宁波市, 深圳市): the document is then municipal, and a 文号 whose first
character names another province (宁 is also 宁夏's) is the city's own code. The document cell
is "title(文号)", "title(2020年…领导小组印发)", "…印发《title》(2020年6月发布)…" or a bare title;
the tier cell is
"N个label:A、B、…和Z" tiers separated by ";" (a ";" chunk without "N个…:" continues the tier
before it and then ";" separates its items; a chunk with its own "label:" but no N is a group
that is no tier, and it ends the tier before it). Items are split at 、; a last "X和Y" is split at 和
only when that makes the list as long as the stated N (otherwise 和 joins one item's words).
A tier whose text says its list is given elsewhere ("20个X:以县域为主体培育,名单另行发布") keeps its
stated N but has no items, and so does a chunk that is only "N个label" (a stated N, no list); the
tier's comment quotes that statement.

Some house styles give the same rows as one-line records instead of a table:
"<place>:《title》(文号),提出N个X:A、B;M个Y,…" — a line that opens with a province or city name
and a colon, then the document (a 《》 title, or a bare title ending in a document-type word with or
without its (文号)), then prose in which each "N个label:list" (the list ends at the first , ; or 。)
or "N个…集群" without a list (joined to the next by ; 、 or ,) is a tier. Such a line becomes the
same policy document, tiers and targets as a table row about that place.

Helpers for policy documents (issuer names, title normalisation, dates) live here because the
practices rule links the documents it reads about to these rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from clustergraph.extract.docnumber import (
    DocNumber,
    eli_iri,
    find_doc_numbers,
    is_central,
    issuer_body_name,
)
from clustergraph.extract.quality_checks.text_patterns import NOT_LISTED
from clustergraph.extract.timeline import (
    date_literal,
    document_type,
    document_type_concept,
    policy_level,
    surface,
)
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, ELI, RDF, RDFS, SKOS, XSD
from clustergraph.graph.writer import integer, zh

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext
    from clustergraph.gazetteer import Region
    from clustergraph.text import Node

__all__ = [
    "TARGET_SCHEME",
    "TIER_KINDS",
    "DocumentCell",
    "Record",
    "Tier",
    "add_date",
    "emit_issuers",
    "find_bodies",
    "is_blank",
    "normalise_title",
    "parse_document_cell",
    "parse_number_cell",
    "parse_record",
    "parse_tiers",
    "run",
    "tier_kind",
]

TARGET_SCHEME = mint("scheme", "policy-targets")

#: words of a tier label → tier kind (first match wins)
TIER_KINDS: tuple[tuple[tuple[str, ...], URIRef], ...] = (
    (("世界级",), CG.WorldClassTier),
    (("支柱",), CG.PillarTier),
    (("新兴",), CG.EmergingTier),
    (("培育",), CG.CultivatingTier),
    (("优势",), CG.AdvantageTier),
)
_BODY_END = (
    "人民政府办公厅",
    "政府办公厅",
    "委办公厅",
    "人民政府",
    "办公厅",
    "办公室",
    "委员会",
    "领导小组",
    "工作组",
    "省委",
    "市委",
    "区委",
    "县委",
    "政府",
    "厅",
    "局",
    "委",
)
_BODY = re.compile(r".{1,14}?(?:" + "|".join(_BODY_END) + ")")
_BODY_TAIL = re.compile(r"办公厅|办公室")
_NOTE = re.compile(r"[((](?P<note>[^()()]*?(?:印发|发布|出台|公布|施行)[^()()]*)[))]")
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年(?:\s*(?P<m>\d{1,2})\s*月)?(?:\s*(?P<d>\d{1,2})\s*日)?"
)
_VERB = re.compile(r"(?:日前|近日|正式)?(?:联合)?(?:印发实施|印发|发布|出台|公布)(?:了|实施)?")
_TITLE = re.compile(r"《(?P<title>[^《》]+)》")
_TIER_HEAD = re.compile(r"\s*(?P<n>\d+)\s*个\s*(?P<label>[^:]+?)\s*:\s*")
#: a chunk that is only a stated N and its label, without a list ("12个国家级先进制造业集群")
_BARE_TIER = re.compile(r"\s*(?P<n>\d+)\s*个\s*(?P<label>[^:、,;()“”]+?)\s*")
#: a record line's lead: a place name and a colon ("江苏省:", "成都市 :")
_RECORD_LEAD = re.compile(r"[ \t]*(?P<place>[^\s:,。;、《》()“”]{2,12}?)[ \t]*:[ \t]*")
#: a tier head in a record's prose: "N个label" up to its colon or the next , ; 、 。
_RECORD_TIER = re.compile(
    r"(?P<n>\d+)\s*个\s*(?P<label>[^\s:,;、。()“”《》]{2,30}?)\s*(?=[:,;、。]|$)"
)
#: a group with its own head but no stated N ("新兴产业集群重点培育:A、B")
_GROUP_HEAD = re.compile(r"\s*[^:、,()“”]{2,20}?\s*:")
_FILLER = ("关于", "进一步", "若干", "的", "印发", "实施")
#: a cell that says "nothing here": dashes, slashes, 无/暂无
_BLANK = re.compile(r"[\s\-—–―－/／]*|无|暂无")
#: header words of a column of its own for the 文号 ("文号", "发文字号", "文件编号")
_NUMBER_HEADER = ("文号", "字号", "编号")
#: header words that make a column the document's even when it names the 文号 too
_TITLE_HEADER = ("名称", "标题", "题目", "政策")
#: header words of the tiers column ("培育方向与梯次", "重点集群", "梯次", "目标层级")
_TIER_HEADER = ("方向", "重点", "集群", "目标", "梯次", "层级")


# -- shared document helpers -------------------------------------------------------------------


def find_bodies(text: str) -> list[tuple[int, int]]:
    """Spans of the body names that make up ``text`` back to back (中共宁波市委 宁波市人民政府),
    or [] when ``text`` is not entirely body names (深圳市).
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        while pos < len(text) and text[pos] in "、, 和及与":
            pos += 1
        if pos >= len(text):
            break
        match = _BODY.match(text, pos)
        if match is None:
            return []
        end = match.end()
        tail = _BODY_TAIL.match(text, end)
        if tail is not None:
            end = tail.end()
        spans.append((pos, end))
        pos = end
    return spans


def qualified_body(name: str, jurisdiction: Region | None) -> str:
    """A bare 省/市 body ("省政府办公厅") in a row about 湖南省 is 湖南省政府办公厅."""
    if jurisdiction is not None and name[:1] in "省市" and jurisdiction.name.endswith(name[0]):
        return jurisdiction.name + name[1:]
    return name


def normalise_title(title: str, places: tuple[str, ...] = ()) -> str:
    """A title for matching: NFKC, no marks, no issuer or place prefix, no filler words."""
    text = unicodedata.normalize("NFKC", title)
    text = re.sub(r"[《》“”\"'()()\s]", "", text)
    head = text.split("关于", 1)[0] if "关于" in text else ""
    if head and (find_bodies(head) or head in places):
        text = text[len(head) :]
    for place in sorted(places, key=len, reverse=True):
        if text.startswith(place):
            text = text[len(place) :]
            break
    for word in _FILLER:
        text = text.replace(word, "")
    return text


def add_date(ctx: ExtractionContext, iri: URIRef, date: Literal, span: tuple[int, int]) -> None:
    """Give ``iri`` one ``dct:date``: the more specific of the old and new when they agree."""
    graph = ctx.writer.graph
    old = graph.value(iri, DCTERMS.date)
    if old is None:
        ctx.writer.add(iri, DCTERMS.date, date)
    elif str(date).startswith(str(old)) and len(str(date)) > len(str(old)):
        graph.remove((iri, DCTERMS.date, old))
        ctx.writer.add(iri, DCTERMS.date, date)
    elif not str(old).startswith(str(date)):
        ctx.warn(f"{iri}: dates disagree ({old} vs {date}); kept {old}")
        return
    ctx.writer.cite(iri, ctx.writer.raw_span(*span))


def emit_issuers(
    ctx: ExtractionContext,
    iri: URIRef,
    spans: list[tuple[int, int]],
    jurisdiction: Region | None,
) -> None:
    """Register each body span of the clean text as a ``cg:GovernmentBody`` issuer of ``iri``."""
    from clustergraph.extract.context import register_institution

    for start, end in spans:
        name = qualified_body(surface(ctx, start, end), jurisdiction)
        body = register_institution(ctx, name, CG.GovernmentBody, ctx.writer.raw_span(start, end))
        ctx.writer.add(iri, CG.issuer, body.iri)


# -- parsing -----------------------------------------------------------------------------------


@dataclass
class DocumentCell:
    """What a document cell states (clean offsets)."""

    title: tuple[int, int]
    number: DocNumber | None = None
    issuers: list[tuple[int, int]] = field(default_factory=list)
    date: tuple[int, int | None, int | None] | None = None
    date_span: tuple[int, int] | None = None


def parse_document_cell(clean: str, start: int, end: int) -> DocumentCell:
    """Title, 文号, issuers and date of a document cell ``clean[start:end]``."""
    text = clean[start:end]
    numbers = find_doc_numbers(text)
    number = None
    cut = len(text)
    if numbers:
        found = numbers[0]
        number = DocNumber(
            found.text,
            found.issuer,
            found.year,
            found.serial,
            start + found.start,
            start + found.end,
        )
        paren = text.rfind("(", 0, found.start)
        cut = paren if paren >= 0 and not text[paren + 1 : found.start].strip() else found.start
    note = _NOTE.search(text)
    cell = DocumentCell(title=(start, start + cut))
    cell.number = number
    if note is not None:
        cut = min(cut, note.start())
        cell.title = (start, start + cut)
        date = _DATE.search(note.group("note"))
        if date is not None:
            cell.date = _date_parts(date)
            cell.date_span = (start + note.start(), start + note.end())
            rest_start = note.start("note") + date.end()
            verb = _VERB.search(text, rest_start, note.end("note"))
            rest_end = verb.start() if verb else note.end("note")
            cell.issuers = [
                (start + rest_start + s, start + rest_start + e)
                for s, e in find_bodies(text[rest_start:rest_end])
            ]
    quoted = _TITLE.search(text)
    if quoted is not None:
        cell.title = (start + quoted.start("title"), start + quoted.end("title"))
        verb = _VERB.search(text, 0, quoted.start())
        head_end = verb.start() if verb else quoted.start()
        cell.issuers = [(start + s, start + e) for s, e in find_bodies(text[:head_end])]
    elif not cell.issuers:
        title = clean[cell.title[0] : cell.title[1]]
        if "关于" in title:
            head = title.split("关于", 1)[0]
            cell.issuers = [(cell.title[0] + s, cell.title[0] + e) for s, e in find_bodies(head)]
    cell.title = _trim(clean, *cell.title)
    if cell.date is None and number is not None:
        cell.date = (number.year, None, None)
        cell.date_span = (number.start, number.end)
    return cell


def _date_parts(match: re.Match[str]) -> tuple[int, int | None, int | None]:
    month = int(match.group("m")) if match.group("m") else None
    day = int(match.group("d")) if match.group("d") and month else None
    return int(match.group("y")), month, day


def _trim(clean: str, start: int, end: int) -> tuple[int, int]:
    while start < end and clean[start] in " \t":
        start += 1
    while end > start and clean[end - 1] in " \t。":
        end -= 1
    return start, end


@dataclass
class Tier:
    """One "N个label:items" tier (clean offsets)."""

    label: tuple[int, int]
    stated: int
    span: tuple[int, int]
    items: list[tuple[int, int]] = field(default_factory=list)
    #: what the cell says instead of a list ("以县域为主体培育,名单另行发布")
    note: tuple[int, int] | None = None


def _top_level(clean: str, start: int, end: int, chars: str) -> Iterator[int]:
    """Positions of ``chars`` in ``clean[start:end]`` outside parentheses, quotes and 《》."""
    depth = 0
    for i in range(start, end):
        ch = clean[i]
        if ch in "(“《":
            depth += 1
        elif ch in ")”》" and depth:
            depth -= 1
        elif ch in chars and depth == 0:
            yield i


def _top_level_split(clean: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """Split ``clean[start:end]`` at ``separators`` outside parentheses and quotes."""
    parts: list[tuple[int, int]] = []
    at = start
    for i in _top_level(clean, start, end, separators):
        parts.append((at, i))
        at = i + 1
    parts.append((at, end))
    return [_trim(clean, s, e) for s, e in parts if clean[s:e].strip(" \t。")]


def parse_tiers(clean: str, start: int, end: int) -> list[Tier]:
    """The tiers of a direction cell ``clean[start:end]``."""
    tiers: list[Tier] = []
    chunks: list[tuple[Tier, list[tuple[int, int]]]] = []
    closed = False
    for s, e in _top_level_split(clean, start, end, ";"):
        head = _TIER_HEAD.match(clean, s, e)
        bare = _BARE_TIER.fullmatch(clean, s, e) if head is None else None
        if head is not None:
            tier = Tier(label=head.span("label"), stated=int(head.group("n")), span=(s, e))
            chunks.append((tier, [(head.end(), e)]))
            closed = False
        elif bare is not None:
            tier = Tier(label=bare.span("label"), stated=int(bare.group("n")), span=(s, e))
            tier.note = (s, e)  # the statement as written stands in for the missing list
            chunks.append((tier, []))
            closed = True  # a stated N without a list: nothing continues it
        elif _GROUP_HEAD.match(clean, s, e):
            closed = True  # "label:A、B" without N: a group of its own, but no tier
        elif chunks and not closed:
            tier, bodies = chunks[-1]
            tier.span = (tier.span[0], e)
            bodies.append((s, e))
    for tier, bodies in chunks:
        if not bodies:
            tiers.append(tier)
            continue
        if any(NOT_LISTED.search(clean, s, e) for s, e in bodies):
            tier.note = _trim(clean, bodies[0][0], bodies[-1][1])
            tiers.append(tier)  # the list is given elsewhere: no items
            continue
        if len(bodies) > 1:
            items = [_trim(clean, s, e) for s, e in bodies]
        else:
            items = _top_level_split(clean, bodies[0][0], bodies[0][1], "、")
            last = items[-1] if items else None
            if last is not None and len(items) + 1 == tier.stated:
                joint = clean.rfind("和", last[0], last[1])
                if joint > last[0]:
                    items[-1:] = [(last[0], joint), (joint + 1, last[1])]
        tier.items = [item for item in items if item[0] < item[1]]
        tiers.append(tier)
    return tiers


@dataclass
class Record:
    """A one-line policy record (clean offsets): the place, the document and its tiers."""

    place: tuple[int, int]
    document: DocumentCell
    document_span: tuple[int, int]
    span: tuple[int, int]
    tiers: list[Tier]


def _top_level_find(clean: str, start: int, end: int, stops: str) -> int:
    """The first of ``stops`` in ``clean[start:end]`` outside parentheses, quotes and 《》, else end."""
    return next(_top_level(clean, start, end, stops), end)


def _record_document(clean: str, start: int, end: int) -> tuple[int, int] | None:
    """The document part of a record after its colon: 《title》 or a bare title, with a following
    parenthesis (文号 or issue note); None when the line does not name a document there.
    """
    if clean.startswith("《", start):
        close = clean.find("》", start, end)
        if close < 0:
            return None
        stop = close + 1
        while stop < end and clean[stop] in " \t":
            stop += 1
        if clean.startswith("(", stop):
            paren = clean.find(")", stop, end)
            return (start, close + 1) if paren < 0 else (start, paren + 1)
        return start, close + 1
    stop = _top_level_find(clean, start, end, ",;。")
    text = clean[start:stop]
    if find_doc_numbers(text):
        return start, stop
    return (start, stop) if len(text) >= 6 and document_type(text) is not None else None


def _record_tiers(clean: str, start: int, end: int) -> list[Tier]:
    """The tiers a record's prose states: "N个X:list" (list up to , ; 。) or a bare "N个…集群"."""
    tiers: list[Tier] = []
    pos = start
    while (head := _RECORD_TIER.search(clean, pos, end)) is not None:
        if clean.startswith(":", head.end()):
            stop = _top_level_find(clean, head.end() + 1, end, ",;。")
        elif "集群" in head.group("label"):
            stop = head.end("label")
        else:
            pos = head.end()
            continue
        tiers += parse_tiers(clean, head.start(), stop)
        pos = stop
    return tiers


def parse_record(clean: str, start: int, end: int) -> Record | None:
    """The record a line ``clean[start:end]`` states, or None (any place-like lead: the caller
    checks it names a province or city).

    A record names its document right after the colon; a bare title without a 文号 counts only
    when the line states tiers (a heading such as "江苏省:实施…计划" is no record).
    """
    lead = _RECORD_LEAD.match(clean, start, end)
    if lead is None:
        return None
    document = _record_document(clean, lead.end(), end)
    if document is None:
        return None
    cell = parse_document_cell(clean, *document)
    tiers = _record_tiers(clean, document[1], end)
    quoted = clean.startswith("《", document[0])
    if cell.title[0] >= cell.title[1] or not (quoted or cell.number is not None or tiers):
        return None
    return Record(lead.span("place"), cell, document, _trim(clean, start, end), tiers)


def tier_kind(label: str) -> URIRef:
    """The tier kind its label's words name (世界级 → world class …), else other."""
    for words, kind in TIER_KINDS:
        if any(word in label for word in words):
            return kind
    return CG.OtherTier


# -- locating and emitting ---------------------------------------------------------------------


def is_blank(text: str) -> bool:
    """Does a cell say "nothing here" ("—", "-", "/", "无", or nothing at all)?"""
    return _BLANK.fullmatch(unicodedata.normalize("NFKC", text).strip()) is not None


def _columns(ctx: ExtractionContext, header: list[Node]) -> dict[str, int]:
    """Column roles from the header's words; a lone 文号 column is the document's when no other
    column is ("文件(文号)" names the document and its number in one cell).
    """
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = ctx.doc.clean_text(cell)
        if (
            "number" not in columns
            and any(w in text for w in _NUMBER_HEADER)
            and not any(w in text for w in _TITLE_HEADER)
        ):
            columns["number"] = index
        elif "jurisdiction" not in columns and any(
            w in text for w in ("省份", "地区", "省市", "城市", "地方")
        ):
            columns["jurisdiction"] = index
        elif "document" not in columns and any(w in text for w in ("文件", "政策", "文号")):
            columns["document"] = index
        elif "tiers" not in columns and any(w in text for w in _TIER_HEADER):
            columns["tiers"] = index
    if "document" not in columns and "number" in columns:
        columns["document"] = columns.pop("number")
    return columns


def run(ctx: ExtractionContext) -> None:
    """Emit a policy document (with tiers) for each row of every policy table and for each
    one-line policy record.
    """
    _run_tables(ctx)
    _run_records(ctx)


def _run_tables(ctx: ExtractionContext) -> None:
    for table in ctx.doc.iter("table"):
        if table.enclosing("toc") is not None:
            continue
        rows = list(table.iter("table_row"))
        header = next((row for row in rows if row.role == "header"), None)
        if header is None:
            continue
        columns = _columns(ctx, header.cells)
        if "document" not in columns:
            continue
        for row in rows:
            if row.role == "header":
                continue
            cells = row.cells
            if len(cells) <= columns["document"]:
                continue
            _emit_row(ctx, row, cells, columns)


def _run_records(ctx: ExtractionContext) -> None:
    """Record lines of paragraphs outside tables and tables of contents, about a known place."""
    clean = ctx.doc.clean.clean
    for node in ctx.doc.iter("paragraph"):
        if node.enclosing("table") is not None or node.enclosing("toc") is not None:
            continue
        at = node.clean_start
        while at < node.clean_end:
            stop = clean.find("\n", at, node.clean_end)
            stop = node.clean_end if stop < 0 else stop
            record = parse_record(clean, at, stop)
            region = ctx.gazetteer.lookup(clean[slice(*record.place)]) if record else None
            if record is not None and region is not None:
                _emit_document(
                    ctx,
                    record.document,
                    region,
                    record.place,
                    record.document_span,
                    record.span,
                    record.tiers,
                )
            at = stop + 1


def _jurisdiction(ctx: ExtractionContext, cell: Node) -> Region | None:
    text = ctx.doc.clean_text(cell).strip()
    if is_blank(text):
        return None
    region = ctx.gazetteer.lookup(text)
    if region is None:
        mentions = ctx.gazetteer.find_mentions(text)
        region = mentions[0].region if mentions else None
    return region


def document_iri(number: DocNumber | None, title: str, jurisdiction: Region | None) -> URIRef:
    """The ELI IRI for a numbered document, else ``cgid:policy/{slug of title}``."""
    if number is None:
        return mint("policy", title)
    if jurisdiction is not None and _city_code(number, jurisdiction):
        return eli_iri(number, jurisdiction.code6[:2])
    province = number.province
    code = province[0] if province else None
    if code is None and not is_central(number.issuer) and jurisdiction is not None:
        code = jurisdiction.code6[:2]
    return eli_iri(number, code)


def _city_code(number: DocNumber, jurisdiction: Region) -> bool:
    """Is the 文号 the city's own code (甬政发 or 宁政发 in a 宁波市 row)?

    In a row about a city, a code whose first character is no province's abbreviation, or names
    a province other than the city's (宁 is 宁夏's too), is the city's.
    """
    if jurisdiction.level == "province" or is_central(number.issuer):
        return False
    province = number.province
    return province is None or province[0] != jurisdiction.code6[:2]


def parse_number_cell(clean: str, start: int, end: int) -> DocNumber | None:
    """The 文号 of a column of its own (clean offsets), or None for an empty cell ("—")."""
    if is_blank(clean[start:end]):
        return None
    numbers = find_doc_numbers(clean[start:end])
    if not numbers:
        return None
    found = numbers[0]
    return DocNumber(
        found.text, found.issuer, found.year, found.serial, start + found.start, start + found.end
    )


def _emit_row(
    ctx: ExtractionContext, row: Node, cells: list[Node], columns: dict[str, int]
) -> None:
    clean = ctx.doc.clean.clean
    doc_cell = cells[columns["document"]]
    if is_blank(ctx.doc.clean_text(doc_cell)):
        return
    parsed = parse_document_cell(clean, doc_cell.clean_start, doc_cell.clean_end)
    number_index = columns.get("number")
    if parsed.number is None and number_index is not None and len(cells) > number_index:
        number_cell = cells[number_index]
        parsed.number = parse_number_cell(clean, number_cell.clean_start, number_cell.clean_end)
        if parsed.number is not None and parsed.date is None:
            parsed.date = (parsed.number.year, None, None)
            parsed.date_span = (parsed.number.start, parsed.number.end)
    index = columns.get("jurisdiction")
    region_cell = cells[index] if index is not None and len(cells) > index else None
    region = _jurisdiction(ctx, region_cell) if region_cell is not None else None
    tiers: list[Tier] = []
    if "tiers" in columns and len(cells) > columns["tiers"]:
        tier_cell = cells[columns["tiers"]]
        tiers = parse_tiers(clean, tier_cell.clean_start, tier_cell.clean_end)
    _emit_document(
        ctx,
        parsed,
        region,
        (region_cell.clean_start, region_cell.clean_end) if region_cell is not None else None,
        (doc_cell.clean_start, doc_cell.clean_end),
        (row.clean_start, row.clean_end),
        tiers,
    )


def _emit_document(
    ctx: ExtractionContext,
    parsed: DocumentCell,
    region: Region | None,
    region_span: tuple[int, int] | None,
    doc_span: tuple[int, int],
    row_span: tuple[int, int],
    tiers: list[Tier],
) -> None:
    """One policy document (a table row or a record line; clean spans) with its tiers."""
    writer = ctx.writer
    title = surface(ctx, *parsed.title)
    if not title:
        return
    iri = document_iri(parsed.number, title, region)
    writer.entity(
        iri,
        CG.PolicyDocument,
        CG.Policy,
        ELI.LegalResource,
        label=title,
        span=writer.raw_span(*doc_span),
    )
    writer.cite(iri, writer.raw_span(*row_span))
    _emit_jurisdiction(ctx, iri, region, region_span, title)
    if parsed.number is not None:
        _emit_number(ctx, iri, parsed.number)
    emit_issuers(ctx, iri, parsed.issuers, region)
    if not parsed.issuers and parsed.number is not None and region is not None:
        _issuer_from_number(ctx, iri, parsed.number, region)
    if parsed.date is not None and parsed.date_span is not None:
        add_date(ctx, iri, date_literal(*parsed.date), parsed.date_span)
    kind = document_type(unicodedata.normalize("NFKC", title))  # "计划（2021—2023年）"
    if kind is not None and (iri, ELI.type_document, None) not in writer.graph:
        writer.add(iri, ELI.type_document, document_type_concept(ctx, kind))
    for n, tier in enumerate(tiers, 1):
        _emit_tier(ctx, iri, n, tier)


def _emit_jurisdiction(
    ctx: ExtractionContext,
    iri: URIRef,
    region: Region | None,
    span: tuple[int, int] | None,
    title: str,
) -> None:
    """Jurisdiction and level (from the region's level; from the title's words without one)."""
    from clustergraph.gazetteer.rdf import emit_region

    writer = ctx.writer
    if (iri, CG.policyLevel, None) in writer.graph:
        return
    if region is not None and span is not None:
        raw = writer.raw_span(*span)
        writer.add(iri, CG.jurisdiction, emit_region(writer, region, raw))
        level = CG.ProvincialLevel if region.level == "province" else CG.MunicipalLevel
    else:
        level = policy_level(title) or CG.ProvincialLevel
    writer.add(iri, CG.policyLevel, level)


def _emit_number(ctx: ExtractionContext, iri: URIRef, number: DocNumber) -> None:
    """The 文号 in its standard 〔〕 spelling and its parts (the spelling as printed if it differs:
    豫政（2021）15号 with its full-width brackets, not the clean text's folded ones).
    """
    writer = ctx.writer
    writer.add(iri, ELI.id_local, Literal(number.canonical, datatype=XSD.string))
    printed = surface(ctx, number.start, number.end) or number.text
    if printed != number.canonical:
        writer.add(iri, CG.docNumberAsWritten, Literal(printed))
    writer.add(iri, CG.docNumberIssuer, Literal(number.issuer, datatype=XSD.string))
    writer.add(iri, CG.docNumberYear, Literal(f"{number.year:04d}", datatype=XSD.gYear))
    writer.add(iri, CG.docNumberSerial, integer(number.serial))


def _issuer_from_number(
    ctx: ExtractionContext, iri: URIRef, number: DocNumber, region: Region
) -> None:
    """渝府发 in a row about 重庆市 names 重庆市人民政府 (the 文号 convention); a city's own code
    names the city's body (甬政发 in a 宁波市 row: 宁波市人民政府).
    """
    from clustergraph.extract.context import register_institution

    province = ctx.gazetteer.province_of(region.code6) or region
    owner = region if _city_code(number, region) else province
    name = issuer_body_name(number.issuer, owner.name)
    if name is None:
        return
    span = ctx.writer.raw_span(number.start, number.end)
    body = register_institution(ctx, name, CG.GovernmentBody, span)
    ctx.writer.add(iri, CG.issuer, body.iri)


def _emit_tier(ctx: ExtractionContext, policy: URIRef, n: int, tier: Tier) -> None:
    writer, clean = ctx.writer, ctx.doc.clean.clean
    iri = URIRef(f"{policy}/tier/{n}")
    label = surface(ctx, *tier.label)
    writer.entity(iri, CG.PolicyTier, label=label, span=writer.raw_span(*tier.span))
    writer.add(policy, CG.hasTier, iri)
    writer.add(iri, CG.tierKind, tier_kind(label))
    writer.add(iri, CG.statedCount, integer(tier.stated))
    writer.add(iri, CG.tierOrdinal, integer(n))
    if tier.note is not None:
        writer.add(iri, RDFS.comment, zh(surface(ctx, *tier.note)))
    writer.add(TARGET_SCHEME, RDF.type, SKOS.ConceptScheme)
    for start, end in tier.items:
        text = unicodedata.normalize("NFKC", clean[start:end]).strip()
        target = mint("target", text)
        if (target, RDF.type, SKOS.Concept) not in writer.graph:
            writer.add(target, RDF.type, SKOS.Concept)
            writer.add(target, SKOS.inScheme, TARGET_SCHEME)
            writer.add(target, SKOS.prefLabel, zh(text))
            writer.label(target, text)
        elif (target, SKOS.prefLabel, zh(text)) not in writer.graph:
            writer.label(target, text, alt=True)  # another text with the same slug
        writer.cite(target, writer.raw_span(start, end))
        writer.add(iri, CG.target, target)
