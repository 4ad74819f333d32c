"""文号 parsing: brackets, width variants, prose around it, issuer provinces, IRIs."""

from __future__ import annotations

import pytest

from clustergraph.extract.docnumber import (
    eli_iri,
    find_doc_numbers,
    is_central,
    issuer_body_name,
    issuer_initials,
    parse_doc_number,
    province_for_issuer,
)
from tests.extract._helpers import ID


@pytest.mark.parametrize(
    ("text", "issuer", "year", "serial"),
    [
        ("苏政发〔2018〕86号", "苏政发", 2018, 86),
        ("（鲁政字〔2019〕84号）", "鲁政字", 2019, 84),
        ("(川办发[2018]92号)", "川办发", 2018, 92),
        ("渝府发（2019）14号", "渝府发", 2019, 14),
        ("粤府函【２０２０】８２号", "粤府函", 2020, 82),
        ("赣府厅发［2021］9号", "赣府厅发", 2021, 9),
        ("省政府印发了苏政发〔2018〕86号文件", "苏政发", 2018, 86),
    ],
)
def test_variants_parse_to_the_same_parts(text: str, issuer: str, year: int, serial: int) -> None:
    number = parse_doc_number(text)
    assert number is not None
    assert (number.issuer, number.year, number.serial) == (issuer, year, serial)
    assert text[number.start : number.end] == number.text
    assert number.canonical == f"{issuer}〔{year}〕{serial}号"


def test_no_number_in_plain_titles() -> None:
    assert parse_doc_number("深圳市关于推动制造业高质量发展的若干措施") is None
    assert parse_doc_number("2020年浙江省工业转型升级领导小组印发") is None


def test_all_numbers_in_order() -> None:
    found = find_doc_numbers("见苏政发〔2018〕86号和鲁政字〔2019〕84号。")
    assert [n.text for n in found] == ["苏政发〔2018〕86号", "鲁政字〔2019〕84号"]


@pytest.mark.parametrize(
    ("issuer", "code", "name"),
    [
        ("苏政发", "32", "江苏"),
        ("鲁政字", "37", "山东"),
        ("川办发", "51", "四川"),
        ("渝府发", "50", "重庆"),
        ("粤府函", "44", "广东"),
        ("浙政发", "33", "浙江"),
        ("黔府发", "52", "贵州"),
        ("内政发", "15", "内蒙古"),
    ],
)
def test_province_from_first_character(issuer: str, code: str, name: str) -> None:
    assert province_for_issuer(issuer) == (code, name)


def test_central_and_city_codes_have_no_province() -> None:
    assert is_central("国办发") and province_for_issuer("国办发") is None
    assert province_for_issuer("甬政发") is None


def test_iri_follows_the_data_model() -> None:
    number = parse_doc_number("苏政发〔2018〕86号")
    assert number is not None
    assert issuer_initials("苏政发") == "szf"
    assert str(eli_iri(number)) == ID + "eli/cn-32/szf/2018/86"
    central = parse_doc_number("国发〔2017〕1号")
    assert central is not None and str(eli_iri(central)) == ID + "eli/cn/gf/2017/1"
    city = parse_doc_number("甬政发〔2019〕12号")
    assert city is not None and str(eli_iri(city, "33")) == ID + "eli/cn-33/yzf/2019/12"


def test_issuer_body_by_convention() -> None:
    assert issuer_body_name("苏政发", "江苏省") == "江苏省人民政府"
    assert issuer_body_name("渝府发", "重庆市") == "重庆市人民政府"
    assert issuer_body_name("川办发", "四川省") == "四川省人民政府办公厅"
    assert issuer_body_name("国办发", "江苏省") == "国务院办公厅"
    assert issuer_body_name("赣府厅发", "江西省") is None
