"""Generalising rules for the year a figure is attributed to (issue 8, session 6: about half of the
false positives of batches 10 and 11 were wrong years), each on short invented sentences. The year
checked is the one the warehouse gives a figure: its own, else the document's report year; `None`
means the figure has no year at all (an undated page)."""

from __future__ import annotations

from nianbao.extract import extract_document


def _years(text: str) -> dict[tuple[str, float], int | None]:
    res = extract_document(text)
    return {
        (f.metric, f.value): (f.year if f.year is not None else res.report_year)
        for f in res.figures
        if f.kind == "figure"
    }


# ---------------------------------------------------------------- opening days are history


def test_a_profile_whose_only_years_are_opening_days_dates_no_figure():
    # (batch11b: a stamp item profiling several branches, each with its opening day)
    text = (
        "某市发行图书馆邮票\n"
        "甲馆位于某公园内,于2011年5月开幕,馆藏约有12000册藏书。\n"
        "乙馆于2017年3月8日上午举行开幕仪式,现有馆藏图书约为26000册。\n"
    )
    years = _years(text)
    assert years[("collection.total", 12000)] is None
    assert years[("collection.total", 26000)] is None


def test_an_opening_day_does_not_date_a_year_with_figures_elsewhere():
    text = "某县图书馆2019年工作总结\n新馆于2019年4月开幕。2019年全年接待读者15万人次,外借图书8万册次。\n"
    years = _years(text)
    assert years[("visits.in_person", 150000)] == 2019
    assert years[("circulation.loans", 80000)] == 2019


def test_a_decade_is_no_year():
    # 1950年代 names a decade: it dates nothing, and the page has no other year
    text = "某馆简介\n该馆收藏1950年代以来的地方文献,现有藏书约3万册。\n"
    assert _years(text)[("collection.total", 30000)] is None


# ---------------------------------------------------------------- ROC years on a Taiwan page


def test_a_bare_year_word_on_a_page_with_roc_years_is_an_roc_year():
    # (batch11b: 民國 history years, a Gregorian stock date, and the last fiscal year as 80年度)
    text = (
        "某市立圖書館\n該館於民國70年遷入現址。至1992年3月底統計,館藏資料共計31萬冊。"
        "81年度圖書流通量為46萬冊,辦理推廣活動320場次。\n"
    )
    years = _years(text)
    assert years[("circulation.loans", 460000)] == 1992
    assert years[("activities.events", 320)] == 1992
    assert years[("collection.total", 310000)] == 1992


def test_without_roc_context_a_two_digit_year_stays_gregorian():
    text = "某市图书馆\n2018年馆藏达到20万册。19年全馆接待读者12万人次。\n"
    assert _years(text)[("visits.in_person", 120000)] == 2019


# ---------------------------------------------------------------- a page dated by its neighbours


def test_a_page_dated_only_by_its_neighbour_posts_takes_their_year():
    # (batch11b: an aggregator's reprint of a holiday item, the year only in 上一篇 / 下一篇)
    body = "某市图书馆假期服务\n据统计,国庆假期,某市图书馆共接待到馆读者18000人次,外借图书6200册次。\n"
    both = body + "上一篇 2022-10-08 09:15\n下一篇 2022-10-08 10:40\n"
    assert _years(both)[("visits.in_person", 18000)] == 2022
    # one stamp only, or stamps of two years: no year is read from them
    assert _years(body + "上一篇 2022-10-08 09:15\n")[("visits.in_person", 18000)] is None
    assert _years(body + "上一篇 2021-12-30 09:15\n下一篇 2022-01-02 10:40\n")[("visits.in_person", 18000)] is None


# ---------------------------------------------------------------- 去年 in an undated news item


def test_last_year_is_after_the_latest_year_the_item_names():
    # (batch7: an undated item comparing an older year with 去年; the older year is named most)
    text = (
        "某市图书馆新闻\n据介绍,到馆人次由2021年的310万,增至去年的420万。"
        "电子书由2021年的8万册增至2023年的15万册。现时有5个自助图书站。\n"
    )
    years = _years(text)
    assert years[("visits.in_person", 4200000)] == 2023
    assert years[("network.service_points", 5)] == 2024  # 现时: the day it was written


