"""Chinese numerals as used for headings (一、 (十二)) and years (二〇三五)."""

from __future__ import annotations

import pytest

from clustergraph.text.numerals import CN_DIGITS, parse_chinese_int, parse_number_token


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十三", 23),
        ("九十九", 99),
        ("一百零五", 105),
        ("两千", 2000),
        ("一千零一十", 1010),
        ("三千零二十", 3020),
        ("二〇三五", 2035),
        ("〇", 0),
        ("一万", 10_000),
        ("十二万三千", 123_000),
        ("三亿五千万", 350_000_000),
        ("一万亿", 10**12),
        ("壹佰贰拾", 120),
    ],
    ids=lambda v: str(v) if isinstance(v, int) else None,
)
def test_parse_chinese_int(text: str, value: int) -> None:
    assert parse_chinese_int(text) == value


@pytest.mark.parametrize("text", ["", "万", "二三十", "十百", "abc", "一a", "零五", "一万二万"])
def test_parse_chinese_int_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        parse_chinese_int(text)


def test_number_tokens() -> None:
    assert parse_number_token("１２") == 12
    assert parse_number_token("7") == 7
    assert parse_number_token("三") == 3
    assert parse_number_token("x") is None
    assert CN_DIGITS["两"] == 2
