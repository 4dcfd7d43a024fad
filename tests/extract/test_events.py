"""Tests for nianbao.extract.events.extract_events: invented event tables and
dated sentences, then acceptance on the seeds (shared/seeds/gold_events.csv):
all 66 table rows of file 002 and the 39 dated items of file 003."""

from __future__ import annotations

import csv
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao.extract.events import extract_events, parse_attendance, same_event_title
from nianbao.ingest import read_text
from tests.paths import SEEDS


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


# ------------------------------------------------------------------ tables

TABLE_TEXT = nfkc(
    "四、少儿服务\n"
    "\t2021年少儿活动统计表\n"
    "\n"
    "\t序号\n\t时间\n\t活动主题\n\t地点\n\t参与人数\n"
    "\n"
    "\t1\n\t1月9日\n\t寒假绘本共读\n\t少儿阅览室\n\t30人\n"
    "\n"
    "\t2\n\t2月\n\t[bookmark: OLE_LINK2]“童心向党”手抄报征集\n\t线上\n\t\n"
    "\n"
    "\t3\n\t3月6日\n\t亲子科学小实验\n\t二楼活动室\n\t12组家庭\n"
    "\n"
    "\t4\n\t3月20日-21日\n\t植树节自然笔记\n\t\n\t25\n"
    "\n"
    "\n"
    "3月6日的实验活动深受好评。\n"
)


def test_event_table_rows():
    evs = [e for e in extract_events(TABLE_TEXT, 2021, "某县图书馆") if e.table_id]
    assert [e.seq for e in evs] == [1, 2, 3, 4]
    e1, e2, e3, e4 = evs
    assert (e1.title, e1.event_date, e1.date_precision, e1.location) == (
        "寒假绘本共读",
        date(2021, 1, 9),
        "day",
        "少儿阅览室",
    )
    assert (e1.attendance, e1.attendance_unit) == (30, "人")
    assert e2.title == "“童心向党”手抄报征集"  # Word artefact stripped
    assert (e2.event_date, e2.date_precision) == (date(2021, 2, 1), "month")
    assert e2.attendance is None and e2.attendance_unit is None  # empty cell: None, never 0
    assert (e3.attendance, e3.attendance_unit) == (12, "组家庭")
    assert e4.end_date == date(2021, 3, 21) and e4.location is None
    assert (e4.attendance, e4.attendance_unit) == (25, None)  # bare number
    for e in evs:
        assert e.table_title == "2021年少儿活动统计表" and e.table_segment == "minors"
        assert e.library_name == "某县图书馆"
        assert TABLE_TEXT[e.char_start : e.char_end] == e.title


def test_table_dates_not_counted_twice_and_prose_after_table():
    evs = extract_events(TABLE_TEXT, 2021)
    assert len([e for e in evs if e.table_id is None]) == 0  # '3月6日的…' is not an item
    text = TABLE_TEXT + "5月8日,我馆在报告厅举办母亲节诗歌朗诵会。\n"
    prose = [e for e in extract_events(text, 2021) if e.table_id is None]
    assert [(e.title, e.location, e.seq) for e in prose] == [("母亲节诗歌朗诵会", "报告厅", 1)]


def test_tab_event_table_segment_all():
    text = nfkc(
        "2021年读者活动一览\n"
        "日期\t活动名称\t活动地点\t参加人数\n"
        "4月23日\t世界读书日主题展\t一楼大厅\t200人次\n"
        "10月\t“国庆”诗词大会\t报告厅\t\n"
    )
    evs = extract_events(text, 2021)
    assert [(e.title, e.attendance, e.attendance_unit, e.table_segment) for e in evs] == [
        ("世界读书日主题展", 200, "人次", "all"),
        ("“国庆”诗词大会", None, None, "all"),
    ]
    assert evs[0].seq == 1 and evs[1].date_precision == "month"


def test_non_event_table_ignored():
    text = "业务统计表\n项目\t数量\n外借册次\t1000\n"
    assert extract_events(text, 2021) == []


@pytest.mark.parametrize(
    "s, expected",
    [
        ("60人", (60, "人")),
        ("15组家庭", (15, "组家庭")),
        ("39", (39, None)),
        ("", (None, None)),
        ("\t", (None, None)),
        ("约200人次", (200, "人次")),
        ("不详", (None, None)),
    ],
)
def test_parse_attendance(s, expected):
    assert parse_attendance(s) == expected


