"""Word lists and character tables the heuristics consult, built once at import (data only).

Each constant says what it is for and where it comes from. Modules import from here and
build their compiled patterns from these lists where they use them; nothing here depends
on the rest of the package.
"""

from __future__ import annotations

# --- English ----------------------------------------------------------------------------

#: Common English words (function words, frequent verbs and time words, contractions):
#: a Latin segment with enough of these is English without asking langdetect
#: (:func:`bilingual.label.is_plain_english`). Picked by hand (first version, widened with
#: the commit "label: broader English word list"); lowercase, ASCII apostrophes.
ENGLISH_WORDS = frozenset(
    """a i've i'll i'd you've you'd you'll he's she's we've we'll they've they'll doesn't
    hasn't haven't couldn't wouldn't shouldn't wasn't weren't aren't what's who's how's
    here's got never us little better up before three go home next week one gave ago
    already such years everything bought back done lot off nothing two eat every morning
    big must bit now walk cold yet another himself herself over buy let car wear made
    come seen out few see get goes minutes takes month give heard wait likes took went
    eaten until comes water caught cannot always something called stop even gets ten
    thing small knew boy work well know think want need really look tell go going still
    the of and to in is it you that he was for on are with as his they be at have this
    from or had by not but what some we can were all there when your how said an each
    she which do their if will about many then them would like so these her him has more
    could did my no me our just also than only its who been into any after because
    should where why here very much those while does don't i'm it's i we're you're isn't
    can't won't didn't there's that's let's yes please thank thanks hello hi today
    tomorrow yesterday time people year day good new first last great""".split()
)

#: English words (and CC-CEDICT gloss abbreviations: ``sb``, ``sth``, ``esp``) left out of
#: the lexical overlap (:mod:`bilingual.lexicon`): they gloss nothing in particular, and
#: CC-CEDICT's definitions are full of them (``to be ...``, ``one's ...``, ``used in ...``).
GLOSS_STOP_WORDS = frozenset(
    """a an the to of and or in on at for with by be is are was were it as that this from
    up out one's sb sth used also etc something someone esp particle""".split()
)

#: Chat English's short forms and the words they stand for, read as those words by the
#: dictionary signal of the alignment (``thx`` meets CC-CEDICT's ``thanks`` as ``thanks``
#: does). Common texting and headline abbreviations; only ones that are no English word
#: themselves.
CHAT_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    ("thx", "thanks"), ("thanx", "thanks"), ("tks", "thanks"), ("ty", "thank you"),
    ("pls", "please"), ("plz", "please"), ("msg", "message"), ("msgs", "messages"),
    ("pic", "picture"), ("pics", "pictures"), ("tmr", "tomorrow"), ("tmrw", "tomorrow"),
    ("bday", "birthday"), ("hbd", "happy birthday"), ("congrats", "congratulations"),
    ("gn", "good night"), ("gm", "good morning"), ("ppl", "people"), ("mins", "minutes"),
    ("hrs", "hours"), ("yrs", "years"), ("wk", "week"), ("cuz", "because"),
    ("bc", "because"), ("nvm", "never mind"), ("np", "no problem"), ("idk", "I don't know"),
    ("btw", "by the way"), ("asap", "as soon as possible"), ("info", "information"),
    ("vol", "volume"), ("ep", "episode"), ("pt", "part"), ("dept", "department"),
    ("govt", "government"), ("intl", "international"), ("univ", "university"),
    ("approx", "approximately"),
)  # fmt: skip

