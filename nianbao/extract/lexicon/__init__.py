"""The extraction rules as data: metric cues, units, scope/segment/period/flow words.

Every rule here is about how Chinese library reports *word* things, never about
one report: no library, place or file names. A cue is a regular expression plus
a map from the unit family of the number to the metric code it means (the
same word 借阅 means loans with 册次 and borrowers with 人次). `None` in a unit
map means a bare number (label:value lines, table cells).

Cue `side`: 'L' = the cue precedes the number (进馆人次:47000), 'R' = it follows
(3家分馆, 12369人次参与), 'LR' = either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# ------------------------------------------------------------------ units

PERSON_TIMES = ("人次",)
PERSONS = ("人", "名", "读者")   # 2685.9万读者走进图书馆: the noun stands for the unit
VOLUMES = ("册", "本", "件", "册件", "份", "项")   # 项: library materials as Hong Kong/Macau count them
VOLUME_TIMES = ("册次", "件次", "项次", "篇次")
EVENT_UNITS = ("场", "场次", "次", "期", "节", "堂")   # 节/堂: class sessions (手工课15节, 讲座24堂)
FACILITY_UNITS = ("个", "家", "处", "所", "座")
CARD_UNITS = ("张", "份", "个", "人", "名")
MONEY = ("元",)
BARE = (None,)


def _m(units, metric):
    return {u: metric for u in units}


@dataclass
class Cue:
    name: str
    pattern: str
    units: dict            # unit (or None for bare) -> metric code
    side: str = "L"        # 'L', 'R', 'LR'
    need_activity_ctx: bool = False   # only when the sentence is about activities
    shun_activity_ctx: bool = False   # only when the sentence is about no activity (AUDIENCE_CTX)
    regex: re.Pattern = field(init=False, repr=False)

    def __post_init__(self):
        self.regex = re.compile(self.pattern)


# a verb of having and the materials a library holds (拥有 / 藏有 + 图书 / 文献资源 …): before a count in
# volumes, its holdings
HOLDING_VERB = r"(?:拥有|藏有|存有|共有|现有)"
HOLDINGS_MATERIAL = r"(?:纸质|实体|中外文)?(?:图书(?!馆)|书籍|藏书|文献|书刊)(?:资源)?"
# audiovisual items named right after their count (3500件影音资料, 5320件的影音数据)
AV_NOUN_RIGHT = re.compile(r"^\s*的?(?:影音|视听|音像)(?:资料|文献|制品|数据)")
CUES: list[Cue] = [
    # ---- visits
    Cue("visits", r"(?:进馆|到馆|入馆|到访|来访)[^,;。\d]{0,8}?的(?:人次|人数)|(?:进馆|到馆|入馆|来馆)(?:借阅|阅览|看书|读书|学习)的?(?:人次|人数|读者)|(?:到访|来访)[^,;。\d]{0,6}?图书馆(?:的)?(?:人次|人数)|(?:接待)?(?:到访|来访)(?:量|人次|人数|读者)|接待访问总?(?:量|人次|人数)|(?:进馆|到馆|入馆|来馆)总?(?:人次|人数|读者)?|(?:接待|招待|迎接)的?(?:各类|到馆|进馆|上网)?(?:小|少儿|少年儿童|未成年人?|成人|老年)?(?:读者|群众|市民)|(?<!网站)(?<!网页)访客(?:总数|总量|人数|人次|数|量)?|进图书馆的?(?:人次|人数)|读者流量|读者流通(?:量|总量)?|(?:总)?流通人次|总流通|流通总人次|人流量|客流量|接待量|(?:图书馆|馆)(?:之|的)?使用(?:人次|人数)|(?<!线上)(?<!网上)(?<!网络)读者服务(?:总)?人次|(?:读者)?利用(?:图书馆)?(?:的)?(?:人次|人数)|(?:累计)?涌入(?:读者|人潮|市民)?|"
                 r"(?:走进|走入|进入|来到|步入)[^,;。\d]{0,12}?图书馆(?:的)?(?:读者|市民|群众)?(?:人次|人数)?",
        {**_m(PERSON_TIMES + PERSONS + BARE, "visits.in_person")}),
    # readers welcomed, drawn or served, in a sentence about no activity (全年迎来读者35万人次,
    # 吸引市民40万人次走进…, 全年共服务读者28万人次): the library's visits; beside an activity the
    # same words count its audience (attendance_ctx)
    Cue("visits_welcomed", r"(?<!线上)(?<!在线)(?<!网上)(?<!网络)(?<!数字)(?:迎来|喜迎|迎接|吸引|服务|接待服务)了?(?:各类|各地|广大|到馆|进馆|入馆)?(?:的)?(?:小|少儿|少年儿童|成人|老年)?(?:读者|市民|群众)(?:朋友)?",
        _m(PERSON_TIMES, "visits.in_person"), shun_activity_ctx=True),
    # readers welcomed with the noun as the unit (周末迎来三万多读者): visits
    Cue("visits_welcomed_readers", r"(?<!线上)(?<!在线)(?<!网上)(?:迎来|喜迎|迎接)了?(?:约|近|超过?|逾)?(?=\s*$)",
        _m(("读者",), "visits.in_person"), shun_activity_ctx=True),
    # the persons a library served in its year, right before the count (全年服务48.49万人): its visits
    Cue("visits_served_year", r"(?:全年|年)(?:共|累计)?(?:服务|接待)(?:读者|群众|市民)?(?=[\s达为共计约近超逾]*$)",
        _m(PERSON_TIMES + ("人",), "visits.in_person"), shun_activity_ctx=True),
    # readers' use counted in person-times (读者阅读量1110.8万人次): service visits (a bare 阅读量
    # is a social-media post's readership: 粉丝…,阅读量达815.7万人次)
    Cue("visits_reading", r"读者阅读量", _m(PERSON_TIMES, "visits.in_person")),
    Cue("visits_r", r"(?:读者|群众|市民)?(?:到馆|进馆|入馆|来馆)", _m(PERSON_TIMES, "visits.in_person"), side="R"),
    # (92万余人次赴…书香之约: a headline's visitors going to the library's reading)
    Cue("visits_go_r", r"^\s*(?:赴|奔赴)[^,;。\d]{0,12}?(?:之约|图书馆|书香|阅读)", _m(PERSON_TIMES, "visits.in_person"), side="R"),
    # (迎6.4万人到馆: persons who came, when nothing follows in the clause)
    Cue("visits_r_persons", r"^(?:读者|群众|市民)?(?:到馆|进馆|入馆)(?=\s*$)", _m(("人",), "visits.in_person"), side="R"),
    # 10万人次的市民在这里看书学习: people reading in the place the sentence is about
    Cue("visits_here_r", r"(?:的)?(?:市民|读者|群众)(?:在这里|在此|在馆内?|来馆|来这里)(?:看书|读书|阅读|学习|自习|借阅)",
        _m(PERSON_TIMES, "visits.in_person"), side="R"),
    # a clause that is just 读者 and the count (…, 读者16万多人次, …): person-visits
    # (预计全年读者将超过50万人次: the year's readers, forecast)
    Cue("visits_readers", r"(?:^|(?<=[\s,,、;;])|(?<=全年))读者(?=[\s将已达为共计有约近超过逾]*$)", _m(PERSON_TIMES, "visits.in_person")),
    # 2600万读者走进图书馆
    # (2500多人次前往图书馆借阅图书: persons going to the library, whatever they do there)
    Cue("visits_walk_r", r"(?:读者|群众|市民|人次)?(?:走进|走入|进入|来到|步入|前往)[^,;。\d]{0,8}?(?:图书馆|阅读阵地)",
        _m(PERSON_TIMES + PERSONS, "visits.in_person"), side="R"),
    # borrowing through the web counted in items (网上借阅量…万册次): loans of the library's books
    Cue("online_loans", r"(?:线上|在线|网上|网络)(?:借阅|借书|外借)(?:量|总量|册次)?", _m(VOLUMES + VOLUME_TIMES, "circulation.loans")),
    # the use of e-resources, whatever its unit (电子图书借阅…万册次, 电子期刊阅读…人次): online use
    Cue("e_use", r"(?:电子|数字)(?:图书|书|文献|期刊|报纸|资源)(?:的)?(?:借阅|阅读|使用|浏览)(?:量|总量|册次|人次|次数)?",
        _m(PERSON_TIMES + ("次",) + VOLUME_TIMES + BARE, "visits.online")),
    Cue("online", r"点击(?:量|次数|数)|(?:网站|官网|门户网站|主页|网页)?访问(?:量|人次|次数|数)|浏览(?:量|人次|次数)|(?:线上|在线|网络|网上|远程)(?:服务|访问)|"
                  r"(?<=线上服务|在线服务|网络服务|网上服务)(?:人次|量)|新媒体(?:平台)?服务|数字(?:资源|阅读)(?:服务|访问|使用)(?:量|人次)?|数字图书馆(?:总)?(?:使用|访问|服务)(?:量|人次)|(?:线上|在线|网上|移动端?)(?:阅读|借阅)(?:量|人次)?",
        _m(PERSON_TIMES + ("次",) + PERSONS + VOLUME_TIMES + BARE, "visits.online")),
    # downloads are an online measure only when the report gives no visit/click figure
    # (`DOWNLOAD_ONLY`: prose drops them when the document has one)
    Cue("downloads", r"下载(?:量|次数|数|总量)", _m(PERSON_TIMES + ("次",) + VOLUMES + VOLUME_TIMES + BARE, "visits.online")),
    # ---- circulation
    # (外借量, 外借书籍量: a volume measure, so it names no borrowers when a 人次 follows for another measure)
    Cue("loans", r"外借(?!(?:书籍|图书|书刊|文献)?量)|借阅|(?<!外)借书(?!籍量)|借出|流通(?=[^,;。]{0,8}册次)|流通(?:图书|书刊|文献)",
        {**_m(VOLUMES + VOLUME_TIMES + BARE, "circulation.loans"), "人次": "circulation.borrowers",
         "人": "circulation.borrowers"}),   # (其中借书21449人: the persons who borrowed)
    # 图书流通65.82万册次: circulation counted in item-times is loans
    Cue("circulation_items", r"流通(?:量|总量)?", _m(VOLUME_TIMES, "circulation.loans")),
    # (5,545万本外借书籍: the loans named after their number)
    Cue("loans_r", r"^\s*(?:的)?(?:外借|借出)(?:的)?(?:书籍|图书|书刊|文献)", _m(VOLUMES, "circulation.loans"), side="R"),
    Cue("borrowers", r"(?:外借|借阅|借书)(?:人次|人数)|有(?:外借|借阅|借书)记录的读者(?:数量|人数|数)?", _m(PERSON_TIMES + PERSONS + BARE, "circulation.borrowers")),
    # 有386804名读者借书
    # (168.6万人借阅各类文献, 43.89万读者借过实体文献: the persons who borrowed)
    Cue("borrowers_r", r"(?:读者|市民|人)?(?:借书|借阅图书|借阅文献|借阅(?:了)?(?:各类|各种)(?:图书|文献|书刊)|借过(?:实体|纸质)?(?:图书|文献|书刊|书籍)?)(?![证卡])",
        _m(PERSONS, "circulation.borrowers"), side="R"),
    # (为3200名读者办理了借书证, 1.2万名市民新办读者证: persons given a card are the new cards)
    # (20.31万人通过移动服务平台注册虚拟读者证: registered through an app; 6万位市民办理了读者证: 位, persons)
    Cue("new_reg_r", r"^\s*(?:新)?(?:读者|市民|群众|居民|少儿读者|小读者)?(?:新)?(?:通过[^,;。\d]{0,10}?)?(?:办理|办|申领|领取|注册)了?(?:新的)?(?:读者|借书|借阅|图书|电子|虚拟)?(?:读者)?(?:证|卡)",
        _m(PERSONS + ("位",), "users.new_registrations"), side="R"),
    Cue("loans_exact", r"(?:外借|借阅|借书|流通)(?:书籍|图书|书刊|文献)?(?:册次|册数|量|总量)", _m(VOLUMES + VOLUME_TIMES + BARE, "circulation.loans")),
    Cue("reading_persons", r"阅览(?:人数|读者人数)", _m(("人",), "visits.in_person")),
    Cue("in_library", r"阅览(?:册次|人次|量|人数)|馆内阅览|在馆阅览|阅览(?:图书|书刊|报刊|文献)",
        _m(VOLUMES + VOLUME_TIMES + PERSON_TIMES + BARE, "circulation.in_library_use")),
    # a material read in the library, counted in item-times (期刊阅览5000多册次): in-library use
    Cue("in_library_items", r"(?:图书|书刊|报刊|期刊|报纸|杂志)阅览(?![室区厅座桌])", _m(VOLUME_TIMES, "circulation.in_library_use")),
    Cue("returns", r"还书|归还|还回", _m(VOLUMES + VOLUME_TIMES + BARE, "circulation.returns")),
    Cue("renewals", r"续借", _m(VOLUMES + VOLUME_TIMES + ("次",) + BARE, "circulation.renewals")),
    # ---- users
    Cue("new_reg", r"(?<!累计)办证(?:人数|数量|总数|量|数)?|新办(?:读者|借阅|借书)?(?:证|卡)|(?<!目前已)(?<!现已)(?<!至今已)(?<!目前)办理(?:各类)?(?:新|联合|通用|读者|读书|借阅|借书|图书|少儿|电子|虚拟){0,3}(?:证|卡)|新增加(?:读者|借阅|借书)(?:证|卡)|新增(?:注册|持证)?(?:少儿|儿童|少年儿童|未成年人?|成人|老年)?(?:读者|用户)(?:证)?|"
                   r"新增持证(?:读者|人员|用户)?|新注册(?:的)?(?:读者|用户)?|注册新读者|新增办证|新办证|新发展(?:读者|用户|会员)|(?:发放|办理|发出)新(?:读者|借书|借阅)?证",
        _m(CARD_UNITS + ("本",) + BARE, "users.new_registrations")),   # (新增读者证2000余本: cards as booklets)
    Cue("registered", r"持(?:证|卡)(?:读者|人员|人口|人数|用户|者)(?:人数|总数|总量|数)?|登记(?:读者|用户)(?:人数|总数|数)?|(?<!新)注册(?:借阅|借书)?(?:读者|用户)(?:总数|总量|数)?|(?<!新)(?:读者|用户|会员)注册(?:量|总量|人数)|(?<!新)注册(?:会员|人数)(?:总数|数)?|会员(?:总数|人数)|读者证(?:总数|总量)|(?:读者|借书|借阅)(?:证|卡)(?:持有|有效)(?:量|总量|数量|总数|数)|(?:借书|借阅)证(?:数|总数|总量)|有效(?:借书|借阅|读者)(?:证|卡)|累计办证|累计(?:发放|办理)(?:读者|借阅|借书)?证|(?:目前|现已|至今)已?办理(?:各类)?(?:读者|借阅|借书)?(?:证|卡)|(?:全年)?发放(?:读者|借阅|借书|图书)?证(?:数)?|有效读者(?:证)?",
        _m(PERSONS + ("个", "张", "份") + BARE, "users.registered_total")),
    Cue("active", r"活跃(?:读者|用户)", _m(PERSONS + ("个",) + BARE, "users.active")),
    Cue("population", r"服务人口|(?:常住|户籍|总)?人口(?:总数|总量|数)?", _m(PERSONS + BARE, "population.served")),
    # (拥有200多万人口的城市: a count of persons glued to 口, not a class bound such as 50万人口以上)
    Cue("population_r", r"^口(?![^,;。\d]{0,3}(?:以上|以下|左右))", _m(("人",), "population.served"), side="R"),
    # ---- collection
    # what the library has, a verb of possession then the material (拥有图书39086册, 藏有文献资源480多万册、件)
    Cue("coll_held", HOLDING_VERB + r"(?:各类|各种)?" + HOLDINGS_MATERIAL, _m(VOLUMES + BARE, "collection.total")),
    Cue("coll_total", r"馆藏(?:总量|图书|文献|书刊|资源|总数|纸质图书|量)?|藏品(?:数量|总量|总数)|总藏量|藏书(?:量|总量)?|文献(?:总量|总藏量|资源总量)|(?<!入)藏量|藏总量|图书总量|"
                      r"收藏(?:有)?(?:各类|古籍)?(?:文献|图书|书刊)?|现存(?:图书|书籍|文献)|(?:共有|藏有)(?:各类)?(?:书籍|图书|藏书)|现有藏书|"
                      r"现有[^,;。\d]{0,8}?(?:文献|图书|书刊)(?:资源)?|纸质文献资源|开架借阅的|开架(?:文献|图书|书刊)(?:数量|总量)",
        _m(VOLUMES + VOLUME_TIMES + BARE, "collection.total")),
    Cue("coll_added", r"(?:新增|新添|增添)(?:各类|各种)?(?:馆藏|藏量|藏书|图书|书籍|文献|书刊|纸质图书|纸质文献)|增加的(?:馆藏|藏书)(?:量)?|馆藏(?:图书|文献|书刊)?(?:新增|净增|增加(?![到至为]))|入藏|"
                      r"(?:新购|选购)(?:图书|书刊|文献|新书)?|(?:采编|补充|充实|新采)了?(?:各类)?[^,;。\d]{0,4}?(?:新书|图书|书刊|文献|馆藏)|(?:采购|购置|购进|购买|购入|购回|添置)了?(?:各类)?[^,;。\d]{0,4}?(?:图书|书刊|文献|新书|纸质图书)|(?:全年|本年|当年|本馆|我馆|该馆)订购(?:中文|外文|少儿)?(?:图书|新书)|收集[^,;。\d]{0,6}?(?:文献|图书|书刊)|新进(?:图书|书刊)|新到(?:图书|书刊|文献|新书)|新书上架|"
                      r"(?:新书|图书|文献|书刊)(?:采购|购置|购进|入藏)(?:量|数)?|(?<=方式|途径)(?:收藏|入藏|征集)(?:地方)?(?:文献|图书|书刊|资料)?|年增(?:图书|藏书|文献|书刊|馆藏)|征集|添购|增购",
        _m(VOLUMES + VOLUME_TIMES + BARE, "collection.added")),
    # books another library gave or handed over (接受某图书馆下架图书2500册, 省馆捐赠图书600册): additions
    # (a gift merely received from the public, 接受捐书769册, stays out: BLOCKERS)
    Cue("coll_added_from_library", r"(?:接受|接收|获赠|收到)[^,;。\d]{0,12}?(?:图书馆|(?:国家|[省市县区])馆)[^,;。\d]{0,6}?(?:图书|书刊|文献|期刊)|"
                                   r"(?:国家|[省市县区])(?:图书)?馆(?:捐赠|赠送|调拨|捐献|移交)(?:的)?(?:图书|书刊|文献|期刊)",
        _m(VOLUMES, "collection.added")),
    # the size of the holdings (馆藏规模170万册, a line 规模170万余册 under 馆藏): volumes only (a design's
    # 藏书规模 is a capacity: the family blocker and DESIGN_SPEC_RIGHT)
    Cue("coll_scale", r"(?:馆藏|藏书|文献)?规模(?:达到?|为|约|已达)?(?=\s*$)", _m(("册", "册件", "万册"), "collection.total")),
    # a special collection opening its clause with its count (…。地方文献4000册,古籍善本300册。): a part of
    # the holdings (not after a verb: 征集地方文献500册 is an addition); newspapers and periodicals, bound
    # volumes (中文报纸期刊约30万件, 报刊合订本6000册; not audiovisual items, which may stand beside a paper
    # total: 纸质文献40万册,…;视听文献3000件)
    Cue("coll_special", r"(?:^|(?<=[\s,，;；。、:：]))(?:地方文献|古籍善本|古籍|善本|特藏文献|民族文献|(?:中文|外文)?报纸期刊|(?:报刊|期刊|报纸)合订本)(?:资料|文献)?(?:\[\d+\])?(?=[\s有共计约近达为]*$)",
        _m(VOLUMES, "collection.total")),
    # 拥有超过510万册的丰富馆藏
    Cue("coll_total_r", r"(?:丰富|珍贵|各类)?(?:馆藏|藏书)(?!量|总量)", _m(VOLUMES, "collection.total"), side="R"),
    # (40000册及3500件影音资料: audiovisual items counted by the piece, named after their count)
    Cue("coll_av_r", AV_NOUN_RIGHT.pattern, _m(("件", "套", "张", "盒"), "collection.total"), side="R"),
    # (6万册报刊合订本: bound newspapers and periodicals named after their count, a part of the holdings)
    Cue("coll_bound_r", r"^\s*的?(?:报刊|期刊|报纸)合订本", _m(VOLUMES, "collection.total"), side="R"),
    # 在135959.18万册的图书总藏量中,…: the whole its parts are then listed in
    Cue("coll_whole_r", r"^\s*的(?:图书|文献|书刊)?(?:总藏量|馆藏总量|藏书总量)(?=中)", _m(VOLUMES, "collection.total"), side="R"),
    # ---- activities
    Cue("activity", r"活动|讲座|展览|展出|培训(?:班)?|故事会|读书会|沙龙|分享会|比赛|竞赛|演出|放映|观影|朗诵会|诵读会|书展|征文|"
                    r"公益课|体验课|课堂|(?:文学|读书|书友)社|书友会|(?:图片|摄影|书画|美术|主题|专题)展(?!览|出|示|开)|研学|夏令营|冬令营|阅读推广",
        {**_m(EVENT_UNITS + ("项",), "activities.events"), "人次": "activities.attendance"}),
    # exhibitions counted by the piece (举办展览12个, 推出12个主题展览)
    Cue("exhibitions_pieces", r"(?:举办|举行|推出|开展|展出|承办)了?[^,;。\d]{0,8}?(?:展览|书展|图片展|主题展)(?![馆厅室区])",
        _m(("个",), "activities.events")),
    Cue("exhibitions_pieces_r", r"^[^,;。\d]{0,8}?(?:展览|书展|图片展|主题展)(?![馆厅室区])", _m(("个",), "activities.events"), side="R"),
    Cue("activity_r", r"(?:\"|“)?[^,;。\d]{0,10}?(?:活动|讲座|展览|培训|故事会|读书会|沙龙|分享会|比赛|竞赛|演出|放映)",
        _m(EVENT_UNITS + ("项",), "activities.events"), side="R"),
    Cue("attendance", r"参与(?:人数|人次|人(?![员士]))|参加(?:人数|人次)|活动(?:总)?人次|受众(?:人数|人次)?|听众|观众",
        _m(PERSON_TIMES + PERSONS + BARE, "activities.attendance")),
    Cue("attendance_ctx", r"参与|参加|惠及|普惠|覆盖|吸引|服务|辅导|培训|观展|观看|到场|受益",
        _m(PERSON_TIMES + PERSONS, "activities.attendance"), need_activity_ctx=True),
    Cue("attendance_r", r"(?:参与|参加|观看|观展|到场|受益)", _m(PERSON_TIMES, "activities.attendance"), side="R"),
    # (…组织开展了系列活动,10000人参与。: persons, then the verb alone ending the clause)
    Cue("attendance_persons_verb_r", r"^\s*(?:积极|踊跃)?(?:参与|参加)了?(?:进来|其中)?(?=\s*$)", _m(("名", "人"), "activities.attendance"), side="R"),
    # (1500余名幼儿在家长陪同下参加了该活动: persons of a kind, then the verb and the activity)
    Cue("attendance_persons_r", r"^(?:幼儿|儿童|小朋友|少儿|学生|中小学生|青少年|读者|家长|市民|群众|老人|老年人)[^,;。\d]{0,10}?(?:参加|参与)了?(?:该|本|此|这些|各项|各类|上述)?(?:活动|讲座|培训|比赛|课堂|展览)",
        _m(("名", "人"), "activities.attendance"), side="R"),
    # (…活动56场,共有3200名读者参加。: the persons taking part, the clause ending with the verb)
    Cue("attendance_persons_end_r", r"^(?:幼儿|儿童|小朋友|少儿|学生|中小学生|青少年|读者|家长|市民|群众|老人|老年人|亲子家庭|观众|听众)"
        r"(?:朋友)?(?:积极|踊跃|热情)?(?:参加|参与)了?(?:进来|其中|活动)?(?=\s*$)",
        _m(("名", "人", "人次"), "activities.attendance"), side="R"),
    # ---- spending (money only)
    Cue("sp_total", r"支出(?:总计|合计|总额)|总支出|(?:全年|年度|本年|全年经费|年度经费)支出|经费(?:总额|总计|合计|收入|总收入)|总经费|事业经费(?:总额|总计)?|经费总投入|财政拨款(?:总额|总计|合计)?|总收入|财政投入|运行经费总额|财政拨款(?:收入|支出)|^\s*经费(?:投入)?(?=[\d\s:为达共计约近超逾]*$)|"
                       # a budget's appropriation and its expenditure total (支出预算:2022年年初预算数…)
                       r"一般公共预算(?:财政)?拨款(?:收入)?|支出预算[\s:]*(?:\d{4}\s*年)?(?:年初)?预算数|支出预算(?:总额|合计|总计)|"

                       # a year's budget as a whole (财政预算指标, 收支预算总数) and the free-opening grant
                       r"财政预算指标|(?:收支|支出|部门)?预算总(?:数|额)|免费开放(?:经费|资金|补助(?:资金|经费)?)|"
                       # a library's budget or funds as a whole in a news item (某馆预算只有75万元, 某馆经费共3500万元,
                       # 今年总共编列了3.2亿元: 编列, to budget; a bare 编列 may be a span's total)
                       r"图书馆的?(?:预算|经费)(?!中|的?比例|占)|(?:总共|共|今年|本年|年度)编列了?(?:总)?(?:经费|预算)?|预算(?:总共|共)?编列了?|编了(?=\s*$)",
        _m(MONEY + BARE, "spending.total")),
    # (编了363万元图书馆预算, 共编列了1500余万元预算: the budget named right after its amount)
    Cue("sp_budget_r", r"^\s*的?(?:图书馆)?(?:总)?(?:预算|经费预算)(?![中内外])", _m(MONEY, "spending.total"), side="R"),
    # a budget's whole, revenue or spending, right before its amount in 元 (2024年收入预算380万元,
    # 支出预算380万元; 收入预算:2023年初预算数754.51万元: the budget at the start of the year)
    Cue("sp_budget_whole", r"(?:收入|支出|收支)预算(?:总额|合计|总计|总数|数)?(?=[\s为是达共计约:：]*$)|"
                           r"(?:收入|支出|收支)预算[\s:：]*(?:(?:19|20)\d\d\s*)?年初预算(?:数|总额)?(?=[\s为是达共计约:：]*$)",
        _m(MONEY, "spending.total")),
    Cue("sp_staff", r"人员(?:经费|支出)|工资福利(?:支出)?", _m(MONEY + BARE, "spending.staff")),
    Cue("sp_ops", r"公用(?:经费|支出)|日常公用|机关运行(?:安排)?经费", _m(MONEY + BARE, "spending.operations")),
    Cue("sp_coll", r"购书(?:经费|费|款|预算)?|买书(?:的)?(?:钱|经费|费用|款|预算)?|文献(?:资源)?购置(?:费|经费)?|新增藏量购置(?:费|经费)|图书(?:购置|采购)(?:费|经费)|(?:文献|资源)(?:采购|建设)经费|(?:书刊|报刊|期刊|报纸)(?:(?:购置|采购|订购|订阅)(?:费|经费)?|经费|费用)",
        _m(MONEY + BARE, "spending.collections")),   # (报刊经费16万元: newspapers and periodicals bought)
    # money spent buying books of a kind (购置少儿类图书8万元, 添置图书2万元)
    Cue("sp_coll_buy", r"(?:购置|采购|购买|添置|购进)[^,;。\d]{0,16}?(?:图书|绘本|书刊|书籍|新书)", _m(MONEY, "spending.collections")),
    # (43万元图书购置经费: the amount before its name)
    Cue("sp_coll_r", r"^\s*的?(?:图书|文献|书刊)(?:购置|采购)(?:费|经费|资金)", _m(MONEY, "spending.collections"), side="R"),
    # (投入资金15万元购置图书6000册 / 10万元用于采购新书: the purchase named right after the amount)
    Cue("sp_coll_use_r", r"^\s*(?:用于|专门用于|用来)?(?:追加|集中|统一|专项)?(?:购置|采购|购买|添置|购进|买)了?[^,;。\d]{0,10}?(?:图书|绘本|书刊|书籍|新书|文献)",
        _m(MONEY, "spending.collections"), side="R"),
    # (添置5万元的图书、报刊1.2万元: the books bought named after the amount; newspapers by their amount)
    Cue("sp_coll_books_r", r"^\s*的(?:图书|书刊|新书|书籍)", _m(MONEY, "spending.collections"), side="R"),
    # acquisition money listed by the kind of material, each opening its item (…经费131万元(纸质图书79万元、
    # 地方文献10万元、视听资料2万元、电子图书18万元)): what the library spent on that material
    Cue("sp_coll_kind", r"(?:^|(?<=[\s,，、;；(（:：]))(?:(?:纸质|电子|中文|外文|少儿)?(?:图书|书刊)|(?:地方|纸质|电子)文献|(?:视听|音像|影音)(?:资料|文献|制品))(?=\s*$)",
        _m(MONEY, "spending.collections")),
    Cue("sp_coll_papers", r"(?:党报)?(?:党刊|报刊|期刊|报纸)(?=\s*$)", _m(MONEY, "spending.collections")),
    Cue("sp_digital", r"数字化建设|网络维护|(?:文化信息资源)?共享工程[^,;。\d]{0,4}?(?:经费|资金)|数字资源(?:建设|购置|采购)(?:费|经费)?|信息化建设|"
                        r"(?:信息化|数字化)?(?:软件|硬件|设备)(?:采购|购置)(?:费|经费)|信息化[^,;。\d]{0,4}?(?:经费|费用)",
        _m(MONEY + BARE, "spending.digital")),
    Cue("sp_pres", r"古籍(?:修复|维护|保护)", _m(MONEY + BARE, "spending.preservation")),
    # ---- network (the noun usually follows: 3家分馆; or precedes: 分馆38家)
    # (馆内3个、馆外2个: the service points outside the building, right before their count)
    Cue("outside_points", r"(?<![本总我])馆外(?=\s*$)", _m(FACILITY_UNITS, "network.service_points")),
    # self-service kiosks counted by the machine (各类自助图书馆302台)
    Cue("kiosks", r"自助(?:图书馆|借还机|借书机|图书柜)|书香亭|图书自助机", _m(("台",), "network.service_points")),
    Cue("branches", r"(?<!总)分馆", _m(FACILITY_UNITS + BARE, "network.branches"), side="LR"),
    # (书斋 / 书巢 / 漂流基地: study rooms, book nests and book-drift sites of a network; 流动图书馆: a mobile library)
    Cue("service_points", r"服务(?:点|站点|站|据点)|流通(?:点|站)|(?:外借|借书|借还)点|(?:图书)?网点|流动(?:点|站)|流动图书馆|图书驿站|驿站|书吧|读书角|阅读角|书屋|阅读点|借阅点|漂流(?:点|基地)|书斋|书巢|(?<!微)(?<!书店)书房|阅读(?:服务)?空间|自助图书馆|微型图书馆|智慧图书馆|(?:流通)?图书站|(?:城市|社区|共享|街区|公共|智慧)自习室|书香亭",
        _m(FACILITY_UNITS + BARE, "network.service_points"), side="LR"),
]

# words that cancel a cue when they sit between the cue and the number (or are
# the nearest word): donations, deliveries, orders, channels of other systems,
# cataloguing work, standing norms and rates.
BLOCKERS = re.compile(
    r"赠送|捐赠|赠书|捐书|受赠|送书|送至|配送|订购|帮扶|借还|通借通还|免押|录入|上架|编目|剔除|下架|"
    r"(?<!年)平均|参考咨询(?!室)|复印|打印|可达|可容纳|可供|未能|无法"
)
# donations the library's own drive collected (共征集到捐赠文献资料412册): its additions, the donation
# only says how they came (a gift merely received, 接受捐书769册, stays out)
SOLICITED_BEFORE_BLOCKER = re.compile(r"征集(?:到|了)?\s*$")
# a restatement between a blocker and the cue (可供阅读的图书——即馆藏图书…): the cue names the figure
NAMELY = re.compile(r"[—-]{1,2}\s*即|,\s*即|亦即|也就是")
# standing norms and rates: 每年开展…不少于6次 (checked over the whole sentence before the number)
# (完成不少于12个…建设 / 建成不少于…: a construction target, kept as a plan)
TARGET_MIN = re.compile(r"(?:完成|建成|建设|新建|新增|实现)(?:了)?[^,;。\d]{0,10}?(?:不少于|不低于|至少)")
RATE_WORDS = re.compile(r"每(?:年|月|周|天|日|季度?|学期|期|\d|[一二三四五六七八九十两]?[个位名人家所])|不少于|不低于|至少|[月日周]均|(?<!年)平均|"
                        # a per-day level (日办证量是20张左右, 日接待量): a rate, not a total
                        r"(?<![今昨当每一首末次])日(?:办证|接待|借阅|借还|还书|借书|流通|到馆|入馆|进馆)(?:量|数|人次)")
# one reader's record (自从他办证以来,已借阅了300册图书: a person's own loans; someone: 有人一年借阅926本; 借阅冠军全年借书327册, 一位70多岁的老年读者…986册; one person named by kind,
# 一名刘姓居民成为借阅最多的读者,全年借阅图书1320册): not a library statistic
INDIVIDUAL = re.compile(r"冠军|(?<![其吉])[他她](?![们人说称]|介绍|表示|告诉|透露|指出|坦言|谈到|提到)[^。;\\d]{0,30}?(?:借阅|借书|借了|读了|看了)|状元|一位|这位|该读者|该名|(?<![共拥具没还])有人(?![次数员口气群工])|"
                        # (not a library or a place ranked: 第2名是某市图书馆总共编列了1500余万元预算)
                        r"第[一二三四五六七八九十\d]+名(?![是为:：]?[^,;。\d]{0,10}?(?:图书馆|分馆|[省市县区镇乡](?![民长委])))|最多的(?:是|为|读者|市民|居民|学生|用户|人)|个人|"
                        r"(?<![\d万千百十])一(?:名|个)?读者|(?<![\d万千百十第])一名[^,;。\d]{0,4}?(?:读者|市民|居民|学生|老人|少年|儿童|女士|先生|男子|女子)")
# no library total either, read over the sentence before the number: the sum of the members of
# a top-N group (借阅量前3名的分馆加起来,合计…) or its top member, the count of the peak day of a period
# (人流最高峰出现在上周日,进馆读者超过1300人次); and, right after the number, the count of the
# items of a list of criteria or aspects (等七项指标, 三个方面)
TOP_N = re.compile(r"前\s*[\d一二三四五六七八九十两]+\s*(?:名|位|强)|"
                   # (…中,借阅量最高的是东区分馆,外借图书21.6万册次: the top member's own count)
                   r"(?:最高|最多|第一|第1|榜首)(?:名)?的?(?:是|为)[^,;。\d]{0,12}?(?:分馆|总馆|服务点|书房|驿站)")
PEAK_DAY = re.compile(r"(?:最高峰|高峰|峰值)[^;。\d]{0,8}?(?:周[一二三四五六日天]|星期[一二三四五六日天]|当天|那天|这天|一天|一日|"
                      r"(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)|"   # (最高峰出现在2018年8月5日,当天…)
                      # an unnamed single month (单月流通量突破50万册次: the peak month), not 5月单月
                      r"(?<![\d一二三四五六七八九十]月)单月")
# a building's specification: the holdings it is designed for listed with seats and a daily capacity
# (藏书规模为500万册、阅览座位3000个、…日均接待读者能力6000人次): no holdings figure
# (not 目前实际藏书97万余册,阅览座位由原来设计的3000个增加到…: the seats' own design, after a comma)
DESIGN_SPEC_RIGHT = re.compile(r"[^。;；,，]{0,6}、\s*(?:阅览)?(?:座位|坐席|座席)[^。;；]{0,40}?能力")
# a count per person or per day written with a slash after its unit (15册次/人, 300人次/天): a rate or a limit
PER_UNIT_RIGHT = re.compile(r"^\s*[/／]\s*(?:人(?!次)|天|日|周|月|年|场|馆|户|位)")   # (130万人/次 is 人次 written with a slash)
LIST_ITEMS_RIGHT = re.compile(r"^\s*(?:大)?(?:指标|措施|举措|任务|标准|原则|要求|方面|环节|维度|类别|条款)")
# the first of a ranking, the next one named after it (某地区借书人数最多达47.4万人,其次是…): a group's
# figure, not the library's
RANK_FIRST_RIGHT = re.compile(r"[^,;。，；]{0,8}[,;，；、]\s*(?:其次|第二|居次)(?:是|为|的是)?")
# reading rooms of factories, offices, schools or the army counted together (全县农村、厂矿企业、机关、学校
# 有图书室318个,总藏书量为147295册): not public libraries, their figures are no library's
NON_PUBLIC_ROOMS = re.compile(r"(?:厂矿|企业|机关|学校|部队)[^,;。\d]{0,6}?(?:的|有|建有|设有|共有)?图书室")
# regions ranked by a measure, each with its figure in brackets (最多的是广东省(1016万册),其次是浙江省(877万册))
RANK_WORD = re.compile(r"(?:最多|最少|最高|最低|居首|排名第一)的?(?:是|为|地区是|省份是)")
RANKED_PLACE_LEFT = re.compile(r"(?:^|[,，、]|是|为|其次是|其次为|第[二三四五六七八九十]是|第[二三四五六七八九十]为|依次是)\s*"
                               r"(?P<place>[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|县|区))\s*[(（]\s*$")
# a ranking names the top item of a list (借阅排行第一); it disqualifies only its own clause
RANKING = re.compile(r"排名|排行|之最|"
                     # the busiest day (最高一天接待…, 最多的一天): a record, not a total
                     r"最(?:高|多)的?[^,;。\d]{0,4}?(?:一天|一日)")
# per-metric-family blockers (anywhere in the clause before the number)
FAMILY_BLOCKERS = {
    "activities": re.compile(r"党(?!史)|支部|团员|会议|志愿者|志愿服务|巡查|检查|督导|考核|调研|慰问|值班|演练|消防|安全生产"),
    "visits": re.compile(r"咨询(?!室)|电话|志愿"),
    # (其他5家书房分别位于…: the rest of a list, not a stock)
    "network": re.compile(r"星级|评选|评定|评为|配书|配送|送书|考核|检查|督导|其他|其余|在建|筹建|正在建设"),
    # capacity is not holdings (设计藏书容量400万册, 设计总藏书量80万册, 可容300万册藏书); a contest's entries are not acquisitions
    # (征文比赛共征集作品1260件)
    "collection": re.compile(r"容量|可容|可藏|设计(?:总)?(?:藏书|藏量|馆藏)|规划|征文|比赛|大赛|参赛|投稿|稿件"),
    # overdue books are not returns or loans (逾期未归还的书籍…)
    "circulation": re.compile(r"逾期|超期|未归还|未还"),
    # new cards and renewals added together are neither (办证和续证量…)
    "users": re.compile(r"续证|换证|补证"),
    # sub-totals of other ledgers: government procurement, the "three public" expenses
    # (通过政府采购添置…图书: the way books were bought, not the procurement ledger)
    "spending": re.compile(r"政府采购(?!添置|购置|购买|购进|方式)|采购支出|三公|公务接待|公务用车|因公出国"),
}
# the same for the words right after the number (…87家农家书屋配书工作)
FAMILY_BLOCKERS_RIGHT = {
    # (另有5个分馆正在建设 / 12座在兴建、规划中: not standing yet)
    # (对…成绩突出的九个分馆进行表彰: the branches commended, not all of them)
    "network": re.compile(r"^[^,;。]{0,12}(?:表彰|表扬|嘉奖|配书|配送|送书|评定|评选|检查|督导|轮换|调配|更新|交换|巡回|正在建设|正在建|在建|建设中|筹建|在兴建|兴建中|规划中)"),
    # (、15550元的钢制书架: money for a thing named after it that is not reading matter)
    "spending": re.compile(r"^\s*的(?!图书|书刊|新书|书籍|文献|报刊|期刊|报纸|绘本|数字资源)[^,;。\d]{0,8}?(?:书架|设备|家具|桌椅|电脑|空调|装修|车)"),
    # (办证处从原来1个窗口增加到3个: the number counts service windows, not cards)
    "users": re.compile(r"^\s*(?:窗口|柜台|服务台|工位|台(?:机器|设备|办证机)?$)"),
    # (按照城区常住人口72万来算: the base of a calculation, not the population the library serves)
    "population": re.compile(r"^\s*(?:人)?\s*(?:来算|来计算|计算|测算|为基数|为基准|算)"),
}
# another kind of institution as the subject (a culture bureau's report: 市文化馆举办培训班120期,
# 博物馆接待观众50万人次): its figures are not a library's
OTHER_INSTITUTION = re.compile(r"群众文化机构|文化站|文艺团体|文化馆|群艺馆|群众艺术馆|博物馆|博物院|美术馆|纪念馆|档案馆|科技馆|剧院|剧团|景区|旅游|游客")
CLAUSE_MARKS = re.compile(r"[,，;；:：。]")
LIBRARY_SUBJECT = re.compile(r"图书馆|本馆|我馆|分馆|总馆|书屋|图书室|阅览室")
# another institution named as the place where the library did it (图书馆先后在…旅游中心、市民之家设立了…)
LIBRARY_AT_PLACE = re.compile(r"(?:图书馆|本馆|我馆)[^。;,\d]{0,12}?在[^。;\d]{0,40}$")
# books acquired by means listed before the verb (通过接受捐赠、交换、购买的方式收藏…): the donation
# is one of the ways the library acquired them, not a gift it made
ACQUIRED_BY_MEANS = re.compile(r"通过[^,;。\d]{0,20}?(?:方式|途径)$")
# a span of several years (“十三五”期间累计…, 近五年来, 2016—2020年间, 建馆以来): not one year's figure
MULTI_YEAR = re.compile(r"十[一二三四五六七八九]五[”\"]?(?:期间|时期|以来)|(?:近|过去)[两二三四五六七八九十\d]+年(?:来|间|中|以来)?|"
                        r"(?:19|20)\d\d\s*年?\s*[-—至到~]\s*(?:19|20)\d\d\s*年(?:间|期间|以来)?(?=[^,，。]{0,12}累计|间|期间|以来)|"
                        # (“十三五”前四年: the first years of a plan period summed)
                        r"十[一二三四五六七八九]五[”\"」]?前[两二三四五六七八九]年|"
                        r"建馆以来|(?<!月)(?<!月份)开馆以来|多年来|历年来|历年累计|(?<![\d年])(?:[两二三四五六七八九十]{1,3}|\d{1,2})年(?:来|间|以来)")
# a flow summed since something opened or was built, not one year's (新馆建成累计接待…,
# 现已累计…, 开放以来累计…); 今年以来 is part of a year and stays
FLOW_FAMILIES = ("visits", "circulation", "activities")
CUMULATIVE_SINCE = re.compile(r"(?:建成|开馆|开放|运行|成立|启用|落成)(?![^。;,]{0,6}?[周週天日](?:以来|来|内))[^。;]{0,30}?累计|(?<!今年)(?<!年初)(?<!本年)(?<![周週天日月])(?<!暑期)(?<!暑假)(?<!寒假)(?<!假期)(?<!春节)(?<!国庆)(?<!读书月)(?<!读书节)(?<!月份)以来[^。;]{0,20}?累计|"
                              r"现已累计|至今累计|累计至今|到目前为止[^。;]{0,40}?累计|"
                              # (此项目累计开展活动21场: over the project's life, not a year's)
                              r"(?:此|该|这个|这一|本)(?:项目|工程|品牌)[^。;]{0,10}?累计|"
                              # (全市各城市书房累计接待…: a network of rooms opened over the years)
                              r"(?:各|所有|全部)[^,;。\d]{0,8}?(?:书房|驿站|服务点|阅读空间)[^,;。\d]{0,4}?累计")
# (a new library's first week or days, 开幕后一周以来累计…, is a part of the year, not a sum of years)
# a flow stated to date (目前,该馆外借图书…) after its paragraph has named the library's opening by its
# date or its day count (自2024年4月23日开馆以来…。截至目前,…; 开馆仅117天,…。目前,…): the total since
# opening, not a year's; and a count on the opening's N-th day past eleven months (在开馆第335天之际)
OPENING_STATED = re.compile(r"(?:自|从)\s*(?:19|20)\d\d\s*年[^,;。]{0,10}?(?:开馆|开放|启用)以来|(?:开馆|开放|启用)(?:后)?(?:第|仅)\s*\d+\s*天")
SINCE_OPENING_TO_DATE = re.compile(r"^[^,;。]{0,4}(?:截[止至])?(?:目前|迄今|至今)")
OPENING_DAY_N = re.compile(r"(?:开馆|开放|启用)(?:后)?(?:的)?第\s*(\d+)\s*天")
OPENING_DAYS_PAST_YEAR = 330
# an opening (or any start) dated by its month (今年5月开馆以来, 去年12月开馆至今, 去年5月以来): the flows since
# then are a part of a year when the page was written within eleven months of it, else a sum
# across two calendar years (classify: the page's date, or the report's year end)
OPENED_IN_MONTH = re.compile(r"(?P<y>(?:19|20)\d\d\s*年|去年|前年|今年|本年|上年)\s*(?P<m>\d{1,2})\s*月(?:份)?(?:\s*\d{1,2}\s*[日号])?"
                             r"(?:[^,;。\d]{0,8}?(?:开馆|开放|启用|落成|运行|投入使用)(?:以来|至今|后)|\s*(?:以来|至今)"
                             # (去年5月,某镇开出了第一家分馆,目前…累计借书…: the clause after tells the opening, the
                             # next the sum to date)
                             r"|\s*[,，][^;。\d]{0,24}?(?:开出|开设|开办|建成|开馆|揭牌|落成|开放|启用)了?[^;。\d]{0,16}?[,，]\s*(?:目前|至今|现已|如今))")
OPENED_MONTHS_MAX = 11
# a round figure written as its scale alone after 破/超/逾 (破千万, 超百万): no unit follows
SCALE_ONLY = re.compile(r"\s*(?:千万|百万|亿|万)\s*")
# …or a number with its scale and no unit at the end of its clause, passed (利用人次破2000万,创新高)
SCALED_ONLY = re.compile(r"\s*\d[\d,]*(?:\.\d+)?\s*(?:千万|百万|亿|万)\s*")
SCALED_PASSED = re.compile(r"(?:破|超过?|逾|突破)\s*$")
# one event narrated (…举行了“读书日”宣传活动暨书法作品展,参与人次达5000): its attendance
# is an event's, not a reported total, when the sentence counts no events and names no whole
SINGLE_EVENT = re.compile(r"(?:举行|举办|开展)了?[^,;。\d]{0,6}?(?:“[^”]{1,30}”|《[^》]{1,30}》)[^,;。\d]{0,30}?(?:活动|展览?|讲座|比赛|仪式|开幕式|闭幕式|启动式|首发式|典礼|晚会)")
# the scene of one event (活动现场吸引了130余名读者参与): that event's audience, not a total
# (读书节当天吸引读者500余人次: the audience of the event's one day)
EVENT_SCENE = re.compile(r"(?:活动|讲座|比赛|展览|仪式)?现场|(?<!截至)(?<!截止)(?:当天|当日)")
# a news item on libraries' budgets: budget words (编列, 预算) again and again, no final accounts (决算,
# 执行): its money is planned, not spent
BUDGET_NEWS_WORD = re.compile(r"编列|编了|预算")
BUDGET_NEWS_MIN = 4
BUDGET_NEWS_NOT = re.compile(r"决算|执行率|实际支出|支出决算")
# a title among the first lines that reports what was spent (a spending self-evaluation): no budget,
# whatever its sections about budgeting say (部门预算管理制度建设情况)
SPENT_TITLE = re.compile(r"绩效(?:自评|评价)(?:报告|情况)|自评报告")
# a budget disclosure (2018年部门预算公开说明, 2022年预算情况说明): its money is planned, not spent
BUDGET_TITLE = re.compile(r"^(?!.*决算).{0,40}(?:部门预算|预算(?:公开|情况|编制)?说明|预算公开)")
# people named right before such a round figure are what it counts (普惠读者超百万)
PEOPLE_BEFORE = re.compile(r"(?:读者|群众|市民|观众|听众)\s*(?:超过?|破|逾|突破|达|近)?\s*$")
# one statement about two places (A和B两市公共图书馆的馆藏也在900万册以上): one figure for each
JOINT_SUBJECTS = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:和|与|及|、)([\u4e00-\u9fff]{2,3}?)两(市|县|区|省)((?:的)?(?:公共)?图书馆)?")
# a new library's first anniversary on the first lines (少儿图书馆启用一周年, 开馆1周年): its flows
# summed (累计) are since it opened, twelve months across two calendar years, none a year's figure
FIRST_ANNIVERSARY = re.compile(r"(?:开馆|启用|开放|运行|落成|建成)[^,;。\d]{0,4}?(?:一|1)\s*周年")
FIRST_ANNIVERSARY_LINES = 5
# the twelve months looked back on (一年来, 过去一年) in an item about World Book Day (4月23日) on
# its first lines: April to April, no calendar year (a year-end report's 一年来 is its year)
LOOK_BACK_YEAR = re.compile(r"(?<![\d十])(?:一年来|一年以来|过去(?:的)?一年|近一年|这一年来)")
READING_DAY_ITEM = re.compile(r"世界读书日|读书日|4\.23|4·23|4月23日")
SUMMED = re.compile(r"累计")
# the level of a compared year in brackets (比2021年(126178万册/件)增长7.8%)
COMPARED_LEVEL = re.compile(r"^\s*(?:比|较|与)\s*(?:(?:19|20)\d\d\s*年|去年|上年|上一年)(?:同期)?\s*[(（]\s*$")
# a lending total whose parts, listed right after it, include returns: loans + returns
LOANS_WITH_RETURNS_AFTER = re.compile(r"[^。;,]{0,4}[,，]\s*其中\s*(?:借书|借出|外借)[^。;]{0,20}?(?:还回|还书|归还)")
# a definition in brackets after a label (总流通人次(指本年度内到图书馆借阅…以及参加各类活动等))
DEFINITION_ASIDE = re.compile(r"[(（]\s*(?:指|即)[^()（）]{2,80}[)）]")
# additions summed before a holdings cue (累积增加馆藏量…): a sum of flows, not a stock
ADDED_SUM_BEFORE = re.compile(r"累[计积](?:增加|新增|增长)")
# the day such a window ends (截至2025年7月7日): not a year of the figure's own
AS_OF_DAY = re.compile(r"截[止至]\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?")
# a year or period of a figure's own, ending a run of cumulative figures
OWN_PERIOD = re.compile(r"(?:19|20)\d\d\s*年|今年|去年|全年|本年|当年|年度|(?<!\d)\d{1,2}\s*月|上半年|下半年|季度")
# a decade (50年代藏书仅为9万余册, 三十年代): no single year
DECADE = re.compile(r"(?<![\d年])(?:1[89]|20)?[1-9]0\s*年代|[一二三四五六七八九]十年代")
DECADE_ITEMS_AFTER = re.compile(r"\s*(?:以前|以来|以后)?的")
# partners listed before a figure of what they built with the library (联动机关、学校、医院和景区等建成…)
PARTNER_LIST_END = re.compile(r"[^\s,;。、和与及]{0,4}等")
# a city's brand of study rooms that the report itself names as branches (X书房…街道分馆):
# each room is a branch of a library, so its counts are branches
ROOMS_AS_BRANCHES = re.compile(r"书房[”\"」’']?\s*[,:]?\s*(?:分别为|即|是)?[^\s,;。、与和及设建在进入]{0,16}?分馆")
# stocks: what stands at one moment (a multi-year span before them does not make them sums)
STOCK_METRICS = ("collection.total", "users.registered_total", "network.branches", "network.service_points",
                 "population.served", "users.active")
# a number that is a change, not a level
# (a level reached is not a change: 上升为11883万册, 降到1247万人次, 增至…)
DELTA = re.compile(r"(?:比|较|同比|环比)[^,;。]{0,10}(?:增|减|多|少|上升|下降|提高|降低|增长)(?![为到至])|"
                   r"增长(?![为到至])|增加了|减少(?![为到至])|下降(?![为到至])|提高了|上升(?![为到至])")
# a comparison right before the measure's verb (比去年多接待读者2万人次): the number is the change
DELTA_BEFORE_CUE = re.compile(r"(?:比|较)\s*(?:去年|上年|上一年|前年|同期|(?:19|20)\d\d\s*年)(?:同期)?\s*(?:多|少|新增|增加|减少)了?\s*$")
# a count of units then 均 (21个文化站的图书室均藏书在1000册以上): what each one has, not a total
# parts listed after 其中 with a label of their own (数字资源浏览量134万次,其中《A》浏览量79万次,B50万次):
# each a part of the whole before 其中 (segment listed_part_<n>, n its place in the list); parts of a
# download count (下载量80万册次,其中…浏览量30万册次) are downloads too
LISTED_PART_CODE = "listed_part_"
# (only online use, whose parts are platforms or databases: other metrics' parts are named by
# LISTED_PARTS, and a 其中 there may name the library inside its system, a whole of its own)
LISTED_PART_METRICS = ("visits.online",)
DOWNLOAD_WHOLE = re.compile(r"下载(?:量|次数|数|总量)")
# one item of a list of parts set apart by semicolons: a label and its count (古籍13万余册), maybe
# after its count of titles (期刊类176种3.2万册)
SEMICOLON_PART_ITEM = re.compile(r"[\s,:：]*[^\d,;。]{1,10}?(?:\d[\d.,]*\s*[万千]?\s*(?:余|多)?\s*种\s*)?"
                                 r"(?:约|近|超|逾)?\d[\d.,]*\s*[万千]?\s*(?:余|多)?\s*(?:册|件|种|份|张|册次|人次)\s*")
# two parts of a headline set apart by a space (日均万人进馆 某馆接待读者超200万人次): separate clauses
HEADLINE_PART_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
HEADLINE_MAX = 50
# a programme of activities announced for a campaign, counted in 项 (带来逾40项阅读推广活动, 精心策划了
# 20项读书活动, 20项活动迎接“世界读书日”): what will be offered, not the activities the year held
PROGRAMME_UNITS = ("项",)
PROGRAMME_ANNOUNCED_LEFT = re.compile(r"(?:带来|策划|准备|推出|安排|筹备|奉上|献上)了?[^,;。\d]{0,8}$")
# …or a programme to come (将开展40项阅读推广活动, 计划推出30项): announced, not held
PROGRAMME_FUTURE_LEFT = re.compile(r"(?:将|即将|拟|计划|预计)(?:陆续|集中|重点|精心)?(?:开展|举办|推出|组织|举行|安排|策划)?了?[^,;。\d]{0,6}$")
PROGRAMME_WELCOME_RIGHT = re.compile(r"^[^,;。\d]{0,10}?(?:迎接|喜迎)")
EACH_OF = re.compile(r"\d+\s*[个所家座][^,;。\d]{0,12}?均[^,;。\d]{0,8}$")
# a comparison before the cue and a change verb after it (比2024年收支预算总数增加10.45万元): a change
COMPARED_BEFORE_CUE = re.compile(r"(?:比|较)\s*(?:去年|上年|上一年|前年|(?:19|20)\d\d\s*年)(?:同期|度)?[^,;。\d]{0,4}$")
CHANGE_AFTER_CUE = re.compile(r"\s*(?:增加|减少|增长|下降|提高|降低|上升|多|少)了?\s*")
# money changing by an amount right after its cue (人员经费增加20.17万元, 项目支出净增加…): a
# year-on-year difference, not what was spent (增加到/增至 a level has 到/至 and stays)
MONEY_CHANGE_AFTER_CUE = re.compile(r"\s*净?(?:增加|减少|增长|下降|增|减)了?\s*")
# e-books are listed beside the holdings, not in them (电子图书藏量约9.5万册); as a part
# after 其中 of a total that includes them they do count (prose part rule)
EBOOKS = re.compile(r"(?<![含括])电子(?:图书|书|文献|期刊|版图书)")   # (含电子书 / 不含电子文献 state the scope)
# …named right after the number, with or without 的 (、23.3万册的电子图书: beside the holdings)
EBOOKS_RIGHT = re.compile(r"\s*(?:的\s*)?" + EBOOKS.pattern)
# a number inside a noun phrase naming things by a threshold (…超10万册的公共图书馆, 借书100册以上的读者)
THRESHOLD_RIGHT = re.compile(r"^\s*(?:以上|以下)?\s*的[^,;。\d]{0,8}?(?:图书馆|馆(?!藏)|单位|机构|地区|城市|县|市|区|读者|用户|家庭)")
# the bound of such a threshold right before its number (超10万册的…, 藏书达到5万册以上的…)
THRESHOLD_BOUND_LEFT = re.compile(r"(?:超过?|逾|不足|不到|不少于|不低于|达到?|突破|在)\s*$")
# readers grouped by how many books they borrowed (借书超过200册的有10人): the bracket's threshold
# (the number before 的有) and the persons in it (the number after) are neither a library total
BRACKET_THRESHOLD_RIGHT = re.compile(r"^\s*(?:册次|册|本|次)?\s*(?:以上|以下)?\s*的\s*(?:读者|人)?\s*(?:有|为|共有|达)\s*\d")
BRACKET_COUNT_LEFT = re.compile(r"\d\s*(?:册次|册|本|次)\s*(?:以上|以下)?\s*的\s*(?:读者|人)?\s*(?:有|为|共有|达)\s*$")
# the bound of a ranking group (人口四十万人以上组别, 人口30万以下县市组, 50万人口以上城市组别):
# a class of places, not a figure
GROUP_BOUND_RIGHT = re.compile(r"^\s*(?:人|册|人次)?\s*(?:人口)?\s*(?:以上|以下|至[^,;。]{0,8}?)\s*(?:的)?\s*[^,;。\d]{0,4}?组(?:别)?")
# places classed by a bound (人口50万以上城市中排名第三): the bound names a class, not a figure
PLACE_CLASS_RIGHT = re.compile(r"^\s*(?:人)?\s*(?:以上|以下)\s*(?:的)?\s*(?:大|中|小)?(?:城市|县市|县区|地区|省份|县|市)")
# a condition on how many books one borrows (每次借阅5本以上的书籍即可…): a threshold, not loans
THRESHOLD_BOOKS_RIGHT = re.compile(r"^\s*(?:本|册)?\s*(?:以上|以下)\s*的\s*(?:书籍|图书|书)")
# a time slot of the day (在半夜12时至第二天5时期间入馆的读者…): a count of those hours, not the year's
# a point of time of the day as a clause before the count in its sentence (上午9点多,…借阅人数就达到
# 200多人次): a count of those hours, not of a day or a year (not opening hours, 上午9点至下午5点)
TIME_OF_DAY = re.compile(r"(?<![至到—~-])(?:上午|下午|中午|晚上|早上|凌晨|傍晚)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*(?:点|时)"
                         r"(?:多|许|左右|前后|钟)?\s*[,，]")
# a time of day that ends the counting window (截至5月3日下午3点,共接待…): the figure is the sum up to
# that moment, not what happened at it
TIME_OF_DAY_CUTOFF_BEFORE = re.compile(r"(?:截至|截止|截止到|到)\s*(?:\d{1,2}\s*月\s*)?(?:\d{1,2}\s*[日号]\s*)?(?:当天|当日)?\s*$")
TIME_SLOT = re.compile(r"\d{1,2}\s*[时点]\s*(?:至|到|—|-|~)[^,;。\d]{0,6}?\d{1,2}\s*[时点]")
# cards issued since a system was introduced (实行总分馆制以来,…发放借书证44000个): a sum of
# years, though the card cue is a stock's; the issuing verb in the cue marks it as a flow
SINCE_UNDERTAKING = re.compile(r"(?:实行|实施|推行|建立|启动|开展)[^,;。\d]{0,12}?以来")
# a scaled number with no unit whose noun after 的 names the measure and its unit (近600万的“到馆人次”,
# 120万的借阅册次): the number counts that noun
SCALED_NAMED_RIGHT = (
    (re.compile(r"\s*的\s*[“\"「]?\s*(?:读者)?(?:到馆|进馆|入馆)(?:人次|人数)"), "visits.in_person"),
    (re.compile(r"\s*的\s*[“\"「]?\s*(?:外借|借阅|流通)(?:册次|册数)"), "circulation.loans"),
)
# a sentence opened by one year (数据显示,2018年,某馆分馆累计办证…;某站累计办证…) that counts the year's cards
# with 累计 and no new-card figure of its own before (办证2468张,…累计办证…: then 累计 is the running total)
YEAR_OPENS_SENTENCE = re.compile(r"^\s*(?:[^,，;。\d]{0,8}[,，]\s*)?(?:19|20)\d\d\s*年度?\s*[,，]")
NEW_CARDS_FIGURE = re.compile(r"(?<!累计)(?<!累计发放)(?:办证|办理(?:读者|借阅|借书)?证|新增读者|新办)\s*\d")
TO_DATE_SUM = re.compile(r"截至|截止|至今|目前|以来|现已|迄今")
# one year named right before a 累计 cue (全年累计办理借书证…): the sum over that year only
YEAR_SUM_BEFORE = re.compile(r"(?:全年|本年|今年|当年|年内|(?:19|20)\d\d\s*年度?)\s*(?:共|共计)?\s*$")
# a span from a year to now (自2019年启用以来, 自2016年至今): group 1 is its first year
SINCE_YEAR = re.compile(r"(?:自|(?<![\d年])(?=(?:19|20)\d\d\s*年以来))\s*((?:19|20)\d\d)\s*年[^,;。]{0,16}?(?:以来|至今)")
ISSUING_CUE = re.compile(r"发放|办理|新办|办证")
# a window from a day of one year to a day of another (2017年4月18日至2018年4月18日): its flows
# belong to no calendar year (groups 1 and 2: the two years)
# (or by words: 去年4月至今年4月)
CROSS_YEAR_WINDOW = re.compile(r"((?:19|20)\d\d|去|上|前|今|本)\s*年\s*\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*[日号])?\s*(?:至|到|—+|-|~|～)\s*"
                               r"((?:19|20)\d\d|去|上|今|本)\s*年\s*\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*[日号])?")
# year words of such a window that name the same year (本年 = 今年, 上年 = 去年)
SAME_YEAR_WORD = {"本": "今", "上": "去"}
# village, grassland and workers' reading rooms (农家书屋, 草原书屋, 职工书屋): another system's rooms,
# so their counts are not the library's service points and books bought for them are not its additions
VILLAGE_ROOMS = re.compile(r"农家|(?:草原|职工|牧家|渔家|农村|农牧)书屋|万村书库")
VILLAGE_ROOMS_RIGHT = re.compile(r"^\s*[家个座所间]?\s*(?:点\s*)?(?:农家|(?:草原|职工|牧家|渔家|农村|农牧)书屋|万村书库)")
VILLAGE_ROOM_METRICS = ("network.branches", "network.service_points", "network.service_points_added",
                        "collection.added")
# …unless the library takes them into its own lending (纳入12家农家书屋通借通还): then they are its points
VILLAGE_ROOMS_JOINED = re.compile(r"纳入|通借通还|统借统还")
# what may open a sentence before the rooms it is about (全县186家农家书屋…, 各草原书屋…)
VILLAGE_LEAD = re.compile(r"\s*(?:\d{4}\s*年(?:度)?\s*[,，]?)?\s*(?:全(?:县|市|区|旗|省|盟|州)|各|该|所有|现有)?\s*(?:共有?)?\s*"
                          r"(?:\d+|[一二三四五六七八九十百千两]+)?\s*[家个所座间]?\s*")
# the library named as a subject (after the rooms: …农家书屋,图书馆全年…)
OWN_SUBJECT_WORDS = re.compile(r"图书馆|本馆|我馆|分馆|总馆")
# how far before the cue (or the number) the room's name may sit (为110家农家书屋采购图书…)
VILLAGE_ROOMS_REACH = 12
# a budget's base and its increase (在90万元的图书采购经费基础上新增150万元): neither is what is spent
BUDGET_BASE_RIGHT = re.compile(r"^\s*的[^,;。\d]{0,16}?基础上")
INCREASE_ON_BASE = re.compile(r"基础上[^,;。\d]{0,4}?(?:新增|增加|追加|增长|再增)了?\s*$")
# kinds of place named between a facility count and its noun (9个镇(街)、社区基层分馆)
# (7个县(市、区)分馆: several kinds of place in the brackets)
FACILITY_PLACE_GAP = re.compile(r"(?:(?:[县市区镇乡村街]|街道|乡镇|社区)(?:[(（](?:[县市区镇乡村街]|街道|乡镇|社区)(?:[、和及](?:[县市区镇乡村街]|街道|乡镇|社区))*[)）])?[、和及]?)+(?:基层|城乡)?")
# an opening-hours aside between a facility count and its noun (3个提供24小时服务的自助图书站)
FACILITY_GAP_ASIDE = re.compile(r"(?:提供)?24\s*小时(?:开放|服务|自助)?(?:的|嘅)?|"
                                # the theme of the facilities (4个乡村振兴主题图书分馆, 3个特色阅读驿站)
                                r"^[^,;。\d、]{0,8}?(?:主题|特色)(?:图书|阅读)?(?=[^,;。\d]{0,2}$)")
# what a place has, counted by volume, with the material named after the number (有近2000册图书,
# 共藏有65.64万份实体文献): its holdings; the verb of having ends the text before the number and the
# material ends its phrase (not 有5000册图书被借出, 共有3万册图书参与漂流)
HELD_UNITS = ("册", "本", "册件", "份")
HOLDING_VERB_LEFT = re.compile(r"(?:拥有|藏有|现有|存有|共有|(?<![没还另])有)\s*(?:各类|各种)?\s*(?:近|约|超过?|逾|达)?\s*$")
HELD_MATERIAL_RIGHT = re.compile(r"^\s*(?:\([^()]{1,3}\))?\s*(?:的)?(?:各类|各种|实体|纸质|中外文)?(?:图书|书籍|藏书|文献|书刊)(?:资源)?(?=\s*(?:[,，;；。、)）]|$|等|和|及|与|供|可供))")
# …and what was bought or added, the material named after the count (购进了1200余册新书, 新增3000册图书):
# the additions
ACQUIRE_VERB_LEFT = re.compile(r"(?:购进|购置|采购|购买|购入|新购|添置|新增)了?\s*(?:各类|各种)?\s*(?:近|约|超过?|逾|达)?\s*$")
ACQUIRED_MATERIAL_RIGHT = re.compile(r"^\s*(?:的)?(?:各类|各种|纸质|中外文)?(?:新书|图书|书籍|文献|书刊|绘本)(?=\s*(?:[,，;；。、)）]|$|等|和|及|与|供))")
# libraries of a kind of place counted, then named as the branches of a system later in the clause
# (全县33个乡镇(街道)图书馆、城市书房为分馆的总分馆服务体系): its branches
NAMED_AS_BRANCHES_RIGHT = re.compile(r"^\s*(?:乡镇|街道|村|社区|镇|乡|[(（)）、])*图书馆[^,;。\d]{0,12}?为(?:其)?分馆")
# region words that may sit between a facility noun and its count (分馆数量全省共5568个)
REGION_WORD = re.compile(r"全(?:省|市|区|县|州|盟|旗|国)")
# a clause that only says when and how much, its measure named by the clause before
# (…外借文献量常年高居榜首,2022年达671万册次 / …同比下降64.72%,降到1247万人次 / 目前已建成12座)
# an elliptic clause that names the whole year, after a clause stating a rate (每天接待读者5000余人次,
# 全年累计超过180万人次): the year's total of the rate's measure
FULL_YEAR_AFTER_RATE = re.compile(r"\s*(?:全年|全年度|(?:19|20)\d\d\s*年(?:度|全年)?|今年|本年)\s*(?:共|共计|累计|合计|总计)?")
# a level from a year or reached (由2023年的…, 增至去年的…), opening an elliptic clause
LEVEL_CHANGE_LEFT = re.compile(r"(?:由|从|增至|增到|增加到|增长到|升至|上升到|降至|下降到|减少到|减至|涨至|下跌至|下跌到|跌至|回落至|回落到)\s*(?:(?:19|20)\d\d\s*年|去年|今年|上年|现时|目前)")
# a table written one cell per line: a heading line naming the measure (藏书册数, 阅览人数), then rows
# "<group> <number><unit>" (内地人 39,134人 / 计 67,281人), maybe under a sub-heading line (和汉书):
# each row takes the heading's measure. The row label is a short word; the rows passed on the way up
# share the number's unit; a heading or sub-heading with a rate word (一日平均阅览) ends the search
ONE_CELL_TABLE = {
    "row_label": re.compile(r"\s*[\u4e00-\u9fff]{1,6}\s*"),
    "row_line": re.compile(r"\s*[\u4e00-\u9fff]{1,6}\s*[\d,.]+\s*(?P<unit>[\u4e00-\u9fff]{1,2})\s*"),
    "heading_line": re.compile(r"\s*[\u4e00-\u9fff]{2,10}\s*"),
    "lookback_lines": 12,
}
# a year between a facility noun and its count (全县有图书流动站:1956年8处,1981年11处): the count's year
YEAR_BEFORE_COUNT = re.compile(r"[:：]?\s*(?:19|20)\d\d\s*年(?:底|末)?\s*$")
# the levels of several measures in one year, listed (由2011年的4,210万人次、5,545万本外借书籍,下跌至…): the
# first level need not close its clause, and each takes the measure of its own unit from the clause before
LEVEL_LIST_RIGHT = re.compile(r"\s*、\s*\d")
ELLIPTIC_LEFT = re.compile(
    r"\s*(?:其中)?[\s,:]*(?:预计|预估|估计)?\s*"
    # (到访图书馆的人次,由2023年的2149万,增至去年的2383万: a level from a year, then to another)
    r"(?:(?:大幅|进一步|更|再)?(?:由|从|增至|增到|增加到|增长到|升至|上升到|降至|下降到|减少到|减至|涨至|下跌至|下跌到|跌至|回落至|回落到)\s*(?=(?:19|20)\d\d\s*年|去年|今年|上年|现时|目前))?"
    r"(?:(?:19|20)\d\d\s*年(?:度|底|末)?|去年|今年|全年|当年|本年|目前|现时|现|截至目前|截止目前|"
    r"(?:[1-9]|1[0-2])月(?:份)?)?\s*(?:截[至止]\s*(?:[1-9]|1[0-2])\s*月(?:底|末|份)?)?\s*(?:的)?\s*"
    r"(?:总数|总量|总人数|总计)?\s*(?:却|竟然|竟|但)?\s*(?:仅|只|也|又|再|还|则|已|共|总共|合计|累计|首次|同比|分别|均|一共|就|将)?\s*"
    r"(?:有|为|是|在|高?达|达到了?|计|共计|合计|降到|降至|下降到|下降至|回落到|回落至|减少到|减少至|增至|增到|增加到|增加至|"
    r"增长到|增长至|增长为|上升到|上升至|上升为|升至|提升到|提升至|提高到|提高至|涨至|涨到|突破|超过|首破|接近|建成|建有|拥有|设有|"
    r"服务|接待|从|由)?\s*(?:了)?\s*")
# a clause that only says how much was added to the stock stated in the clause before
# (纸质文献总藏量达6140.6万册,新增124.5万册次): the flow of that stock
NEW_OF_STOCK = re.compile(r"\s*(?:全年|当年|本年|年)?\s*(?:新增|净增|新增加)了?\s*")
# what may follow a number that closes its clause (以上, a bracket, a period label)
CLAUSE_TAIL = re.compile(r"\s*(?:以上|左右|之多)?\s*(?:\([^)]{0,12}\))?\s*(?:的?(?:历史)?新高|之最)?\s*")
# a clause pointing back at the figure just stated (2012年,这一数据为2484.51万人)
ANAPHORIC_FIGURE = re.compile(r"\s*(?:这一|这个|该|此|上述)(?:数据|数字|指标|数值|数)(?:则|仅|只)?(?:为|是|有|达|仅有|只有)?\s*")
# a part named after 其中 (…,其中纸质文献5880545册 / 、古籍37万余册 / 其中47万册古籍…): a short noun phrase
PART_NOUN = re.compile(r"[\s,、:]*(?:\)[\s,、]*)?(?:其中[\s,:]*|\(\s*(?:含|包括|包含|其中)[\s:]*)?[^\d,;。:()]{0,12}?[\s]*(?:\([^()\d]{1,20}\))?\s*(?:[\d.]+\s*[万千]?\s*(?:余|多)?\s*种\s*、?)?(?:累计|共计|共|合计|总计|就)?(?:约|近|超|逾)?(?:为|达|有)?(?:约|近|超|逾)?\s*")
# units that name their measure when no cue does, with the sentence context they need
UNIT_FIRST = [
    ("册次", re.compile(r"借阅|外借|借出|流通|借书"), "circulation.loans"),
    ("场次", re.compile(r"活动|讲座|展览|培训|故事会|读书会|沙龙|放映|演出"), "activities.events"),
]
# a unit's alternative in brackets after a value (95580册(件)), before the next item of a list
UNIT_ALTERNATIVE = re.compile(r"^[(（][^()（）\d]{1,3}[)）]")
# a stock right after the flow that adds to it, in the same list (新建…43家、总数达114家)
LIST_STOCK = re.compile(r"\s*、\s*(?:总数|总量|累计|共计|共有|现有|共)\s*(?:达到?|为|有)?\s*")
# a part of the holdings named by its material, listed after the whole without 其中
# (藏书21.3万册,图书19.0万册,古籍0.6万册 / 其中:⏎1、纸型文献(110余万件);汉文图书70万册、…)
MATERIAL_PART = re.compile(r"[\s,、;:]*(?:\d{1,2}\s*[、.]\s*)?[^\d,;。:()]{0,6}?(?:图书|古籍|报刊|期刊|报纸|文献|书刊|善本|资料|藏书)(?:资源)?\s*"
                           r"(?:\([^()\d]{1,20}\))?\s*\(?\s*(?:[\d.]+\s*[万千]?\s*(?:余|多)?\s*种\s*、?)?(?:约|近|超|逾)?(?:为|达|有)?(?:约|近|超|逾)?\s*")
# the second level of a change stated as two levels (从32座增至42座): both are levels
FROM_TO_RIGHT = re.compile(r"\s*(?:增|增加|增长|上升|提高|扩大|减少|下降|降|减)?(?:至|到)\s*[\d一二三四五六七八九十两]")
# what may stand between a cue and a bare number it names (流通人次达到28万, 持证读者:1.2万)
# an amount named right after it (200万元的文献购置经费): that name is its cue, before any on its left
MONEY_NAMED_RIGHT = re.compile(r"^\s*的[^,;。\d]{0,12}?(?:经费|资金|费用|费)(?![^,;。]{0,4}\d)")
BARE_BETWEEN = re.compile(r"(?:[\s:为达到是共计总合累约近超逾首破量已有了]|录得|錄得)*")   # (录得: Hong Kong's "recorded")
# …or the noun the cue counts, when the number's scale is written (外借图书52万, 到访读者12万)
BARE_NOUN_BETWEEN = re.compile(r"\s*(?:的)?(?:图书|书刊|文献|资料|书籍|读者|用户|市民)" + BARE_BETWEEN.pattern)
# a level reached, between a stock's cue and its scaled number (持证读者增至5.6万, 馆藏增加到32万)
LEVEL_REACHED_BETWEEN = re.compile(r"\s*(?:已)?(?:增|增加|增长|上升|提高|攀升|扩大)(?:至|到)了?" + BARE_BETWEEN.pattern)
# what was added, between a stock's cue and its scaled number (注册读者新增3.2万): the stock's flow
ADDED_BETWEEN = re.compile(r"\s*(?:全年|本年|年内)?(?:新增|新增加|净增)了?" + BARE_BETWEEN.pattern)
# a label's unit in brackets right before its value (外借图书(册次):68000, 举办活动(场次):156)
BRACKET_UNIT_LABEL = re.compile(r"[(（]\s*(?P<scale>万|千)?(?P<unit>人次|册次|场次|件次|册|件|人|次|场|个|张|家|处|元|千元|万元)\s*[)）]\s*[:：]?\s*$")
# what may sit between such a label's cue and its bracket: the noun it counts, or nothing
BARE_NOUN_GAP = re.compile(r"\s*(?:的)?(?:图书|书刊|文献|资料|书籍|读者|用户|市民|数|量|数量|总数|总量)?\s*")
FROM_LEVEL = re.compile(r"\s*(?:从|由)\s*(?:(?:(?:19|20)\d\d\s*年(?:底|末)?|去年|上年)\s*的)?\s*")
TO_LEVEL = re.compile(r"(?:增|增加|增长|上升|提高|扩大|减少|下降|降|减)?(?:至|到)\s*(?:(?:19|20)\d\d\s*年(?:底|末)?\s*的)?")
# a value compared with another month's (已超过6月份的83354人次): the same measure for that month
OTHER_MONTH = re.compile(r"\s*(?:已|还|也)?(?:超过|高于|低于|多于|少于|不及|较|比|与)?\s*(?:(?:[1-9]|1[0-2])\s*月份?|上月|上个月|去年同期|上年同期)\s*的\s*")
# a line that opens a list of parts (…总藏书量近130万册,其中:⏎)
# the words that open a list of parts of the whole stated before them (其中…, 包括…, 按文献类型分:…)
PARTS_LEAD = re.compile(r"其中(?:包括|包含)?|(?<![不未])(?:包括|包含)(?=[^,;。\d]{1,8}\d)|按[^,;。:：\d]{1,8}?(?:分|划分|统计)\s*[:：]")
# a sentence opened by 其中: it lists parts of the whole of the sentence before
PARTS_OPENING = re.compile(r"\s*其中\s*[,，:：]?")
PARTS_FOLLOW = re.compile(r"其中\s*[::]?\s*$")
# a sentence opening that names the whole its parts belong to (在外借书刊中, / 总藏书量中,)
# (在135959.18万册的图书总藏量中,有图书…、古籍…: the whole stated inside the opening)
AMONG = re.compile(r"\s*在?([^,;。]{2,16}?|[\d.]+\s*[万亿]?\s*[^\d,;。]{1,3}的[^\d,;。]{2,10}?)中\s*[,:]")
# …but not a clause with a verb of its own (its measure is another one)
PART_NOUN_BAD = re.compile(r"开展|举办|接待|借(?!阅?[部室区处])|还|新增|新购|购|办理|参加|参与|服务|访问|下载|浏览|增长|增加|减少|下降|占|比|较|人均|每")
# libraries and service points counted together in one facility total
MIXED_FACILITIES = re.compile(r"(?<![自助智慧])(?:公共)?图书馆(?:\([^)]{0,4}\))?\s*[、和及与]")
# …but a list whose items each have their own count (1所总馆、70所分馆、12所流动图书馆) is no such total:
# the item before a listed library (from the last list mark) holds a count of it
LIST_ITEM_START = re.compile(r"[、,，;；]")
COUNTED_ITEM = re.compile(r"(?:\d|[一二三四五六七八九十两])\s*(?:所|个|家|座|间|处)")
# ratios: 每万人…, 人均…
RATIO = re.compile(r"每(万|千|百|十万)人|人均|每人|万人均")
# an unscaled fractional number with a count unit (…均外借8.73册次, 2.5人次; not 8.73万册次): an
# average or a rate whatever its wording, never a total (candidates: reason `average`)
# (unless its clause calls it a total: 读者活动总人次为10489.5人 is a total, misprinted or not)
FRACTIONAL_TOTAL_LEFT = re.compile(r"总|共计|合计")
FRACTIONAL_COUNT_UNITS = ("册次", "人次", "册", "件", "次", "场次", "场", "个", "张", "人", "家", "处", "本", "份", "名")
RATIO_SCALE = {"万": 10_000, "千": 1_000, "百": 100, "十万": 100_000}

ACTIVITY_CTX = re.compile(r"活动|讲座|展览|培训|故事会|读书会|沙龙|分享会|比赛|竞赛|演出|放映|阅读推广|辅导")
# the units of an audience counted alone right after its events (16场;741人)
AUDIENCE_UNITS = ("人次", "人", "名")
# a sentence where readers drawn or served may be an event's audience (a festival, its day or scene,
# people taking part): a `shun_activity_ctx` cue does not read it
AUDIENCE_CTX = re.compile(ACTIVITY_CTX.pattern + r"|读书节|读书月|阅读节|阅读月|书香节|文化节|艺术节|当天|当日|现场|参与|参加|观看|观展|"
                          # (outreach: 流动图书车下乡32次,服务群众1.5万人次 is no visit to the library)
                          r"下乡|送书|流动|上门|进社区|进校园|进军营|进企业|进乡村|线上|网上|在线")
EVENT_VERBS = re.compile(r"开展|举办|举行|组织|推出|承办")
# staff receiving training (not reader activities): 我馆同志参加培训…
STAFF_RECEIVED = re.compile(
    r"(?:同志|馆员|职工|员工|干部|全馆人员|工作人员)[^。;]{0,12}(?:参加|接受|进行了?|参与|学习|收看|观看)[^。;]{0,20}(?:培训|学习|讲座|直播)|"
    r"(?:参加|接受)[^。;]{0,16}(?:举办|组织)?的?[^。;]{0,8}培训"
)
# the same, worded around the number's clause: 选派18人次参加省市培训, 组织馆员业务培训6次
# (training the library *delivers* to grassroots/branch staff is an activity: STAFF_DELIVERED)
STAFF_CLAUSE = re.compile(
    r"(?:选派|派出|选送|派员|组织干部职工)[^。;,]{0,12}(?:参加|参与|赴)[^。;,]{0,20}(?:培训|学习|研修|进修|会议)|"
    r"(?:馆员|职工|员工|干部|工作人员|从业人员)(?:业务|专业|岗位|素质|能力)?(?:培训|学习)"
)
STAFF_DELIVERED = re.compile(r"基层|分馆|乡镇|街道|村|社区|农家书屋|服务点|辅导")

# a cue naming a year's budget (财政预算指标, 收支预算总数): its money is planned, not spent
BUDGET_CUE = re.compile(r"预算指标|预算总(?:数|额)|"
                        # a news item's budgets: what a library is given to spend this year (编列, 图书馆预算, 购书预算)
                        r"编列|^编了$|图书馆的?预算|^\s*的?(?:图书馆)?(?:总)?(?:预算|经费预算)$|[买购]书预算")
# parts of the spending total, kept only beside a stated total (prose._drop_unsupported_parts)
BUDGET_PART = re.compile(r"基本支出?|项目支出|专项(?:资金|经费)项目")
# a part is supported by a total stated in its own paragraph or earlier in its section: the
# lines between may hold headings below the total's own (1、基本支出 / (1) under (三)…收支情况)
# but none of its level or above (四、 / (四)); heading marks by level, outermost first
HEADING_LEVELS: list[re.Pattern] = [
    re.compile(r"[ \t\u3000]*[一二三四五六七八九十]+[、.]"),
    re.compile(r"[ \t\u3000]*[(（][一二三四五六七八九十]+[)）]"),
    re.compile(r"[ \t\u3000]*\d{1,2}[、.](?!\d)"),
    re.compile(r"[ \t\u3000]*[(（]\d{1,2}[)）]"),
]
BUDGET_PART_REACH = 800
# a numbered project under a 项目支出 heading ((1)免费开放项目支出…元): its money is that project's part
PROJECT_ITEM = re.compile(r"[ \t\u3000]*[(（](\d{1,2})[)）]")
PROJECT_HEADING = re.compile(r"(?:[一二三四五六七八九十]+[、.]|\d{1,2}[、.]|[(（][一二三四五六七八九十]+[)）])?\s*项目支出[:：]?")
PROJECT_HEADING_LOOKBACK = 6
# what an item's first amount must be named as to be that project's spending (支出 / 项目 / 资金)
PROJECT_SPENT = re.compile(r"支出|项目|资金|经费")
# cues read in running text only (tables treat these labels as parts of the row above)
PROSE_CUES: list[Cue] = [
    Cue("sp_parts", BUDGET_PART.pattern, _m(MONEY, "spending.total")),
]
# every cue of running text
TEXT_CUES: list[Cue] = CUES + PROSE_CUES

# ------------------------------------------------------------------ flows

FLOW_WORDS = re.compile(r"新增|新建|新设|新开|新开通|建成|再建|增设|布局|落成|新落成|挂牌成立|新挂牌|建设了?|开设了?|设立了?|(?<!已)建了")
STOCK_WORDS = re.compile(r"已(?:在[^,;。\d]{1,8}?)?建成?|已(?:设立|成立|开设)之?|已有|共建成|共建有|建有|累计(?:建成|建设)?|共有|共设|现有|拥有|总数|总量|目前有|全市共|截[止至][^,;。]*?(?=共|有)")
# (…12个“X书房”建设: the rooms to be built; …50家书房的建设目标 is the stock the work reached)
# (…8个城市书房全部建成运营: all of them built, the stock completed, not the year's flow)
FLOW_RIGHT = re.compile(r"^[^,;。]{0,12}(?:的建设(?!目标)|建设工作|建设任务|[’”\"」]建设|(?<!全部)(?<!均已)(?<!都已)(?<!均)建成|落成|挂牌|新建)")
# facilities set up at a list of hosts (在区福利院、残联、部队、学校、社区等单位设立了…, 联动机关、学校、部队、医院
# 等建成…): the outlets the network has across its partners, a stock (batch1 / batch12b conventions)
HOSTS_BEFORE_SETUP = re.compile(r"[^、,;。\d]{1,10}(?:、[^、,;。\d]{1,10}){2,}(?:[和及与][^、,;。\d]{1,8})?等(?:单位|机构|场所)?"
                                r"(?:设立|建成|建立|设置|开设)了?[^,;。\d]{0,12}$")
ADDED = {"network.branches": "network.branches_added", "network.service_points": "network.service_points_added"}

# ------------------------------------------------------------------ scope

SCOPE_RULES: list[tuple[str, re.Pattern]] = [
    ("region", re.compile(r"(?:全省|全市|全区|全县|全州|全盟|全旗|全国)[^,;。]{0,6}(?:公共图书馆|各级图书馆|图书馆系统|各图书馆|各馆|公共文化)")),
    ("system", re.compile(r"总分馆(?:服务)?体系|体系内|全体系|全馆总分馆|总分馆(?:合计|总计|共)|全系统|含分馆|(?:包括|含)[^,;。]{0,6}分馆")),
    ("branches", re.compile(r"直属分馆|(?<!总)分馆(?!建设)")),
    ("service_points", re.compile(r"服务点|流通点|流动点|(?<![本总我])馆外(?!借)|驿站|书吧|读书角|书屋|书房|流动服务|送书上门")),
    ("library", re.compile(r"本馆|我馆|总馆|馆内|图书馆")),
]

# ------------------------------------------------------------------ segment

SEGMENT_RULES: list[tuple[str, re.Pattern]] = [
    ("staff_training", re.compile(r"业务培训|业务辅导|馆员培训|业务骨干|从业人员培训")),
    ("alliance", re.compile(r"联盟")),
    ("self_organized", re.compile(r"自主(?:活动|举办|开展)")),
    ("reference_room", re.compile(r"参考咨询室")),
    # a department counted on its own (电子阅览室接待读者N人次): its part of the visits
    ("e_reading_room", re.compile(r"电子阅览室")),
    ("free_opening", re.compile(r"免费开放(?:经费|资金|补助)")),
    ("braille", re.compile(r"盲文")),
    ("picture_books", re.compile(r"绘本(?!故事)")),
    ("minors", re.compile(r"未成年|少儿|儿童|青少年|少年|亲子|幼儿|中小学生|学生")),
    ("adults", re.compile(r"成人(?!礼|教育|高考|仪式)")),
    # parts of the readers' use by day, sex or age band (周六共借出…, 女性读者有…, 19至35岁读者借阅…):
    # never a whole (not read for activities: 周末故事会 names an event)
    ("weekends", re.compile(r"周末|週末|双休日|周六|周日|星期六|星期日")),
    ("women", re.compile(r"女性|女读者")),
    ("men", re.compile(r"男性|男读者")),
    ("age_band", re.compile(r"\d{1,2}\s*(?:至|到|-|~|—)\s*\d{1,2}\s*(?:周)?岁|\d{1,2}\s*(?:周)?岁\s*(?:及)?\s*(?:以上|以下)")),
    ("storytelling", re.compile(r"故事会|讲故事|故事妈妈|故事屋")),
    ("online", re.compile(r"(?<!线下)线上(?!线下)|网络|在线|云端")),
    ("offline", re.compile(r"(?<![线上和与、])线下(?=活动|讲座|展览|培训|阅读推广|参与)")),
    ("periodicals", re.compile(r"期刊|报刊")),
    # parts of the holdings named by their material (其中古籍1.2万册, 地方文献8000余册)
    # (善本 / 古籍善本: the rare books, a part of the ancient ones; 古旧籍: old and ancient books)
    ("rare_books", re.compile(r"(?:古籍)?善本(?:书|图书|文献|古籍|藏书)?(?=\s*[\d约近超逾达为有共])")),
    ("ancient_books", re.compile(r"(?:古旧籍|古籍|线装古籍)(?:图书|文献|藏书|线装图书)?(?=\s*[\d约近超逾达为有共])")),
    # (征集地方文献和文史资料12种100余册: local documents named with a kindred material)
    ("local_documents", re.compile(r"地方文献(?:藏量|馆藏)?(?:(?:和|及|与|、)[^\d,;。]{1,6})?(?=\s*[\d约近超逾达为有共])")),
    # the two parts of a budget's spending (基本支出 / 项目支出); not when the text says
    # what that spending is (项目支出即购书经费N元: the figure is the named spending itself)
    ("basic", re.compile(r"基本支出(?!\s*即)|基本支(?=\s*\d)")),
    ("project", re.compile(r"项目支出(?!\s*即)")),
    ("audiovisual", re.compile(r"(?:视听|音像|影音)(?:文献|资料)(?=\s*[\d约近超逾达为有共])")),
    ("open_shelf", re.compile(r"开架")),
    ("in_ils", re.compile(r"纳入")),   # (kept last: network figures read only this rule)
]
# the segments of that list not read for activities
READER_PART_SEGMENTS = ("weekends", "women", "men", "age_band")
# parts of holdings or loans listed by name after their whole (总藏书量N,其中古籍…,图书N册,报刊N份;
# 汉文图书N册、民文图书N册): the label between the last list mark and the number names only the
# part, by material, language or subject class; read by prose.listed_part (fullmatch, first wins)
LISTED_PART_LEAD = re.compile(r"^(?:其中(?:包括|包含)?|另有|包括|包含|含有?|按[^,;。:：\d]{1,8}?(?:分|划分|统计))\s*[:：]?")
# the clause before the parts names their whole (总藏书量中,外文图书N册)
LISTED_PART_WHOLE_BEFORE = re.compile(r"\d|中\s*[,，:：]\s*$")
LISTED_PARTS: list[tuple[str, re.Pattern]] = [
    ("foreign_languages", re.compile(r"(?:外文|西文|外语)(?:图书|书刊|报刊|期刊|报纸|文献)?(?:(?:、|和|及)(?:图书|书刊|报刊|期刊|报纸))*")),
    ("minority_languages", re.compile(r"(?:民文|少数民族文字?|民族文字)(?:图书|书刊|文献)?")),
    ("chinese_books", re.compile(r"(?:汉文|中文)(?:普通)?图书")),
    ("minors", re.compile(r"(?:少儿|儿童|少年儿童)(?:图书|读物|书刊|文献)")),
    ("rare_books", re.compile(r"(?:古籍)?善本(?:书|图书|文献|古籍)?")),
    ("ancient_books", re.compile(r"(?:古旧籍|古籍|线装古籍)(?:图书|文献|特藏)*")),
    ("books", re.compile(r"(?:普通|纸质)?图书")),
    ("newspapers", re.compile(r"(?:中文|汉文)?报纸(?:合订本)?")),
    ("periodicals", re.compile(r"(?:中文|汉文)?(?:期刊|报刊|杂志)(?:合订本)?")),
    ("microforms", re.compile(r"缩微(?:制品|胶片|文献|资料)")),
    # (馆藏总量35万册(含电子图书10万册): the e-books a stated total includes)
    ("electronic", re.compile(r"电子(?:图书|书刊|文献|期刊|资源|书)")),
    # (新增藏书1.2万册(含捐赠2000册): what was given, a part of the additions)
    ("donations", re.compile(r"(?:接受|社会)?(?:捐赠|受赠|赠送|捐献)(?:图书|书刊|文献)?")),
    ("audiovisual", re.compile(r"(?:视听|音像|影音)(?:文献|资料|制品|数据)")),
    ("other", re.compile(r"其他|其它")),
    # subject classes of the loans or holdings (哲学类N册次, 社会科学类…): 中图法 main groups
    ("philosophy", re.compile(r"(?:马列主义、?)?哲学(?:类|类图书|类书刊)")),
    ("social_sciences", re.compile(r"社会科学(?:类|类图书|类书刊)")),
    ("literature_arts", re.compile(r"文学艺术(?:类|类图书|类书刊)")),
    ("literature", re.compile(r"文学(?:类|类图书|类书刊)")),
    ("natural_sciences", re.compile(r"自然科学(?:类|类图书|类书刊)")),
    ("general", re.compile(r"综合性?(?:书刊|图书|类)")),
]
# a subject class named anywhere before the number of its clause (2011年文学类借阅量达N册):
# the loans or holdings of that class only
SUBJECT_CLASS = re.compile(r"(?<![各此该这那门分种两几])(哲学|社会科学|文学艺术|语言文学|文学|艺术|自然科学|历史|经济|"
                           r"政治|法律|军事|教育|医药卫生|工业技术|农业科学)类")
SUBJECT_CLASS_CODES = {"哲学": "philosophy", "社会科学": "social_sciences", "文学艺术": "literature_arts",
                       "语言文学": "literature",
                       "文学": "literature", "艺术": "arts", "自然科学": "natural_sciences",
                       "历史": "history", "经济": "economics", "政治": "politics", "法律": "law",
                       "军事": "military", "教育": "education", "医药卫生": "medicine",
                       "工业技术": "technology", "农业科学": "agriculture"}
# a figure stated as a share of a total (…总借阅量达N册,占总借阅册数的40%): a part of that total;
# its part is the subject class named earlier in the sentence (以文学类最受欢迎,总借阅量达N册,占…)
# (not a share of a region's total: 占全市总量的30% leaves a library's own whole)
SHARE_OF_TOTAL_AFTER = re.compile(r"^[^,;。，；\d]{0,4}[,，]?\s*(?:约)?占(?![^,;。]{0,6}(?:全省|全市|全区|全县|全国))"
                                  r"[^,;。\d]{0,12}?总[^,;。\d]{0,10}?的?\s*(?:约)?[\d.]+\s*[%％]")
# a clause with no subject of its own, only the metric word (…,流通量有N册次 / 但其流通量竟高达N册次):
# its figure counts the part named by the clause before
ELLIPTIC_CLAUSE = re.compile(r"^\s*(?:但|而)?\s*(?:其|它的|它们的)?\s*(?:流通量|借阅量|外借量|借阅|外借|流通|接待读者|到馆)"
                             r"[^,;。\d]{0,6}$")
# a part listed after its whole, right before the part's number (其中少儿读者…, (含少儿读者…)
PART_ASIDE_BEFORE = re.compile(r"(?:其中|[(（]\s*(?:含|包括|包含|其中))[^,;。()（）\d]{0,10}$")
# the label of a part in brackets after its whole, up to the part's number ((含电子图书 / (其中少儿图书)
BRACKET_PART_LABEL = re.compile(r"\d[^,;。()（）]{0,4}[(（]\s*(?:含|包括|包含|其中)[:：]?\s*([^()（）\d,;。]{1,12})$")
# the marks that end an item of a list or a clause
LIST_MARK = re.compile(r"[、,，;；]")
# a count of events (132场, 9期)
EVENTS_COUNT = re.compile(r"\d\s*[万千]?\s*(?:余|多)?\s*(?:场次|场|次|期)")
# an aside in brackets with a number of its own (a part) after a number: not the number's own words
BRACKETED = re.compile(r"[(（][^()（）\d]*\d[^()（）]*[)）]")   # (with a number of its own: a part, not a gloss)
OPEN_BRACKET_TAIL = re.compile(r"[(（][^()（）]*\d[^()（）]*$")   # (an unclosed one, with a number, at the end)
# quoted names (programme titles, book titles): their words never set a segment
QUOTED_NAME = re.compile(r"“[^”]{1,40}”|\"[^\"]{1,40}\"|《[^》]{1,40}》|「[^」]{1,40}」")
# names given as the themes of a year's work (以“A”和“B”等为主题,举办…活动共57场次): not a named part
THEME_SPAN = re.compile(r"以[^。;]{0,80}?为(?:主题|契机|主线|载体|抓手)")
# a birth cohort of readers (“80后”借阅人次…达N人次): segment born_1980s; read in the
# stretch of the sentence just before the number
BIRTH_COHORT = re.compile(r"(?<![\d年.])([5-9]0|00|10)\s*后(?![\d天期])")
BIRTH_COHORT_WINDOW = 30
# loans made through a named service the sentence introduces (送书上门的…服务,外借量达N册;
# 试点预约借书服务,…借出图书N册): a part; read before the number in its sentence, unless
# a whole word stands between the service and the number
SERVICE_SEGMENTS: list[tuple[str, re.Pattern]] = [
    ("delivery", re.compile(r"送书上门|送书到家|快递到家|邮寄到家|图书快递|快递借(?:书|阅)|邮寄借(?:书|阅)")),
    ("reservations", re.compile(r"预约借(?:书|阅)|预借")),
]
# any of those services by name: a blocker word inside it (送书上门) is no delivery of the library's own stock
SERVICE_NAME = re.compile("|".join(rx.pattern for _, rx in SERVICE_SEGMENTS))
SERVICE_WHOLE = re.compile(r"全馆|全年|总|共计|合计|累计|全部")
# words that make an activities count the whole (各类读者活动67次, 参与各类活动)
WHOLE_WORDS = re.compile(r"各类|各项|所有|全部|总计|合计")
# attendance summed over the event counts listed before it (…,共吸引2.1万人次参加)
WHOLE_AFTER_LIST = re.compile(r"^[^。]*?[,;][^,;。]*(?:共|合计|总计|累计)")
# words pointing back to the subset named in the previous sentence (相关主题活动23场)
ANAPHORA = re.compile(r"相关|该类|此类|上述|这些|该系列|系列")
# for activities: which noun(s) are named
SEG_NOUNS = {"exhibitions": re.compile(r"展览|展出|书展|图片展|观展"),
             "lectures": re.compile(r"讲座|讲坛|公益课|听众|听讲"),
             "trainings": re.compile(r"培训")}

# ------------------------------------------------------------------ period

PERIOD_PARTIAL = re.compile(r"截[止至](?:目前|当前|今日|现在|(?!12月)\d{1,2}月)|上半年|今年以来|年初以来|本年以来|前三季度|一季度|二季度|三季度|"
                            # a season or holiday, a span since a recent opening (暑期, 春节期间, 开馆至今, 一周以来)
                            r"暑期|暑假|寒假|(?:春节|国庆|中秋|元旦|五一|端午|读书日|读书月|假日|节日)期间|开馆至今|开馆以来|开放以来|开幕以来|"
                            r"一年多来|(?<![\d十百])(?:一|两|二|三|几|数|\d)\s*(?:周|週|天|日)(?:以来|来|内)|"
                            r"(?<![\d年])(?:[1一]\s*[-至到~—]\s*(?:[1-9]|1[01]|[二三四五六七八九十]|十一)月(?!\d)(?!份?至)|(?:[2-9]|1[0-2])\s*[-至到~—]\s*\d{1,2}月)|"
                            r"(?<=\d年)[1一]\s*[-至到~—]\s*(?:[1-9]|1[01]|[二三四五六七八九十]|十一)月(?:份)?(?=\s*[,，]|累计|共|合计|以来)|"
                            r"(?<![\d年\-至到~—])(?:[1-9]|1[01])月(?:份)?(?!\d{1,2}日|[-至到~—])")
# (争取到 / 争取资金…: money secured, not a target)
PERIOD_PLAN = re.compile(r"(?<![有无])计划(?!内)|力争|谋划|目标|拟|预计|预估|打算|争取(?!到|了|[^,;。\d]{0,8}?(?:资金|经费|拨款|补助|投入))|将(?!近)|推进|需配发|需要|规划|不少于|不低于")
WEAK_PLAN = re.compile(r"推进|需要|将|不少于|不低于")   # (own clause only)
STRONG_PLAN = re.compile(r"(?<![有无])计划(?!内)|力争|目标|拟|预计|预估|打算|争取(?!到|了|[^,;。\d]{0,8}?(?:资金|经费|拨款|补助|投入))|谋划")
PERIOD_YEAR = re.compile(r"截[止至]\s*(?:\d{4}\s*年)?\s*(?:年底|年末|\d{4}\s*年(?!\d{1,2}月))|全年|年度|年底|年末")

# ------------------------------------------------------------------ years

# a year 1900–2049 written with 年, or a bare year 1950–2049 (1936 alone is as likely a count)
YEAR_RE = re.compile(r"(?<!\d)((?:19\d|20[0-4])\d)(?:\s*年(?!\d)|(?<!19[0-4]\d)(?=[^\d.\-/:万亿千百册人元张场次个家处件份%]))")
REL_YEAR = {"今年": 0, "本年": 0, "本年度": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1, "上年度": -1,
            "前年": -2, "明年": 1, "下一年": 1, "下年": 1, "下年度": 1, "次年": 1, "新的一年": 1, "新一年": 1,
            "来年": 1}
REL_YEAR_RE = re.compile("|".join(sorted(REL_YEAR, key=len, reverse=True)))
# 比去年增长…, 较上年同期…, 与去年相比: a comparison, not the year of the figure
COMPARISON_YEAR = re.compile(r"(?:比|较|与|同|相比|对比)(?:\d{4}年|去年|上年|上一年|前年)(?:同期)?|(?:去年|上年)同期")

# ------------------------------------------------------------------ documents

# a "伪原创" spun copy of a page: a rewriting tool swaps words for look-alikes or near-synonyms
# (东说念主 = 人, 藏书楼 = 图书馆, 做事/处事 = 服务, 齐年 = 全年, 躲书 = 藏书, 新删 = 新增, 流利 = 流通,
# 逾越 = 超过). A page holding SPUN_MIN_MARKERS distinct markers (or the tell-tale 东说念主) is read
# with the swaps undone (normalize.unspin); each replacement keeps the length (a shorter word is
# padded with spaces before it, which the number rules read through: 304152   人)
SPUN_TELL = "东说念主"
SPUN_MARKERS = ("东说念主", "藏书楼", "做事", "处事", "齐年", "齐国", "躲书", "新删", "流利", "睁开", "减进", "横蛮",
                "物化", "论说", "老本", "逾越", "典籍", "民众", "步履", "拜谒")
SPUN_MIN_MARKERS = 3
SPUN_WORDS: list[tuple[re.Pattern, str]] = [
    # (as the unit of a number or of 人次; elsewhere, 东说念主均, it is left as written)
    (re.compile(r"(?<=[\d万亿余多])东说念主|东说念主(?=次)"), "   人"),
    (re.compile(r"藏书楼"), "图书馆"),
    (re.compile(r"做事|处事"), "服务"),
    (re.compile(r"齐年"), "全年"),
    (re.compile(r"齐国"), "全国"),
    (re.compile(r"躲书"), "藏书"),
    (re.compile(r"新删"), "新增"),
    (re.compile(r"流利"), "流通"),
    (re.compile(r"睁开|伸开"), "开展"),
    (re.compile(r"减进"), "参加"),
    (re.compile(r"物化(?=\s*(?:19|20)\d\d)"), "截至"),
    (re.compile(r"论说"), "报告"),
    (re.compile(r"老本"), "资源"),
    (re.compile(r"逾越|超越"), "超过"),
    (re.compile(r"典籍(?=外借|借阅|流通|\d|总)"), "图书"),
    (re.compile(r"民众(?=图书馆)"), "公共"),
    (re.compile(r"步履|行动"), "活动"),
    (re.compile(r"拜谒"), "访问"),
    (re.compile(r"流利面"), "流通点"),
    (re.compile(r"奉止"), "推广"),
    (re.compile(r"下层"), "基层"),
    (re.compile(r"名目"), "项目"),
    (re.compile(r"横蛮"), "文化"),
    (re.compile(r"(?<![遥永长久深])远(?=\s*\d)"), "近"),
]
# Cantonese particles read as their standard-written equivalents, one character for one
# (到访图书馆嘅人次,由2023年嘅2149万: 嘅 = 的), so the rules written for 的/在/了 apply
DIALECT_CHARS = str.maketrans({"嘅": "的", "喺": "在", "咗": "了"})

TITLE_WORDS = re.compile(r"年报|年度报告|工作总结|年度总结|总结|工作报告|报告|计划|大事记|统计")
LIBRARY_NAME_RE = re.compile(r"([\u4e00-\u9fff]{2,20}?图书馆)")
# (the words before may lead it: 2023年市图书馆…, 去年市图书馆…, 据市图书馆…, 而市图书馆…)
GENERIC_LIBRARY = re.compile(r"^(?:去年|今年|上年|本年|前年|近日|日前|[年月日据而但由经向])?(?:[省市县区镇乡]|国家|公共|少儿|少年儿童|本|我|总|分|该|各|全市|全县|全区|全省|高校|大学|学校|自助|智慧|数字|(?:24)?小时(?:自助|智慧|城市)?|城市)?图书馆$")   # (24小时自助图书馆: a service, read from after its digits)
JUNK_LINE = re.compile(r"发布时间|发布日期|更新时间|来源[:：]|作者[:：]|浏览(?:次数|量)?[:：]|阅读(?:次数|量)?[:：]|点击(?:数|量|率)?[:：]|"
                       r"访问量[:：]|字号|打印本页|关闭窗口|分享到|首页|当前位置|上一篇|下一篇|版权所有|ICP备|联系电话|电话[:：]|"
                       r"地址[:：]|邮编|【打印】|【关闭】|返回顶部|扫一扫|"
                       # a page template's own words (2019年…banner嵌入: a site banner, its year no heading)
                       r"(?<![A-Za-z])(?:banner|navbar|header|footer|sidebar)(?![A-Za-z])")
# a sentence with a number that ends before page furniture on its line (…85万人次。(来源:…)
SENTENCE_BEFORE_JUNK = re.compile(r"(?=[^\n]*\d)(?=(?:[^\n]*?[\u4e00-\u9fff]){8})[^\n]*[。!?！？][\s(（【\[]*$")
BREADCRUMB = re.compile(r"首页|当前位置")
# a wiki's footnote mark glued after a word (古籍善本[1]300册): dropped, like a pinyin gloss, so the word
# meets its number
WIKI_FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff])\[\d{1,2}\]")
# spam spliced into a sentence, read through like pinyin (normalize.compact): a web address, an
# advert in 《》/【】/() brackets (创历史新《某某app最新版下载》高, 12.5万【点击领取】人次)
_AD = r"(?:app|APP|App|彩票|下载|下戴|官网|官方|手机版|娱乐|棋牌|注册送|点击|领取|优惠|扫码|加微信|客服|广告|开户|投注|平台)"
SPAM_FRAGMENT = re.compile(
    r"(?:https?://|www\.)[A-Za-z0-9./?=&_%#\-]+|(?<![A-Za-z0-9@])[A-Za-z0-9\-]{2,}\.(?:com|cn|net|org|cc|top|xyz|vip)"
    r"(?:/[A-Za-z0-9./?=&_%#\-]*)?(?![A-Za-z0-9])|"
    rf"《[^《》\n]{{0,30}}{_AD}[^《》\n]{{0,30}}》|【[^【】\n]{{0,20}}{_AD}[^【】\n]{{0,20}}】|"
    rf"[(（][^()（）\n]{{0,12}}{_AD}[^()（）\n]{{0,12}}[)）]")
# a line that is only a year (a chronicle's entry heading: 2018年 / 2018年度: / 【2018年】): it dates
# the lines below it like a heading (a bare 2018 with no 年 may be a form's cell value)
YEAR_ONLY_HEADING = re.compile(r"\s*[【\[(（]?\s*(?:19|20)\d\d\s*年度?\s*[】\])）]?\s*[:：]?\s*")
# a figure as a title states it (…总流通破亿人次, …2600万读者走进图书馆)
TITLE_FIGURE = re.compile(r"\d[\d.,]*\s*[万亿]?\s*(?:人次|册|场|次|元|个|家|读者)|破(?:千万|百万|亿|万)")
DATE_ONLY = re.compile(r"^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")

# ------------------------------------------------------------------ tables

# residual words allowed around a cue in a table label (普通借书, 还书处理, 续借图书)
TABLE_LABEL_FILLER = re.compile(r"举办|开展|组织|各类|各种|专项|新增|普通|图书|文献|书刊|纸质|总|全年|本年|年|数量?|量|总计|合计|累计|处理|人次|册次|册|人数|次数|张|个|"
                                r"\(.*?\)|本馆|全馆|情况|及|和|与|、|:|读者|新|元|万元|费|经费|支出|金额|实际|年度|\d{4}")
TABLE_LABEL_BAD = re.compile(r"网络|网内|网上|统计|查询|定义|排行|清单|结算|日志|方案|输出|删除|修改|恢复|挂失|注销|暂停|出藏|验收|"
                             r"编目|审校|导入|调整|清点|代码|口令|密码|记录|批|占比|比例|%|增长|同比|人均|每万|平均")