# ------------------------------------------------------------------ prose

PROSE = nfkc(
    "2.阅读推广。10月18日 县图书馆举行第三届少儿读书节活动。"
    "12月27日上午,我馆在报告厅举行“书香童年”故事会一场,并在公众号发布新闻。"
    "2021年6月2日至4日,张馆长去省图书馆参加公共图书馆业务培训班,共计3天。\n"
    "3.5月份,根据上级部署,我馆借阅系统更换为新平台。\n"
    "4.1-12月,累计报送信息12期。自3月以来,坚持每周消毒。\n"
    "5.9月16日上午9:30,全馆同志集体收看“智慧图书馆建设”专题讲座。\n"
    "6.11月3日-4日,组织同志下乡检查并指导东坡镇李家村、王家村服务点建设。\n"
    "7.7月6日,县档案馆给我馆赠送《县志》。\n"
)


def test_prose_items():
    evs = extract_events(PROSE, 2021)
    got = [(e.event_date, e.end_date, e.title, e.location) for e in evs]
    assert got == [
        (date(2021, 10, 18), None, "县图书馆举行第三届少儿读书节活动", None),
        (date(2021, 12, 27), None, "“书香童年”故事会", "报告厅"),
        (date(2021, 6, 2), date(2021, 6, 4), "公共图书馆业务培训班", "省图书馆"),
        (date(2021, 5, 1), None, "借阅系统更换为新平台", None),
        (date(2021, 9, 16), None, "“智慧图书馆建设”专题讲座", None),
        (date(2021, 11, 3), date(2021, 11, 4), "组织同志下乡检查并指导", "东坡镇李家村、王家村"),
        (date(2021, 7, 6), None, "县档案馆给我馆赠送《县志》", None),
    ]
    assert [e.seq for e in evs] == list(range(1, 8))
    for e in evs:
        assert PROSE[e.char_start : e.char_end] == e.title
        assert e.table_id is None and e.attendance is None
    assert evs[3].date_precision == "month"


def test_prose_other_year_and_quotes_not_items():
    text = "2019年5月4日,分馆开放。我馆参加“12月9日纪念”征文。"
    assert extract_events(text, 2021) == []


# ------------------------------------------------------------------ repeats

DUP_TABLE = nfkc(
    "2021年读者活动一览\n"
    "日期\t活动名称\t活动地点\t参加人数\n"
    "6月12日\t“童心传承”手工编织彩绳迎端午\t二楼活动室\t18组家庭\n"
    "7月3日\t“快乐暑假·水火箭”科普实验\t报告厅\t\n"
    "\n"
)


def _prose(evs):
    return [e for e in evs if e.table_id is None]


def test_prose_repeating_a_table_row_is_dropped():
    text = DUP_TABLE + (
        "6月12日,县图书馆在二楼活动室开展“‘艾’在端午·手工编织彩绳迎端午”活动,共计18组家庭参加。"
        "6月12日,张馆长去市文化馆参加业务培训。\n"
        "7月3日下午,开展“科普实验·水火箭”活动。\n"
        "9月3日,开展“快乐暑假·水火箭”科普实验。\n"
    )
    evs = extract_events(text, 2021)
    assert len([e for e in evs if e.table_id]) == 2
    got = [(e.event_date, e.title, e.seq) for e in _prose(evs)]
    # same date + overlapping title → the table row stands; another event on
    # that date, and the same title on another date, stay
    assert got == [(date(2021, 6, 12), "业务培训", 1), (date(2021, 9, 3), "“快乐暑假·水火箭”科普实验", 2)]
    assert evs[0].location == "二楼活动室" and evs[0].attendance == 18


