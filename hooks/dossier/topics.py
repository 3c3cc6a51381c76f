"""Topics: what a section of a page is about, from a small vocabulary, with the evidence in words a reader understands.

Each topic has English terms, acronyms and Japanese terms. English terms and acronyms match whole words (a
letter or digit of the Latin script on either side stops them), with a plural or a possessive ("RSUs", "offer
letter's"); English terms ignore case, acronyms do not ("AI", never "ai"); hyphens, Unicode dashes and spaces
inside a term are the same ("on-call", "on call", "on‑call", "oncall"). Japanese terms match anywhere. A few
English terms do not count next to words that change their sense ("job history", "take-home pay").

The terms are compiled once, when first needed, into a trie-shaped regular expression (and a small one for acronyms):
a text is scanned once, a few tests a character, and a longer term ("coding interview", "talent acquisition",
"機械学習") takes its words from a shorter one ("interview", "acquisition", "学習"). What every English term ends with
(a possessive, the end of the word) is written once, after the trie, and the text's Unicode dashes are read as
hyphens: a character class past ASCII costs Python's compiler a 64K-entry table each time it is written, and the
trie would write it over a thousand times (80 ms in every process that reads seeds, against 20 ms).

A section is on a topic when:

* its heading names one of the topic's terms: a heading is a statement of what the section is about, so one
  mention there is enough;
* or its text names the topic's terms at least :data:`MIN_MENTIONS` times and at least once every
  :data:`WORDS_PER_MENTION` words. Two mentions set apart a passing mention from a subject; the density keeps a
  long section from collecting topics it names in passing (a 300-word section needs 2 mentions, a 1,500-word
  page 10). Japanese text, written without spaces, counts two characters as a word;
* or a front matter tag names the topic: by its slug, its name or one of its terms, ignoring case.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from .cjk import CJK_CHARS

MIN_MENTIONS = 2
"""Mentions of a topic's terms a section's text needs, at the least, to be on the topic."""
WORDS_PER_MENTION = 150
"""A section's text is on a topic only if it names the topic's terms at least once in this many words."""


@dataclass(frozen=True)
class Topic:
    """One topic of the vocabulary."""

    slug: str
    """URL-safe, e.g. ``"system-design"``."""
    name: str
    """Shown to readers, e.g. ``"System design"``."""
    description: str
    """One sentence for the topic page, e.g. ``"How companies test the design of large systems."``."""


@dataclass(frozen=True)
class _Term:
    """A term, and the words right before or right after it that undo it ("job history", "take-home pay")."""

    text: str
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    plural: bool = True
    """False where the plural is another word: "pays" is a verb."""


@dataclass(frozen=True)
class _Entry:
    """A topic and the terms that name it."""

    topic: Topic
    english: tuple[str | _Term, ...]
    acronyms: tuple[str, ...] = ()
    japanese: tuple[str, ...] = ()


# Terms are chosen to signal the topic on their own: no "process", "team", "design" or singular "value".
_VOCABULARY: tuple[_Entry, ...] = (
    _Entry(
        Topic("recruiting", "Recruiting", "How companies find candidates: applications, referrals, recruiters and job postings."),
        english=(
            "recruiter",
            "recruiting",
            "recruitment",
            "recruiter screen",
            "referral",
            "employee referral",
            "job posting",
            "job listing",
            "job application",
            "job description",
            "applicant",
            "sourcing",
            "sourcer",
            "headhunter",
            "talent acquisition",
            "hiring freeze",
            "hiring plan",
            "how we hire",
            "careers page",
        ),
        japanese=(
            "リクルーター",
            "求人",
            "応募",
            "リファラル",
            "中途採用",
            "新卒採用",
            "採用活動",
            "採用担当",
            "採用情報",
            "採用チーム",
            "募集要項",
        ),
    ),
    _Entry(
        Topic(
            "interview-process",
            "Interview process",
            "The stages of getting hired: screens, interview loops, timelines and decisions.",
        ),
        english=(
            _Term("interview", not_after=("exit", "stay", "press", "media", "podcast", "radio", "TV")),
            "interviewer",
            "interviewing",
            "interview process",
            "interview loop",
            "interview stage",
            "engineering interview",
            "onsite",
            "phone screen",
            "phone interview",
            "recruiter screen",
            "technical screen",
            "screening call",
            "hiring committee",
            "hiring process",
            "hiring manager",
            "hiring bar",
            "debrief",
            "final round",
            "how we hire",
        ),
        japanese=("面接", "選考", "面談", "内定", "採用プロセス", "採用フロー", "採用面接"),
    ),
    _Entry(
        Topic(
            "coding-interview",
            "Coding interview",
            "Programming rounds: live coding, take-home exercises, pair programming and algorithm questions.",
        ),
        english=(
            "coding interview",
            "coding round",
            "coding exercise",
            "coding challenge",
            "coding question",
            "coding test",
            "coding assessment",
            "live coding",
            _Term("take-home", not_before=("pay",)),
            "take-home assignment",
            "pair programming",
            "pairing exercise",
            "pairing session",
            "algorithm",
            "data structure",
            "whiteboard coding",
            "time complexity",
        ),
        japanese=(
            "コーディング面接",
            "コーディングテスト",
            "コーディング試験",
            "ライブコーディング",
            "アルゴリズム",
            "ペアプログラミング",
            "技術課題",
        ),
    ),
    _Entry(
        Topic("system-design", "System design", "How companies test the design of large systems."),
        english=(
            "system design",
            "systems design",
            "architecture interview",
            "architecture round",
            "design round",
            "design interview",
            "distributed system",
            "scalability",
            "high-level design",
            "low-level design",
            "capacity estimation",
            "back-of-the-envelope",
        ),
        japanese=("システム設計", "システムデザイン", "設計面接", "分散システム"),
    ),
    _Entry(
        Topic(
            "behavioral-interview",
            "Behavioral interview",
            "Questions about past experience: stories of conflict, failure, ownership and impact.",
        ),
        english=(
            "behavioral",
            "behavioural",
            "behavioral interview",
            "behavioural interview",
            "STAR method",
            "STAR format",
            "tell me about a time",
            "culture fit",
            "values interview",
        ),
        japanese=("行動面接", "人物面接", "コンピテンシー面接"),
    ),
    _Entry(
        Topic("compensation", "Compensation", "What companies pay: salary, bonus, pay bands and total compensation."),
        english=(
            "compensation",
            "total comp",
            "total compensation",
            "salary",
            "base salary",
            "base pay",
            _Term(
                "pay",
                not_before=(
                    "attention",
                    "off",
                    "for",
                    "back",
                    "up",
                    "out",
                    "as you go",
                    "per",
                    "the",
                    "its",
                    "their",
                    "your",
                    "you",
                ),
                plural=False,
            ),
            "payroll",
            "pay band",
            "pay range",
            "pay scale",
            "salary band",
            "salary range",
            "pay equity",
            "bonus",
            "signing bonus",
            "sign-on bonus",
            "job offer",
            "offer letter",
            "cost of living",
            "market rate",
        ),
        japanese=("報酬", "給与", "年収", "給料", "賞与", "月給", "年俸", "ボーナス", "基本給", "オファーレター"),
    ),
    _Entry(
        Topic("negotiation", "Negotiation", "How candidates negotiate offers and what moves the numbers."),
        english=(
            "negotiation",
            "negotiate",
            "negotiated",
            "negotiating",
            "negotiable",
            "counter-offer",
            "competing offer",
            "offer negotiation",
            "exploding offer",
            "offer deadline",
        ),
        japanese=("交渉", "オファー面談", "条件面談"),
    ),
    _Entry(
        Topic("equity", "Equity", "Stock awards: RSUs, stock options, vesting schedules and refreshers."),
        english=(
            _Term(
                "equity",
                not_after=("diversity", "racial", "gender", "health", "brand", "home", "private", "sweat"),
                not_before=("inclusion",),
            ),
            "equity grant",
            "equity refresh",
            "RSU",
            "restricted stock unit",
            "restricted stock",
            "stock option",
            "share option",
            "stock grant",
            "stock award",
            "stock-based compensation",
            "vest",
            "vested",
            "vesting",
            "vesting schedule",
            "vesting cliff",
            "refresher grant",
            "ESPP",
            "employee stock purchase plan",
            "strike price",
            "exercise price",
            "409A",
            "83(b)",
        ),
        japanese=("ストックオプション", "株式報酬", "譲渡制限付株式", "持株会", "ベスティング", "自社株"),
    ),
    _Entry(
        Topic("benefits", "Benefits", "Health cover, leave, retirement and the perks beyond pay."),
        english=(
            "benefits",
            "perk",
            "health insurance",
            "medical insurance",
            "dental",
            "healthcare",
            "parental leave",
            "maternity leave",
            "paternity leave",
            "sick leave",
            "vacation",
            "paid time off",
            "PTO",
            "time off",
            "401(k)",
            "401k",
            "pension",
            "retirement plan",
            "stipend",
            "wellness",
            "childcare",
            "sabbatical",
        ),
        japanese=("福利厚生", "休暇", "有給", "育休", "産休", "手当", "退職金", "社会保険", "健康保険"),
    ),
    _Entry(
        Topic("career-levels", "Career levels", "Job levels, career ladders and what each level is expected to do."),
        english=(
            "career level",
            "job level",
            _Term("levels", not_after=("high", "low", "all", "stress", "noise", "energy")),
            "leveling",
            "levelling",
            "career ladder",
            "engineering ladder",
            "ladder",
            "career framework",
            "career path",
            "career progression",
            "career track",
            "progression",
            "promotion",
            "promoted",
            "promo",
            "promo cycle",
            "individual contributor",
            "IC track",
            "management track",
            "staff engineer",
            "principal engineer",
            "competency matrix",
        ),
        japanese=(
            "等級",
            "キャリアラダー",
            "エンジニアリングラダー",
            "ラダー",
            "キャリアレベル",
            "昇格",
            "昇進",
            "職位",
            "職級",
            "キャリアパス",
            "役職",
            "グレード制度",
        ),
    ),
    _Entry(
        Topic(
            "performance-reviews",
            "Performance reviews and feedback",
            "How work is judged: review cycles, calibration, ratings and everyday feedback.",
        ),
        english=(
            "performance review",
            "performance evaluation",
            "performance cycle",
            "performance management",
            "performance rating",
            "review cycle",
            "promo cycle",
            "calibration",
            "360 review",
            "360-degree feedback",
            "peer feedback",
            "self-review",
            "self-assessment",
            _Term(
                "feedback",
                not_after=("interview", "interviewer", "interviewers", "candidate", "customer", "user", "product", "code"),
                not_before=("loop", "loops", "form", "button"),
            ),
            "performance improvement plan",
            "goal setting",
            "one-on-one",
            "1-on-1",
            "1:1",
            "stack ranking",
            "low performer",
        ),
        acronyms=("PIP", "OKR"),
        japanese=("人事評価", "評価制度", "評価面談", "査定", "360度評価", "フィードバック", "目標設定"),
    ),
    _Entry(
        Topic("onboarding", "Onboarding", "The first weeks: orientation, buddies, ramp-up and first projects."),
        english=(
            "onboarding",
            "onboard",
            "new hire",
            "new joiner",
            "first week",
            "first 30 days",
            "first 90 days",
            "ramp-up",
            "ramping up",
            "buddy",
            _Term("orientation", not_after=("sexual", "gender")),
            "bootcamp",
            "starter project",
            "30-60-90",
            "induction",
        ),
        japanese=("オンボーディング", "入社初日", "入社後", "新入社員", "新人研修"),
    ),
    _Entry(
        Topic(
            "learning-development",
            "Learning and development",
            "How people grow: training, mentoring, learning budgets and conferences.",
        ),
        english=(
            "learning and development",
            "learning budget",
            "education budget",
            "training budget",
            "conference budget",
            "professional development",
            "career development",
            "mentorship",
            "mentoring",
            "mentor",
            "coaching",
            "upskilling",
            "reskilling",
            "tuition reimbursement",
            "training program",
            "training programme",
            "internal training",
            _Term("conference", not_before=("room", "call")),
        ),
        acronyms=("L&D",),
        japanese=(
            "研修",
            "勉強会",
            "人材育成",
            "育成",
            "資格取得",
            "書籍購入",
            "学習支援",
            "自己研鑽",
            "教育制度",
            "キャリア開発",
            "メンター",
        ),
    ),
    _Entry(
        Topic("day-in-the-life", "Day in the life", "What a working day looks like in a given role, hour by hour."),
        english=(
            "day in the life",
            "typical day",
            "typical week",
            "daily routine",
            "day-to-day",
            "workday",
            "working day",
            "my day",
            "morning",
            "afternoon",
            "lunch",
            "end of the day",
            "stand-up",
        ),
        japanese=(
            "1日の流れ",
            "一日の流れ",
            "１日の流れ",
            "ある一日",
            "1日のスケジュール",
            "一日のスケジュール",
            "午前",
            "午後",
            "朝会",
            "昼休み",
            "ランチ",
        ),
    ),
    _Entry(
        Topic(
            "engineering",
            "Engineering",
            "How engineering teams build and ship software: stack, practices, code review and tooling.",
        ),
        english=(
            "engineering",
            "software engineering",
            "engineering culture",
            "engineering practices",
            "tech stack",
            "technology stack",
            "code review",
            "pull request",
            "continuous integration",
            "continuous deployment",
            "CI/CD",
            "deploy",
            "deployment",
            "monorepo",
            "microservice",
            "codebase",
            "technical debt",
            "tech debt",
            "programming language",
            "developer experience",
            "developer productivity",
        ),
        japanese=(
            "技術スタック",
            "開発体制",
            "開発プロセス",
            "コードレビュー",
            "技術選定",
            "開発環境",
            "テスト自動化",
            "デプロイ",
            "マイクロサービス",
            "エンジニアリング",
        ),
    ),
    _Entry(
        Topic(
            "product-management",
            "Product management",
            "How product managers work: roadmaps, discovery, specs and prioritisation.",
        ),
        english=(
            "product management",
            "product manager",
            "product owner",
            "product roadmap",
            "roadmap",
            "product discovery",
            "product spec",
            "PRD",
            "product sense",
            "product strategy",
            "product requirements",
            "prioritization",
            "prioritisation",
            "user research",
            "user interview",
            "customer interview",
            "product-market fit",
            "feature request",
            "A/B test",
            "experimentation",
        ),
        acronyms=("PdM",),
        japanese=(
            "プロダクトマネージャー",
            "プロダクトマネージャ",
            "プロダクトマネジメント",
            "プロダクトオーナー",
            "ロードマップ",
        ),
    ),
    _Entry(
        Topic("incidents-on-call", "Incidents and on-call", "Being on call, handling outages and learning from postmortems."),
        english=(
            "on-call",
            "incident",
            "incident response",
            "incident review",
            "incident commander",
            "outage",
            "downtime",
            "post-mortem",
            "pager",
            "SRE",
            "site reliability",
            "root cause",
            "blameless",
            "error budget",
            "runbook",
            "war room",
        ),
        acronyms=("SLO", "SLA"),
        japanese=("オンコール", "障害対応", "システム障害", "障害発生", "インシデント", "ポストモーテム", "夜間対応"),
    ),
    _Entry(
        Topic("remote-work", "Remote work", "Working from home or from anywhere: remote policies, offices and time zones."),
        english=(
            _Term("remote", not_before=("control", "repository", "repo", "branch", "server", "desktop", "possibility", "chance")),
            "remote work",
            "remote-first",
            "all-remote",
            "fully remote",
            "remotely",
            "hybrid work",
            "hybrid model",
            "hybrid schedule",
            "work from home",
            "working from home",
            "WFH",
            "work from anywhere",
            "time zone",
            "return to office",
            "in-office",
            "office days",
            "distributed team",
            "home office",
            "digital nomad",
        ),
        acronyms=("RTO",),
        japanese=("リモートワーク", "在宅勤務", "テレワーク", "フルリモート", "リモート", "出社", "ハイブリッド勤務"),
    ),
    _Entry(
        Topic("values", "Values", "The principles a company says it lives by, and how they show up in hiring and work."),
        english=(
            _Term("values", not_after=("default", "return", "null", "key", "input", "output", "numeric", "missing", "pixel")),
            "core values",
            "company values",
            "leadership principles",
            "operating principles",
            "guiding principles",
            "core principles",
            "tenet",
            "mission statement",
            "our mission",
            "company mission",
            "values interview",
        ),
        japanese=("バリュー", "価値観", "行動指針", "理念", "クレド", "ミッション", "ビジョン"),
    ),
    _Entry(
        Topic("culture", "Culture", "What working there is like: norms, pace, communication and how people treat each other."),
        english=(
            _Term("culture", not_after=("pop",)),
            "cultural fit",
            "culture fit",
            "engineering culture",
            "work-life balance",
            "psychological safety",
            "morale",
            "burnout",
            "ways of working",
            "how we work",
            "work environment",
            "flat hierarchy",
        ),
        japanese=("カルチャー", "社風", "企業文化", "組織文化", "文化", "働き方", "ワークライフバランス"),
    ),
    _Entry(
        Topic("leadership", "Leadership", "How leaders lead: management style, executives and what is expected of managers."),
        english=(
            "leadership",
            _Term("leader", not_after=("market", "thought", "industry", "category", "world", "global")),
            "leadership principles",
            "leadership team",
            _Term("executive", not_before=("summary", "order")),
            "exec team",
            "C-suite",
            "management style",
            "middle management",
            "senior management",
            "upper management",
            "people manager",
            "engineering manager",
            "engineering management",
            "manager of managers",
            "tech lead",
            "team lead",
            "direct report",
            "skip-level",
            "decision-making",
            "span of control",
        ),
        japanese=(
            "リーダーシップ",
            "リーダー",
            "経営陣",
            "経営層",
            "マネジメント",
            "管理職",
            "上司",
            "エンジニアリングマネージャー",
        ),
    ),
    _Entry(
        Topic(
            "diversity-inclusion",
            "Diversity and inclusion",
            "Who gets hired and heard: representation, inclusion programmes and employee groups.",
        ),
        english=(
            "diversity",
            "inclusion",
            "inclusive",
            "belonging",
            "employee resource group",
            "underrepresented",
            "women in tech",
            "women in engineering",
            "gender balance",
            "gender pay gap",
            "pay equity",
            "neurodiversity",
            "equal opportunity",
            "allyship",
        ),
        acronyms=("DEI", "D&I", "DE&I", "ERG", "LGBTQ"),
        japanese=("ダイバーシティ", "多様性", "インクルージョン", "女性活躍"),
    ),
    _Entry(
        Topic(
            "customer-focus",
            "Customer focus",
            "How close a company keeps to its customers, and how their needs steer the work.",
        ),
        english=(
            "customer focus",
            "customer-focused",
            "customer-centric",
            "customer obsession",
            "customer-obsessed",
            "customer first",
            "customer experience",
            "customer feedback",
            "customer success",
            "customer support",
            "customer satisfaction",
            "customer need",
            "customer problem",
            "customer interview",
            "voice of the customer",
        ),
        acronyms=("NPS",),
        japanese=(
            "顧客志向",
            "顧客第一",
            "顧客中心",
            "顧客体験",
            "カスタマーサクセス",
            "カスタマーサポート",
            "顧客満足",
            "お客様第一",
        ),
    ),
    _Entry(
        Topic("history", "History", "Where a company came from: its founding, milestones and turning points."),
        english=(
            _Term(
                "history",
                not_after=(
                    "job",
                    "work",
                    "employment",
                    "salary",
                    "pay",
                    "compensation",
                    "credit",
                    "browser",
                    "commit",
                    "version",
                    "git",
                    "medical",
                    "purchase",
                    "search",
                    "chat",
                    "order",
                    "interview",
                    "career",
                    "revision",
                    "edit",
                    "change",
                    "transaction",
                    "call",
                    "message",
                    "watch",
                ),
            ),
            "company history",
            "founded",
            "founding",
            "founder",
            "co-founder",
            "our story",
            "origin story",
            "origins",
            "early days",
        ),
        japanese=("沿革", "歴史", "創業", "設立", "年表", "小史"),
    ),
    _Entry(
        Topic("acquisitions", "Acquisitions", "The companies it bought or merged with, and what became of them."),
        english=(
            _Term(
                "acquisition",
                not_after=("talent", "customer", "user", "data", "client", "lead", "language", "federal", "assisted"),
                not_before=("authority", "services", "regulation", "regulations", "workforce", "officer"),
            ),
            _Term("acquire", not_before=("skills", "knowledge", "experience", "talent", "customers", "users")),
            _Term("acquired", not_before=("skills", "knowledge", "experience", "taste")),
            _Term("acquiring", not_before=("skills", "knowledge", "experience", "talent", "customers", "users")),
            "acquirer",
            "acqui-hire",
            "merger",
            "merged with",
            "buyout",
            "takeover",
            "divestiture",
            "spin-off",
        ),
        acronyms=("M&A",),
        japanese=("買収", "合併", "経営統合", "子会社化"),
    ),
    _Entry(
        Topic("ipo-financials", "IPO and financials", "Going public, funding, revenue and the numbers investors watch."),
        english=(
            "IPO",
            "initial public offering",
            "went public",
            "go public",
            "going public",
            "goes public",
            "direct listing",
            "SPAC",
            "stock price",
            "share price",
            "stock exchange",
            "market cap",
            "market capitalization",
            "market capitalisation",
            "revenue",
            "profit",
            "profitable",
            "profitability",
            "earnings",
            "funding round",
            "venture funding",
            "Series A",
            "Series B",
            "Series C",
            "Series D",
            "venture capital",
            "valuation",
            "investor",
            "annual report",
            "fiscal year",
            "net income",
            "operating margin",
            "private equity",
            "quarterly results",
            "financials",
            "shareholder",
        ),
        acronyms=("ARR",),
        japanese=("上場", "株式公開", "売上", "決算", "資金調達", "時価総額", "営業利益", "黒字化", "投資家"),
    ),
    _Entry(
        Topic("layoffs", "Layoffs and restructuring", "Job cuts, reorganisations and how they were handled."),
        english=(
            "layoff",
            "laid off",
            "job cuts",
            "reduction in force",
            "restructuring",
            "reorganization",
            "reorganisation",
            "reorg",
            "severance",
            "downsizing",
            "headcount reduction",
            "workforce reduction",
            "furlough",
        ),
        acronyms=("RIF",),
        japanese=("リストラ", "人員削減", "早期退職", "希望退職", "解雇", "組織再編", "レイオフ"),
    ),
    _Entry(
        Topic("ai", "AI", "How companies build and use artificial intelligence, from machine learning to large language models."),
        english=(
            "artificial intelligence",
            "machine learning",
            "generative",
            "GenAI",
            "LLM",
            "large language model",
            "foundation model",
            "deep learning",
            "neural network",
            "prompt engineering",
        ),
        acronyms=("AI", "ML"),
        japanese=("人工知能", "機械学習", "生成AI", "大規模言語モデル", "深層学習", "ディープラーニング"),
    ),
)

TOPICS: tuple[Topic, ...] = tuple(entry.topic for entry in _VOCABULARY)
"""The vocabulary, in display order: hiring, pay, growth, the work, the company."""

_UNICODE_DASHES = "\u00ad\u2010-\u2015"  # soft hyphen, U+2010..U+2015 (hyphen, non-breaking hyphen, dashes)
_DASHES = f"\\-{_UNICODE_DASHES}"
_SEP_CHAR = f"[\\s{_DASHES}]"
_UNICODE_DASH = re.compile(f"[{_UNICODE_DASHES}]")
_SEP_IN_LOWERED = "[\\s-]"
"""A space or dash between a term's words, in a text whose Unicode dashes are hyphens (:func:`_lower`)."""
_LATIN = "0-9A-Za-z\u00c0-\u024f"
_START = f"(?<![{_LATIN}])"
_END = f"(?![{_LATIN}])"
_POSSESSIVE = "(?:['’]s?)?"
_SEP_KEY = "\0"