#: Irregular English forms and their base words, for the dictionary signal's stems
#: (:func:`bilingual.lexicon.stem`): CC-CEDICT glosses with base words (``to go``), text
#: uses every form (``went``). Common irregular verbs' past forms and irregular plurals.
IRREGULAR_FORMS: tuple[tuple[str, str], ...] = (
    ("went", "go"), ("gone", "go"), ("ate", "eat"), ("eaten", "eat"), ("saw", "see"),
    ("seen", "see"), ("said", "say"), ("made", "make"), ("got", "get"), ("gotten", "get"),
    ("came", "come"), ("gave", "give"), ("given", "give"), ("took", "take"),
    ("taken", "take"), ("found", "find"), ("felt", "feel"),
    ("thought", "think"), ("told", "tell"), ("knew", "know"), ("known", "know"),
    ("wrote", "write"), ("written", "write"), ("paid", "pay"), ("met", "meet"),
    ("sold", "sell"), ("sent", "send"), ("lost", "lose"), ("won", "win"),
    ("built", "build"), ("began", "begin"), ("begun", "begin"), ("brought", "bring"),
    ("bought", "buy"), ("caught", "catch"), ("taught", "teach"), ("fell", "fall"),
    ("fallen", "fall"), ("drove", "drive"), ("driven", "drive"), ("flew", "fly"),
    ("flown", "fly"), ("grew", "grow"), ("grown", "grow"), ("held", "hold"),
    ("kept", "keep"), ("slept", "sleep"), ("spent", "spend"), ("stood", "stand"),
    ("swam", "swim"), ("wore", "wear"), ("worn", "wear"), ("ran", "run"), ("sat", "sit"),
    ("spoke", "speak"), ("spoken", "speak"), ("broke", "break"), ("broken", "break"),
    ("chose", "choose"), ("chosen", "choose"), ("forgot", "forget"),
    ("forgotten", "forget"), ("understood", "understand"), ("heard", "hear"),
    ("sang", "sing"), ("sung", "sing"), ("drank", "drink"), ("drunk", "drink"),
    ("woke", "wake"), ("rode", "ride"), ("hid", "hide"), ("led", "lead"), ("fed", "feed"),
    ("fought", "fight"), ("sought", "seek"), ("threw", "throw"), ("thrown", "throw"),
    ("drew", "draw"), ("drawn", "draw"), ("blew", "blow"), ("shot", "shoot"),
    ("men", "man"), ("women", "woman"), ("children", "child"),
    ("feet", "foot"), ("teeth", "tooth"), ("mice", "mouse"), ("geese", "goose"),
)  # fmt: skip

#: English interjections and chat responses: each is a sentence of its own (``Sure``,
#: ``Noted``, ``Haha``), so one set apart before a Chinese sentence is no word of it
#: (``Noted 收到了``), as a term or a name is (``iPhone 很好用``). Lowercase.
INTERJECTIONS = frozenset(
    """ok okay okey sure sorry wow yay omg noted done same hmm hmmm haha hahaha hehe lol
    lmao ugh oops yes yeah yep yup no nope nah hi hey hello bye thanks thx ty cool nice
    great congrats cheers agreed true exactly alright oh ah aww damn wtf fyi ikr idk brb
    gosh whoa welcome""".split()
)

