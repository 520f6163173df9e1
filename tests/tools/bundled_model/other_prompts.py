#!/usr/bin/python3
"""Questions outside the demonstration model's kinds, for training its honest reply.

Greetings, questions about itself, general knowledge, requests (writing, translating, code,
advice), arithmetic it cannot do (multiplication, division, roots), and word salad, in English and
Chinese, built from templates and word lists by a seeded random.Random. The evaluation prompts in
ood_eval.json are written by hand, apart from these templates; tasks.py asks for the reply.
"""
import random

PLACES_EN = """France Japan Brazil Canada Kenya Norway Egypt Peru Vietnam Italy Spain Chile Mexico
India Germany Australia Argentina Portugal Greece Turkey Morocco Sweden Finland Poland Ireland Nepal
Iceland Cuba Korea Thailand Ghana Austria Hungary Denmark Colombia Indonesia Ukraine Mongolia
Paris Tokyo London Berlin Cairo Lima Sydney Toronto Rome Madrid Beijing Shanghai Seoul Mumbai
Europe Africa Asia Antarctica the Moon Mars Jupiter the Sahara the Amazon the Alps""".split()
TOPICS_EN = [t.strip() for t in """love, friendship, the ocean, autumn, the stars, a cat, a dog, rain,
coffee, tea, music, freedom, time, the city, a train, dreams, winter, spring, the sea, mountains,
a robot, the moon, a lighthouse, history, bread, chess, football, gardening, photography,
climate change, volcanoes, black holes, photosynthesis, gravity, electricity, magnetism, democracy,
inflation, vaccines, the internet, blockchain, quantum physics, machine learning, neural networks,
the Roman Empire, the French Revolution, ancient Egypt, dinosaurs, evolution, DNA,
the immune system, sleep, meditation, exercise, nutrition, jazz, poetry, painting, opera, cooking,
baking, hiking, sailing, rockets, satellites, batteries, solar panels, wind turbines, bees, whales,
languages, grammar, philosophy, ethics, economics, taxes, interest rates, mortgages, resumes,
job interviews""".split(",")]
CONCEPTS_EN = [t.strip() for t in """an atom, a galaxy, a prime number, a verb, an algorithm, a virus,
a vaccine, a metaphor, a haiku, an API, a database, a compiler, recursion, entropy, inflation,
a recession, a black hole, a neuron, an enzyme, a protein, a star, a planet, a comet, democracy,
capitalism, a sonnet, irony, photosynthesis, osmosis, a tsunami, an earthquake, a hurricane,
a glacier, a desert, a rainforest, a mortgage, a budget, a pointer, a closure, a hash table, Linux,
Python, JavaScript, Rust, SQL, HTML, Git, Docker, Kubernetes""".split(",")]
FORMS_EN = ["a poem", "a haiku", "a short story", "a song", "an essay", "a limerick", "an email",
            "a letter", "a speech", "a tweet", "a product description", "a cover letter", "a joke",
            "a riddle", "a birthday message", "a summary", "a blog post", "a dialogue"]
LANGS_EN = ["French", "Spanish", "German", "Japanese", "Chinese", "Korean", "Russian", "Arabic",
            "Italian", "Portuguese", "Hindi", "Persian", "Dutch", "Turkish"]
PHRASES_EN = ["good morning", "where is the station", "I love you", "thank you very much",
              "the weather is nice today", "how much does it cost", "see you tomorrow",
              "I am hungry", "the cat sleeps on the sofa", "happy birthday", "where do you live",
              "I would like a coffee", "the meeting is at noon", "please close the door"]
TASKS_EN = ["learn to cook", "fix a flat tire", "sleep better", "write a resume", "start a business",
            "learn Python", "lose weight", "save money", "make bread", "tie a tie", "change a light bulb",
            "plant tomatoes", "train a puppy", "speak in public", "clean an oven", "get a job",
            "study for an exam", "make friends", "install Linux", "reverse a string in Python",
            "center a div", "sort a list", "read a CSV file", "write a unit test", "learn the guitar"]