@dataclass
class _Node:
    """A node of the trie of terms: the terms that go on from here, and those that end here."""

    next: dict[str, _Node] = field(default_factory=dict)
    """By character, or :data:`_SEP_KEY` for spaces and dashes between words."""
    ends: dict[str, str] = field(default_factory=dict)
    """The pattern of what may follow a term's last letter (a plural), to its group's name."""

    def add(self, path: str, tail: str, group: str) -> None:
        node = self
        for key in path:
            node = node.next.setdefault(key, _Node())
        node.ends[tail] = group

    def pattern(self, sep: str = _SEP_IN_LOWERED, end: str = "") -> str:
        """The terms from here as one pattern, longer terms first: the trie keeps the scan to a few tests a character.

        ``sep`` stands between a term's words, ``end`` after each term."""
        branches = [
            (f"{sep}*" if key == _SEP_KEY else re.escape(key)) + node.pattern(sep, end) for key, node in self.next.items()
        ]
        branches += [f"{tail}(?P<{group}>){end}" for tail, group in self.ends.items()]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _words(term: str) -> list[str]:
    return re.split(f"{_SEP_CHAR}+", term.strip().lower())


def _english(term: _Term) -> tuple[str, str]:
    """A term's path in the trie and its tail: its words, with a plural ("RSUs", "salaries"). The trie's pattern adds a
    possessive and the end of the word after every term."""
    path, plural = _SEP_KEY.join(_words(term.text)), ""
    if term.plural and re.search("[^aeiou]y$", path):
        path, plural = path[:-1], "(?:y|ies)"
    elif term.plural and path[-1].isalpha():
        plural = "(?:e?s)?"
    return path, plural


