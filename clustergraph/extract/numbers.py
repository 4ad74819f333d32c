"""Numbers with units in Chinese prose: value, unit as written, and the qualifier around them.

The genre states its figures as ``[qualifier] number [余|多] unit [以上|左右]``: "近7万家",
"1300 多家", "15.8 亿美元", "60%以上", "上万家", "四分之一", "连续 9 年". This module finds those
expressions in a string and parses them; deciding *what* a number measures is the quantities rule's
job. Everything here is general knowledge of Chinese number writing (unit words, classifier words,
qualifier words), never a list of one document's figures.

Conventions (see docs/data-model.md, "Quantities/links/quality additions"):

* Value and unit are kept as written: a 万 or 亿 written before the unit stays in the unit
  ("15.8 亿美元" → 15.8 "亿美元", "近7万家" → 7 "万家", "百万台" → 100 "万台", "上万家" → 1 "万家");
  十/百/千 fold into the value ("3千家" → 3000 "家"). ``NumberMatch.normalized``/``base_unit`` give
  the same figure without magnitude (70000 "家", 1580000000 "美元") for comparison.
* Shares are percentages: "四分之一" → 25 "%", "三成" → 30 "%", "百分之三十" → 30 "%". A
  qualifier on the verb of a share qualifies it: "约占全国的五分之一" → 20 "%", approximately.
* Years count only as a duration after 连续/长达/历时/累计 ("连续 9 年" → 9 "年"); other "N年" are
  dates or plan names. 天, 个月 and 小时 with a number are durations; "一小时"/"半小时" (supply and
  commuting circles, slogans of the genre) are not quantities.
* Not quantities: dates, ordinals (第N), model names (T700, M55J, 8AT, 5G), "1+2+3+8" slogans,
  numbers inside quotation marks or book-title marks, list markers, the article "一" (一个, 一家),
  bare magnitudes (千家万户), vague amounts (数十, 几百) and "N大X" enumerations (三大原则).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "APPROXIMATELY",
    "AT_LEAST",
    "EXACT",
    "LESS_THAN",
    "MORE_THAN",
    "NumberMatch",
    "find_numbers",
    "parse_chinese_int",
    "parse_number",
    "unit_kind",
]

EXACT = "Exact"
APPROXIMATELY = "Approximately"
MORE_THAN = "MoreThan"
AT_LEAST = "AtLeast"
LESS_THAN = "LessThan"

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN_DIGITS.update({"七": 7, "八": 8, "九": 9})
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_BIG)
_MAGNITUDE = {**_CN_SMALL, **_CN_BIG}

#: units written with their magnitude: the unit is kept exactly as written
_UNITS_AS_WRITTEN: dict[str, str] = {}
for _kind, _words in (
    ("money", "万亿元 千亿元 百亿元 亿元 千万元 百万元 万元 元 亿美元 千万美元 百万美元 万美元"),
    ("money", "美元 亿欧元 万欧元 欧元 亿港元 万港元 亿日元"),
    ("area", "万平方米 平方米 万平方公里 平方公里 平方千米 万亩 亩 公顷"),
    ("mass", "亿吨 万吨 吨 公斤 千克"),
    ("energy", "亿千瓦时 万千瓦时 千瓦时 万千瓦 千瓦 兆瓦 吉瓦"),
    ("volume", "万立方米 立方米 万标箱 标箱"),
    ("length", "公里 千米"),
    ("share", "个百分点 百分点 % 倍"),
    ("duration", "个月 小时 天"),
):
    for _word in _words.split():
        _UNITS_AS_WRITTEN[_word] = _kind

#: classifiers (measure words) of counts: magnitudes before them fold into the value
_CLASSIFIER_WORDS = "人次 项次 辆次 家次 家 个 项 台 套 所 次 名 人 款 件 条 座 种 类 批 场 户 辆 艘 架 篇 支 只 株 间 处 例"
_CLASSIFIERS: tuple[str, ...] = tuple(_CLASSIFIER_WORDS.split())
#: classifiers that after a Chinese numeral count points of an argument, not things measured
_RHETORICAL = frozenset({"件", "种", "类"})
#: nouns of places: a Chinese numeral counting them names the places of the text, not a figure
_PLACE_NOUNS = ("城市", "地市", "省份", "省市", "地区", "县市", "区县")

_ALL_UNITS = sorted([*_UNITS_AS_WRITTEN, *_CLASSIFIERS], key=len, reverse=True)

#: qualifier words before a number (longest first)
_PRE_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("不少于", AT_LEAST),
    ("不低于", AT_LEAST),
    ("不超过", LESS_THAN),
    ("将近", APPROXIMATELY),
    ("接近", APPROXIMATELY),
    ("大约", APPROXIMATELY),
    ("超过", MORE_THAN),
    ("至少", AT_LEAST),
    ("不下", AT_LEAST),
    ("不到", LESS_THAN),
    ("不足", LESS_THAN),
    ("少于", LESS_THAN),
    ("低于", LESS_THAN),
    ("高于", MORE_THAN),
    ("多于", MORE_THAN),
    ("近", APPROXIMATELY),
    ("约", APPROXIMATELY),
    ("逾", MORE_THAN),
    ("超", MORE_THAN),
)
#: qualifier words right after the unit
_POST_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("以上", MORE_THAN),
    ("左右", APPROXIMATELY),
    ("上下", APPROXIMATELY),
    ("以下", LESS_THAN),
    ("以内", LESS_THAN),
    ("之多", EXACT),
)
#: words that make "N年" a duration (a count of years) rather than a date or a plan name
_DURATION_PREFIXES = ("连续", "长达", "历时", "累计")

#: idioms that look like counts
_IDIOMS = (
    "千家万户",
    "万家灯火",
    "百家争鸣",
    "千方百计",
    "一家一户",
    "百花齐放",
    "千千万万",
    "一个个",
    "三次产业",
    "二次开发",
    "一次性",
)

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER_RE = re.compile(rf"(?P<ar>{_ARABIC})(?: ?(?P<armag>[十百千万亿]+))?|(?P<cn>[{_CN_CHARS}]+)")
_FRACTION_RE = re.compile(
    rf"(?:(?P<den>[{_CN_CHARS}]+)分之(?P<num>[{_CN_CHARS}]+))|(?:百分之(?P<pct>[{_CN_CHARS}]+|{_ARABIC}))"
)
_TENTHS_RE = re.compile(
    r"(?<=[占约近超达逾过的了有])(?P<n>[一二三四五六七八九两]|\d)成(?![为立功本员果都熟长交型就了])"
)
_SPACE = " \t\u3000"
_BARE_MAGNITUDES = frozenset("百千万亿")
#: unit characters that start common words when followed by these characters
_NOT_AFTER_UNIT = {
    "天": "津然地下空使河网线",
    "人": "民才工员士力物口均",
    "名": "城牌片称单录义",
    "台": "湾州",
    "家": "庭乡电具居",
    "所": "有以在属得",
    "条": "件例款",
    "座": "谈",
    "种": "植子业类",
    "类": "型别似",
    "处": "理于置",
    "次": "要级生",
    "支": "持撑柱付",
    "项": "目",
    "场": "景所地",
}
_QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』"}


@dataclass(frozen=True)
class NumberMatch:
    """One number with its unit and qualifier, as offsets into the scanned string."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: Decimal
    unit: str
    qualifier: str
    kind: str
    normalized: Decimal | None = None
    base_unit: str | None = None

    @property
    def is_count(self) -> bool:
        """True for classifier counts (家, 个, 项 …)."""
        return self.kind == "count"


