"""General causes of misses the batch 14 first read exposed (issue 8), on invented sentences: a time
of day that ends a holiday's counting window (截至…下午4点,共接待…) is no narrated moment, a visits
cue with 总量 (接待访问总量为…人次), a seven-digit count with a unit is no phone number, 去年 in a
news item dated by its day only (某网3月12日讯) resolves against the latest year its story names, a
text opening on its own moment (2008年岁末的初冬时节) dates its stocks held today, 累计办证 in a
sentence opened by one year is the year's new cards, a scaled number counting the noun after 的
(近600万的“到馆人次”), a part after 其中 with a closed includes-note, donations collected by the
library's own drive. Each test also keeps a figure of the same text, so a rule that drops everything
fails; the guards (a narrated moment, a running total of cards, an opening month) pass before and after."""

from __future__ import annotations

from nianbao.extract import extract_document


def _figs(text: str):
    return [(f.metric, f.value) for f in extract_document(text).figures if f.kind == "figure"]


def test_time_of_day_ending_the_counting_window_keeps_the_sums():
    text = (
        "2019年10月8日 国庆长假里,某县图书馆照常开放。截至10月7日下午4点,共接待读者2.3万余人次、"
        "外借图书4150余册次。馆员们轮流值守。"
    )
    figs = _figs(text)
    assert ("visits.in_person", 23000.0) in figs
    assert ("circulation.loans", 4150.0) in figs


def test_time_of_day_narrated_still_blocks_the_moment():
    text = "2019年10月8日 某县图书馆照常开放。晚上8点,馆内仍有读者320人次。全年外借图书4150册次。"
    figs = _figs(text)
    assert ("visits.in_person", 320.0) not in figs
    assert ("circulation.loans", 4150.0) in figs


def test_visits_received_total_is_a_visits_cue():
    text = "2018年,某市图书馆全年接待访问总量为2345678人次,外借文献987654册次。"
    figs = _figs(text)
    assert ("visits.in_person", 2345678.0) in figs
    assert ("circulation.loans", 987654.0) in figs


def test_seven_digit_count_with_a_unit_is_not_a_phone():
    text = "2018年,某市图书馆的借还记录共3456789人次。咨询电话6543210。全年外借文献987654册次。"
    reasons = {c.value: c.reason for c in extract_document(text).candidates if c.reason}
    assert reasons.get(3456789.0) != "phone"
    assert reasons.get(6543210.0) == "phone"


def test_last_year_in_a_news_item_dated_by_its_day_only():
    text = (
        "某网3月12日讯 记者从某县图书馆获悉,去年该馆到馆读者超过21万人次,外借图书超过35万册次。"
        "2015年,该馆购置了一批自助借还设备。2018年又新建了少儿阅览室。"
    )
    years = {(f.metric, f.value): f.year for f in extract_document(text).figures if f.kind == "figure"}
    assert years[("visits.in_person", 210000.0)] == 2017
    assert years[("circulation.loans", 350000.0)] == 2017


def test_text_opening_on_its_own_moment_dates_its_stocks_held_today():
    text = (
        "2008年岁末的初冬时节,某市图书馆里一派忙碌景象。\n"
        "该馆始建于1920年,现有各类藏书40余万册,其中古籍图书6万余册。"
        "1936年,一位乡贤向该馆捐赠了一批古籍。该馆于2001年开始整理古籍,已整理出图书2万余册。"
    )
    years = {(f.metric, f.value): f.year for f in extract_document(text).figures if f.kind == "figure"}
    assert years[("collection.total", 400000.0)] == 2008
    assert years[("collection.total", 60000.0)] == 2008


def test_opening_month_in_a_day_dated_news_item_does_not_date_the_sum_to_date():
    text = (
        "某网2月3日讯 去年6月,某镇开出了第一家市图书馆分馆,目前接待读者已达4.2万人次,累计借书量近1.8万册。"
        "2019年,该馆的年度借阅榜也已发布。"
    )
    figs = [f for f in extract_document(text).figures if f.kind == "figure"]
    loans = [f for f in figs if f.metric == "circulation.loans" and f.value == 18000.0]
    assert loans and loans[0].year != 2018


def test_cards_summed_with_cumulative_in_a_year_opened_sentence_are_the_years_new_cards():
    text = "统计显示,2019年,某市图书馆分馆累计办证2143人,文献外借56243册次;服务点累计办证1722人,文献外借3512册。"
    figs = _figs(text)
    assert ("users.new_registrations", 2143.0) in figs
    assert ("users.new_registrations", 1722.0) in figs
    assert ("circulation.loans", 56243.0) in figs


def test_cumulative_cards_after_the_years_new_cards_stay_the_running_total():
    figs = _figs("2019年,某市图书馆办证2468张,累计办证39739个,外借图书12345册次。")
    assert ("users.new_registrations", 2468.0) in figs
    assert ("users.registered_total", 39739.0) in figs


def test_scaled_number_counting_the_noun_after_it():
    figs = _figs("2024年,某市图书馆以近600万的“到馆人次”吸引了众多目光,全年外借图书12345册次。")
    assert ("visits.in_person", 6000000.0) in figs
    assert ("circulation.loans", 12345.0) in figs


def test_part_after_qizhong_with_a_closed_includes_note_is_a_part():
    figs = _figs("2023年,某市图书馆馆藏文献300万册,其中古籍(含善本)53万册,全年外借图书12345册次。")
    assert ("collection.total", 3000000.0) in figs
    assert ("collection.total", 530000.0) in figs


def test_donations_collected_by_the_librarys_drive_are_additions():
    figs = _figs("2021年,某区图书馆举行地方文献征集仪式,共征集到捐赠文献资料412册,全年外借图书12345册次。")
    assert ("collection.added", 412.0) in figs
    assert ("circulation.loans", 12345.0) in figs
    kept_out = _figs("2021年,某区图书馆在活动中接受捐书769册,全年外借图书12345册次。")
    assert not any(v == 769.0 for _, v in kept_out)