def _context(words: tuple[str, ...]) -> str:
    return "|".join(f"{_SEP_CHAR}+".join(map(re.escape, _words(word))) for word in words)


@dataclass(frozen=True)
class _Vocabulary:
    """The vocabulary compiled: every term of every topic in three patterns, and what each of their groups stands for."""

    words: re.Pattern[str]
    """English terms, matched in lowercased text (:func:`_lower`); each term ends in an empty named group. Apart from
    the others, as a pattern that starts with a letter lets the scan skip ahead."""
    english: _Node
    """The trie ``words`` is written from."""
    cjk: re.Pattern[str]
    """Japanese terms, matched in lowercased text."""
    acronyms: re.Pattern[str]
    """Acronyms, matched in the text as written."""
    groups: dict[str, tuple[str, tuple[Topic, ...]]]
    """A group's name: the term as the vocabulary spells it, and its topics."""
    not_after: dict[str, re.Pattern[str]]
    """A group's name: the words right before that undo the term, ending where the term starts."""
    not_before: dict[str, re.Pattern[str]]
    """A group's name: the words right after that undo the term, starting where the term ends."""


@cache
def _compiled() -> _Vocabulary:
    latin, other, acronyms = _Node(), _Node(), []
    groups: dict[str, tuple[str, tuple[Topic, ...]]] = {}
    group_of: dict[str, str] = {}
    not_after: dict[str, re.Pattern[str]] = {}
    not_before: dict[str, re.Pattern[str]] = {}
    for entry in _VOCABULARY:
        terms = [
            *((term if isinstance(term, _Term) else _Term(term), "english") for term in entry.english),
            *((_Term(term), "acronym") for term in entry.acronyms),
            *((_Term(term), "japanese") for term in entry.japanese),
        ]
        for term, kind in terms:
            if term.text in group_of:  # a term of two topics ("culture fit"): one group, both topics
                group = group_of[term.text]
                assert entry.topic not in groups[group][1], f"{term.text!r} is twice in {entry.topic.slug!r}"
                groups[group] = (term.text, (*groups[group][1], entry.topic))
                continue
            group = group_of[term.text] = f"t{len(groups)}"
            groups[group] = (term.text, (entry.topic,))
            if kind == "acronym":
                acronyms.append(f"{re.escape(term.text)}(?P<{group}>)")
                continue
            # Japanese terms match anywhere, even those that start with a digit ("360度評価").
            path, tail = _english(term) if kind == "english" else (term.text.lower(), "")
            (latin if kind == "english" else other).add(path, tail, group)
            if term.not_after:
                not_after[group] = re.compile(f"{_START}(?:{_context(term.not_after)})(?:,\\s*|{_SEP_CHAR}+)\\Z")
            if term.not_before:
                not_before[group] = re.compile(f"[\\s,{_DASHES}]*(?:(?:and|&)\\s*)?(?:{_context(term.not_before)}){_END}")
    acronyms.sort(key=len, reverse=True)
    return _Vocabulary(
        # "(?:a|b)c" is "(?:ac|bc)", tried in the same order: what ends every term is written once.
        words=re.compile(f"{_START}{latin.pattern()}{_POSSESSIVE}{_END}"),
        english=latin,
        cjk=re.compile(other.pattern()),
        acronyms=re.compile(f"{_START}(?:{'|'.join(acronyms)})s?{_POSSESSIVE}{_END}"),
        groups=groups,
        not_after=not_after,
        not_before=not_before,
    )