#: Abbreviations that precede a number: a period after one, before the number, ends no
#: sentence (``Dec. 5``, ``No. 3``, ``p. 12``): months and the number-preceding
#: abbreviations of the Pragmatic Segmenter / pySBD list, lowercase, without the period.
NUMBER_ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec no nos art ext p pp vol ch fig""".split()
)

#: Titles that precede a name: a period after one never ends an English sentence
#: (``Dr. Watson``). The name-preceding abbreviations of the Pragmatic Segmenter / pySBD
#: abbreviation list, lowercase, without the period.
TITLES = frozenset(
    """mr mrs ms dr prof st mt gen rep sen gov capt col lt sgt rev hon pres supt messrs mme
    mlle fr sr jr""".split()
)

#: Words that start a new sentence after a multi-period abbreviation (``U.S. How ...``):
#: pronouns, determiners, question words and connectives, after the Pragmatic Segmenter's
#: list of sentence starters (widened with possessives); lowercase.
SENTENCE_STARTERS = frozenset(
    """a an the i it he she we they you this that these those there here how what when
    where why who which but however my his her our their its""".split()
)

#: English number words and their values: a number spelled out on one side matches the
#: Arabic or Chinese numeral on the other (an alignment anchor, :mod:`bilingual.align`).
EN_NUMBER_WORDS: tuple[tuple[str, int], ...] = (
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("hundred", 100),
    ("hundreds", 100),
    ("thousand", 1000),
    ("thousands", 1000),
    ("million", 10**6),
)

#: langdetect language codes written in Latin script: a Latin segment that langdetect
#: gives any other code is ``und`` (:mod:`bilingual.label`). From langdetect's 55
#: profiles.
LATIN_LANGS = frozenset(
    """af ca cs cy da de en es et fi fr hr hu id it lt lv nl no pl
    pt ro sk sl so sq sv sw tl tr vi""".split()
)

# --- Chinese ----------------------------------------------------------------------------

#: Chinese function characters (particles, aspect markers, structural 的/得/地) that
#: carry no lexical content for the overlap (:mod:`bilingual.lexicon`); Simplified, plus
#: 嗎, the Traditional 吗. Set by hand.
ZH_STOP_CHARS = frozenset("的了吗呢吧啊着过得地嗎啦呀嘛")

#: Characters that end a Chinese sentence (:mod:`bilingual.sentences`): fullwidth
#: ``。！？`` and the halfwidth ``?!`` chat writers use.
ZH_TERMINATORS = frozenset("。！？?!")
#: Closing quotes and brackets that stay with the sentence they close.
ZH_CLOSERS = frozenset("”’」』）)》】〕〉\"'」]")
#: Title brackets (``《摔跤吧！爸爸》``): no sentence ends inside them.
ZH_OPEN_TITLE = frozenset("《〈")
ZH_CLOSE_TITLE = frozenset("》〉")

#: Chinese digits (with the Traditional 兩 and the zero 〇 of dates) and their values,
#: for reading numerals such as ``三千五百`` (:func:`bilingual.align.zh_numeral`).
ZH_DIGITS: tuple[tuple[str, int], ...] = (
    ("零", 0),
    ("〇", 0),
    ("一", 1),
    ("二", 2),
    ("兩", 2),
    ("两", 2),
    ("三", 3),
    ("四", 4),
    ("五", 5),
    ("六", 6),
    ("七", 7),
    ("八", 8),
    ("九", 9),
)
#: Units inside a section of a Chinese numeral (十, 百, 千).
ZH_UNITS: tuple[tuple[str, int], ...] = (("十", 10), ("百", 100), ("千", 1000))
#: Units that multiply the section before them (萬 / 万, 億 / 亿), Traditional and Simplified.
ZH_BIG_UNITS: tuple[tuple[str, int], ...] = (
    ("萬", 10**4),
    ("万", 10**4),
    ("億", 10**8),
    ("亿", 10**8),
)

# --- atoms ------------------------------------------------------------------------------

#: Top-level domains a bare host name (``example.com`` without ``www.`` or a scheme) must
#: end in to count as a URL (:mod:`bilingual.scripts`): the generic ones chat links use
#: and the country codes of the places the dumps come from. Order is kept: it is the
#: order of the regex alternation.
TLDS = tuple(
    """com org net edu gov mil int info biz io co ai app dev me tv news xyz online site
    cn tw hk mo sg jp kr uk us ca au nz de fr it es nl ru in eu ly gl gd be ch se no""".split()
)

# --- speaker labels (``Label: text``, :mod:`bilingual.formats._speaker`) ----------------

#: Role labels of interviews and Q&A transcripts: they count together as one speaker
#: kind (``Q`` and ``A`` each recur). Order is the regex alternation's.
SPEAKER_ROLES = (
    "Q",
    "A",
    "問",
    "答",
    "问",
    "记者",
    "記者",
    "主持人",
    "Host",
    "Interviewer",
    "Interviewee",
)
#: Role labels followed by a number (``Speaker 2``, ``發言人1``), as transcription tools
#: write them.
NUMBERED_ROLES = ("Speaker", "發言人", "发言人", "说话人")

#: Editorial labels (``Note:``, ``Update:``, ``快訊：``) that head a line but never name a
#: speaker; matched whole and case-insensitively. Collected from news and newsletter
#: pastes in English and Chinese.
EDITORIAL_LABELS = tuple(
    """note notes nb ps update updated correction disclaimer source sources photo video
    audio image caption credit related summary warning tip reminder announcement
    exclusive watch listen opinion analysis explainer live date time subject re fwd fw
    link links agenda location venue notice
    注 注意 備註 备注 編按 编按 編者按 编者按 來源 来源 圖 图 原標題 原标题 責任編輯 责任编辑
    延伸閱讀 延伸阅读 更新 快訊 快讯 公告 通知 提醒 報名連結 报名链接 連結 链接 網址 网址
    時間 时间 地點 地点 原因 結論 结论 重點 重点 標題 标题 主題 主题 附註 附注 按""".split()
)
#: Editorial labels with variants, as regular expressions (verbose mode: spaces escaped).
EDITORIAL_LABEL_PATTERNS = (
    r"editor'?s?\ note",
    r"p\.s\.?",
    r"read\ more",
    r"see\ also",
    r"tl;?dr",
    r"breaking(?:\ news)?",
    r"(?:step|part|chapter|day)\ \d+",
)
#: Words that make a label a label, not a person, wherever they stand in it
#: (``Taiwan CTI video:``, ``Weather Update:``, ``Notice:``, ``Monday:``, ``颱風快訊：``):
#: a label that is one to three capitalised words (or two to four Han) names a person
#: even once, unless it holds one of these. Matched case-insensitively, Han as suffixes.
NON_PERSON_WORDS = frozenset(
    """note notes update updates news video videos audio photo photos image notice alert
    report headline headlines statement story source sources summary warning reminder
    announcement comment comments reply replies transcript translation quote link links
    question answer example result results total status important attention deadline
    interview article section introduction background conclusion overview
    price address phone email website time date location venue subject topic title
    today tomorrow yesterday tonight morning afternoon evening weekend
    monday tuesday wednesday thursday friday saturday sunday
    快訊 快讯 公告 通知 新聞 新闻 影片 視頻 视频 聲明 声明 更新 提醒 注意 消息 報導 报道
    地址 電話 电话 價格 价格 日期 時間 时间 地點 地点 內容 内容 問題 问题 答案 備註 备注
    方法 結果 结果 目的 步驟 步骤 總結 总结 優點 优点 缺點 缺点 特色 介紹 介绍 簡介 简介
    說明 说明 背景 摘要 提示 警告 金額 金额 馬上 马上 周末 高峰""".split()
)
#: Common Chinese surnames (Traditional and Simplified forms; about the 200 most common,
#: and the compound ones): a Han label is a person's name even once only when it starts
#: with one (``王小明``, ``歐陽娜娜``), so ``結果：`` or ``方法：`` stay text.
CHINESE_SURNAMES = frozenset(
    """王 李 張 张 劉 刘 陳 陈 楊 杨 黃 黄 趙 赵 吳 吴 周 徐 孫 孙 馬 马 朱 胡 郭 何 林 羅 罗
    高 鄭 郑 梁 謝 谢 宋 唐 許 许 韓 韩 馮 冯 鄧 邓 曹 彭 曾 蕭 萧 肖 田 董 袁 潘 于 蔣 蒋 蔡
    余 杜 葉 叶 程 蘇 苏 魏 呂 吕 丁 任 沈 姚 盧 卢 姜 崔 鍾 钟 譚 谭 陸 陆 汪 范 金 石 廖 賈
    贾 夏 韋 韦 付 傅 方 白 鄒 邹 孟 熊 秦 邱 江 尹 薛 閻 阎 段 雷 侯 龍 龙 史 陶 黎 賀 贺 顧
    顾 毛 郝 龔 龚 邵 萬 万 錢 钱 嚴 严 覃 武 戴 莫 孔 向 湯 汤 柯 賴 赖 洪 翁 施 溫 温 游 歐
    欧 簡 简 鄺 邝 麥 麦 岑 習 习 詹 莊 庄 易 喬 乔 關 关 常 康 伍 祝 殷 樊 倪 季 童 凌 包 甘
    邢 齊 齐 鄔 邬 葛 左 紀 纪 牛 俞 尤 章 華 华 舒 阮 聶 聂 蘭 兰 連 连 辛 官 卓 古 涂 管 盛
    歐陽 欧阳 司馬 司马 諸葛 诸葛 上官 東方 东方 司徒 慕容 皇甫 令狐 夏侯 尉遲 尉迟""".split()
)
#: Verbs of saying that end a reported-speech lead (``老闆說：「…」``, ``He said: ...``):
#: a label ending in one is not a speaker.
REPORTING_VERBS = (
    "說",
    "说",
    "表示",
    "指出",
    "稱",
    "称",
    "問道",
    "问道",
    "強調",
    "强调",
    "says",
    "said",
    "asks",
    "asked",
)
#: Characters that mark a sentence without kana as Chinese when it stands beside Japanese
#: sentences (``我到東京了！ 今日は雨です。``): grammatical words Japanese does not write
#: in kanji, or writes only inside compounds. Picked by hand.
ZH_FUNCTION_CHARS = frozenset("的了們们這这那嗎吗呢吧啊很沒没說说謝谢麼么個个我你他她不")