# ---------------------------------------------------------------- library names


def test_a_known_place_after_an_unknown_places_level_word_is_a_proper_name():
    # (batch11b: a Taiwan city library once named 市立中山图书馆; 中山 is no place of it)
    from nianbao.extract.attribute import library_name, name_start

    assert name_start("青禾市立中山") is None
    assert name_start("广东省立中山") == 0  # a known province keeps its own name
    text = (
        "青禾市立图书馆 - 百科\n日期: 1990年5月\n"
        "青禾市立图书馆原名民众教育馆,后更名为青禾市立中山图书馆,再正式命名为青禾市立图书馆。"
        "馆藏资料共计30万册。\n"
    )
    assert library_name(text) == "青禾市立图书馆"


def test_a_bare_level_name_opening_a_clause_is_the_named_places_library():
    # (batch10a: 市图书馆 right after a comma, the city named only in a later sentence)
    from nianbao.extract.attribute import library_name

    text = (
        "自2021年5月1日开馆以来,市图书馆全力做好服务,累计入馆读者达到15万人次。\n"
        "市图书馆是嘉兴市标志性建筑之一,今年该馆图书流通量达8万余册。\n"
    )
    assert library_name(text) == "嘉兴市图书馆"
    # no place named: still no name
    assert library_name("自开馆以来,市图书馆全力做好服务,累计入馆读者达到15万人次。\n") is None


def test_an_anonymised_childrens_library_on_the_title_is_the_pages_own():
    # (batch9b: a chronicle titled with a masked name, **市少年儿童图书馆馆志)
    from nianbao.extract.attribute import library_name

    text = "××市少年儿童图书馆馆志(2010年——2019年)\n一、综述\n该馆为全省最早成立的地市级少儿图书馆。馆藏15万册。\n"
    assert library_name(text) == "××市少年儿童图书馆"


def test_a_class_of_libraries_is_no_name():
    # (batch10b: 其中市级图书馆3个 in a city's statistics was read as the page's library)
    from nianbao.extract.attribute import library_name

    text = "截至2021年底,某市共有公共图书馆120个,其中市级图书馆2个,区级图书馆8个,基层图书馆110个。\n"
    assert library_name(text) is None


# ---------------------------------------------------------------- standing yearly figures on a dated entry


def test_a_standing_yearly_figure_of_a_dated_entry_takes_the_entrys_year():
    # (batch11b: a dictionary entry dated by month only; its stocks are as of an earlier month)
    text = (
        "某市立图书馆 - 百科\n日期: 1996年10月\n"
        "该馆年度购书经费约为3,500,000元。至1994年6月底统计,馆藏资料共计21万册。\n"
    )
    years = _years(text)
    assert years[("spending.collections", 3500000)] == 1996
    assert years[("collection.total", 210000)] == 1994


def test_a_three_digit_roc_year_dates_its_sentence_on_a_page_with_gregorian_years():
    # a Taiwan item with a Gregorian dateline year in its body and ROC years for its figures
    text = (
        "某市立圖書館公布借閱統計\n2019年1月15日報導\n據市圖統計,2018年全市圖書館進館人次達600萬人次。"
        "另外,105年全市館藏冊數約410萬冊。\n"
    )
    years = _years(text)
    assert years[("collection.total", 4100000)] == 2016
    assert years[("visits.in_person", 6000000)] == 2018


def test_a_mainland_two_digit_year_stays_gregorian_beside_a_two_digit_roc_range_number():
    text = "某县图书馆简介\n1989年新馆落成。90年全馆接待读者3万人次,外借图书2万册次。\n"
    assert _years(text)[("visits.in_person", 30000)] == 1990