THINGS_EN = ["a car engine", "a refrigerator", "the internet", "a rainbow", "a vaccine", "GPS",
             "a microwave", "the stock market", "a battery", "a camera", "an airplane", "the heart",
             "the brain", "a solar panel", "a nuclear reactor", "email", "Wi-Fi", "a credit card",
             "a search engine", "a bicycle", "photosynthesis", "a compass", "a clock", "a piano"]
PEOPLE_EN = ["Shakespeare", "Einstein", "Marie Curie", "Newton", "Mozart", "Picasso", "Confucius",
             "Cleopatra", "Napoleon", "Gandhi", "Darwin", "Tesla", "Ada Lovelace", "Lincoln",
             "Beethoven", "Frida Kahlo", "Galileo", "Aristotle", "Plato", "Mandela"]
GREETINGS_EN = ["Hello", "Hi", "Hey", "Hello there", "Hi there", "Good morning", "Good afternoon",
                "Good evening", "Hey there", "Greetings", "Howdy", "Yo", "Hiya", "Good day",
                "Morning", "Evening", "Nice to meet you", "Long time no see", "What's up", "Sup"]
ABOUT_YOU_EN = ["Who are you?", "What are you?", "What can you do?", "What is your name?",
                "How are you?", "How are you doing today?", "Are you a robot?", "Are you human?",
                "Who made you?", "What do you know?", "Can you help me?", "Are you there?",
                "Can we talk?", "Do you have feelings?", "What are you good at?", "Are you smart?",
                "What languages do you speak?", "Tell me about yourself.", "How old are you?",
                "Where are you from?", "What model are you?", "Are you ChatGPT?", "Thanks!",
                "Thank you.", "Bye!", "Goodbye.", "See you later.", "OK", "Cool", "Really?"]
WORDS_EN = """the a of and to in is it you that he was for on are with as I his they be at one
have this from or had by hot word but what some we can out other were all there when up use your
how said an each she which do their time if will way about many then them write would like so
these her long make thing see him two has look more day could go come did my sound no most people
over know water than call first who may down side been now find any new work part take get place
made live where after back little only round man year came show every good me give our under name
very through just form great think say help low line before turn cause same mean differ move right
boy old too does tell sentence set three want air well also play small end put home read hand port
large spell add even land here must big high such follow act why ask men change went light kind off
need house picture try us again animal point mother world near build self earth father head stand
own page should country found answer school grow study still learn plant cover food sun four
thought let keep eye never last door between city tree cross since hard start might story saw far
sea draw left late run while press close night real life few stop open seem together next white
children begin got walk example ease paper often always music those both mark book letter until
mile river car feet care second group carry took rain eat room friend began idea fish mountain north
once base hear horse cut sure watch color face wood main enough plain girl usual young ready above
ever red list though feel talk bird soon body dog family direct pose leave song measure state product
black short numeral class wind question happen complete ship area half rock order fire south problem
piece told knew pass farm top whole king size heard best hour better true during hundred am remember
step early hold west ground interest reach fast five sing listen six table travel less morning""".split()

PLACES_ZH = """法国 日本 巴西 加拿大 肯尼亚 挪威 埃及 秘鲁 越南 意大利 西班牙 智利 墨西哥 印度 德国
澳大利亚 阿根廷 葡萄牙 希腊 土耳其 摩洛哥 瑞典 芬兰 波兰 爱尔兰 尼泊尔 冰岛 古巴 韩国 泰国 蒙古
巴黎 东京 伦敦 柏林 开罗 悉尼 罗马 马德里 北京 上海 首尔 孟买 欧洲 非洲 亚洲 南极洲 月球 火星""".split()
TOPICS_ZH = """爱情 友谊 大海 秋天 星空 猫 狗 雨 咖啡 茶 音乐 自由 时间 城市 火车 梦想 冬天 春天
山 机器人 月亮 灯塔 历史 面包 象棋 足球 园艺 摄影 气候变化 火山 黑洞 光合作用 引力 电 磁铁 民主
通货膨胀 疫苗 互联网 区块链 量子物理 机器学习 神经网络 罗马帝国 法国大革命 古埃及 恐龙 进化
基因 免疫系统 睡眠 冥想 运动 营养 爵士乐 诗歌 绘画 京剧 做饭 烘焙 徒步 航海 火箭 卫星 电池
太阳能 风力发电 蜜蜂 鲸鱼 语言 语法 哲学 伦理 经济 税收 利率 房贷 简历 面试 唐朝 长城 丝绸之路""".split()
CONCEPTS_ZH = """原子 星系 质数 动词 算法 病毒 比喻 俳句 数据库 编译器 递归 熵 经济衰退 神经元 酶
蛋白质 恒星 行星 彗星 资本主义 十四行诗 反讽 渗透 海啸 地震 台风 冰川 沙漠 雨林 预算 指针 闭包
哈希表 操作系统 人工智能 区块链 相对论 量子计算 云计算 大数据 阴阳 五行 中医 书法 太极""".split()
FORMS_ZH = ["一首诗", "一首七言绝句", "一个小故事", "一首歌", "一篇作文", "一封邮件", "一封信",
            "一段演讲", "一条朋友圈", "一段产品介绍", "一封求职信", "一个笑话", "一个谜语",
            "一段生日祝福", "一篇总结", "一篇博客", "一段对话", "一副对联"]