def unit_kind(unit: str) -> str:
    """The kind of a unit as written: money, share, count, area, duration, …"""
    if unit == "年":
        return "duration"
    unit = _base(unit)[0]
    if unit in _UNITS_AS_WRITTEN:
        return _UNITS_AS_WRITTEN[unit]
    return "count" if unit in _CLASSIFIERS else "other"


def _no_figure(text: str, candidate: _Candidate) -> bool:
    """A Chinese numeral and unit that state no figure: 二元结构, 三件事, 两座城市."""
    return (
        candidate.unit == "元"  # 二元结构, 多元: Chinese numerals before bare 元 are rarely money
        or candidate.unit in _RHETORICAL  # 三件事, 四种模式, 两类主体: a way of speaking
        or text.startswith(_PLACE_NOUNS, candidate.unit_end)  # 两座城市: places, as 两市 are
    )


def parse_chinese_int(text: str) -> int | None:
    """Value of a Chinese numeral ("三", "十五", "两万", "一百二十", "二〇二〇") or None.

    >>> parse_chinese_int("一千三百")
    1300
    """
    from clustergraph.text.numerals import parse_chinese_int as parse

    try:
        return parse(text)
    except ValueError:
        return None


def parse_number(text: str) -> Decimal | None:
    """Value of an Arabic, Chinese or mixed number ("1,300", "15.8", "7万", "上万" not included)."""
    text = text.strip()
    match = re.fullmatch(rf"({_ARABIC})([十百千万亿]*)", text)
    if match:
        try:
            value = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:
            return None
        for ch in match.group(2):
            value *= _MAGNITUDE[ch]
        return value
    number = parse_chinese_int(text)
    return None if number is None else Decimal(number)