_CJK_RUN = re.compile(f"[{CJK_CHARS}]+")


def _lower(text: str) -> str:
    """The text in lower case and its Unicode dashes as hyphens, each character still where it was (a rare letter,
    "İ", lowercases to two)."""
    lowered = text.lower()
    if text.isascii():
        return lowered
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _UNICODE_DASH.sub("-", lowered)


def _mentions(text: str) -> list[tuple[int, str, str]]:
    """Where each term is in a text: its position, its group's name and its words as written."""
    lowered, found, vocabulary = _lower(text), [], _compiled()
    for match in vocabulary.words.finditer(lowered):
        group, (start, end) = str(match.lastgroup), match.span()
        before, after = vocabulary.not_after.get(group), vocabulary.not_before.get(group)
        if before and before.search(lowered, max(0, start - 40), start) or after and after.match(lowered, end):
            continue
        found.append((start, group, text[start:end]))
    if not text.isascii():
        found += [(match.start(), str(match.lastgroup), text[slice(*match.span())]) for match in vocabulary.cjk.finditer(lowered)]
    found += [(match.start(), str(match.lastgroup), match.group()) for match in vocabulary.acronyms.finditer(text)]
    return found


def _term_topics(tag: str) -> tuple[Topic, ...]:
    """The topics of a tag that is one of their terms, all of it."""
    lowered, vocabulary = _lower(tag), _compiled()
    whole = vocabulary.words.fullmatch(lowered) or vocabulary.cjk.fullmatch(lowered) or vocabulary.acronyms.fullmatch(tag)
    return vocabulary.groups[str(whole.lastgroup)][1] if whole else ()


