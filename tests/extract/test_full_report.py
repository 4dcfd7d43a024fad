"""A whole invented county report: every figure found, nothing else (staff, rooms,
seats, donations, deliveries, training received, followers, deltas, phone numbers)."""

from __future__ import annotations

from tests.support.figures import run

DOC = """青河县图书馆2022年工作总结
2022年，青河县图书馆在县委、县政府的正确领导下，以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，现将一年来工作总结如下：
一、基本情况
我馆现有在编职工15人，其中副高级职称2人，中级职称6人。馆舍面积5200平方米，阅览座位680个，计算机86台，全年开放365天，每周开放时间63小时。
二、主要业务指标完成情况
1.读者服务。全年累计接待读者32.6万人次，同比增长15.2%；外借图书18.4万册次，较上年增加2.1万册次；新增持证读者4620人，累计持证读者达5.8万人；电子阅览室接待读者1.2万人次。
2.资源建设。全年采购纸质图书2.3万册，订阅报刊320种，接受社会捐赠图书1500册；截至年底，馆藏纸质文献总量达42.8万册，电子图书15万种。
3.阅读推广。全年组织开展各类阅读推广活动286场次，线上线下参与读者达12.5万人次，其中“书香青河”品牌活动45场，少儿阅读活动120场，参与少儿读者3.2万人次。举办公益讲座36期，展览18个。
4.总分馆建设。新建乡镇分馆3个、城市书房2个，目前全县共建成总分馆体系内分馆16个、村级服务点128个，全年为各分馆配送图书3.6万册，轮换图书1.2万册。
5.数字服务。图书馆网站访问量达86万次，微信公众号推送图文580篇，关注人数2.3万人，数字资源总量达30TB。
三、经费保障
全年到位经费总额486万元，其中人员经费286万元，免费开放经费50万元，购书经费80万元。
四、队伍建设
全年组织馆员参加各级业务培训23次，共计156人次；开展馆内业务学习12次。荣获省级荣誉2项，市级荣誉5项。
五、2023年工作思路
2023年，力争全年接待读者35万人次，新建城市书房3个，举办阅读推广活动300场以上。
联系电话：0906-8821234
"""

EXPECTED = [
    ("activities.attendance", 32000, 2022, "year"),
    ("activities.attendance", 125000, 2022, "year"),
    ("activities.events", 36, 2022, "year"),
    ("activities.events", 45, 2022, "year"),
    ("activities.events", 120, 2022, "year"),
    ("activities.events", 286, 2022, "year"),
    ("activities.events", 300, 2023, "plan"),
    ("circulation.loans", 184000, 2022, "year"),
    ("collection.added", 23000, 2022, "year"),
    ("collection.total", 428000, 2022, "year"),
    ("network.branches", 16, 2022, "year"),
    ("network.branches_added", 3, 2022, "year"),
    ("network.service_points", 128, 2022, "year"),
    ("network.service_points_added", 2, 2022, "year"),
    ("network.service_points_added", 3, 2023, "plan"),
    ("spending.collections", 800000, 2022, "year"),
    ("spending.staff", 2860000, 2022, "year"),
    ("spending.total", 4860000, 2022, "year"),
    ("spending.total", 500000, 2022, "year"),  # 免费开放经费: the free_opening part of the total
    ("users.new_registrations", 4620, 2022, "year"),
    ("users.registered_total", 58000, 2022, "year"),
    ("visits.in_person", 12000, 2022, "year"),
    ("visits.in_person", 326000, 2022, "year"),
    ("visits.in_person", 350000, 2023, "plan"),
    ("visits.online", 860000, 2022, "year"),
]


def test_full_county_report():
    text, r = run(DOC)
    assert (r.library_name, r.report_year) == ("青河县图书馆", 2022)
    got = sorted((f.metric, f.value, f.year, f.period) for f in r.figures if f.kind == "figure")
    assert got == sorted(EXPECTED)
    for f in r.figures:
        assert text[f.char_start : f.char_end].strip()
        assert f.evidence