def test_repeated_passage_keeps_the_first():
    item = "3月5日,我馆在报告厅举办“学雷锋”志愿服务活动,50名读者参加。"
    text = (
        "一、2021年大事记\n" + item + "\n4月2日,我馆在少儿阅览室举办儿童绘本剧展演。\n"
        "二、读者服务\n" + "3月5日,县图书馆在报告厅举办学雷锋志愿服务活动。\n"
        "5月1日,我馆在二楼活动室举办劳动节手工体验活动。\n"
    )
    got = [(e.event_date, e.title, e.seq) for e in _prose(extract_events(text, 2021))]
    assert got == [
        (date(2021, 3, 5), "“学雷锋”志愿服务活动", 1),
        (date(2021, 4, 2), "儿童绘本剧展演", 2),
        (date(2021, 5, 1), "劳动节手工体验活动", 3),
    ]


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("“‘艾’在端午·手工编织彩绳迎端午”活动", "“童心传承”手工编织彩绳迎端午", True),
        ("“科普实验室·水火箭”活动", "科普实验之水火箭", True),
        ("县图书馆部分功能室对外开放", "图书馆部分功能室对外开放", True),
        ("迁址图书馆", "成功迁址图书馆", True),
        ("“七彩的夏日·化学反应”主题科普活动", "“七彩的夏日·手绘油纸伞”主题科普活动", False),  # a series
        ("公务员培训公益讲座", "科普实验之水火箭", False),
        ("活动", "主题活动", False),
    ],
)
def test_same_event_title(a, b, same):
    assert same_event_title(nfkc(a), nfkc(b)) is same


# ------------------------------------------------------------------ not events


@pytest.mark.parametrize(
    "sentence",
    [
        "3月23日,县图书馆部分功能室对外开放。",
        "4月28日,图书馆正式恢复全面对外开放。",
        "6月,我馆将少儿阅览室的自助借还系统优化升级,更换4台图书自助借还机。",
        "7月,更换3台读者电脑。",
        "8月,新购一台电子图书借阅机安置在一楼大厅。",
        "8月在馆入口处安装客流统计系统,并在大屏上实时显示。",
        "9月,少儿分馆迁址文化中心。",
        "1月份建成高速服务区图书分馆,是全省首家。",
        "10月本馆支部吸收1名预备党员。",
        "预备党员于12月份转为正式党员。",
        "9月8日,第五届全民阅读图书奖评选结果发布,我馆在公众号同步推送。",
        "4月23日,第六届全民阅读图书奖获奖图书揭晓。",
    ],
)
def test_non_event_predicates_dropped(sentence):
    assert extract_events(nfkc(sentence), 2021) == []


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("5月份,根据上级部署,我馆借阅系统更换为新平台。", "借阅系统更换为新平台"),  # a platform switch: admin item
        ("9月10日,我馆在报告厅举办消防设备安装与使用培训。", "消防设备安装与使用培训"),  # names an activity
        ("4月1日,新馆正式对外开放。", "新馆正式对外开放"),  # a first opening
        (
            "10月9日,省作协王老师为县图书馆赠送个人专著《山水集》。",
            "省作协王老师为县图书馆赠送个人专著《山水集》",
        ),  # a donation received
        ("5月份,我馆两名读者被市文旅局授予“阅读之星”。", "两名读者被市文旅局授予“阅读之星”"),  # an award
        ("7月5日,江城支行图书分馆举行授牌仪式。", "江城支行图书分馆举行授牌仪式"),
    ],
)
def test_events_kept(sentence, title):
    evs = extract_events(nfkc(sentence), 2021)
    assert [e.title for e in evs] == [nfkc(title)]


def test_agreement_subject_and_joined_chores():
    text = nfkc(
        "8月6日,县图书馆与武警某中队续签图书统借合作协议。"
        "12月10日,我馆与市图书馆开通了馆际互借服务。"
        "12月,按照联盟要求,总结全年工作,提交明年工作建议。"
        "11月26日,配合文旅局统计需配发图书的村服务点,共计64个。\n"
    )
    assert [e.title for e in extract_events(text, 2021)] == [
        "与武警某中队续签图书统借合作协议",
        "我馆与市图书馆开通了馆际互借服务",
        "总结全年工作,提交明年工作建议",
        "统计需配发图书的村服务点",
    ]


# ------------------------------------------------------------------ seeds


def _gold():
    if not SEEDS.is_dir() or not (SEEDS / "gold_events.csv").is_file():
        pytest.fail(f"shared seeds missing: {SEEDS}/gold_events.csv is needed for the acceptance tests")
    with open(SEEDS / "gold_events.csv", encoding="utf-8") as f:
        return [{k: nfkc(v) for k, v in r.items()} for r in csv.DictReader(f)]


_CACHE: dict[str, list] = {}


def _events(fn: str):
    if fn not in _CACHE:
        p = SEEDS / fn
        if not p.is_file():
            pytest.fail(f"shared seed missing: {p}")
        _CACHE[fn] = extract_events(read_text(p), 2020)
    return _CACHE[fn]