LANGS_ZH = ["英语", "法语", "西班牙语", "德语", "日语", "韩语", "俄语", "阿拉伯语", "意大利语",
            "葡萄牙语", "粤语", "波斯语"]
PHRASES_ZH = ["早上好", "火车站在哪里", "我爱你", "非常感谢", "今天天气很好", "这个多少钱",
              "明天见", "我饿了", "猫在沙发上睡觉", "生日快乐", "你住在哪里", "我想要一杯咖啡",
              "会议在中午开始", "请把门关上"]
TASKS_ZH = ["学做饭", "补自行车胎", "睡个好觉", "写简历", "创业", "学Python", "减肥", "存钱",
            "做面包", "打领带", "换灯泡", "种西红柿", "训练小狗", "当众讲话", "找工作", "准备考试",
            "交朋友", "安装Linux", "学吉他", "学英语", "包饺子", "泡茶", "写论文", "用Excel做表格"]
THINGS_ZH = ["汽车发动机", "冰箱", "互联网", "彩虹", "疫苗", "导航", "微波炉", "股市", "电池",
             "相机", "飞机", "心脏", "大脑", "太阳能板", "核电站", "电子邮件", "无线网络", "信用卡",
             "搜索引擎", "自行车", "指南针", "钟表", "钢琴", "高铁"]
PEOPLE_ZH = ["孔子", "李白", "杜甫", "爱因斯坦", "牛顿", "莎士比亚", "居里夫人", "莫扎特", "毕加索",
             "秦始皇", "鲁迅", "苏轼", "达尔文", "特斯拉", "甘地", "拿破仑", "曹雪芹", "郑和",
             "孙中山", "屈原"]
GREETINGS_ZH = ["你好", "您好", "嗨", "哈喽", "早上好", "早安", "中午好", "下午好", "晚上好",
                "晚安", "大家好", "你好呀", "嘿", "在吗", "好久不见", "很高兴认识你", "喂",
                "你好啊", "早", "hi"]
ABOUT_YOU_ZH = ["你是谁？", "你是什么？", "你能做什么？", "你叫什么名字？", "你好吗？",
                "你今天怎么样？", "你是机器人吗？", "你是人吗？", "谁创造了你？", "你知道什么？",
                "你能帮我吗？", "你在吗？", "我们聊聊天吧。", "你有感情吗？", "你擅长什么？",
                "你聪明吗？", "你会说哪些语言？", "介绍一下你自己。", "你几岁了？", "你来自哪里？",
                "你是什么模型？", "你是ChatGPT吗？", "谢谢！", "谢谢你。", "再见！", "拜拜。",
                "回头见。", "好的", "酷", "真的吗？"]
