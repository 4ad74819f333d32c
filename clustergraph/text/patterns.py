"""Line patterns of the genre: numbered headings, captions, preface and contents titles.

All patterns run on a line's normalised text (NFKC: "（一）" is "(一)", "：" is ":"), so full- and
half-width variants need no separate rules (circled numbers "①" are kept as they are).

Numbering styles, outermost first (the usual Chinese outline): 第X章/篇/部分 (part, style "章"),
第X节 (section, "节"), 一、 (part, "、"; a section inside a chapter), (一) (section, "()"),
专题X (section, "专题"), 案例X / 典型案例 X | (case), 1、/1. (item, "、"/"."), (1) (item, "()"), 1) (item, ")"), ① (item, "①").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from clustergraph.text.numerals import parse_number_token

__all__ = [
    "CLOSING_MARKS",
    "TERMINAL_MARKS",
    "LineMatch",
    "TocEntryMatch",
    "circled_value",
    "ends_open",
    "match_line",
    "match_toc_entry",
]

#: sentence-final punctuation after NFKC (。 stays, ！？；： fold to ASCII)
TERMINAL_MARKS = frozenset("。!?;:.…")
#: closing quotes and brackets: a line ending with one is not a mid-sentence page break
CLOSING_MARKS = frozenset("”’」』)]】》〕〉>}\"'")

_CN = "〇零一二三四五六七八九十百两"
MAX_HEADING = 60  # a longer line is body text, whatever its numbering
MAX_RUNIN = 30  # longest run-in title ("(一)加强组织领导。各地要……")

# every numbering pattern names the numbering token "num" and the text after it "rest"
_PART = re.compile(rf"(?P<num>[{_CN}]{{1,4}})、\s*(?P<rest>.*)")
_CHAPTER = re.compile(rf"第\s*(?P<num>[{_CN}\d]{{1,4}})\s*(?:章|部分|篇)\s*[:、.]?\s*(?P<rest>.*)")
_SECTION = re.compile(rf"\(\s*(?P<num>[{_CN}]{{1,4}})\s*\)\s*(?P<rest>.*)")
_SUBCHAPTER = re.compile(rf"第\s*(?P<num>[{_CN}\d]{{1,4}})\s*节\s*[:、.]?\s*(?P<rest>.*)")
#: "案例一：", "【案例3】", "典型案例 2 | 标题" (a bar or a dash may separate number and title)
_CASE = re.compile(
    rf"[\[【]?(?:典型)?案例\s*(?P<num>[{_CN}\d]{{1,4}})\s*[\]】]?\s*[:、.|｜丨—-]?\s*(?P<rest>.*)"
)
#: "专题一 协同创新：…", "专题2：…": the thematic sections of a report (a section, like (一))
#: decimal outline numbering of articles and reports: "1 引言", "2.1 中央部署", "3.1.1 …集群"
_DECIMAL = re.compile(r"(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\s+(?P<rest>\S.*)")
#: what a number followed by a space is, when it is no heading number: a count or a date
_AFTER_A_FIGURE = frozenset(
    "年月日号家个项台套所次名人款件条座种类批场户辆艘架篇支只株间处例%‰亿万千百十元吨米倍天"
)
MAX_DECIMAL_TOP = 20  # "2021 年是…" is a year, not part 2021
#: a case heading with no case number, named by its cluster: "浙江宁波磁性材料集群", also after a
#: short label and a separator ("专栏 2-1 | …", "【典型案例】…"); see :func:`match_line`
_NAMED_CASE = re.compile(
    r"(?:(?P<label>[^\s:|丨。,;!?]{1,8}(?:\s*[\d一二三四五六七八九十]{1,3}(?:[-.]\d{1,2})?)?)\s*[:|丨]\s*"
    r"|[\[【](?P<bracket>[^\]】]{1,8})[\]】]\s*)?"
    r"(?P<rest>[^\s。,;:!?|丨“”\[\]【】()]{2,38}集群)"
)
_TOPIC = re.compile(rf"专题\s*(?P<num>[{_CN}\d]{{1,4}})\s*[:、.|｜丨]?\s*(?P<rest>.*)")
_ITEM = re.compile(r"(?P<num>\d{1,2})\s*(?P<style>、|\.(?!\d))\s*(?P<rest>.*)")
_ITEM_WIDE = re.compile(r"(?P<num>\d{1,2})\s*(?P<style>、|\.)\s*(?P<rest>.*)")  # "1．2018年"
_PAREN_ITEM = re.compile(r"\(\s*(?P<num>\d{1,2})\s*\)\s*(?P<rest>.*)")
_RPAREN_ITEM = re.compile(r"(?P<num>\d{1,2})\s*\)\s*(?P<rest>.*)")  # "1）" after NFKC
_CIRCLED_ITEM = re.compile(r"(?P<num>.)\s*(?P<rest>.*)")  # after a check of the first character
_TABLE = re.compile(r"(?:附)?表\s*(?P<num>\d{1,3}(?:[-.]\d{1,3})?)\s*[:.]?\s*(?P<rest>.*)")
_FIGURE = re.compile(r"(?:附)?图\s*(?P<num>\d{1,3}(?:[-.]\d{1,3})?)\s*[:.]?\s*(?P<rest>.*)")
_TOC_ENTRY = re.compile(r"(?P<title>.*?\S)(?:\s*[.·•…_\-]{2,}\s*|\s+)(?P<page>\d{1,4})")

_PREFACE_WORDS = frozenset({"前言", "序言", "序"})
_TOC_WORDS = frozenset({"目录", "目次"})


@dataclass(frozen=True, slots=True)
class LineMatch:
    """What a line's numbering or title says it is.

    ``kind``: part, section, case, item (titled), item_text (numbered body text), marked (numbered
    body text of another kind), table_caption, figure_caption, preface, toc. Offsets index the
    line's normalised text: the title is ``[title_start, title_end)``; ``body_start`` is where
    run-in body text starts after a short "标题。" (None: the heading is the whole line).
    """

    kind: str
    number: str | None = None
    ordinal: int | None = None
    title_start: int = 0
    title_end: int = 0
    body_start: int | None = None
    style: str | None = None


@dataclass(frozen=True, slots=True)
class TocEntryMatch:
    """A contents line: its title (normalised) ends at ``title_end``, then the page number."""

    title_end: int
    page: int


def ends_open(norm: str) -> bool:
    """True when a line stops mid-sentence: no terminal punctuation or closing mark at its end."""
    text = norm.rstrip()
    return bool(text) and text[-1] not in TERMINAL_MARKS and text[-1] not in CLOSING_MARKS


def _is_title(title: str) -> bool:
    return (
        0 < len(title) <= MAX_HEADING
        and "。" not in title
        and "\t" not in title
        and title[-1] not in ",;、"
    )


def _runin(title: str) -> int | None:
    """Length of a short run-in head "加强组织领导。" at the start of ``title``, if any."""
    k = title.find("。")
    if 0 < k <= MAX_RUNIN and not any(ch in ",;:" for ch in title[:k]):
        return k + 1
    return None


def _numbered(
    kind: str,
    m: re.Match[str],
    *,
    runin: bool,
    style: str | None = None,
    ordinal: int | None = None,
) -> LineMatch:
    """A heading (or numbered body text) from a numbering match (groups "num" and "rest")."""
    number = m.group("num")
    ordinal = parse_number_token(number) if ordinal is None else ordinal
    at, title = m.start("rest"), m.group("rest").rstrip()
    end = at + len(title)
    if ordinal is None:
        return LineMatch("marked")
    if _is_title(title) and len(m.string) <= MAX_HEADING:
        return LineMatch(kind, number, ordinal, at, end, None, style)
    head = _runin(title) if runin else None
    if head is not None and kind == "item" and at + head >= len(m.string):
        head = None  # "(2) 第二条。" alone: a short list item, not a title
    if head is not None:
        body = at + head
        while body < len(m.string) and m.string[body].isspace():
            body += 1
        return LineMatch(kind, number, ordinal, at, at + head - 1, body, style)
    if kind == "item":
        return LineMatch("item_text", number, ordinal, at, at, at, style)
    return LineMatch("marked", number, ordinal, at, at)


def _captioned(
    kind: str, m: re.Match[str], *, empty_ok: bool, style: str | None = None
) -> LineMatch | None:
    """A caption or title line whose title may be missing ("第一章" alone on its line)."""
    title = m.group("rest").rstrip()
    if (not title and empty_ok) or (_is_title(title) and len(m.string) <= MAX_HEADING):
        number = m.group("num")
        ordinal = parse_number_token(re.split(r"[-.]", number)[0])
        at = m.start("rest")
        return LineMatch(kind, number, ordinal, at, at + len(title), style=style)
    return None


def circled_value(ch: str) -> int | None:
    """The value of a circled number ("①", "⑩", "❸", "➀"), or None for any other character."""
    if len(ch) != 1 or "CIRCLED" not in unicodedata.name(ch, ""):
        return None
    value = unicodedata.numeric(ch, -1)
    return int(value) if value >= 1 and value == int(value) else None


def _match_heading(norm: str) -> LineMatch | None:
    """Part, chapter, 第X节, section and case headings."""
    if m := _PART.fullmatch(norm):
        return _numbered("part", m, runin=False, style="、")
    if m := _CHAPTER.fullmatch(norm):
        return _captioned("part", m, empty_ok=True, style="章") or LineMatch("marked")
    if m := _SUBCHAPTER.fullmatch(norm):
        return _captioned("section", m, empty_ok=True, style="节") or LineMatch("marked")
    if m := _SECTION.fullmatch(norm):
        return _numbered("section", m, runin=True, style="()")
    if m := _CASE.fullmatch(norm):
        return _captioned("case", m, empty_ok=True) or LineMatch("marked")
    if m := _TOPIC.fullmatch(norm):
        return _captioned("section", m, empty_ok=True, style="专题") or LineMatch("marked")
    if m := _DECIMAL.fullmatch(norm):
        return _decimal(m)
    return None


def _decimal(m: re.Match[str]) -> LineMatch | None:
    """A decimal outline heading: level 1 a part, level 2 a section, deeper a nested section, or a
    case when its title only names a cluster ("3.1.1 湖北武汉光电子集群"); level 4 an item.
    """
    number, title = m.group("num"), m.group("rest").rstrip()
    levels = [int(part) for part in number.split(".")]
    if title[0] in _AFTER_A_FIGURE or not _is_title(title) or len(m.string) > MAX_HEADING:
        return None
    if "|" in title or "丨" in title:
        return None  # a row of a pipe table ("1 | 江苏省 | …"), not a heading
    if not 1 <= levels[0] <= MAX_DECIMAL_TOP or any(level < 1 for level in levels):
        return None
    at, end = m.start("rest"), m.start("rest") + len(title)
    style = ".".join("1" for _ in levels)  # the depth: "1", "1.1", "1.1.1"
    named = _NAMED_CASE.fullmatch(title) if len(levels) >= 3 else None
    bare = named is not None and not named.group("label") and not named.group("bracket")
    if bare and _names_a_place_first(title):
        return LineMatch("case", number, levels[-1], at, end, style=style)
    kind = ("part", "section", "section", "item")[len(levels) - 1]
    return LineMatch(kind, number, levels[-1], at, end, style=style)


def _match_item(norm: str, wide_dot: bool) -> LineMatch | None | bool:
    """Numbered items ("1、" "1." "(1)" "1)"); False: a bare number, plain text."""
    if m := (_ITEM_WIDE if wide_dot else _ITEM).fullmatch(norm):
        return (
            _numbered("item", m, runin=True, style=m.group("style")) if m["rest"].strip() else False
        )
    if m := _PAREN_ITEM.fullmatch(norm):
        return _numbered("item", m, runin=True, style="()")
    if m := _RPAREN_ITEM.fullmatch(norm):
        return _numbered("item", m, runin=True, style=")") if m["rest"].strip() else False
    return None


def match_line(norm: str, *, wide_dot: bool = False) -> LineMatch | None:
    """Classify one non-blank line by its leading numbering or title word; None: plain text.

    ``wide_dot``: the line's number is followed by a full-width "．", a list marker even before
    a digit ("1．2018年…"), where an ASCII "1.2" would be a decimal.
    """
    if (circled := circled_value(norm[:1])) is not None:
        m = _CIRCLED_ITEM.fullmatch(norm)
        if m is not None and m.group("rest").strip():
            return _numbered("item", m, runin=True, style="①", ordinal=circled)
    compact = norm.replace(" ", "")
    if compact in _PREFACE_WORDS:
        return LineMatch("preface", title_end=len(norm))
    if compact in _TOC_WORDS:
        return LineMatch("toc", title_end=len(norm))
    if heading := _match_heading(norm):
        return heading
    item = _match_item(norm, wide_dot)
    if item is not None:
        return item or None
    if m := _TABLE.fullmatch(norm):
        return _captioned("table_caption", m, empty_ok=True)
    if m := _FIGURE.fullmatch(norm):
        return _captioned("figure_caption", m, empty_ok=True)
    if (m := _NAMED_CASE.fullmatch(norm.rstrip())) and _names_a_place_first(m.group("rest")):
        # a line that only names a cluster, opening with its place, is the heading of its case,
        # whatever marks it: the parser keeps it only in the body, after a part or section heading
        return LineMatch("case", None, None, m.start("rest"), m.end("rest"), style="named")
    if m := _HEADLINE.fullmatch(norm.rstrip()):
        return _headline(m)
    if m := _COLUMN.fullmatch(norm.rstrip()):
        return _column(m)
    return None


#: a news headline behind a bullet ("◆ 常州:新型碳材料集群打造…闭环", "■ 合肥智能语音集群以…")
_HEADLINE = re.compile(r"[◆◇■□●○▲△★☆◎◼◾▶►]\s*(?P<rest>\S.{3,58})")
#: a bulletin's column label, alone or before its title ("【经验交流·产业链】", "【政策速递】…回顾")
_COLUMN = re.compile(r"【(?P<label>[^】\s]{2,20})】\s*(?P<tail>.*)")


def _headline(m: re.Match[str]) -> LineMatch | None:
    """A headline that opens with a cluster's name is its case's heading; the title is the name
    (up to the first 集群), the rest of the headline is what the case is about.
    """
    rest = m.group("rest")
    end = rest.find("集群")
    if end < 0:
        return None
    name = rest[: end + 2]
    if len(name) > 30 or any(ch in name for ch in "。,;!?“”") or not _names_a_place_first(name):
        return None
    at = m.start("rest")
    return LineMatch("case", None, None, at, at + len(name), style="named")


def _column(m: re.Match[str]) -> LineMatch:
    """A column label is a section heading titled by the label; a title after it stays in the
    heading line, a sentence after it (【编者按】培育…。) is run-in body text.
    """
    tail = m.group("tail").rstrip()
    if tail and not _is_title(tail):
        return LineMatch(
            "section", None, None, m.start("label"), m.end("label"), m.start("tail"), style="【】"
        )
    return LineMatch("section", None, None, m.start("label"), m.end("label"), style="【】")


#: province-level names (general knowledge), the usual first word of a cluster's name
_PROVINCES = (
    "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾"
)
_PLACE_FIRST = re.compile(rf"(?:{_PROVINCES})|[^\s、]{{1,6}}?(?:市|地区|自治州|州|盟)")


def _names_a_place_first(title: str) -> bool:
    """Does a cluster name open with its place (浙江宁波…, 泰州市…, 合肥…), and read as a name
    (no 的/等)?
    """
    if "的" in title or "等" in title:
        return False
    return bool(_PLACE_FIRST.match(title)) or any(
        title[:k] in _place_names() for k in range(2, min(len(title), 8) + 1)
    )


@cache
def _place_names() -> frozenset[str]:
    """Names and short names of the GB/T 2260 divisions (合肥, 晋江, 苏州工业园区 …)."""
    from clustergraph.gazetteer import Gazetteer

    names: set[str] = set()
    for region in Gazetteer.default().regions():
        names.add(region.name)
        if len(region.short_name) >= 2:
            names.add(region.short_name)
    return frozenset(names)


def match_toc_entry(norm: str) -> TocEntryMatch | None:
    """A contents line "标题 …… 12" or "标题<TAB>12": title then a page number."""
    m = _TOC_ENTRY.fullmatch(norm)
    if m is None or m.group("title").isdigit():
        return None
    return TocEntryMatch(m.end("title"), int(m.group("page")))