def test_the_day_a_library_opened_dates_none_of_the_profiles_stocks():
    # an undated profile: its one year is the day the new building opened
    text = "某县图书馆简介\n新馆于2016年12月28日正式对外开放,现有藏书18万册,年接待读者12万人次。\n"
    years = _years(text)
    assert years[("collection.total", 180000)] is None
    # …while a year of service since the opening still dates nothing but the span
    text2 = "某县图书馆2022年工作总结\n新馆于2022年3月正式开放,全年接待读者12万人次。\n"
    assert _years(text2)[("visits.in_person", 120000)] == 2022


# ---------------------------------------------------------------- history clauses and chronicles


def test_a_move_in_an_earlier_clause_does_not_date_todays_stock():
    # (the batch-10/11 cause: an undated profile's figures took the year of a move or an opening)
    text = "某市图书馆简介\n该馆始建于1962年,1999年迁入新馆,现有藏书38万册,年接待读者26万人次。\n"
    years = _years(text)
    assert years[("collection.total", 380000)] is None
    assert years[("visits.in_person", 260000)] is None
    # a stock stated with the opening, no word of today: the opening's year (batch9a convention)
    text2 = "某县图书馆\n2013年10月新馆建成使用,图书馆总藏量12万册(件),其中纸质文献9万册。\n"
    assert _years(text2)[("collection.total", 120000)] == 2013


def test_the_same_year_of_a_chronicle_is_the_year_of_the_sentence_before():
    text = "某县图书馆大事记\n2016年,新馆建成开放。同年,全馆接待读者8万人次。\n2017年,外借图书5万册次。\n"
    assert _years(text)[("visits.in_person", 80000)] == 2016


def test_the_first_months_of_a_named_year_are_a_partial_period():
    res = extract_document("某馆新闻\n2024年1-6月全馆接待读者32万人次。\n")
    assert [(f.year, f.period) for f in res.figures if f.value == 320000] == [(2024, "partial")]
    res = extract_document("某馆2024年工作总结\n2024年1-12月全馆接待读者62万人次。\n")
    assert [(f.year, f.period) for f in res.figures if f.value == 620000] == [(2024, "year")]


def test_a_sentence_founding_a_library_is_no_name():
    from nianbao.extract.attribute import library_name

    # (batch11a: 探索建立以县图书馆为总馆…: the county library of the place the page names)
    text = (
        "凤翔区图书馆2017年工作总结\n全年读者流通达3万人次。\n"
        "下一步,将探索建立以区图书馆为总馆、镇文化站为分馆的服务体系。\n"
    )
    assert library_name(text) == "凤翔区图书馆"
    # (batch6: 县城设立图书馆, 正式设立图书馆: a verb of founding is no part of an unplaced name)
    from nianbao.extract.lexicon.attribution import UNPLACED_NAME

    assert UNPLACED_NAME.fullmatch("县城设立") is None
    assert UNPLACED_NAME.fullmatch("探索建立以县") is None
    assert UNPLACED_NAME.fullmatch("XX县") is not None


def test_a_short_placed_name_repeated_at_the_top_is_the_pages_library():
    # (batch1: a news item naming only 某地图书馆 without 市, twice, in its first lines)
    from nianbao.extract.attribute import library_name

    text = (
        "本报讯 用阅读温暖一座城。截至10月上旬,苏州图书馆今年到馆读者150万人次。\n"
        "作为城市文化地标,苏州图书馆积极推动优质文化资源直达基层。\n"
    )
    assert library_name(text) == "苏州图书馆"
    # another library named beside it: no guess
    two = text.replace("直达基层", "直达基层,与无锡图书馆合作")
    assert library_name(two) != "无锡图书馆"


def test_a_source_or_editor_line_with_a_date_is_the_pages_date():
    from nianbao.extract.attribute import page_date

    body = "\n据统计,国庆假期,市图书馆共接待到馆读者2万人次。\n"
    for head in ("来源:某日报 2022-10-08", "编辑:某某 | 2022-10-08 10:20:11", "[2022-10-08]"):
        assert page_date("某市图书馆国庆假期服务情况\n" + head + body) == (2022, 10), head
    # a source line without a day is no date of the page
    assert page_date("某市图书馆\n来源:2022年度报告\n" + body) is None


