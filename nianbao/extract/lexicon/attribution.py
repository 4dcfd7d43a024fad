"""Attribution rules as data: library-name parts, region aggregates, subject
mentions (who a figure is about), year and period words, and the confidence
weights (documented in `nianbao.extract.confidence`).

No library, place or file names here: places come from the gazetteer
(`nianbao.gazetteer`, cpca's code list); these are the *words* around them.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------ library names

# the institution word that ends a library name
INSTITUTION = "图书馆"
# words allowed between a place and 图书馆 (东城区第一图书馆, 四川省少年儿童图书馆,
# 广东省立中山图书馆); normalised on output (少年儿童 → 少儿)
NAME_MIDDLE = re.compile(r"少年儿童|少儿|儿童|第[一二三四五六七八九十\d]{1,3}|[省市县区]立总?|中心|人民")
MIDDLE_CANON = {"少年儿童": "少儿"}
# the level-established word (市立, 省立总): a place right after it is the library's proper name when the
# word follows a place the gazetteer does not know (高雄市立中山图书馆: not 中山市's library)
LEVEL_ESTABLISHED = re.compile(r"[省市县区]立总?")
# the nation's libraries, known without a place
NATIONAL_LIBRARY = re.compile(r"^(?:国家|首都)图书馆")
# generic level names (本馆 / 市图书馆): no place of their own
GENERIC_LEVEL = re.compile(r"^(?:本|我|该)?(省|市|区|县|旗|自治区)(?:级|立)?(少儿|少年儿童)?图书馆$")
# pinyin or other latin glosses inserted after characters: 图书馆(guǎn)
LATIN_GLOSS = re.compile(r"\([A-Za-zÀ-ɏ\u0300-\u036f\s]{1,12}\)|（[A-Za-zÀ-ɏ\u0300-\u036f\s]{1,12}）")
# 图书馆 as part of another thing's name (图书馆学会, 图书馆之城, 图书馆界)
NOT_A_LIBRARY_AFTER = re.compile(r"^(?:学会|协会|联盟|之城|界|事业|行业|服务宣传周|工作者|出版社)")
# a library name whose place the gazetteer does not know (XX县, 某某县, a short proper name)
# (no function words: 你去过市图书馆 is a sentence, not a name)
UNPLACED_NAME = re.compile(r"(?![^省市县区旗]*[你我他她过了的在去是到和与为被让从向对这那])"
                           # (县城设立图书馆, 探索建立以县图书馆: a verb of founding or 以 makes it a sentence)
                           r"(?!.*(?:设立|建立|成立|创办|创建|始建|筹建|以))"
                           r"(?:[\u4e00-\u9fffX×]{1,5}(?:省|市|县|区|旗)(?:立总?)?|[\u4e00-\u9fff]{2,4})")
# a bare level name behind one character of the sentence (据市图书馆, 而市图书馆): that
# character is no place, the name is the generic 市图书馆 (the document's own library).
# No 市 or 省 has a one-character name; counties do (a one-character county the gazetteer
# misses after simplification), so before 县/区/旗 only a function word is a lead
LEAD_CHAR_GENERIC = re.compile(r"^(?:[\u4e00-\u9fff](?=[省市])|[据而在由向与和是的将把从对为被让经及或但到去了至即后称说以](?=[区县旗]))"
                               r"(省|市|区|县|旗)(?:少儿|少年儿童)?图书馆$")
# a bare level name opening a clause (…以来,市图书馆全力做好服务): the page's own library, named by level
BARE_LEVEL_LIBRARY = re.compile(r"(?:^|(?<=[\n,;:。!?，；：！？\s“”\"]))(?P<lvl>省|市|区|县)(?:少儿|少年儿童)?图书馆")
# the first lines searched for the place a generic own name (市图书馆) stands for
OWN_PLACE_LINES = 15
# the headline lines whose short placed library name (日照图书馆) may be the document's own
SHORT_NAME_TITLE_LINES = 3
HEADLINE_MAX_CHARS = 40   # longer lines are paragraphs, not headlines
# …or in the body's first characters, when it is the only library named there and named this often
SHORT_NAME_CHARS = 1500
SHORT_NAME_REPEATS = 2
# an anonymised library name in a shared document (XX县图书馆, ××市图书馆, 某某县图书馆)
PLACEHOLDER_LIBRARY = re.compile(r"(?:[A-Z]{1,3}|×{1,3}|\*{1,3}|某{1,2})(?:省|市|县|区|旗)(?:少年儿童|少儿|儿童)?图书馆")
# an unplaced name: the last few characters before 图书馆, lead words dropped
UNPLACED_TAIL = re.compile(r"(?:XX|××|\*\*|某)?[\u4e00-\u9fffA-Za-z]{0,6}$")
LEAD_WORDS = re.compile(r"^.*(?:在|到|与|和|向|为|对|由|从|是|的|走进|进入|参观|成立|建立|组建|设立|创办|筹建|更名为)")
# a name with its level first (市立高雄图书馆, 州立台中图书馆: the colonial-era form), kept as written
LEVEL_FIRST_NAME = re.compile(r"^(?:市|州|县|厅|街|庄)立[\u4e00-\u9fff]{2,4}图书馆$")
# a page that names its library only by the place that founded it (某县于1929年始建图书馆): that place's
# library, read on the first lines when no name is written out
FOUNDED_LIBRARY = re.compile(r"(?P<place>[\u4e00-\u9fff]{1,8}?[县市区旗])(?:于|在)?[^,;。\n]{0,16}?(?:始建|创建|创办|建立|成立|设立)了?图书馆")
FOUNDED_LIBRARY_CHARS = 1500
# a candidate own name that is a piece of a sentence: a verb of going in (在迁安市走进市图书馆选本好书)
SENTENCE_IN_NAME = re.compile(r"走进|走入|进入|来到|前往|参观|提供|享受|享用|利用")
# a short proper name between a place and 图书馆 (榆林市星元图书馆); no function words, no verb of going
# in (迁安市走进市图书馆 is a sentence) and no classifier
PROPER_NAME = re.compile(r"(?![^\n]*[你我他她过了的在去是到和与为被让从向对这那共有局委厅办部处所站进个])[\u4e00-\u9fff]{1,4}")
# …and what may stand before such a name (the start, punctuation, a preposition)
PROPER_NAME_LEAD = re.compile(r"(?:^|[^\u4e00-\u9fff]|由|在|和|与|及|是|的|向|为|对|从|被|经|据|将|把|年)$")
# names that are never a page's own library: a service (数字图书馆) or every library of a place
# (信阳市各图书馆)
NOT_OWN_NAME = re.compile(r"(?:数字|电子|网上|掌上|移动|智慧|自助|流动|虚拟)图书馆$|各(?:级|类)?图书馆$|"
                          r"(?:[省市区县](?:级|属)|基层)图书馆$")  # (其中市级图书馆3个: a class of libraries)
# a service called 图书馆 that is not an institution (数字图书馆, 24小时自助图书馆)
SERVICE_LIBRARY = re.compile(r"(?:数字|电子|网上|掌上|移动|智慧|自助|24小时|流动|汽车|虚拟)图书馆$")
# a branch named on its own at the start of a clause or list item (东总布分馆办理图书证36个)
BARE_BRANCH = re.compile(r"(?:^|(?<=[\n,;:。、，；：)）]))\s*(?:\d+[、.]|[(（]\d+[)）])?\s*(?P<name>[\u4e00-\u9fff]{2,8}?分馆)")
NOT_BRANCH_NAME = re.compile(r"^本|现有|共有|已有|各|个|家|所|直属|^总|总分|镇街|乡镇|街道|村|社区|新增|新建|建成|城市|合办|示范|特色|主题|其中|共")
# the tail of a mention that makes it the whole system (白云区图书馆总分馆)
SYSTEM_TAIL = re.compile(r"^总分馆")
# a branch: <main library><branch name>分馆 (the branch name is short)
BRANCH = re.compile(r"^(?P<main>.*?图书馆)(?P<branch>[\u4e00-\u9fff]{1,12}?分馆)$")
# gazetteer names: suffixes dropped to get the short form people write (如皋 for 如皋市)
PLACE_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?自治区$|特别行政区$|(?:(?<=..)(?:[\u4e00-\u9fff]{1,4}?族)+)?自治[州县旗]$|"
                          r"地区$|林区$|[省市县区旗盟州]$")
MIN_SHORT_PLACE = 2
# a short place name whose first character ends a word with the character before it is that
# word, not the place (以上城市: 以上 + 城市, not 上城; 城市中: 城市 + 中, not 市中)
WORD_OVER_SHORT_PLACE = re.compile(r"以上|以下|以内|以外|之上|之下|之中|之间|其中|向上|上下|城市")
# the level suffix a place name ends with (a place that is another place's tail: 遵义县 ≠ 义县)
LEVEL_SUFFIXES = "县区市旗"

# ------------------------------------------------------------------ aggregates

# a region-wide aggregate: 全省公共图书馆, 四川全省各级公共图书馆, 全市共有…, 全国公共图书馆
AGG_WORD = re.compile(r"全(省|市|区|县|州|盟|国)")
AGGREGATE = re.compile(
    r"(?P<all>全(?:省|市|区|县|州|盟|国))(?:范围内)?(?:的)?(?:各级|各类|各地|所有|县级以上)?(?:公共)?(?:图书馆|图书馆系统)|"
    r"(?P<qual>各级|各地|县级以上|市属|区属|县属|市级|省级)?公共图书馆"
)
# qualifiers kept in the aggregate's name (a different population than 全省)
AGG_KEEP = ("县级以上", "市属", "区属", "县属")
# the level word of an aggregate, from the place's level
AGG_LEVEL = {"province": "省", "prefecture": "市", "county": None}
NATIONAL = "全国公共图书馆"
# 全省 / 全市 climb from a smaller place to the one the word names
AGG_UP = {"省": "province", "市": "prefecture", "州": "prefecture", "盟": "prefecture"}

# ------------------------------------------------------------------ confidence

CONFIDENCE_WEIGHTS = {
    # start from a perfect score and take off for each weak piece of evidence
    "base": 1.0,
    # the number
    "bare_number": 0.20,        # no unit written (label:value lines, table cells without a unit)
    # the metric cue
    "weak_cue": 0.15,           # the metric came from a context word (参与, 服务…), an ellipsis or a share
    # the context
    "crowded_clause": 0.15,     # many figures in one unpunctuated run (infographics, glued cells)
    # the year
    "inferred_year": 0.10,      # no year word in the sentence: the section's or the report's year
    "relative_year": 0.05,      # 去年/今年 resolved against the document's date
    "no_year": 0.35,            # no year at all
    # the library
    "nearby_library": 0.05,     # the subject was named in an earlier sentence of the paragraph
    "guessed_library": 0.20,    # named nowhere near, in a text about several subjects (or unplaced)
    "no_library": 0.30,         # no library and no region could be named
    # scope / period
    "unknown_scope": 0.20,
    "partial_period": 0.05,     # a month or a to-date figure: easy to compare with the wrong thing
    "plan_period": 0.10,
    # floor: never below this
    "floor": 0.05,
}

# ------------------------------------------------------------------ subjects (who a figure is about)

# the report's own library
OWN_MARKER = re.compile(r"本馆|我馆|该馆|馆内|总馆(?!藏|和|与|及|、)")
# a place word used as a location, not as the subject (在全市设分馆, 面向全省读者, 活动在X图书馆举行,
# 该馆加入了全省科技信息网: a network it joined)
LOCATION_BEFORE = re.compile(r"(?:在|于|向|为|面向|覆盖|遍布|辐射|到|至|赴|与|和|及|同|对|给|帮助|指导|带动|引领|居|位列|名列|领先|委托|邀请|配合|协助|协同|联合|携手|"
                             r"采用了?|按照|根据|参照|依照|服务|惠及|加入了?|接入了?|融入了?)$")
# a region-wide aggregate word: 全省, 全市… (and 我省公共图书馆, 我省纸质文献总藏量…: the writer's region's libraries)
REGION_WORD = re.compile(r"(?:全|我(?=[省市区县](?:的?(?:各级|县级以上)?公共图书馆|的?(?:纸质|馆藏|文献|公共)))"
                         r")(?P<lvl>省|市|区|县|州|盟|旗|国)(?!面|年|力|部|体|程|方位|天|民阅读|新|球|域|统一|性|同步|联动|一盘棋|知名|闻名|首创|首家|领先|前列|第|"
                         r"首批|重点|优秀|先进|文明|一级|二级|三级|示范|百强|各地|范围内?(?:举办|开展)|"
                         r"[\u4e00-\u9fff]{1,3}界|"   # 全国出版界: a sector, not the area's libraries
                         # (全国文化共享工程县级支中心: a national programme's name)
                         r"(?:文化|信息|资源|共享|数字)[\u4e00-\u9fff]{0,6}?(?:工程|计划))")
# a qualifier after 全省 that names another population (全省县级以上公共图书馆)
AGG_QUALIFIER = re.compile(r"(?:范围内)?(?:的)?(县级以上)")
# <place>各级公共图书馆 / <place>公共图书馆 (the place is matched right before it)
PLACED_AGGREGATE = re.compile(r"(?P<qual>各级|各地|各类|各|县级以上|市属|区属|县属)?(?:公共)?图书馆")
# 图书馆 and, when a branch follows, its name (东城区第一图书馆东总布分馆)
LIBRARY_WORD = re.compile(r"图书馆(?:[\u4e00-\u9fff]{1,8}?分馆)?")
# two levels of libraries added up (市区两级公共图书馆, 省市两级…): the region of the upper level
TWO_LEVELS = re.compile(r"(?P<lvl>省|市|县)(?:区|县|市|乡|镇)两级(?:公共)?图书馆")
# a county-level own library whose place the gazetteer does not know (XX县图书馆): its 全县 is its own
COUNTY_LEVEL_NAME = re.compile(r"(?:县|区|旗)图书馆$")
COUNTY_WORDS = ("全县", "全区", "全旗")
# the words after 全省 that still belong to the aggregate's name
AGG_TAIL = re.compile(r"(?:范围内)?(?:的)?(?:各级|各类|各地|所有|县级以上)?(?:公共)?(?:图书馆|图书馆系统)?")
# an aggregate that names the libraries it adds up (全区公共图书馆, 全省各级图书馆), not only the area
EXPLICIT_AGGREGATE = re.compile(r"公共|各级|各类|各地|所有|县级以上|系统")
# the words after a mention that make it the library's whole system (…总分馆体系, 总分馆)
SYSTEM_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:总分馆|服务体系)")
# the library's whole system named as the subject (总馆和15个分馆共…, 总馆、分馆、自助馆…, 总分馆体系)
SYSTEM_MENTION = re.compile(r"总馆(?:和|与|及|、)[^,;。]{0,10}分馆|总分馆(?:服务)?体系|总分馆(?=[^,;。]{0,4}(?:共|合计|全年))")
# a figure that includes the branches or the village reading rooms: (含农家书屋), 包括分馆
INCLUDES_BRANCHES = re.compile(r"(?:包括|含)[^,;。)）]{0,8}(?:分馆|书屋|书房|服务点|流通点|图书室|驿站|阅读空间)")
# a bracket opening a figure's context: it glosses the number before (111.9万册 (含农家书屋) 2022年…)
LEADING_BRACKET = re.compile(r"^\s*[(（][^)）]{0,12}[)）]")
# bare 公共图书馆 opening a clause or a table label: the area's libraries, in a text with no library of its own
BARE_AGGREGATE = re.compile(r"(?:^|(?<=[\n,;:。，；：\s]))(?:#\s*)?公共图书馆(?!学|协会|服务宣传)")
# a line that continues the one above it (其中:活动:30场 under 2、某分馆共举办各类活动30场)
# a level written as the one running a library (某县立图书馆, 某市立图书馆): without 立 the same name
RUN_BY_LEVEL = re.compile(r"([省市县区])立(?=总?图书馆$)")
CONTINUATION_LINE = re.compile(r"\s*其中")
# a numbered heading line of a report's section (1、某区图书馆, (二)某分馆, 3. 某图书馆文献数据): short, no
# sentence punctuation; a library it names is the subject of the section's lines (SECTION_HEADING_LINES up)
SECTION_HEADING = re.compile(r"^\s*(?:\d{1,2}\s*[、.．]|[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|"
                             r"[一二三四五六七八九十]{1,3}\s*[、.．])\s*[^\s,，。;；:：!！?？]{2,30}\s*$")
SECTION_HEADING_LINES = 8
# …a heading that is only a library's name (2、某某文化中心图书馆)
HEADING_LIBRARY = re.compile(r"^\s*(?:\d{1,2}\s*[、.．]|[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|"
                             r"[一二三四五六七八九十]{1,3}\s*[、.．])\s*"
                             # (not a class of sites: 3、乡镇图书馆, 各级公共图书馆, 24小时自助图书馆)
                             r"(?!各|乡|镇|街道|社区|村|基层|县级|市级|区级|省级|公共|流动|自助|数字|电子|少儿|农家)"
                             r"(?P<name>[\u4e00-\u9fff]{2,16}图书馆)\s*$")
# <place>公共图书馆服务体系: the service system the place's library runs
SYSTEM_AFTER_AGGREGATE = re.compile(r"(?:总分馆)?(?:服务)?体系")
# words after a bare place that make it the subject of a region-wide statement
# (深圳持证读者…, 广州全市…, 四川共有…, 江苏各级图书馆…)
PLACE_SUBJECT_AFTER = re.compile(r"^(?:全[省市区县州盟]|各级|各地|各类|持证|注册|读者|市民|群众|共有|共建|公共|县级以上|地区公共|馆藏|在?\s*(?:19|20)\d\d\s*年|"
                                 # (某市有县级以上公共图书馆21个,藏书…: the place's libraries counted, then their figures)
                                 r"(?:现|拥)?有(?=[^,，。;；]{0,8}公共图书馆))")
# … or a number right after a bare place at the start of a clause (去年四川2600万读者走进图书馆;
# also after a time word and a qualifier: 四川去年超3300万人次走进图书馆), but not a dateline
# (中新网深圳4月23日电)
# (or in brackets after a place ranked by a measure: 最多的是广东省(1016万册))
PLACE_NUMBER_AFTER = re.compile(r"^[(（]?\s*(?:去年|今年|上年|全年)?\s*(?:共|约|近|超过?|逾|达|有|突破)?\s*"
                                r"\d[\d.,]*\s*[万亿]?(?![\d.]*\s*(?:月|日|年|号|时|电))")
CLAUSE_LEAD = re.compile(r"(?:^|[,;:。!?\n，；：])\s*(?:(?:去年|今年|上年|(?:19|20)\d\d\s*年(?:度)?|截[止至][^,;。]{0,10}?[底末])\s*,?\s*)?$|"
                         # (a ranking's place: 最多的是广东省(…), 其次是浙江省(…), 第三是江苏省(…))
                         r"(?:(?:最多|最少|最高|最低)的?(?:是|为)|其次(?:是|为)|第[二三四五六七八九十](?:是|为)|依次(?:是|为))\s*$")
# generic level names: 市图书馆 is the report's own in a city library's report, the
# prefecture's library in a county's report
GENERIC_LIBRARY = re.compile(r"(?P<lvl>省|市|区|县|旗)(?P<mid>少儿|少年儿童)?图书馆$")

# a news item about a report being released (发布了《2021年…阅读报告》, 《…2019年…统计公报》):
# its 去年/今年 are the news date's, so 去年 is the report's year
RELEASE = re.compile(r"(?:发布|公布|发表|出炉|揭晓)(?:了)?[^。\n]{0,30}?(?P<y>(?:19|20)\d\d)\s*年(?:度)?[^。\n]{0,20}?(?:报告|年报|公报|白皮书|统计)|"
                     r"(?P<y2>(?:19|20)\d\d)\s*年(?:度)?[^。\n]{0,20}?(?:报告|年报|公报|白皮书)[^。\n]{0,12}?(?:发布|公布|出炉|揭晓)")
# a headline quoting a year's reading report (2018年某省人阅读报告:有人一年借阅926本): a news item
# written after that year ended, so its 去年 is the report's year (as for a release, RELEASE); the
# report's own title (某馆2018年度阅读报告) is not quoted and keeps its year
READING_REPORT_TITLE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年(?:度)?[^。\n]{0,20}?阅读(?:报告|大数据|数据报告|白皮书)\s*[:：|｜]\s*\S")
READING_REPORT_TITLE_LINES = 3
# a page's publication date (发布时间:2022-12-05, 时间:2023-04-24 12:20:06)
# the full stop that ends a sentence: a line holding one is prose, not a title
# a line longer than this that holds a full stop is a paragraph, not a title (its report word is prose)
TITLE_LINE_MAX_CHARS = 60
SENTENCE_END = re.compile(r"[。！？]")
PUB_DATE = re.compile(r"(?:发布|发表|更新|上传)?(?:时间|日期)\s*[:：]\s*(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*(?:[-/.月]\s*\d{1,2}|月\s*(?=\n|$))"
                      # (not a ranking site's vote stamp: 时间:2024/9/20 8:38:23 15200票数:31投他一票)
                      r"(?![^\n]{0,30}?(?:票数|投票|投他一票|投她一票|点赞数))")
# 过去的2021年, 刚刚过去的2021年: written in the year after
PAST_YEAR = re.compile(r"过去的\s*(?P<y>(?:19|20)\d\d)\s*年")
# a year word that is really a count (2000余册, 2000多人)
NOT_A_YEAR_AFTER = re.compile(r"^\s*(?:余|多|以上|左右|万|千|百|册|人|元|个|家|场|次|件|种|平方|米)|"
                              r"^\s*年\s*代|"  # a decade (1950年代), not a year
                              r"^\s*年\s*(?:远景|愿景|目标|规划|纲要|前(?![一二三四五六七八九十\d]\s*(?:个)?\s*(?:季度|月))|以前|之前|以后|之后)")
# what may precede a year word that opens a clause and so sets the year of the clauses after it
CLAUSE_OPENING_YEAR = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,8}?(?:在|于|截[止至]|到|至|自|从|据统计|数据显示|显示|其中|全年|同时|另外|此外|而|但))?\s*(?:(?:19|20)\d\d\s*)?")
# comparisons the shared COMPARISON_YEAR does not cover: 是2018年的2.6倍, 为上年的1.2倍
COMPARISON_YEAR_EXTRA = re.compile(r"(?:(?:19|20)\d\d\s*年|去年|上年|前年)(?:同期)?的\s*[\d.]+\s*倍")

# ------------------------------------------------------------------ period

# to a month of a named year: 截止2022年11月份 (截止2022年12月底 is the year end)
PARTIAL_EXTRA = re.compile(r"截[止至]\s*(?:19|20)\d\d\s*年\s*(?:[1-9]|1[01])\s*月|"
                           # (2024年1-6月全馆接待…, 113年1至6月進館人次…: the first months of a named year)
                           r"(?<=\d年)\s*[1一]\s*[-至到~—]\s*(?:[1-9]|1[01])\s*月(?:份)?(?!\s*\d{1,2}\s*[日号])")
# an explicit year that is not the start of a month or a range (2022年总流通人次…)
EXPLICIT_YEAR = re.compile(r"(?:19|20)\d\d\s*年(?:度)?(?!\s*\d{1,2}\s*月|\s*[-—至到~]|底|末|\d)")
# a title that makes the whole document a to-date report (“15分钟阅读圈”1-11月工作进度, 上半年工作总结)
# (2019年某馆(6月)数据统计: one month)
PARTIAL_TITLE = re.compile(r"(?<!\d)1\s*[-—至到~]\s*(?:[2-9]|1[01])\s*月|上半年|前三季度|第[一二三]季度|"
                           r"(?<![\d\-—至到~])(?:[1-9]|1[0-2])\s*月\s*(?:份)?\s*[)）]?\s*(?:数据|统计|工作|简报|报表|情况|月报)")
# a new library's first days or first month, named on the first lines (开馆后的第100天, 开馆满月,
# 试运行首月, 在这100天里): the document's figures are of that window, not of a full year
OPENING_WINDOW = re.compile(r"(?:开馆|开放|启用|试运行|运行|落成)(?:后|以来)?的?(?:第\s*)?(?:\d+|[一二三四五六七八九十百]+)\s*(?:天|日)(?!\s*[起至到])|"
                            r"(?:开馆|开放|启用|试运行|运行)[^,;。\d]{0,2}?(?:满月|首月|一个月|百日|百天)|这\s*\d+\s*天里")
OPENING_WINDOW_LINES = 3
# a stock as of the day the text was written (现有藏书…, 已拥有…, 目前…)
TO_DATE_WORDS = re.compile(r"现有|现时|现存|现藏|现馆藏|已拥有|拥有|目前|迄今|至今|截[止至]目前")
# a stock told as of an earlier state (在升格前,藏书量仅…, 当时, 原有): not of the day the page was written
PAST_STATE = re.compile(r"(?:之前|以前|前)\s*[,，]|当时|原有|原来|曾经?|仅有?|僅有?")
# a plan set within a five-year plan period (计划在“十三五”期间建成10个…, “十四五”期间将…): the text
# was written before the period ended (PLAN_PERIOD_END: its last year)
PLAN_PERIOD_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
PLAN_WITHIN_PERIOD = re.compile(r"(?:计划|将(?!近)|拟|力争|争取|预计)[^。\n]{0,4}?[“\"‘']?(?P<p>十[一二三四五]五)[”\"’']?"
                                r"(?:期间|时期|末)|"
                                r"[“\"‘']?(?P<q>十[一二三四五]五)[”\"’']?(?:期间|时期|末)[^。\n,，]{0,4}?(?:将(?!近)|计划|拟|力争|争取)")
# words that still make a figure of such a document a full-year one
FULL_YEAR_WORDS = re.compile(r"全年|年底|年末|全年度")
# a plan word that is part of a programme's or document's name, not a plan of the library
# (国家“十四五”规划和2035年远景目标纲要明确提出…)
PROGRAMME_NAME_AFTER = re.compile(r"(?:和[^,;。]{0,12})?纲要|》")
PROGRAMME_NAME_BEFORE = re.compile(r"(?:[”\"》]|远景|五年|中长期)$")

# a figure with a unit, counted to tell an unpunctuated run of many figures from a clause
QUANTITY = re.compile(r"\d[\d.,]*\s*[万亿千]?\s*(?:人次|册次|万|册|人|场次|场|次|个|家|元|件|张|座|所|处|台)")
CROWDED = 4   # figures in one clause from which it counts as crowded
# a year of the library's history, not the year a text reports on (始建于1952年, 1985年成立, 于1999年迁入新馆)
HISTORY_BEFORE = re.compile(r"(?:始建|创建|创办|建于|成立|始于|开馆|落成|建馆|筹建|更名|改名|迁入|迁至|诞生|前身|自|从|早在|于|在)\s*$")
HISTORY_AFTER = re.compile(r"\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*(?:(?:正式)?(?:对外)?(?:开放|启用|运行|运营)(?:以来|至今)|建|成立|创建|创办|始建|开馆|落成|建馆|筹建|兴建|动工|竣工|奠基|投入使用|搬迁|更名|改名|迁|获|荣获|评定|获评|入选|起|以来|至今|前后|"
                           r"被[^,，。;；]{0,10}?(?:评|命名|授予|确定|列为|认定)|通过[^,，。;；]{0,16}?评估)")

# a moment of national history that dates a figure (至解放时藏书仅一万八千余册, 建国初藏书…):
# the year it names, not the report's; only moments (时/初), never spans (以来) or anniversaries
ERA_YEARS: list[tuple[re.Pattern, int]] = [
    (re.compile(r"(?:解放|建国|新中国成立|中华人民共和国成立)(?:时|之时|初期|初|前夕|当年)"), 1949),
]

# ------------------------------------------------------------------ data years (which year a page reports on)

# a figure a year word can govern: a number with a metric unit later in the year's sentence
# (2025年全年有1457万人次…); a year followed by no such figure (1998年通过评估, 2012年建成使用)
# is history and never the year of a page's figures
DATA_FIGURE = re.compile(r"\d[\d.,]*\s*[万亿千]?\s*(?:余|多)?\s*(?:万|亿)?\s*(?:人次|册次|场次|册|件|人|场|次|张|个|家|元|座|处)"
                         r"|\d[\d.,]*\s*[万亿](?!\s*(?:余|多)?\s*(?:平|米|亩|公里|字|小时|天))|[一二两三四五六七八九十百千万]{2,}(?:余|多)?(?:人次|册|场)")
# a figure that is no measure of the library's service, so it makes no year a data year (1973年,…建立
# 图书室,有工作人员3人; 2013年12月,投资1800余万元…的新馆建成): staff, building money, floor area
NOT_DATA_FIGURE_BEFORE = re.compile(r"(?:工作人员|从业人员|在编人员|职工|员工|馆员|在编|编制|投资|耗资|总投资|造价|投入资金|斥巨?资|建筑面积|面积|"
                                    r"座位|座席|席位|阅览座|坐席)"
                                    r"[^,，。;；\d]{0,4}$")
# a year whose clause tells a build-out completed (於2015年完成全縣21個鄉鎮總分館建設, 2015年建成…): it dates
# the count in that clause, but it is a moment of history, not the year a profile's other figures are of
BUILT_OUT_AFTER = re.compile(r"\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?(?:底|末)?\s*,?\s*(?:全面|基本|已)?"
                             r"完成[^,，;；。]{0,20}?(?:建设|建立|改造|布局|覆盖)")
# the start of a span up to the day of writing (自2010年11月搬迁至新馆以来,…提供了超30万册的藏书): it dates
# the event, not a figure after it (a stock of the day of writing, or a total since)
SINCE_YEAR_AFTER = re.compile(r"\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?[^,，;；。\d]{0,12}?"
                              r"(?:建成|落成|开馆|开放|搬迁|迁入|迁至|成立|启用|运行|投入使用|接待读者|对外服务|服务读者)"
                              r"[^,，;；。\d]{0,8}?(?:以来|至今)")
# a year of the library's history even with a figure after it (始建于1952年的…图书馆有藏书…,
# 前身为1952年设立的…): it never dates the figure
HISTORY_STRICT_BEFORE = re.compile(r"(?:始建|创建|创办|建于|建立于|成立于|始于|筹建于|诞生于|前身为|前身是)\s*$|"
                                   # an infobox's founding date (成立时间: 1927年)
                                   r"(?:建|成立|开馆|落成)(?:时间|日期|年份)\s*[:：]\s*$")
HISTORY_STRICT_AFTER = re.compile(r"\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*(?:的)?\s*"
                                  r"(?:始建|创建|创办|设立的|成立的|建立的|筹建|诞生|建馆)")
# the day a library was opened (于2012年8月15日正式建成并投入使用): a date of its history, not of
# the figures the profile gives after it (a page date written later dates those)
OPENED_ON_DAY_AFTER = re.compile(r"\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?\s*(?:正式)?(?:建成|落成|竣工)\s*(?:并|並)?\s*"
                                 r"(?:投入使用|开放|对外开放|开馆|启用)|"
                                 # (于2016年12月开幕, 于2019年9月24日上午举行开幕仪式: the opening day of a
                                 # library a profile describes; the stock after it is of the page's day)
                                 r"\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?\s*(?:上午|下午|晚上)?\s*(?:隆重)?\s*"
                                 r"(?:举行|举办)?\s*(?:了)?\s*(?:正式)?\s*(?:开幕|揭幕|揭牌)|"
                                 # (于2016年12月28日正式对外开放: the day it opened, not a year of service)
                                 r"\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?\s*(?:起)?\s*(?:正式)?\s*(?:对外|向社会|面向公众)?\s*"
                                 r"(?:开放|开馆|启用|投入使用|试运行|试开放)(?![^,，;；。]{0,6}(?:以来|至今))")
# an e-paper's page furniture: its masthead date is the issue's, the day the text was printed
EPAPER = re.compile(r"当前版\s*[:：]|上一版|下一版|第\s*\d+\s*版|\d{2,3}\s*版\s*[:：]|报料热线|版面导航")
EPAPER_DATE = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*\d{1,2}\s*日")
# a page header with the weekday is the day the page was viewed, not written (2023年11月23日 星期四)
VIEWING_DATE = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周|礼拜)[一二三四五六日天]")
# a line opening with the page's date: with a time or its source (2017-07-27 08:50:00 来源:…,
# 2024年09月20日07:40 | 来源:…), a day-first date (02.06.2016 15:20, 27/04/2019), or a signature date on
# a line of its own near the end (2022年12月)
DATELINE = re.compile(r"^\s*[\[【]?\s*(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*\d{1,2}\s*日?\s*"
                      r"(?:\d{1,2}:\d{2}|[|｜]?\s*(?:来源|作者|编辑|稿源|发布|浏览|点击))")
# a news item's dateline that gives its day but not its year (某网4月24日某地讯, 本报5月3日电): the year it was
# written is the latest its story names (…2016年度“阅读之星”…。2017年,又购置…): 去年 of its figures is the one before
DAY_ONLY_DATELINE = re.compile(r"(?<![\d年])\d{1,2}\s*月\s*\d{1,2}\s*日\s*[^\d\s,，。;；]{0,6}?(?:讯|电)")
DAY_ONLY_DATELINE_CHARS = 80
# a text that opens on its own moment (2006年岁末的隆冬时节,…; 2019年新春之际,…): written then, its stocks held
# today (现有藏书…) are of that year, whatever history years (1937年捐赠, 1999年开始整理) its body tells after
PRESENT_OPENING = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*年\s*(?:岁末|年末|年底|年初|岁初|新春|春节|深秋|初冬|隆冬|盛夏|初夏|初春)"
                             r"[^,，。;；\n\d]{0,8}?(?:时节|之际|时分|前夕|季节)")
# a press byline in brackets with the date after it (【某报╱记者某某/某地报导】 2007.11.20 03:55 am): the
# news item's date, wherever the line begins (a repost puts a board's header before it)
PRESS_DATELINE = re.compile(r"[【\[][^】\]\n]{0,30}?(?:记者|报导|报道|电|讯)[^】\]\n]{0,20}[】\]]\s*"
                            r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*\d{1,2}")
# a dateline written with the year apart (2024 04/26 17:53:16) or two digits of it before a time and the
# source (17-08-16 08:32 来源:某报): the page's date (SHORT_YEAR_PIVOT reads the two digits)
SPLIT_DATELINE = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s+(?P<m>\d{1,2})\s*[/-]\s*\d{1,2}\s+\d{1,2}:\d{2}")
SHORT_DATELINE = re.compile(r"^\s*(?P<yy>\d{2})-(?P<m>\d{1,2})-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*"
                            r"[|｜]?\s*(?:来源|作者|编辑|稿源|发布)")
DAY_FIRST_DATE = re.compile(r"^\s*\d{1,2}(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?:\s+\d{1,2}:\d{2})?\s*$")
SIGNED_DATE = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*$")
SIGNATURE_TAIL = 300   # characters at the end of a page where a signature date may stand
# the first year of a span or list (1980年至2011年, 1989和1994年): history, not the year a page reports on
YEAR_SPAN_AFTER = re.compile(r"\s*年?\s*(?:至|到|[-—–~]+|和|、|及)\s*(?:19|20)\d\d")
YEAR_SPAN_BEFORE = re.compile(r"(?:19|20)\d\d\s*年?\s*(?:至|到|[-—–~]+|和|、|及)\s*$")
# a title that covers a span of years (某馆馆志(2009年——2018年), 2019-2021年工作总结): its figures
# with no year of their own are of the span's last year
# (not a table's caption, 表7-1 1951—2017…借阅情况表, nor a long history span)
TITLE_SPAN_MAX_YEARS = 12
TABLE_CAPTION = re.compile(r"\s*(?:附)?表\s*[\d一二三四五六七八九十]")
TITLE_YEAR_SPAN = re.compile(r"(?P<a>(?:19|20)\d\d)\s*年?\s*(?:至|到|[-—–~]+)\s*(?P<b>(?:19|20)\d\d)(?!\d)")
# a year followed by a clause and more text on a line is a sentence (1998年,某馆通过…), not a title
CLAUSE_AFTER = re.compile(r"[^,，;；。]{0,3}[,，;；][^\n]{6,}")
# a year opening a sentence (2005年,… / 2013年度…), not a date (1998年11月8日) nor an honour
# (2008年被评为…): it governs the
# sentences after it in its paragraph that name no year of their own
# a sentence that tells a moment of the library's history (2012年新馆落成开放,建筑面积…。): with no
# figure of a metric (DATA_FIGURE) in it, its opening year governs no later sentence of the paragraph
HISTORY_EVENT = re.compile(r"建成|落成|开馆|开放|迁入|迁至|搬迁|成立|设立|建立|始建|创建|创办|改扩建|扩建|新建|竣工|奠基|动工|投入使用|"
                           r"评为|评定|获评|授予|挂牌|更名|改名|命名|升格|合并|恢复|重建|复馆|建制|"
                           # (1991年县人民政府批复建造县图书馆新馆舍。: a building approved or built)
                           r"建造|修建|兴建|筹建|批复|批准")
SENTENCE_OPENING_YEAR = re.compile(r"(?:^|(?<=[。!?！？]))\s*(?P<y>(?:19|20)\d\d)\s*年(?:度)?(?!\s*\d{1,2}\s*月)(?!\s*[,，]?\s*被)(?=\s*[,，:：]|[\u4e00-\u9fff])")
# a sentence opening with "at that time" (当时购置图书…): the year the sentence before tells of, even a
# year of the library's history
THAT_TIME = re.compile(r"\s*(?:当时|那时|其时|彼时|建馆时|建馆之初|同年|是年)")  # (…新馆建成开放。同年,接待读者…)
# the date a directory page's information is current to (信息最后更新时间截止于2025年7月)
# a site footer's copyright line (Copyright © 2000-2025, ©2024 某网 版权所有): a stamp after it
# (更新时间:2025/9/28 5:25:56) within FOOTER_CHARS is the site's, no date of the page's text
COPYRIGHT_LINE = re.compile(r"(?:copyright|©|\(c\)|版权所有|版權所有)", re.IGNORECASE)
FOOTER_CHARS = 200
# a document-sharing site's furniture (更新时间:… 作者:会员上传 下载docx): every stamp of the page is the
# site's (upload day, related documents' days), none the uploaded text's
UPLOAD_CHROME = re.compile(r"下载\s*(?:docx?|pdf|pptx?|xlsx?|wps)\b|会员上传|上传(?:者|人|用户)\s*[:：]|文档贡献者|下载券|"
                           r"(?:文档|资料)?(?:页数|大小)\s*[:：][^\n]{0,20}?(?:页|[KM]b)|格式\s*[:：]\s*(?:docx?|pdf|pptx?|wps)\b",
                           re.IGNORECASE)
# a mirror's, crawler's or wiki's stamp line (快照时间, 抓取时间, 采集于, 本页面最后修订于…, a reference's
# 访问日期/引用日期): no day of the text
MIRROR_STAMP = re.compile(r"快照|抓取(?:时间|于)|采集(?:时间|于)|收录(?:时间|于)|缓存(?:时间|于)|(?:引用|访问|检索)(?:日期|时间)|"
                          r"最后(?:修订|编辑|修改)|最近(?:修订|编辑|修改)|页面(?:修订|编辑)于")
# footnote marks at the end of a wiki's sentence (…至2020年3月2日。 [2]): the sentence still ends there
FOOTNOTE_MARKS_AT_END = re.compile(r"(?:\s*\[\s*\d{1,3}\s*\])+\s*$")
INFO_DATE = re.compile(r"更新(?:时间|日期|于)[^。\n\d]{0,6}(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})")
# an honour or rating given in a year (2023年12月被评定为一级馆, 2013年通过评估): it dates the
# honour, not a figure later in the sentence
HONOUR_AFTER = re.compile(r"\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*[,，]?\s*"
                          r"(?:被[^,，。;；]{0,10}?(?:评|命名|授予|确定|列为|认定)|通过[^,，。;；]{0,16}?评估|获评|荣获)")
# a date in brackets right after a figure dates it (约113,000册(2014年3月), 2万册(截至2019年底));
# a month other than December makes it partial
# (年流通量4,930,618(2017年借阅量): the bracket names the year and the measure; a history word in it,
# (1904年创建), names no figure's year and is no metric label)
BRACKET_DATE_AFTER = re.compile(r"\s*[(（]\s*(?:截[止至]于?)?\s*(?P<y>(?:19|20)\d\d)\s*年\s*"
                                r"(?:(?P<m>\d{1,2})\s*月[^)）]{0,4}|底|末|度)?"
                                r"(?:[\u4e00-\u9fff]{0,6}?(?:量|数|数据|统计|人次|册次|经费))?\s*[)）]")
# the stamps of the previous and next posts in a site's navigation (上一篇 2023-05-04 12:23 /
# 下一篇 2023-05-04 13:20): a page with no date of its own lies between them, so when both are of one
# year that is its year (the earlier stamp's month is used)
NEIGHBOUR_POST_DATE = re.compile(r"^\s*(?P<which>上一篇|下一篇|上一条|下一条|上一则|下一则|上篇|下篇)\s*[:：]?[^\n]{0,60}?"
                                 r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
# a page's furniture line that names its source, author or editor, then the date (来源:某日报 2023-05-04,
# 编辑:某某 | 2023-05-04 10:20:11), or a date alone in brackets ([2023-05-04]): the day it was published
SOURCE_LINE_DATE = re.compile(r"^\s*(?:来源|作者|编辑|责任编辑|责编|稿源|发布者|发布人|记者|供稿|通讯员)\s*[:：][^\n]{0,40}?"
                              r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*\d{1,2}")
BRACKETED_DATE_LINE = re.compile(r"^\s*[\[【(（]\s*(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*\d{1,2}\s*日?\s*[\]】)）]\s*$")
# a byline: a source's or author's name and the date, alone on a line (某某传媒 2020-09-07)
BYLINE_DATE = re.compile(r"^\s*[A-Za-z0-9\u4e00-\u9fff]{2,16}\s+(?P<y>(?:19|20)\d\d)\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*\d{1,2}\s*$")
# a Republic-of-China year in prose (Taiwan): 民國105年 anywhere, 去(108)年, or a bare 105年 /
# 105年度 opening a clause (据…统计,105年总借阅册数…) or after a preposition or a verb of
# publishing (公布112年度…, 市图112年新增…); read only on a page that dates none of its
# figures with a Gregorian year (ROC_OFFSET / ROC_RANGE in lexicon.tables)
ROC_PROSE_YEAR = re.compile(r"民[国國]\s*(?P<a>\d{2,3})\s*年|[去今前]\s*[(（]\s*(?P<b>\d{2,3})\s*[)）]\s*年|"
                            r"(?:^|(?<=[,，;；:：。!?！？\s(（在于至到从自图馆])|(?<=公布|发布|统计|截至|截止))"
                            r"(?P<c>\d{2,3})\s*年(?:度)?(?!\s*(?:历史|以来|前|来|间|代|历|之))")
# a page that writes Taiwan's ROC years (民國69年, 民國82年: after 民國38年, the earlier ones are
# Gregorian in the matching text): its bare two- or three-digit year words (80年度圖書流通量…) are ROC
# years too, not two-digit Gregorian ones (1980)
ROC_CONTEXT = re.compile(r"民[国國]\s*(?P<n>\d{2,3})\s*年")
ROC_THREE_DIGITS = 100  # an ROC year from 100 on has three digits: never a two-digit Gregorian one
# two-digit years (19年全馆…, ’21, 20年度工作报告): a year word only where it opens a clause
# (after a line start, punctuation, a space or a preposition) and is not a duration (20年来, 近20年);
# in a title line, before a report word (某馆20年度工作报告). SHORT_YEAR_PIVOT: below it 20xx, else 19xx
SHORT_YEAR = re.compile(r"(?:(?:^|(?<=[\n,，;；:：。!?！？、\s(（\[【在于至到从自是])|(?<=截止|截至))(?P<a>\d{2})\s*年(?:度)?"
                        r"(?!\s*(?:来|间|代|前|后|多|余|以|左右|之|的历史|里|内|中|半|时间|历程|华诞|风雨|发展|如一日|间隔))"
                        r"|[’‘'](?P<b>\d{2})(?![\d.,])(?!\s*(?:年来|年间|年代)))")
SHORT_TITLE_YEAR = re.compile(r"(?<![\d.])(?P<a>\d{2})\s*年度?(?=[^,，。;；\n]{0,8}(?:工作|报告|年报|总结|计划|统计|简报|要点))")
SHORT_YEAR_PIVOT = 50
# a Chinese-numeral year (二〇二一年, 二0二一年) and a Republic-era year before 1949 (民国二十五年, 民国25年): the
# matching text writes them in Arabic digits, same length (normalize.arabic_years); the ROC years of
# Taiwan pages (民國105年) are left to ROC_PROSE_YEAR
CN_NUMERAL_YEAR = re.compile(r"(?<![\d一二三四五六七八九十〇零○])[〇零○Ｏ0一二三四五六七八九]{4}(?=\s*年)")
REPUBLIC_YEAR = re.compile(r"民[国國]\s*(?P<n>元|[一二三四五六七八九十]{1,3}|\d{1,2})(?=\s*年)")
# a Japanese-era year (昭和九年, 大正5年: Taiwan's colonial-era pages) in Arabic digits, same length, with
# the offset of its era; a Gregorian gloss in brackets right after it (昭和九年(1935年)) is the page's own
# conversion, often off by one, and is blanked so that the era's year dates the text
JAPANESE_ERA_YEAR = re.compile(r"(?P<era>明治|大正|昭和)\s*(?P<n>元|[一二三四五六七八九十]{1,3}|\d{1,2})(?=\s*年)")
JAPANESE_ERA_OFFSET = {"明治": 1867, "大正": 1911, "昭和": 1925}
JAPANESE_ERA_LAST = {"明治": 45, "大正": 15, "昭和": 64}
ERA_GLOSS_AFTER = re.compile(r"\s*年\s*(?P<gloss>[(（]\s*(?:18|19|20)\d\d\s*年?\s*[)）])")
REPUBLIC_OFFSET = 1911
REPUBLIC_LAST = 38          # 民国38年 = 1949: later ROC years are Taiwan's, read elsewhere
# the level words that may follow a place in a library's own name (台北市立图书馆, 屏东县立总图书馆)
OWN_NAME_TAIL = re.compile(r"(?:立总?|总)?图书馆$")
# the year and month of a date-only line (2024-09-09, 2020/12/13 05:30)
DATE_ONLY_PARTS = re.compile(r"\s*(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})")
# a page dated before December: its figures of that same year are to date, not the full year
LAST_PARTIAL_MONTH = 11
# a year masked by a template or essay site (20__年, 20_年, 20XX年, 20××年, 二〇××年): the text's figures
# have no year (the page's date is the site's upload stamp, not the report's)
MASKED_YEAR = re.compile(r"(?:19|20)\s*(?:_{1,4}|＿{1,4}|_\s_|[xX]{2}|××|\*\*|[？?]{2}|ＸＸ|ｘｘ)\s*年|[二两]\s*[〇零○]\s*(?:××|[xX]{2}|__)\s*年")
# the first lines that may name the place of a region's table that names no library (X统计年鉴)
TITLED_REGION_LINES = 3
# seasons and holidays with the first month they fall in: named with no year word in a page written
# before that month (暑假期间… in a January item, 国庆长假… in a March one), they are last year's
SEASONS: list[tuple[re.Pattern, int]] = [
    (re.compile(r"清明"), 4),
    (re.compile(r"世界读书日|读书日|4\s*[·.]\s*23"), 4),
    (re.compile(r"五一|劳动节"), 5),
    (re.compile(r"端午"), 5),
    (re.compile(r"六一|儿童节"), 6),
    (re.compile(r"暑期|暑假|暑期间|盛夏|夏季"), 7),
    (re.compile(r"七夕"), 8),
    (re.compile(r"中秋"), 9),
    (re.compile(r"国庆|十一(?:长假|黄金周|假期)"), 10),
    (re.compile(r"重阳"), 10),
]
# the year looked back on in a page written in its first months (过去的一年…, 全年接待…, 一年来 in a
# January item): last year, in full
LOOK_BACK_WORDS = re.compile(r"过去(?:的)?(?:这)?一年|(?:这)?一年来|全年|年度|2\s*0\s*\d\s*\d\s*年度")
LOOK_BACK_LAST_MONTH = 2
# stocks: a level held on a day (as of an undated page's day, they are partial)
STOCK_METRICS = re.compile(r"^(?:collection\.total|users\.registered_total|network\.branches|network\.service_points)$")
# generic annual wording: a yearly figure even on an undated page (年接待读者, 每年, 年均)
ANNUAL_WORDS = re.compile(r"每年|年均|全年|年度|(?<![\d今去明前上下当本])年(?:接待|外借|借阅|流通|服务|举办|开展|新增|入藏|购书|读者)")
# a standing yearly figure with no year (该馆年度购书经费约为…, 年增加新书约…, 每年举办…): on a dated page
# that no title dates, the year of the page, not the year its body names most (a stock's month)
GENERIC_ANNUAL = re.compile(r"每年|年均|(?<![\d今去明前上下当本全])年度?(?:购书|接待|外借|借阅|流通|服务|举办|开展|新增|增加|入藏|经费)")
# 分别 distributes the values after it over the subjects listed before it (南通和无锡…分别为
# 1134万、1127万册): the word, and what may join two listed places
RESPECTIVELY = re.compile(r"分别")
# a span of years before 分别 (1999-2002年): its years in order
YEAR_SPAN = re.compile(r"(?P<a>(?:19|20)\d\d)\s*年?\s*[-—至到~]\s*(?P<b>(?:19|20)\d\d)\s*年")
LIST_JOINER = re.compile(r"^\s*(?:和|与|及|以及|、|,)\s*$")
# listed places counted as a group (南京和盐城两市公共图书馆的馆藏也在900万册以上): the one
# value is stated for each of them
SHARED_AFTER_LIST = re.compile(r"\s*(?:两|二|三|四|几)\s*(?:个)?[省市县区]")

# a year its library opened in, written to the year only (该馆于2009年正式投入使用,有藏书110多万册): a moment of its
# history; it dates no figure of a later clause (the stock and yearly counts a profile gives after it), and it is
# no data year of the page
OPENED_IN_YEAR_AFTER = re.compile(r"\s*年\s*(?:正式)?(?:建成)?(?:并|並)?\s*(?:投入使用|对外开放|开放使用|开馆|启用)(?=\s*[,，;；。])")
# a year of an honour won by a named subject (2011年某市成功入选首批…示范区,跻身全国28个…之列): no data year
HONOUR_OF_SUBJECT_AFTER = re.compile(r"\s*年\s*[^,，。;；\d]{0,10}?(?:成功)?(?:入选|入围|获评|荣获|被评为|跻身)")
# an undated page telling at least this many years, each once (a gazetteer's history section), is a
# chronicle: a figure with no year of its own takes the last year its paragraph has come to
CHRONICLE_MIN_YEARS = 3
# "that year" (当年新购置图书…): on a chronicle, the year its paragraph has come to
THAT_YEAR_WORD = re.compile(r"当年|同年|是年")
# how many clauses from a year word tell the year's own event (2008年某方援助下,新建了…新馆舍,: the building
# told in the clause after the year's is the year's event)
EVENT_CLAUSES_OF_YEAR = 2
CLAUSE_SEPARATORS = ",;，；"
# money after a figure (10万元): a building year's sentence going on to money is still history
MONEY_AFTER = re.compile(r"\s*(?:余|多)?\s*元")


# ------------------------------------------------------------------ undated pages and news items' own years (session 8)

# a page's date line followed by the site's section label only (2022-03-05生活, 2021/06/01 新闻): the
# day the page was posted, like a bare date line at the top
DATE_WITH_LABEL = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*\d{1,2}\s*[\u4e00-\u9fff]{1,4}\s*$")
# an infobox field of the library's history: the label and the year alone on a line (建立1904年,
# 时代1935年, 成立 1956年): a date of history, never a heading over the lines below it nor a title's year
INFOBOX_HISTORY_FIELD = re.compile(r"^\s*(?:建立|成立|创建|创办|始建|建馆|开馆|落成|时代|年代|建筑年代|建成|"
                                   r"(?:评定|公布|批准|认定|建成|成立|开馆|落成)(?:时间|日期))\s*[:：]?\s*$")
# a news item on the release of a report named by its edition year (《…指数报告(2025版)》…已正式发布):
# written in that year
EDITION_RELEASE = re.compile(r"[(（]\s*(?P<y>(?:19|20)\d\d)\s*年?\s*版\s*[)）]\s*》?[^。\n]{0,30}?(?:发布|公布|出炉|揭晓)")
# a yearly day counted from its first year (第27个“世界读书日”: 1996 + 26 = 2022): a news item that
# names it is written in that year
ANNUAL_DAY_ORDINALS: list[tuple[re.Pattern, int]] = [
    # (a mirror's pinyin gloss may follow a character: 第27个(gè)“世界读书日”)
    (re.compile(r"第\s*(?P<n>\d{1,2})\s*个\s*(?:[(（][^)）\d]{1,8}[)）])?\s*[“\"‘']?\s*世界读书日"), 1996),
]
# a yearly rate after a span since an earlier year (自1996年…以来,年均接待读者…): the figure is one
# year's, not the sum of the span
YEARLY_RATE = re.compile(r"年均|每年|平均每年")
# a present-tense word of a stock or a flow (现已达…, 现累计有…, 如今): with TO_DATE_WORDS and GENERIC_ANNUAL,
# the words that tell a figure of the day the page was written; on an undated page whose years are all
# history (始建于1904年, 1935年迁…) such a figure has no year
NOW_WORDS = re.compile(r"现已|现累计|现共|现在|如今|当前")