def _fmt_date(e) -> str:
    if e.event_date is None:
        return ""
    f = (lambda d: d.isoformat()) if e.date_precision == "day" else (lambda d: d.strftime("%Y-%m"))
    return f(e.event_date) + ("/" + f(e.end_date) if e.end_date else "")


def _fmt_att(e) -> str:
    if e.attendance is None:
        return ""
    return str(int(e.attendance)) if e.attendance == int(e.attendance) else str(e.attendance)


def _key(e):
    return (_fmt_date(e), e.title, e.location or "", _fmt_att(e))


F002 = "002_570b70e7632cace6.txt"
F003 = "003_7cc0cf152ef4b711.txt"
# Titles in 003 the prose rules cut differently from the hand annotation
# (dates and the overlap of the titles are still checked for these).
KNOWN_003_TITLE_MISSES: set[str] = set()


def test_seed_002_all_66_table_rows():
    gold = [r for r in _gold() if r["file"] == F002]
    assert len(gold) == 66
    evs = [e for e in _events(F002) if e.table_id]
    assert len(evs) == 66
    for r in gold:
        seq = int(r["seq"])
        segment = "minors" if seq > 100 else "all"
        match = [e for e in evs if e.table_segment == segment and e.seq == seq % 100]
        assert len(match) == 1, r
        assert _key(match[0]) == (r["date"], r["title"], r["location"], r["attendance"]), r
    units = {e.attendance_unit for e in evs if e.attendance is not None}
    assert units <= {None, "人", "组家庭"}


def test_seed_002_prose_items_do_not_repeat_table_rows():
    evs = _events(F002)
    table = [e for e in evs if e.table_id]
    prose = [e for e in evs if e.table_id is None]
    assert len(prose) <= 5  # was 30: repeats and non-events
    for p in prose:
        assert not any(p.event_date == t.event_date and same_event_title(p.title, t.title) for t in table), p
        assert not any(
            p is not q and p.event_date == q.event_date and same_event_title(p.title, q.title) for q in prose
        ), p


def test_seed_003_dated_items_exact():
    gold = [r for r in _gold() if r["file"] == F003]
    assert len(gold) == 39
    keys = [_key(e) for e in _events(F003)]
    missing = [r["seq"] for r in gold if (r["date"], r["title"], r["location"], r["attendance"]) not in keys]
    assert set(missing) <= KNOWN_003_TITLE_MISSES, missing


def test_seed_003_every_item_dated_and_overlapping():
    gold = [r for r in _gold() if r["file"] == F003]
    evs = _events(F003)
    assert len(evs) <= 40  # no flood of spurious items (39 today)
    for r in gold:
        same_date = [e for e in evs if _fmt_date(e) == r["date"]]
        assert any(r["title"] in e.title or e.title in r["title"] for e in same_date), r


def test_section_about_another_year_rebases_dates():
    text = "2020年工作总结\n3月5日,我馆举办学雷锋活动。\n2021年工作计划\n1月22日,我馆开展送书进军营活动。\n"
    evs = extract_events(text, 2020)
    assert [e.event_date for e in evs] == [date(2020, 3, 5), date(2021, 1, 22)]


def test_no_events_in_plain_text():
    assert extract_events("", 2020) == []
    assert extract_events("全年共举办活动30场,参与人数5000人次。", 2020) == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "\t",
                "\n",
                "序号",
                "时间",
                "主题",
                "地点",
                "人数",
                "1",
                "5月4日",
                "12月",
                "1-12月",
                "。",
                ",",
                "我馆在",
                "举行",
                "参加",
                "去",
                "市",
                "村",
                "、",
                "“",
                "”",
                "上午",
                "至",
                "3日",
                "对",
                "进行",
            ]
        ),
        max_size=60,
    )
)
def test_random_text_titles_are_substrings(parts):
    text = "".join(parts)
    for e in extract_events(text, 2020):
        assert e.title
        if e.table_id is None:
            assert text[e.char_start : e.char_end] == e.title


def test_table_with_time_column_but_no_dates_is_not_an_event_table():
    text = "服务窗口开放时间表\n服务项目\t开放时间\n外借\t9:00-17:00\n自习\t8:30-21:00\n"
    assert extract_events(text, 2021) == []