def test_a_year_masked_by_one_underscore_gives_an_uploaded_report_no_year():
    # (batch12a: a statistics report on a document-sharing site, its year blanked as 20_年 under the
    # site's upload stamp: the stamp dates no figure)
    text = (
        "更新时间:2023-10-04 19:45:52 发布时间:24小时内 作者:会员上传 下载docx\n统计分析报告\n"
        "现将20_年某区图书馆业务统计分析如下:\n20_年,办证2468张,全年共接待读者209645人次。\n"
    )
    res = extract_document(text)
    assert res.report_year is None
    assert res.figures and all(f.year is None for f in res.figures)


def test_a_stamp_in_the_site_footer_dates_no_page():
    from nianbao.extract.attribute import page_date

    # (batch12b: an encyclopedia entry whose only date is the site's footer after its copyright line)
    body = "词条 某县图书馆\n释义\n某县图书馆建于1958年。现有藏书15万余册,其中古籍有12369册。\n\n"
    for foot in (
        "Copyright © 2000-2025 某网 All Rights Reserved\n更新时间:2025/9/28 5:25:56",
        "©2025 某网 版权所有 更新日期:2025-09-28",
    ):
        assert page_date(body + foot) is None, foot
        assert all(f.year is None for f in extract_document(body + foot).figures)
    # the same stamp at the top of a news item still dates it
    assert page_date("更新时间:2025-09-28 10:20\n" + body) == (2025, 9)


def test_a_wiki_sentence_with_footnote_marks_is_no_title():
    from nianbao.extract.attribute import title_year

    # (batch12b: …各图书馆于2020年1月29日起全面暂停开放至2020年3月2日。 [2] on a wiki page)
    text = "某地公共图书馆\n维基百科\n为防疫,各图书馆于2020年1月29日起暂停开放至2020年3月2日。 [2]\n馆藏达1,435万项。\n"
    assert title_year(text) is None


def test_a_dateline_with_the_year_apart_or_in_two_digits_dates_the_page():
    from nianbao.extract.attribute import page_date

    body = "\n作为国家一级图书馆,某县图书馆年接待读者20万人次,每年举办各类读者活动50场次。\n"
    # (batch12a: a news channel's 2024 04/26 17:53:16, a provincial site's 17-08-16 08:32 来源:…)
    assert page_date("某县加快公共文化服务发展\n2024 04/26 17:53:16\n来源:某县委宣传部" + body) == (2024, 4)
    assert page_date("某市图书馆暑期接待读者\n17-08-16 08:32 来源:某日报 编辑:某某" + body) == (2017, 8)
    res = extract_document("某县加快公共文化服务发展\n2024 04/26 17:53:16\n" + body)
    assert res.figures and all(f.year == 2024 for f in res.figures)
    # two digits with a time but no source are no date (a score, a count of hours)
    assert page_date("某市图书馆\n17-08-16 08:32\n" + body) is None


def test_seats_and_a_completed_build_out_give_an_undated_profile_no_year():
    from nianbao.extract.attribute import report_year

    # (batch12b: encyclopedia entries whose only years are history: 1972年恢复建制。…设座位100个;
    # 於2015年完成全縣21個鄉鎮總分館建設)
    seats = "某县图书馆\n1958年重新建馆。1972年恢复建制。馆舍面积960平方米,设座位100个。现有藏书15万余册。\n"
    assert report_year(seats) is None
    built = "某县图书馆\n现有藏书46万册,年购书经费5万元,于2015年完成全县21个乡镇总分馆建设。\n"
    assert report_year(built) is None
    years = {f.value: f.year for f in extract_document(built).figures}
    assert 460000 in years and years[460000] is None