WORDS_ZH = """我 你 他 她 的 是 在 有 和 了 不 人 这 那 一个 我们 他们 时间 今天 明天 昨天 学校 工作
朋友 家 吃饭 喝水 看书 写字 电脑 手机 天气 下雨 太阳 月亮 城市 国家 世界 问题 事情 东西 地方
喜欢 知道 觉得 想要 可以 应该 因为 所以 但是 如果 已经 还是 或者 非常 特别 一点 很多 没有 什么
怎么 为什么 哪里 谁 多少 老师 学生 医生 妈妈 爸爸 孩子 公司 市场 电影 音乐 运动 旅行 故事 历史
文化 科学 技术 自然 动物 植物 花 树 山 河 海 路 车 船 飞机 火车 早上 晚上 周末 假期 生活""".split()


def _q(rng, zh):
    return rng.choice(["？", "?", "？"]) if zh else rng.choice(["?", "?", "?", ""])


def _end(rng, zh):
    return rng.choice(["。", "", "！"]) if zh else rng.choice([".", "", "!", "."])


def _salad(rng, words, zh, lo=3, hi=12):
    n = rng.randint(lo, hi)
    sep = "" if zh else " "
    text = sep.join(rng.choice(words) for _ in range(n))
    return (text if zh else text[:1].upper() + text[1:]) + (_q(rng, zh) if rng.random() < 0.5 else _end(rng, zh))


def _en(rng):
    c = rng.choice
    kind = rng.randrange(16)
    if kind == 0:
        g = c(GREETINGS_EN)
        return g + c(["", "!", ".", "!!", ","]) + (" " + c(ABOUT_YOU_EN) if rng.random() < 0.5 else "")
    if kind == 1:
        return c(ABOUT_YOU_EN)
    if kind == 2:
        return c([f"What is the capital of {c(PLACES_EN)}?", f"Where is {c(PLACES_EN)}?",
                  f"How many people live in {c(PLACES_EN)}?", f"What language is spoken in {c(PLACES_EN)}?",
                  f"What is the weather like in {c(PLACES_EN)}?", f"Tell me about {c(PLACES_EN)}.",
                  f"What should I see in {c(PLACES_EN)}?", f"How far is {c(PLACES_EN)} from {c(PLACES_EN)}?"])
    if kind == 3:
        return c([f"What is {c(CONCEPTS_EN)}?", f"Explain {c(CONCEPTS_EN)}.", f"Define {c(CONCEPTS_EN)}.",
                  f"Explain {c(CONCEPTS_EN)} to a child.", f"What does {c(CONCEPTS_EN)} mean?",
                  f"Can you explain {c(TOPICS_EN)} in simple words?", f"Why is {c(TOPICS_EN)} important?"])
    if kind == 4:
        return c([f"Write {c(FORMS_EN)} about {c(TOPICS_EN)}.", f"Can you write {c(FORMS_EN)} about {c(TOPICS_EN)}?",
                  f"Please write {c(FORMS_EN)} for my {c(['mother', 'friend', 'boss', 'teacher', 'team'])}.",
                  f"Compose {c(FORMS_EN)} on {c(TOPICS_EN)}", f"I need {c(FORMS_EN)} about {c(TOPICS_EN)}."])
    if kind == 5:
        return c([f'Translate "{c(PHRASES_EN)}" into {c(LANGS_EN)}.', f"How do you say {c(PHRASES_EN)} in {c(LANGS_EN)}?",
                  f"What does '{c(PHRASES_EN)}' mean in {c(LANGS_EN)}?", f"Teach me some {c(LANGS_EN)}."])
    if kind == 6:
        return c([f"How do I {c(TASKS_EN)}?", f"How can I {c(TASKS_EN)}?", f"Help me {c(TASKS_EN)}.",
                  f"What is the best way to {c(TASKS_EN)}?", f"Give me tips to {c(TASKS_EN)}.",
                  f"I want to {c(TASKS_EN)}. Where do I start?"])
    if kind == 7:
        return c([f"How does {c(THINGS_EN)} work?", f"Why does {c(THINGS_EN)} need power?",
                  f"Who invented {c(THINGS_EN)}?", f"What is inside {c(THINGS_EN)}?"])
    if kind == 8:
        return c([f"Who was {c(PEOPLE_EN)}?", f"What did {c(PEOPLE_EN)} do?", f"When was {c(PEOPLE_EN)} born?",
                  f"Tell me a fact about {c(PEOPLE_EN)}.", f"Why is {c(PEOPLE_EN)} famous?"])
    if kind == 9:
        return c(["Tell me a joke.", "Tell me a story.", "What time is it?", "What's the date today?",
                  "What is the meaning of life?", "Is it going to rain tomorrow?", "What should I eat tonight?",
                  "Recommend a good book.", "Recommend a movie.", "What's the news today?",
                  "Play some music.", "Set an alarm for 7.", "Can you search the web?", "Open my email.",
                  "Summarize this article for me.", "Check my grammar.", "I'm bored.", "I feel sad today.",
                  "Give me a recipe for pancakes.", "Plan a trip to the beach."])
    if kind == 10:
        a, b = rng.randint(2, 99), rng.randint(2, 99)
        return c([f"What is {a} × {b}?", f"What is {a} * {b}?", f"What is {a * b} / {b}?",
                  f"What is {a} times {b}?", f"Multiply {a} by {b}.", f"Divide {a * b} by {a}.",
                  f"What is the square root of {a * a}?", f"What is {a} squared?", f"What is {a}% of {b * 10}?",
                  f"Solve x + {a} = {b}.", f"Is {a} a prime number?", f"What is {a} to the power of 3?"])
    if kind == 11:
        return c([f"Write a Python function that {c(['sorts a list', 'reverses a string', 'reads a file', 'counts words', 'checks for palindromes'])}.",
                  "Fix this code: for i in range(10) print(i)", "What is wrong with my SQL query?",
                  f"How do I use {c(['Git', 'Docker', 'React', 'numpy', 'pandas', 'CMake', 'Vim'])}?",
                  f"What is the difference between {c(['Python', 'C++', 'Java', 'Rust', 'Go'])} and {c(['JavaScript', 'C', 'Kotlin', 'Swift', 'Ruby'])}?"])
    if kind == 12:
        return c([f"What do you think about {c(TOPICS_EN)}?", f"Do you like {c(TOPICS_EN)}?",
                  f"Is {c(TOPICS_EN)} good or bad?", f"Give me three facts about {c(TOPICS_EN)}.",
                  f"Why do people love {c(TOPICS_EN)}?", f"Write a list of ideas about {c(TOPICS_EN)}."])
    if kind == 13:
        return c(GREETINGS_EN) + ", " + c(["can you", "could you", "please", "I need you to"]) + " " + \
            c(["help me with my homework", "write my essay", "explain the news", "plan my week",
               "answer a question", "talk with me", "tell me about " + c(TOPICS_EN)]) + c(["?", ".", ""])
    return _salad(rng, WORDS_EN, False)


