"""Chinese numerals, because headings and enumerations are numbered with them (一、 (三) 二是)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "CN_BIG_UNITS",
    "CN_DIGITS",
    "CN_NUMERAL_CHARS",
    "CN_UNITS",
    "parse_chinese_int",
    "parse_number_token",
]

#: digit characters (including 两, 〇/零 and the financial forms) → value
CN_DIGITS: Mapping[str, int] = MappingProxyType(
    {
        "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
        "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
        "八": 8, "捌": 8, "九": 9, "玖": 9,
    }
)  # fmt: skip
#: units inside a four-digit group
CN_UNITS: Mapping[str, int] = MappingProxyType(
    {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
)
#: group units: 万 = 10^4, 亿 = 10^8
CN_BIG_UNITS: Mapping[str, int] = MappingProxyType(
    {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
)
#: every character :func:`parse_chinese_int` accepts (handy for regex character classes)
CN_NUMERAL_CHARS = "".join(sorted({*CN_DIGITS, *CN_UNITS, *CN_BIG_UNITS}))


def parse_chinese_int(text: str) -> int:
    """Value of a Chinese integer numeral: "二十三" → 23, "一百零五" → 105, "二〇三五" → 2035.

    Decimal or mixed forms such as "1.5万" are left to callers.

    :raises ValueError: empty text, a character that is not a numeral, or an ill-formed numeral.
    """
    s = text.strip()
    if not s or any(ch not in CN_NUMERAL_CHARS for ch in s):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if not any(ch in CN_UNITS or ch in CN_BIG_UNITS for ch in s):
        if len(s) > 1 and s[0] in "零〇":
            raise ValueError(f"not a Chinese numeral: {text!r}")
        value = 0
        for ch in s:  # digit-by-digit form, as in years: 二〇二〇
            value = value * 10 + CN_DIGITS[ch]
        return value
    return _grouped(s, text)


def _grouped(s: str, original: str) -> int:
    """Split on the largest group unit (亿, then 万) and recurse on both sides."""
    for unit_chars, unit in (("亿億", 10**8), ("万萬", 10**4)):
        cut = max(s.rfind(ch) for ch in unit_chars)
        if cut < 0:
            continue
        head, tail = s[:cut], s[cut + 1 :]
        if not head:
            raise ValueError(f"not a Chinese numeral: {original!r}")
        high = _grouped(head, original)
        low = _grouped(tail, original) if tail else 0
        if high >= unit or low >= unit:
            raise ValueError(f"not a Chinese numeral: {original!r}")
        return high * unit + low
    return _section(s, original)


def _section(s: str, original: str) -> int:
    """A group below 万: digits and 十/百/千 in decreasing order ("三千零二十" → 3020)."""
    total = 0
    digit: int | None = None
    last_unit = 10**4
    for ch in s:
        if ch in CN_DIGITS:
            if digit:  # two non-zero digits in a row ("二三十")
                raise ValueError(f"not a Chinese numeral: {original!r}")
            digit = CN_DIGITS[ch]
            continue
        unit = CN_UNITS.get(ch)
        if unit is None or unit >= last_unit:
            raise ValueError(f"not a Chinese numeral: {original!r}")
        total += (1 if digit is None else digit) * unit
        last_unit, digit = unit, None
    return total + (digit or 0)


def parse_number_token(token: str) -> int | None:
    """Value of a numbering token, Arabic (also full-width) or Chinese; None when it is neither."""
    s = unicodedata.normalize("NFKC", token).strip()
    if s.isascii() and s.isdigit():
        return int(s)
    try:
        return parse_chinese_int(s)
    except ValueError:
        return None