def test_a_stock_told_before_any_data_year_of_a_dated_feature_is_of_the_pages_day():
    # (batch12b: a feature dated 2024-05-14 gives the library's holdings, then 2023年到馆读者…)
    text = (
        "百年乡村图书馆,历久弥新\n2024-05-14 09:00:53 来源: 某报\n"
        "某镇图书馆建于1928年,这座乡村图书馆馆藏图书13万余册,其中古籍和珍本1万多册。"
        "它也成为不少游客的打卡地,2023年到馆读者80余万人次。\n"
    )
    res = extract_document(text)
    assert res.report_year == 2023  # (the body's data year)
    years = {f.value: f.year for f in res.figures}
    assert years[130000] == 2024 and years[10000] == 2024
    # a stock told as of an earlier state keeps the body's year
    past = text.replace("这座乡村图书馆馆藏图书13万余册", "在扩建前,这座乡村图书馆馆藏图书仅13万余册")
    assert {f.value: f.year for f in extract_document(past).figures}[130000] != 2024


def test_a_reprint_stamped_after_the_plan_period_it_plans_in_is_undated():
    from nianbao.extract.attribute import page_date

    # (batch12a: a reprint stamped 发布时间:2023-11-17 of news that plans 在“十三五”期间…)
    body = (
        "\n某区图书馆已建成四个24小时自助图书馆。接下来,将持续推进建设,计划在“十三五”期间完成10个自助图书馆的建设。\n"
    )
    stamped = "某区建成四个自助图书馆\n作者:某网 发布时间:2023-11-17 00:57:01" + body
    assert page_date(stamped) is None
    assert all(f.year is None for f in extract_document(stamped).figures)
    # a look back on the period (“十三五”期间将近建成…) is no plan: the stamp stays
    back = "某区图书馆总结\n发布时间:2023-11-17 00:57:01\n“十三五”期间将近建成10个自助图书馆。\n"
    assert page_date(back) == (2023, 11)
    # stamped within the period, the stamp is the page's day
    assert page_date(stamped.replace("2023-11-17", "2017-11-17")) == (2017, 11)


def test_a_sentence_restoring_a_library_is_history_for_the_paragraph_after():
    # (batch12b: an encyclopedia entry: 1972年恢复建制。馆舍面积960平方米,设座位100个。现有藏书15万余册…)
    text = "词条 某县图书馆\n释义\n1958年重新建馆。1972年恢复建制。馆舍面积960平方米,设座位100个。现有藏书15万余册。\n"
    assert all(f.year is None for f in extract_document(text).figures)


def test_a_numbered_heading_naming_a_site_is_the_subject_of_its_section():
    # (batch12a: a statistics report on two sites, 1、某区图书馆 / 2、某某文化中心图书馆, each a section of
    # figures that name no library)
    text = (
        "某区图书馆2020年统计分析报告\n一、统计概况\n1、某区图书馆\n"
        "2020年,办证2468张,全年共接待读者209645人次,文献外借334112册。\n"
        "2、某北部文化中心图书馆\n2020年办证7474张,全年共接待读者267131人次,文献外借77336册。\n"
    )
    libs = {f.value: f.library_name for f in extract_document(text).figures}
    assert libs[209645] is None and libs[334112] is None
    assert libs[267131] == "某北部文化中心图书馆" and libs[77336] == "某北部文化中心图书馆"


def test_a_verb_of_providing_makes_a_name_a_sentence():
    from nianbao.extract.attribute import library_name

    # (batch12b: a wiki page's …馆藏…,为某地市民提供图书馆服务: no library called 某地市民提供图书馆)
    text = (
        "澳门公共图书馆\n维基百科,自由的百科全书\n"
        "澳门公共图书馆系统辖下包括1所总馆、70所分馆,馆藏达1,435万项,为澳门市民提供图书馆服务。\n"
    )
    assert "提供" not in (library_name(text) or "")


def test_a_paragraph_with_a_report_word_is_no_title_naming_the_pages_library():
    from nianbao.extract.attribute import library_name

    # (batch12b: headline 下月起某市图书馆…; a later paragraph: 馆方联合某市少年儿童图书馆发布…报告…。)
    text = (
        "下月起杭州图书馆一次可借20本书\n10.01.2019 11:12\n"
        "大洋网讯 2018年全年接待公众访问932.9万人次,新增注册读者27.1万人。昨日,杭州图书馆发布了2018年的成绩单。\n"
        "此外,该馆联合杭州市少年儿童图书馆共同发布了2018年少儿阅读报告,少儿外借文献达300万册次,较上年增长了一成,少儿读者到馆人次也创下新高。\n"
    )
    assert library_name(text) == "杭州图书馆"