def _fold(value: Decimal, magnitudes: str) -> Decimal:
    for ch in magnitudes:
        value *= _MAGNITUDE[ch]
    return _tidy(value)


def _tidy(value: Decimal) -> Decimal:
    """12000.0 → 12000, 15.80 → 15.8 (no exponent notation)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACE:
        i += 1
    return i


def _unit_at(text: str, i: int) -> str | None:
    for unit in _ALL_UNITS:
        if text.startswith(unit, i):
            following = text[i + len(unit) : i + len(unit) + 1]
            if following and following in _NOT_AFTER_UNIT.get(unit, ""):
                return None  # a word, not a unit: 天津, 人民, 名城, 台湾 …
            return unit
    return None


def _quoted_mask(text: str) -> list[bool]:
    """True for characters inside “…” or 《…》 (slogans, titles, plan names)."""
    mask = [False] * len(text)
    closing: list[str] = []
    for i, ch in enumerate(text):
        if closing and ch == closing[-1]:
            closing.pop()
            continue
        if ch in _QUOTES:
            closing.append(_QUOTES[ch])
            continue
        if ch == "\n":
            closing.clear()
        mask[i] = bool(closing)
    return mask


def _pre_qualifier(text: str, start: int) -> tuple[int, str]:
    head = text[:start].rstrip(_SPACE)
    for word, qualifier in _PRE_QUALIFIERS:
        if head.endswith(word):
            return len(head) - len(word), qualifier
    return start, EXACT


#: a qualifier on the verb of a share: "约占全国的五分之一", "近占总量的 30%", "占比约 40%"
_SHARE_QUALIFIER = re.compile(
    r"(?P<q>将近|接近|大约|超过|约|近|逾|超)\s*占(?:比)?[^,;。:!?\d]{0,12}$|占比\s*(?P<q2>约|近|超过)\s*$"
)


def _share_qualifier(text: str, start: int) -> str | None:
    """The qualifier written before 占 of a share, when the number itself has none."""
    match = _SHARE_QUALIFIER.search(text[max(0, start - 16) : start])
    if match is None:
        return None
    word = match.group("q") or match.group("q2")
    return dict(_PRE_QUALIFIERS).get(word)


def _post_qualifier(text: str, end: int) -> tuple[int, str | None]:
    j = _skip_space(text, end)
    for word, qualifier in _POST_QUALIFIERS:
        if text.startswith(word, j):
            return j + len(word), qualifier
    return end, None


def _excluded_context(text: str, start: int, end: int, arabic: bool) -> bool:
    """Dates, ordinals, model names and slogans are not quantities."""
    before = text[max(0, start - 1) : start]
    before2 = text[max(0, start - 2) : start].strip(_SPACE)
    after = text[end : end + 1]
    if before2.endswith("第") or before == "第":
        return True  # ordinals: 第三批, 第 2 名
    if not arabic and before in ("届", "大"):
        return True  # ordinals without 第: 十三届全国人大四次会议, 十九届五中全会
    if arabic and (re.match(r"[A-Za-z+\-/]", before) or re.match(r"[A-Za-z+/]", after)):
        return True
    return any(idiom in text[max(0, start - 3) : end + 4] for idiom in _IDIOMS)


@dataclass(frozen=True)
class _Candidate:
    number_end: int
    value: Decimal
    unit: str
    unit_end: int
    more: bool
    normalized: Decimal
    base_unit: str


def _base(unit: str) -> tuple[str, Decimal]:
    """Base unit and multiplier of a unit written with its magnitude (亿美元 → 美元, 10^8)."""
    for cut in range(1, len(unit)):
        prefix, rest = unit[:cut], unit[cut:]
        if all(ch in _MAGNITUDE for ch in prefix) and (
            rest in _UNITS_AS_WRITTEN or rest in _CLASSIFIERS
        ):
            return rest, _fold(Decimal(1), prefix)
    return unit, Decimal(1)


def _tail(
    text: str, num_end: int, value: Decimal, magnitudes: str, digits_end: int | None = None
) -> _Candidate | None:
    """Read ``[magnitudes][余|多] unit`` after a number; try magnitude-carrying units first.

    ``digits_end`` is where the digits stop when a space separates them from the magnitudes
    ("1.2 万台"). 万 and 亿 right before a unit stay in the unit as written (7 万家, 15.8 亿美元);
    十/百/千 fold into the value (3千家 → 3000 家).
    """
    for k in range(len(magnitudes), -1, -1):
        kept, moved = magnitudes[: len(magnitudes) - k], magnitudes[len(magnitudes) - k :]
        i = num_end - len(moved)
        more = False
        j = _skip_space(text, i) if not moved else i
        if text.startswith(("余", "多"), j) and not moved:
            more, j = True, _skip_space(text, j + 1)
        unit = _unit_at(text, j)
        if unit is None:
            continue
        number_end = digits_end if (digits_end is not None and not kept) else i
        if unit in _UNITS_AS_WRITTEN and (not moved or unit.startswith(moved)):
            written = _fold(value, kept)
            base, factor = _base(unit)
            return _Candidate(
                number_end, written, unit, j + len(unit), more, _tidy(written * factor), base
            )
        if not moved and unit in _CLASSIFIERS:
            big = len(kept) - len(kept.rstrip("万亿"))
            small, large = kept[: len(kept) - big], kept[len(kept) - big :]
            written = _fold(value, small)
            return _Candidate(
                number_end, written, large + unit, j + len(unit), more, _fold(value, kept), unit
            )
    return None


def _duration_prefix(text: str, start: int) -> int | None:
    """Start of 连续/长达/… before a number (spaces allowed), or None."""
    head = text[:start].rstrip(_SPACE)
    for prefix in _DURATION_PREFIXES:
        if head.endswith(prefix):
            return len(head) - len(prefix)
    return None


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number with a unit in ``text``, in order (see the module docstring for exclusions)."""
    mask = _quoted_mask(text)
    found: list[NumberMatch] = []
    taken = [False] * len(text)

    def keep(match: NumberMatch | None) -> None:
        if match is None or any(taken[match.start : match.end]):
            return
        if any(mask[match.number_start : match.number_end]):
            return
        for i in range(match.start, match.end):
            taken[i] = True
        found.append(match)

    for match in _FRACTION_RE.finditer(text):
        keep(_read_fraction(text, match))
    for match in _TENTHS_RE.finditer(text):
        n = match.group("n")
        value = Decimal(int(n) if n.isdigit() else _CN_DIGITS[n]) * 10
        keep(_finish(text, match.start(), match.end(), match.end(), value, "%", EXACT))
    for match in _NUMBER_RE.finditer(text):
        keep(_read(text, match))
    found.sort(key=lambda m: m.start)
    return found