_KEY_SEP = re.compile(f"[\\s_{_DASHES}]+")


def _key(name: str) -> str:
    """A tag, slug or name compared loosely: case, dashes, underscores, spaces and "&" for "and" ignored."""
    return " ".join(_KEY_SEP.split(name.casefold().replace("&", " and "))).strip()


_BY_NAME: dict[str, Topic] = {_key(name): topic for topic in TOPICS for name in (topic.slug, topic.name)}


def _length(text: str) -> int:
    """The length of a text in words, two characters of Japanese or Chinese counting as one."""
    return len(text.split()) + sum(map(len, _CJK_RUN.findall(text))) // 2


def _often_enough(mentions: int, words: int) -> bool:
    return mentions >= MIN_MENTIONS and mentions * WORDS_PER_MENTION >= words


def _listed(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _counted(counts: Counter[str]) -> str:
    """ "'RSU' ×3, 'vesting' ×2 and 'stock option' ×1": the terms most mentioned first, at most three named."""
    items = [f"'{term}' ×{n}" for term, n in counts.most_common()]
    if len(items) > 3:
        others = len(items) - 3
        items = [*items[:3], f"{others} other term" + ("s" if others > 1 else "")]
    return _listed(items)


def topics_of(heading: str, text: str, tags: Sequence[str] = ()) -> list[tuple[Topic, str]]:
    """The topics of one section (its heading and its text) or of a whole page (title and body),
    each with the evidence in words a reader understands, e.g. "'system design' ×3 in the text",
    "the heading says 'Coding interview'", "front matter tag 'equity'". Sorted in TOPICS order, no duplicates."""
    reasons: dict[Topic, list[str]] = {}
    groups = _compiled().groups

    in_heading: dict[Topic, dict[str, str]] = {}  # a topic's terms in the heading, each as first written there
    for _, group, said in sorted(_mentions(heading)):
        for topic in groups[group][1]:
            in_heading.setdefault(topic, {}).setdefault(group, f"'{' '.join(said.split())}'")
    for topic, terms in in_heading.items():
        reasons[topic] = [f"the heading says {_listed(list(terms.values()))}"]

    in_text: dict[Topic, Counter[str]] = {}
    for _, group, _said in _mentions(text):
        term, topics = groups[group]
        for topic in topics:
            in_text.setdefault(topic, Counter())[term] += 1
    if in_text:
        words = _length(text)
        for topic, counts in in_text.items():
            if _often_enough(counts.total(), words):
                reasons.setdefault(topic, []).append(f"{_counted(counts)} in the text")

    tagged: set[Topic] = set()
    for tag in tags:
        tag = str(tag).strip()
        named = _BY_NAME.get(_key(tag))
        for topic in (named,) if named else _term_topics(tag):
            if topic not in tagged:
                tagged.add(topic)
                reasons.setdefault(topic, []).append(f"front matter tag '{tag}'")

    return [(topic, "; ".join(reasons[topic])) for topic in TOPICS if topic in reasons]


def terms(topic: Topic) -> tuple[str, ...]:
    """The English terms and acronyms that name ``topic``, as the vocabulary spells them."""
    entry = next(e for e in _VOCABULARY if e.topic == topic)
    return tuple(t.text if isinstance(t, _Term) else t for t in entry.english) + entry.acronyms