def test_the_own_name_with_its_level_run_by_is_the_own_library():
    # (batch12b: 湘潭县图书馆's entry: 清宣统二年湘潭县立图书馆成立。…现有藏书15万余册: the library itself)
    text = (
        "词条 湘潭县图书馆\n湘潭县图书馆\n湖南省最早的县级图书馆。清宣统二年湘潭县立图书馆成立。"
        "1958年重新建馆。现有藏书15万余册,其中古籍有12369册。\n"
    )
    figs = extract_document(text).figures
    assert figs and all(f.library_name is None for f in figs)


def test_a_place_that_has_public_libraries_counted_is_the_subject_of_their_figures():
    # (batch12a: 2016年,沈阳市有县级以上公共图书馆21个,藏书1326.55万册…: the city's libraries)
    text = "某市图书馆服务宣传周启动\n2016年,沈阳市有县级以上公共图书馆21个,藏书1326.55万册,年接待读者758.89万人次。\n"
    figs = {f.value: f for f in extract_document(text).figures}
    assert figs[13265500].scope == "region" and "沈阳" in (figs[13265500].library_name or "")


def test_a_stock_held_today_on_an_undated_item_is_of_the_latest_year_it_tells_of():
    # (batch8: 2017年4月18日至2018年4月18日,…共接待读者71.7万人次…。目前,…拥有…79万册)
    text = (
        "世界读书日:最受欢迎的书\n"
        "记者从某县图书馆获悉,2017年4月18日至2018年4月18日,某县图书馆共接待读者71.7万人次,借阅图书68.7万册次。\n"
        "2017年全年,该馆新增读者证5000张。2017年,该馆举办活动120场。\n"
        "目前,某县图书馆拥有各类纸质文献资源79万册。\n"
    )
    figs = {f.value: f.year for f in extract_document(text).figures}
    assert figs[790000] == 2018


def test_a_document_sites_or_mirrors_stamps_date_no_page():
    from nianbao.extract.attribute import page_date

    # (batch12a: an uploaded report under 更新时间:… 作者:会员上传 下载docx and related documents' dates)
    body = "\n某区图书馆业务统计分析\n全年共接待读者209645人次,文献外借334112册。\n"
    uploaded = "2022-12-12\n更新时间:2023-10-04 19:45:52 发布时间:24小时内 作者:会员上传 下载docx\n2022-12-15" + body
    assert page_date(uploaded) is None
    other = (
        "某县图书馆工作总结.docx\n上传人:某** 文档编号:abc 上传时间:2023-04-09 格式:docx 页数:8页 大小:24.22Kb" + body
    )
    assert page_date(other) is None
    assert all(f.year is None for f in extract_document(uploaded).figures)
    # a mirror's or wiki's stamp line is no date of the text
    for stamp in ("快照时间:2020-05-01 10:00:00", "最后修改时间:2020-05-01 10:00", "[1] 某馆简介 访问日期:2020-05-01"):
        assert page_date("某市图书馆\n" + stamp + body) is None, stamp
    # the news item's own stamp still dates it
    assert page_date("某市图书馆\n发布时间:2020-05-01 10:00:00" + body) == (2020, 5)


def test_a_heading_naming_a_class_of_sites_names_no_library():
    # (a report's section 3、乡镇图书馆 is the network's township sites, not a library so named)
    text = (
        "某区图书馆2020年工作总结\n一、服务概况\n1、某北部文化中心图书馆\n全年共接待读者267131人次。\n"
        "3、乡镇图书馆\n全年共接待读者5000人次。\n"
    )
    libs = {f.value: f.library_name for f in extract_document(text).figures}
    assert libs[267131] == "某北部文化中心图书馆" and libs.get(5000) != "乡镇图书馆"