def _read_fraction(text: str, match: re.Match[str]) -> NumberMatch | None:
    if match.group("pct"):
        value = parse_number(match.group("pct"))
    else:
        num, den = parse_chinese_int(match.group("num")), parse_chinese_int(match.group("den"))
        value = None if not num or not den else Decimal(num) * 100 / Decimal(den)
    if value is None:
        return None
    if value % 1:
        value = value.quantize(Decimal("0.01")).normalize()
    return _finish(text, match.start(), match.end(), match.end(), value, "%", EXACT)


def _finish(
    text: str,
    start: int,
    number_end: int,
    unit_end: int,
    value: Decimal,
    unit: str,
    qualifier: str,
    *,
    more: bool = False,
    prefix_start: int | None = None,
    normalized: Decimal | None = None,
    base_unit: str | None = None,
) -> NumberMatch:
    """Attach the qualifier words before and after the expression."""
    if prefix_start is None:
        prefix_start, pre = _pre_qualifier(text, start)
        if qualifier == EXACT:
            qualifier = pre
        if qualifier == EXACT and unit == "%":
            qualifier = _share_qualifier(text, start) or EXACT
    if more:
        qualifier = MORE_THAN
    end, post = _post_qualifier(text, unit_end)
    if post is not None:
        qualifier = post
    return NumberMatch(
        prefix_start,
        end,
        start,
        number_end,
        value,
        unit,
        qualifier,
        unit_kind(unit),
        value if normalized is None else normalized,
        unit if base_unit is None else base_unit,
    )


