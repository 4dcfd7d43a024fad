"""Attribution on invented snippets worded like real reports: canonical library
names, region aggregates, branches, years against the document's date, scope,
period and confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao.extract.attribute import canonical_library, is_aggregate, library_key
from tests.support.cases import load_cases
from tests.support.figures import run


@pytest.mark.parametrize(
    "mention, canonical",
    [
        ("如皋图书馆", "如皋市图书馆"),
        ("如皋市图书馆", "如皋市图书馆"),
        ("读书节启动仪式在湖南省图书馆", "湖南省图书馆"),
        ("湖南图书馆", "湖南省图书馆"),
        ("杭州市西湖区图书馆", "西湖区图书馆"),
        ("浙江省少年儿童图书馆", "浙江省少儿图书馆"),
        ("溫州市圖書館", "温州市图书馆"),
        ("嘉兴图(tú)书(shū)馆(guǎn)", "嘉兴市图书馆"),
        ("国家图书馆", "国家图书馆"),
        ("XX县图书馆", "XX县图书馆"),
    ],
)
def test_library_mentions_resolve_to_one_name(mention, canonical):
    assert canonical_library(mention) == canonical


def test_variants_share_a_key():
    assert library_key("宁波图书馆") == library_key("宁波市图书馆")
    assert library_key("宁波市图书馆") != library_key("宁波市少儿图书馆")


def test_aggregates_name_their_region():
    assert canonical_library("浙江全省公共图书馆") == "浙江省全省公共图书馆"
    assert canonical_library("浙江省各级公共图书馆") == "浙江省全省公共图书馆"
    assert canonical_library("全国公共图书馆") == "全国公共图书馆"
    # no place in the words: the report's own place, climbed to the level the word names
    assert canonical_library("全省公共图书馆", "温州市图书馆") == "浙江省全省公共图书馆"
    assert canonical_library("全市公共图书馆", "鹿城区图书馆") == "温州市全市公共图书馆"
    assert canonical_library("全市公共图书馆", "义乌市图书馆") == "义乌市全市公共图书馆"
    assert canonical_library("浙江省县级以上公共图书馆") == "浙江省县级以上公共图书馆"
    assert is_aggregate("浙江省全省公共图书馆") and not is_aggregate("浙江省图书馆")


def test_branch_keeps_its_main_library():
    assert canonical_library("鄞州区图书馆东湖分馆") == "鄞州区图书馆东湖分馆"
    assert canonical_library("宁波鄞州区图书馆东湖分馆") == "鄞州区图书馆东湖分馆"


# ------------------------------------------------------------------ figures in documents


def _by_value(text):
    _, r = run(text)
    return r, {f.value: f for f in r.figures}


REPORT = "the document"  # a key of the expected fields below: the document's own fields, not a figure's


def _check_fields(text: str, expected: dict) -> None:
    """Each figure of `text` named by its value (REPORT: the document itself) has the fields `expected` gives it."""
    r, f = _by_value(text)
    for value, fields in expected.items():
        target = r if value == REPORT else f[value]
        for name, want in fields.items():
            got = getattr(target, name)
            assert got is None if want is None else got == want, (value, name, got)


FIELD_CASES = load_cases(Path(__file__).parent / "fixtures" / "cases" / "attribution_real.yaml", "text", "fields")


@pytest.mark.parametrize("text, expected", FIELD_CASES)
def test_figure_fields(text, expected):
    _check_fields(text, expected)


def test_county_library_whole_county_network_is_its_own():
    # 全县 in a county library's report: the library's own network, not a region
    _, f = _by_value("2021年嘉善县图书馆工作总结\n全县建成乡镇分馆9个。本馆全年接待读者36万人次。\n")
    assert f[9].library_name is None and f[9].scope != "region"


# ------------------------------------------------------------------ years


def test_count_that_looks_like_a_year_is_not_a_year():
    _, f = _by_value("2021年嘉善县图书馆年报\n馆内藏书10万册,工具书2000余册,每年接待读者2万人次以上。\n")
    assert all(x.year != 2000 for x in f.values())


# ------------------------------------------------------------------ confidence


def test_confidence_is_high_for_explicit_evidence_and_lower_for_guesses():
    _, f = _by_value("2021年嘉善县图书馆工作总结\n2021年本馆全年接待读者36万人次。\n")
    strong = f[360_000].confidence
    _, g = _by_value("某网页\n接待读者:52000\n")
    weak = g[52_000].confidence
    assert 0.9 <= strong <= 1.0
    assert weak < strong - 0.3


def test_confidence_weights_are_data_and_bounded():
    from nianbao.extract.confidence import Evidence, confidence
    from nianbao.extract.lexicon.attribution import CONFIDENCE_WEIGHTS as W

    assert confidence(Evidence()) == W["base"]
    worst = Evidence(bare_number=True, weak_cue=True, year="none", library="none", scope="unknown", period="plan")
    assert confidence(worst) == W["floor"]
    assert confidence(Evidence(year="inferred")) == round(W["base"] - W["inferred_year"], 3)


# ------------------------------------------------------------------ periods


def test_anonymised_library_name_is_the_reports_own():
    _, r = run(
        "县图书馆2022年工作总结.docx\n全面推进公共文化服务高质量发展,XX县图书馆在县委领导下,全年接待读者5.8万人次。\n"
    )
    assert r.library_name == "XX县图书馆"


def test_a_bracket_after_the_previous_number_is_not_this_figures_scope():
    from nianbao.extract.attribute import scope

    assert scope(" (含农家书屋) 2022年接待读者", "visits.in_person") == "library"
    assert scope("藏书量111.9万册(含农家书屋)", "collection.total") == "system"


def test_place_with_a_proper_name_is_a_library_name():
    _, r = run("榆林市星元图书馆2022年年报\n一、读者服务\n全年接待读者23.6万人次。\n")
    assert r.library_name == "榆林市星元图书馆"
    assert canonical_library("2022年,榆林市星元图书馆") == "榆林市星元图书馆"
    # a sentence that happens to end in 图书馆 is not a name
    _, r = run("新闻\n疫情让温州市民访问图书馆的方式发生了变化,全年接待读者23.6万人次。\n")
    assert r.library_name is None


def test_years_of_the_librarys_history_are_not_the_report_year():
    from nianbao.extract.attribute import report_year

    t = "某县图书馆简介\n某县图书馆始建于1952年,1985年迁入新馆。现有藏书10万册,年接待读者3万人次。\n"
    assert report_year(t) is None
    t2 = "某县图书馆简介\n始建于1952年。2021年接待读者3万人次,2021年外借图书5万册。\n"
    assert report_year(t2) == 2021


def test_a_page_with_no_year_in_its_text_takes_its_publication_year():
    _, r = run("首页 > 新闻\n某县图书馆简介\n发布时间:2024-03-05\n某县图书馆现有藏书10万册,年接待读者3万人次。\n")
    assert r.report_year == 2024


def test_services_called_library_and_each_library_of_a_place():
    _, f = _by_value("综述\n信阳市各图书馆开展阅读推广活动524场次。潍坊市数字图书馆访问量达300万次。\n")
    assert f[524].library_name == "信阳市全市公共图书馆" and f[524].scope == "region"
    assert f[3_000_000].library_name != "潍坊市数字图书馆"


# ------------------------------------------------------------------ data years on pages the extractor was not tuned on


def test_a_history_year_in_the_figures_sentence_does_not_date_it():
    r, f = _by_value("新闻\n始建于1962年的某县图书馆有藏书近10万册。前身为1956年设立的阅览室的某镇图书馆藏书3万册。\n")
    assert f[100_000].year != 1962 and f[30_000].year != 1956


# ------------------------------------------------------------------ library names on unseen pages


def test_a_place_that_is_the_tail_of_an_older_place_name_is_not_that_place():
    from nianbao.extract.libraries import place_ending_at

    t = "前身为遵义县"
    assert place_ending_at(t, len(t)) is None  # not 义县 (another province's county)
    t = "浙江宁波市"
    assert place_ending_at(t, len(t))[1].name == "宁波市"


def test_a_digital_library_or_every_library_of_a_city_is_not_the_pages_own():
    r, _ = _by_value(
        "某市数字图书馆上半年服务\n某市数字图书馆总使用量为132万人次。淮安市图书馆上半年接待读者87万人次。\n"
    )
    assert r.library_name == "淮安市图书馆"
    r, _ = _by_value("暑期阅读热\n信阳市各图书馆开展活动524场次。淮安市图书馆暑期接待读者16万人次。\n")
    assert r.library_name != "信阳市各图书馆"


def test_a_library_commissioned_or_an_honour_of_the_nation_is_not_the_subject():
    _, f = _by_value("某馆开馆一年\n拉萨市图书馆委托南京图书馆制作复本,共举办读者活动1000余场。\n")
    assert f[1000].library_name != "南京市图书馆"
    _, g = _by_value("某馆简介\n大连市图书馆被确定为全国首批重点古籍保护单位,年接待读者218万人次。\n")
    assert g[2_180_000].scope != "region"


def test_a_library_name_with_no_known_place_is_a_guess():
    from types import SimpleNamespace

    from nianbao.extract.attribute import _apply_subject
    from nianbao.extract.subjects import LIBRARY, Mention

    def kind(name):
        f = SimpleNamespace(library_name=None, scope="library", metric="collection.total")
        return _apply_subject(f, Mention(0, 6, LIBRARY, name), "sentence")

    assert kind("遵义县图书馆") == "guessed"  # the gazetteer has no such county any more
    assert kind("贵阳市图书馆") == "named"


# ------------------------------------------------------------------ period against the page's day


def test_a_sector_of_the_nation_is_not_the_nations_libraries():
    _, f = _by_value("某馆简介\n开馆初期,有关部门组织全国出版界捐赠图书38万册。共有藏书69万册。\n")
    assert f[690_000].scope != "region"


def test_a_library_the_report_works_with_is_not_the_subject():
    """配合/协助 X图书馆 names a partner; the count after it is the report's own library's."""
    from nianbao.extract import extract_document

    text = (
        "博罗县图书馆2020年工作总结\n\n一、基本情况\n\n2020年,我馆全年接待读者5万人次。\n\n"
        "完成亲子阅读基地挂牌工作,配合市图书馆推进城乡一体化建设,安装自助借还机,"
        "完成 2 万册图书录入、上架工作;开展“总分馆业务培训”系列活动 12 多场次。"
    )
    figs = [f for f in extract_document(text).figures if f.metric == "activities.events"]
    assert figs and all(f.library_name in (None, "博罗县图书馆") for f in figs), [f.library_name for f in figs]


def test_respectively_gives_each_listed_place_its_own_value():
    from nianbao.extract import extract_document

    t = (
        "2022年四川省公共图书馆发布年度数据。全省公共图书馆总藏书量8000万册。其中,成都馆藏最多,为2100万册。"
        "绵阳和德阳次之,馆藏分别为700万、650万册。"
    )
    got = {(f.value, f.library_name) for f in extract_document(t).figures if f.metric == "collection.total"}
    assert (7000000, "绵阳市全市公共图书馆") in got
    assert (6500000, "德阳市全市公共图书馆") in got


def test_respectively_after_places_of_location_keeps_the_subject():
    from nianbao.extract import extract_document

    t = "2022年,本馆在绵阳和德阳分别建成服务点3个、2个。"
    libs = {f.library_name for f in extract_document(t).figures}
    assert not any(n and "绵阳" in n for n in libs)


def test_one_value_for_places_counted_as_a_group_goes_to_each():
    from nianbao.extract import extract_document

    t = (
        "2022年四川省公共图书馆发布年度数据。全省公共图书馆总藏书量8000万册。其中,成都馆藏最多,为2100万册。"
        "此外,绵阳和德阳两市公共图书馆的馆藏也在600万册以上。"
    )
    got = sorted(f.library_name for f in extract_document(t).figures if f.value == 6000000)
    assert got == ["德阳市全市公共图书馆", "绵阳市全市公共图书馆"]