def test_an_opening_year_or_a_subjects_honour_dates_no_figure_of_an_undated_feature():
    # (batch13a: 该馆于2009年正式投入使用,有藏书110多万册 … 2011年某市成功入选首批…示范区,跻身全国28个…之列)
    text = (
        "冬日,走进新区的某市图书馆,前来阅读的人络绎不绝。\n"
        "据负责人介绍:该馆于2009年正式投入使用,有藏书110多万册,年接待读者100多万人次。\n"
        "2011年某市成功入选首批示范区,跻身全国28个示范区之列。全市建成农家书屋572个。\n"
    )
    figs = {f.value: f.year for f in extract_document(text).figures}
    assert figs[1100000] is None and figs[1000000] is None
    # the opening year still dates a figure of its own clause
    own = {f.value: f.year for f in extract_document("某县图书馆于2009年新增藏书5万册,全年接待读者3万人次。").figures}
    assert own[50000] == 2009


def test_a_chronicles_yearless_figure_takes_the_year_its_paragraph_has_come_to():
    # (batch13a: a gazetteer section 民国4年(1915年)…藏书…册。到某年号2年(1935年)…。…藏书减少到…册。当年新购置…册)
    text = (
        "某县志\n第三节 图书阅览\n"
        "民国4年(1915年)3月,某县图书馆藏书330种,2218册。到某年号2年(1935年)馆舍有增加。"
        "图书馆藏书减少到66种,8699册。当年新购置图书46种,517册。\n"
        "1951年藏书3000余册。1956年单独建立图书馆后,藏书增加到2.8万册。\n"
    )
    figs = {f.value: f.year for f in extract_document(text).figures}
    assert figs[8699] == 1935 and figs[517] == 1935
    assert figs[3000] == 1951


def test_a_sentence_telling_a_building_approved_or_built_dates_no_later_sentence():
    # (batch13b: a 2018 news item: …1991年县人民政府批复建造县图书馆新馆舍。目前,…馆藏图书报刊总量…册,年接待读者…)
    text = (
        "某市图书馆被评为二级图书馆\n2018-05-25 16:40:05 来源:某某新闻网\n"
        "据了解,某市图书馆创立于1931年。1991年县人民政府批复建造县图书馆新馆舍。"
        "目前,全馆馆藏图书报刊总量101706册,年接待读者115346人次。\n"
    )
    figs = {f.value: f.year for f in extract_document(text).figures}
    assert figs[101706] == 2018 and figs[115346] == 2018


def test_a_building_years_sentence_going_on_to_money_dates_no_later_figure():
    # (batch13a: an undated wiki page: 2008年…援助下,新建了面积6090平方米的新馆舍,业务经费也增加到每年的10万元。
    # 平均每年…,馆藏共387528册…)
    text = (
        "某地区图书馆\n"
        "某地区图书馆始建于1954年。2008年某部门在某方的援助下,新建了面积6090平方米的新馆舍,业务经费也增加到每年的10万元。"
        "平均每年订购报纸杂志800余种,馆藏共387528册,每年开展公益活动120余次。\n"
    )
    figs = {f.value: f.year for f in extract_document(text).figures}
    assert figs[387528] is None and figs[120] is None
    # a new library's year with a figure of its own clause still dates it
    own = {f.value: f.year for f in extract_document("2008年新建分馆3个,全年接待读者5万人次。").figures}
    assert own[50000] == 2008


def test_that_year_is_the_year_spoken_of_not_the_year_of_writing():
    # (batch13b: a 2018 news item about 2017: …根据该市当年的常住人口498.8万,人均…)
    text = (
        "某市发布全民阅读报告\n发布时间:2018-04-20 10:00:00\n"
        "据报道,2017年,某市7家公共图书馆年服务读者705万人次。根据该市当年的常住人口498.8万,人均到馆1.4次。\n"
    )
    figs = {f.value: f.year for f in extract_document(text).figures}
    assert figs[4988000] == 2017
