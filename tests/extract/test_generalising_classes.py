"""Classes of error the first reads of held-out batches exposed (issue 8), each on INVENTED
sentences of the same shape (no words of the real pages): one reader's record, the sum of
a top-N group, the count of a list of criteria, the unit family deciding online reading
vs loans, in-person 到访/接待访问 counts, a scaled number whose metric noun stands right
before it, facility nouns outside the lexicon, money used to buy books. Each case also
keeps the library's own figure of the same text, so a rule that drops everything fails."""

from __future__ import annotations

import pytest

from nianbao.extract import extract_document

# (text, figures that must be read, (metric, value) pairs that must not, values no metric may take)
CASES = {
    "one person's record": (
        "某市图书馆2021年工作总结\n2021年,某市图书馆外借图书80万册次。一名刘姓居民成为全市借阅最多的读者,"
        "全年借阅图书1320册。另一位借书最多的市民全年借书986册。\n",
        [("circulation.loans", 800000)],
        [],
        {1320, 986},
    ),
    "sum of a top-N group": (
        "某市图书馆2022年工作总结\n2022年,某市图书馆外借图书120万册次。借阅量排在前4位的分馆加起来,"
        "合计借阅图书38万2100册;到馆人次前十名的服务点共接待读者9.6万人次。\n",
        [("circulation.loans", 1200000)],
        [],
        {382100, 96000},
    ),
    "count of listed criteria": (
        "某县图书馆2023年接待读者21万人次。评估采用到馆人次、借阅册数、办证数等七项指标,"
        "从馆藏、借阅和活动三个方面进行考核。\n",
        [("visits.in_person", 210000)],
        [],
        {7, 3},
    ),
    "online borrowing in item-times is loans": (
        "某区图书馆2022年工作总结\n2022年某区图书馆借出图书30万册次,其中网上借阅量达到5.2万册次。线上阅读3.1万人次。\n",
        [("circulation.loans", 300000), ("circulation.loans", 52000), ("visits.online", 31000)],
        [("visits.online", 52000)],
        set(),
    ),
    "use of e-documents is online use": (
        "某区图书馆2022年工作总结\n2022年某区图书馆外借图书42万册次,电子图书借阅36.8万册次,数字期刊阅读12万人次。\n",
        [("circulation.loans", 420000), ("visits.online", 368000)],
        [("circulation.loans", 368000)],
        set(),
    ),
    "arrivals received are in-person visits": (
        "某区图书馆2024年工作总结\n2024年某区图书馆网站访问量42万次。全年接待访问量突破88.6万人次,到访读者同比增长12%。\n",
        [("visits.online", 420000), ("visits.in_person", 886000)],
        [("visits.online", 886000)],
        set(),
    ),
    "scaled number right after its metric noun": (
        "某市图书馆2023年工作总结\n2023年,某市图书馆外借图书52万册次,新注册读者2.3万。\n",
        [("circulation.loans", 520000), ("users.new_registrations", 23000)],
        [],
        set(),
    ),
    "study rooms and mobile stations": (
        "某市图书馆2022年工作总结\n2022年,某市图书馆外借图书66万册次。全市建有城市自习室45家,图书流动站12个。\n",
        [("circulation.loans", 660000), ("network.service_points", 45), ("network.service_points", 12)],
        [],
        set(),
    ),
    "grassroots branches in kinds of place": (
        "某市图书馆2022年工作总结\n2022年,某市图书馆外借图书66万册次。先后建立了9个镇(街)、社区基层分馆。\n",
        [("circulation.loans", 660000), ("network.branches", 9)],
        [],
        set(),
    ),
    "money used to buy books": (
        "某市图书馆2020年工作总结\n2020年,某市图书馆外借图书40万册次。财政另拨68万元用于追加采购青少年喜爱的各类图书。\n",
        [("circulation.loans", 400000), ("spending.collections", 680000)],
        [],
        set(),
    ),
    "scaled number after its cue and the noun it counts": (
        "某市图书馆2023年工作总结\n2023年,某市图书馆接待读者98万人次,外借图书52万,新增读者1.2万。\n",
        [("visits.in_person", 980000), ("circulation.loans", 520000), ("users.new_registrations", 12000)],
        [],
        set(),
    ),
    "a window from last year's month to this year's": (
        "某市图书馆2023年工作总结\n去年4月至今年4月,某市图书馆接待读者60万人次,外借图书30万册次。"
        "2023年全年某市图书馆接待读者150万人次。\n",
        [("visits.in_person", 1500000)],
        [],
        {600000, 300000},
    ),
    "a round threshold restated after the figure": (
        "某市图书馆2023年工作总结\n2023年某市图书馆读者阅读量820.5万人次,首次突破800万。\n",
        [("visits.in_person", 8205000), ("visits.in_person", 8000000)],
        [],
        set(),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_class_of_error(name):
    text, kept, wrong, no_value = CASES[name]
    figs = {(f.metric, f.value) for f in extract_document(text).figures if f.kind == "figure"}
    for k in kept:
        assert k in figs, (k, sorted(figs))
    for k in wrong:
        assert k not in figs, (k, sorted(figs))
    assert not no_value & {v for _, v in figs}, sorted(figs)