def _zh(rng):
    c = rng.choice
    kind = rng.randrange(16)
    if kind == 0:
        g = c(GREETINGS_ZH)
        return g + c(["", "！", "，", "。", "~"]) + (c(ABOUT_YOU_ZH) if rng.random() < 0.5 else "")
    if kind == 1:
        return c(ABOUT_YOU_ZH)
    if kind == 2:
        return c([f"{c(PLACES_ZH)}的首都是哪里？", f"{c(PLACES_ZH)}在哪里？", f"{c(PLACES_ZH)}有多少人口？",
                  f"{c(PLACES_ZH)}说什么语言？", f"{c(PLACES_ZH)}的天气怎么样？", f"介绍一下{c(PLACES_ZH)}。",
                  f"去{c(PLACES_ZH)}旅游应该看什么？", f"{c(PLACES_ZH)}离{c(PLACES_ZH)}有多远？"])
    if kind == 3:
        return c([f"什么是{c(CONCEPTS_ZH)}？", f"解释一下{c(CONCEPTS_ZH)}。", f"{c(CONCEPTS_ZH)}是什么意思？",
                  f"给小孩子解释一下{c(CONCEPTS_ZH)}。", f"用简单的话讲讲{c(TOPICS_ZH)}。", f"{c(TOPICS_ZH)}为什么重要？"])
    if kind == 4:
        return c([f"写{c(FORMS_ZH)}，关于{c(TOPICS_ZH)}。", f"帮我写{c(FORMS_ZH)}。", f"你能写{c(FORMS_ZH)}吗？",
                  f"以{c(TOPICS_ZH)}为题写{c(FORMS_ZH)}。", f"给我的{c(['妈妈', '朋友', '老板', '老师', '同事'])}写{c(FORMS_ZH)}。"])
    if kind == 5:
        return c([f"把“{c(PHRASES_ZH)}”翻译成{c(LANGS_ZH)}。", f"“{c(PHRASES_ZH)}”用{c(LANGS_ZH)}怎么说？",
                  f"教我说几句{c(LANGS_ZH)}。", f"{c(LANGS_ZH)}难学吗？"])
    if kind == 6:
        return c([f"怎么{c(TASKS_ZH)}？", f"我想{c(TASKS_ZH)}，该从哪里开始？", f"教我{c(TASKS_ZH)}。",
                  f"{c(TASKS_ZH)}有什么技巧？", f"如何{c(TASKS_ZH)}？"])
    if kind == 7:
        return c([f"{c(THINGS_ZH)}是怎么工作的？", f"谁发明了{c(THINGS_ZH)}？", f"{c(THINGS_ZH)}里面有什么？",
                  f"{c(THINGS_ZH)}的原理是什么？"])
    if kind == 8:
        return c([f"{c(PEOPLE_ZH)}是谁？", f"{c(PEOPLE_ZH)}做了什么？", f"{c(PEOPLE_ZH)}是哪一年出生的？",
                  f"讲一个关于{c(PEOPLE_ZH)}的故事。", f"{c(PEOPLE_ZH)}为什么有名？"])
    if kind == 9:
        return c(["讲个笑话。", "讲个故事吧。", "现在几点了？", "今天几号？", "人生的意义是什么？",
                  "明天会下雨吗？", "今晚吃什么好？", "推荐一本好书。", "推荐一部电影。", "今天有什么新闻？",
                  "放首歌。", "帮我定个七点的闹钟。", "你能上网查一下吗？", "帮我总结这篇文章。",
                  "帮我检查一下语法。", "好无聊啊。", "我今天心情不好。", "教我做红烧肉。", "帮我计划一次旅行。"])
    if kind == 10:
        a, b = rng.randint(2, 99), rng.randint(2, 99)
        return c([f"{a} × {b} 等于多少？", f"{a} 乘以 {b} 是多少？", f"{a * b} ÷ {b} 等于多少？",
                  f"{a * b} 除以 {a} 是多少？", f"{a * a} 的平方根是多少？", f"{a} 的平方是多少？",
                  f"解方程 x + {a} = {b}。", f"{a} 是质数吗？", f"{a} 的三次方是多少？"])
    if kind == 11:
        return c([f"用Python写一个{c(['排序', '反转字符串', '读文件', '统计单词', '判断回文'])}的函数。",
                  "这段代码哪里错了：for i in range(10) print(i)", "我的SQL查询有什么问题？",
                  f"怎么用{c(['Git', 'Docker', 'React', 'numpy', 'CMake', 'Vim'])}？",
                  f"{c(['Python', 'C++', 'Java', 'Rust', 'Go'])}和{c(['JavaScript', 'C', 'Kotlin', 'Swift'])}有什么区别？"])
    if kind == 12:
        return c([f"你觉得{c(TOPICS_ZH)}怎么样？", f"你喜欢{c(TOPICS_ZH)}吗？", f"{c(TOPICS_ZH)}是好是坏？",
                  f"说三个关于{c(TOPICS_ZH)}的事实。", f"为什么大家喜欢{c(TOPICS_ZH)}？", f"列出一些关于{c(TOPICS_ZH)}的想法。"])
    if kind == 13:
        return c(GREETINGS_ZH) + c(["，", "！", ""]) + c(["你能", "请", "麻烦你", "可以"]) + \
            c(["帮我写作业", "帮我写作文", "解释一下新闻", "帮我安排这周的计划", "回答一个问题",
               "陪我聊天", "讲讲" + c(TOPICS_ZH)]) + c(["吗？", "。", ""])
    return _salad(rng, WORDS_ZH, True)


def question(rng, zh):
    """One question outside the model's kinds, in Chinese or English."""
    return _zh(rng) if zh else _en(rng)