def _read(text: str, match: re.Match[str]) -> NumberMatch | None:
    """Parse one number token and the unit after it, or None if it is not a quantity."""
    start, number_end = match.start(), match.end()
    arabic = match.group("ar") is not None
    if _excluded_context(text, start, number_end, arabic):
        return None
    digits_end = None
    if arabic:
        value = parse_number(match.group("ar"))
        magnitudes = match.group("armag") or ""
        digits_end = match.end("ar")
    else:
        token = match.group("cn")
        if text[start - 1 : start] in ("数", "几", "多", "前") or text[
            number_end : number_end + 1
        ] in ("几", "来"):
            return None  # vague (数十家, 十几个) or a ranking (前三名)
        if len(token) == 1 and token in _BARE_MAGNITUDES:
            if text[start - 1 : start] != "上":
                return None  # a bare magnitude: 千家万户, 百年
            candidate = _tail(text, number_end, Decimal(1), token)
            if candidate is None:
                return None
            return _finish(
                text,
                start,
                number_end,
                candidate.unit_end,
                candidate.value,
                candidate.unit,
                AT_LEAST,
                prefix_start=start - 1,
                normalized=candidate.normalized,
                base_unit=candidate.base_unit,
            )
        if token in ("一", "二"):
            return None  # the article (一个, 一家) and 二 as an ordinal (二次, 二级)
        core = token.rstrip("万亿")
        magnitudes = token[len(core) :]
        value = parse_number(core) if core else None
    if value is None:
        return None
    if text[start - 1 : start] == "前":
        return None  # a ranking: 前10家
    candidate = _tail(text, number_end, value, magnitudes, digits_end)
    if candidate is None:
        j = _skip_space(text, number_end)
        prefix = _duration_prefix(text, start)
        if text.startswith("年", j) and not magnitudes and prefix is not None:
            return NumberMatch(
                prefix, j + 1, start, number_end, value, "年", EXACT, "duration", value, "年"
            )
        return None
    if not arabic and _no_figure(text, candidate):
        return None
    return _finish(
        text,
        start,
        candidate.number_end,
        candidate.unit_end,
        candidate.value,
        candidate.unit,
        EXACT,
        more=candidate.more,
        normalized=candidate.normalized,
        base_unit=candidate.base_unit,
    )
