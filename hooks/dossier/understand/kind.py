"""What kind of document a text is: from its words, in English and Japanese, and from its shape."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..cjk import CJK
from ..model import Kind, Strength
from .evidence import Guess
from .starts import Term

# (pattern, weight): English patterns match whole words, case-insensitively; Japanese ones as written.
# Weights favour terms that rarely appear in documents of another kind.
_KIND_TERMS: dict[Kind, tuple[tuple[str, float], ...]] = {
    Kind.COMPENSATION: (
        (r"\bsalar(?:y|ies)\b", 1.0),
        (r"\bcompensation\b", 1.0),
        (r"\bnegotiat\w*", 1.5),
        (r"\bRSUs?\b", 1.0),
        (r"\btotal comp\b", 1.5),
        (r"\bbase (?:salary|pay)\b", 1.0),
        (r"\bsigning bonus\b", 1.5),
        (r"\bcounter-?offers?\b", 1.5),
        (r"\bpay (?:bands?|scales?|ranges?|philosophy|review)\b", 1.5),
        (r"\breward philosophy\b", 3.0),
        (r"\bbenefits?\b", 0.7),
        (r"\btotal rewards?\b", 3.0),
        (r"\b(?:compensation|pay|salary) (?:philosophy|framework|calculator|formula)\b", 3.0),
        (r"\bperks?\b", 1.0),
        (r"\b401\(?k\)?", 1.5),
        (r"\bpensions?\b", 1.0),
        (r"\b(?:health|dental|medical|life) (?:insurance|coverage|plan)\b", 1.0),
        (r"\b(?:parental|maternity|paternity) leave\b", 1.0),
        (r"\bstipends?\b", 1.0),
        (r"\bstock options?\b", 1.5),
        (r"\bequity\b", 0.7),
        (r"\bbonus(?:es)?\b", 0.7),
        (r"\bcost of living\b", 1.5),
        (r"\bpaid (?:time off|holidays?)\b|\bPTO\b", 0.7),
        ("報酬", 1.5),
        ("給与", 1.5),
        ("給料", 1.5),
        ("福利厚生", 2.0),
        ("手当", 1.5),
        ("賞与", 1.5),
        ("年収", 1.5),
        ("退職金", 1.5),
        ("ストックオプション", 1.5),
    ),
    Kind.INTERVIEW: (
        (r"\binterview(?:s|ers?|ing)?\b", 1.0),
        (r"\bonsite\b", 1.5),
        (r"\brecruit(?:er|ers|ing|ment)\b", 1.0),
        (r"\bphone screen\b|\btechnical screen\b|\bscreen\b", 1.0),
        (r"\brounds?\b", 0.7),
        (r"\bloop\b", 1.0),
        (r"\bsystem design\b", 1.0),
        (r"\bleetcode\b", 1.5),
        (r"\btake-home\b", 1.5),
        (r"\bbehaviou?ral\b", 1.0),
        (r"\bhiring manager\b", 0.7),
        (r"\bcoding (?:rounds?|interviews?|exercise)\b", 1.0),
        (r"\bhiring process\b", 3.0),
        (r"\bcandidates?\b", 0.7),
        (r"\bapplicants?\b|\bapplications?\b", 0.5),
        (r"\breference checks?\b", 1.5),
        (r"\bpair(?:ing)? (?:exercise|session|interview)s?\b", 1.0),
        (r"\bhiring\b", 0.5),
        ("面接", 2.0),
        ("採用", 1.0),
        ("選考", 2.0),
        ("内定", 1.5),
        ("面談", 1.0),
        ("応募", 1.0),
        ("候補者", 1.5),
    ),
    Kind.VALUES: (
        (r"\bvalues?\b", 1.0),
        (r"\bprinciples?\b", 1.0),
        (r"\bleaders?\b", 0.5),
        (r"\bwe believe\b", 1.0),
        (r"\bmission\b", 0.7),
        (r"\bcommitments?\b", 0.7),
        (r"\btenets?\b", 1.5),
        (r"\bcore values\b", 2.0),
        ("バリュー", 2.0),
        ("価値観", 2.0),
        ("行動指針", 3.0),
        ("理念", 2.0),
        ("ミッション", 1.0),
        ("ビジョン", 1.0),
        ("カルチャー", 1.0),
    ),
    Kind.ROLE: (
        (r"\bday in the life\b", 4.0),
        (r"\btypical day\b", 3.0),
        (r"\bthe day (?:begins|starts|ends)\b", 2.0),
        (r"\bmorning\b", 0.7),
        (r"\bafternoon\b", 0.7),
        (r"\bstand-?ups?\b", 0.7),
        (r"\bdaily\b", 0.5),
        (r"\bweekly\b", 0.3),
        (r"\bon-?call\b", 0.5),
        (r"\bday-to-day\b", 1.0),
        (r"\bresponsibilit(?:y|ies)\b", 1.0),
        (r"\byou will\b|\byou['’]ll\b", 0.5),
        (r"\brequirements\b|\bqualifications\b", 0.7),
        ("1日の流れ", 4.0),
        ("業務内容", 3.0),
        ("仕事内容", 3.0),
        ("必須", 1.5),
        ("歓迎", 1.5),
    ),
    Kind.HISTORY: (
        (r"\bfounded\b", 1.5),
        (r"\bfounders?\b", 1.0),
        (r"\bIPO\b", 1.5),
        (r"\bacqui(?:red|sition|sitions)\b", 1.0),
        (r"\bmarket cap(?:italization)?\b", 1.0),
        (r"\brevenue\b", 0.5),
        (r"\bbillion\b", 0.5),
        (r"\bin (?:19|20)\d\d\b", 0.5),
        (r"\bCEO\b", 0.5),
        (r"\bhistory\b", 1.0),
        (r"\bour story\b", 2.0),
        (r"\btimeline\b", 1.0),
        (r"\bmilestones?\b", 1.0),
        ("沿革", 4.0),
        ("歴史", 2.0),
        ("小史", 4.0),
        ("創業", 2.0),
        ("設立", 2.0),
        ("上場", 1.5),
        ("買収", 1.0),
        ("年表", 3.0),
    ),
    Kind.LEVELS: (
        (r"\blevels?\b", 0.7),
        (r"\bcareer (?:ladders?|frameworks?|paths?|progression|levels?|tracks?)\b", 3.0),
        (r"\bladders?\b", 2.0),
        (r"\bprogression\b", 1.5),
        (r"\bpromot(?:ion|ions|ed)\b", 1.0),
        (r"\bcompetenc(?:y|ies)\b", 1.5),
        (r"\bexpectations\b", 0.7),
        (r"\bindividual contributors?\b", 1.5),
        (r"(?-i:\b(?:L|IC|E|P|M|T)[1-9]\b)", 1.0),
        (r"\b(?:junior|mid-level|senior|staff|principal|lead) (?:engineers?|designers?|developers?)\b", 0.7),
        ("等級", 3.0),
        ("グレード", 2.0),
        ("キャリアラダー", 4.0),
        ("ラダー", 2.0),
        ("昇格", 2.0),
        ("評価", 1.0),
        ("職位", 1.5),
        ("期待役割", 2.0),
    ),
}

_TITLE_TERMS: dict[Kind, str] = {
    Kind.COMPENSATION: r"\b(?:salar(?:y|ies)|compensation|negotiation|pay|offer|benefits|perks|rewards?)\b|報酬|給与|福利厚生",
    Kind.INTERVIEW: r"\b(?:interview(?:s|ing)?|hiring|recruit(?:ing|ment)|how we hire)\b|面接|採用|選考",
    Kind.VALUES: r"\b(?:values|principles|culture|tenets|commitments|believes?|beliefs|how we work|mission|stand for)\b"
    r"|バリュー|価値観|行動指針|理念",
    Kind.ROLE: r"\b(?:day in the life|a day (?:as|at|with)|typical day|job description)\b|1日の流れ|募集要項",
    Kind.HISTORY: r"\b(?:history|story|origins?|rise|founding|timeline)\b|沿革|歴史|小史|年表",
    Kind.LEVELS: r"\b(?:levels|ladders?|career (?:framework|path|progression|levels?)|progression|promotions?)\b"
    r"|等級|キャリアラダー|ラダー",
}


@cache
def _terms() -> dict[Kind, tuple[tuple[Term, float], ...]]:
    """Each kind's terms compiled, when a seed is first classified (not by a build of seeds all read before)."""
    return {
        kind: tuple((Term(re.compile(p, re.IGNORECASE) if not CJK.search(p) else re.compile(re.escape(p))), w) for p, w in terms)
        for kind, terms in _KIND_TERMS.items()
    }


_TITLE_COMPILED = {kind: re.compile(p, re.IGNORECASE) for kind, p in _TITLE_TERMS.items()}

_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")
_DATED_LINE = re.compile(r"(?m)^\s*(?:[-*|]\s*)?(?:\*\*)?(?:1[5-9]|20)\d\d(?:年)?(?:\*\*)?(?:\s*[—–:|.)-]|年|(?=[A-Z]))")
_LEVEL_LINE = re.compile(
    r"(?im)^\s*(?:#+\s*|\|\s*|[-*]\s*)?(?:\*\*)?(?:levels?|grade|band|tier|等級|グレード)\s*[-:]?\s*\d"
    r"|^\s*(?:#+\s*|\|\s*)(?:\*\*)?(?:L|IC|E|P|M|T)\d\b"
    r"|^\s*#+\s*(?:junior|associate|mid-level|intermediate|senior|staff|principal|lead)\b"
)
_STAGE_LINE = re.compile(
    r"(?im)^\s*(?:#+\s*|[-*]\s*|\d+\.\s*)?(?:\*\*)?(?:step|stage|round|phase)\s*\d|^\s*#+.*(?:一次|二次|最終)面接"
)
# Each in English (found the fast way, as a term) and in Japanese.
_GROUP_WORD = (
    Term(re.compile(r"\b(?:values|principles|commitments|tenets|beliefs|behaviou?rs)\b", re.IGNORECASE)),
    re.compile("バリュー|価値観|行動指針"),
)
_PAST = (
    Term(
        re.compile(
            r"\b(?:founded|founders?|launched|acquired|went public|grew|was born|began|started|in (?:19|20)\d\d)\b",
            re.IGNORECASE,
        )
    ),
    re.compile("創業|設立|年に"),
)
_PROCESS_WORD = (Term(re.compile(r"\b(?:interview|candidate)", re.IGNORECASE)), re.compile("面接|選考"))


def _count(words: tuple[Term, re.Pattern[str]], text: str, lowered: str) -> int:
    """How often a text says one of the words."""
    english, japanese = words
    return len(english.findall(text, lowered)) + (len(japanese.findall(text)) if not text.isascii() else 0)


_ROLE_TITLE = re.compile(
    r"(?:^|[·(]\s*|\b(?:the|a|an|our)\s+)(?:[A-Z][\w-]*\s+){0,3}(?:Engineer|Manager|Designer|Scientist|Analyst|Developer|"
    r"Researcher|Recruiter|Writer|Architect|Consultant|Director|Lead|TechLead)(?:\s+Role)?\b"
    r"|エンジニア|デザイナー|マネージャー"
)
"""A title that is a role's name: a job description or a role page ("Senior Software Engineer", "The Project Manager Role")."""
_ATX = re.compile(r"(?m)^ {0,3}#{1,6}\s+(.*)$")


def _shape_signals(text: str, lowered: str, title: str, words: int) -> list[tuple[Kind, float, str]]:
    """Kinds that the shape of a text points at: dates and a timeline, named values, levels, stages."""
    signals = []
    # Many years in a long text read as a history when it also tells of the past ("founded", "in 2008").
    years = set(_YEAR.findall(text))
    storied = _count(_PAST, text, lowered) >= 3
    if len(years) >= 6 and storied:
        signals.append((Kind.HISTORY, min(len(years), 16) * 0.5, f"{len(years)} different years"))
        if words > 1500:
            signals.append((Kind.HISTORY, 6.0 if words > 2500 else 3.0, f"long ({words:,} words)"))
    dated = len(_DATED_LINE.findall(text))
    if dated >= 3:
        signals.append((Kind.HISTORY, 6.0, f"a timeline ({dated} lines start with a year)"))
    if re.search(r"\bfounded\b", text, re.IGNORECASE) and re.search(r"\b(?:acquired|went public|IPO)\b", text, re.IGNORECASE):
        signals.append((Kind.HISTORY, 3.0, "'founded' and 'acquired'"))
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    named = sum(
        1
        for head, body in zip(blocks, blocks[1:], strict=False)
        if len(head.split()) <= 6 and "\n" not in head and not re.search(r"[.!?:]$", head) and len(body) > 60
    )
    # In Markdown every section is a short heading and a paragraph: it takes values named as such in a heading.
    headings = _ATX.findall(text)
    named_in = " ".join([title, *headings]) if headings else text
    grouped = _count(_GROUP_WORD, named_in, named_in.lower() if headings else lowered)
    if named >= 4 and grouped:
        signals.append((Kind.VALUES, min(named, 12) * 1.0, f"{named} short named paragraphs"))
    levels = len(_LEVEL_LINE.findall(text))
    if levels >= 3:
        signals.append((Kind.LEVELS, min(levels, 8) * 1.5, f"{levels} levels named in headings or rows"))
    stages = len(_STAGE_LINE.findall(text))
    if stages >= 2 and _count(_PROCESS_WORD, text, lowered) >= 2:
        signals.append((Kind.INTERVIEW, min(stages, 6) * 1.5, f"{stages} numbered stages"))
    return signals


def guess_kind(text: str, title: str) -> Guess:
    """Score each kind by its terms in the title and the text and by the text's shape; OTHER when none stands out."""
    # Japanese has no spaces between words: count its characters, about two to a word.
    cjk = len(CJK.findall(text))
    words = max(1, len(text.split()) + cjk // 2)
    scores: dict[Kind, float] = {}
    notes: dict[Kind, list[str]] = {}
    lowered = text.lower()
    for kind, terms in _terms().items():
        score = 0.0
        found = []
        for term, weight in terms:
            matches = term.findall(text, lowered)
            if matches:
                score += weight * min(len(matches), 12)
                word = Counter(matches).most_common(1)[0][0]
                found.append(f"{word!r}×{len(matches)}")
        # Long texts name more terms; scale so that a long text does not win on volume alone.
        scores[kind] = score * 1000 / (words + 1000)
        notes[kind] = found
        in_title = _TITLE_COMPILED[kind].search(title)
        if in_title:
            scores[kind] += 12
            notes[kind].insert(0, f"title says {in_title.group().lower()!r}")
    role_named = _ROLE_TITLE.search(title)
    if role_named:
        scores[Kind.ROLE] += 8
        notes[Kind.ROLE].insert(0, f"title names a role, {role_named.group()!r}")
    for kind, bonus, note in _shape_signals(text, lowered, title, words):
        scores[kind] += bonus
        notes[kind].insert(0, note)
    best = max(scores, key=lambda k: (scores[k], -k.order))
    runner_up = max((s for k, s in scores.items() if k is not best), default=0.0)
    if scores[best] < 4:
        return Guess(Kind.OTHER, f"kind other: no kind stands out (best {best.value} scored {scores[best]:.1f})", Strength.WEAK)
    strength = Strength.STRONG if scores[best] >= 1.5 * runner_up + 4 else Strength.MODERATE
    evidence = (
        f"kind {best.value} ({strength.name.lower()}): score {scores[best]:.1f} vs {runner_up:.1f} ({', '.join(notes[best][:5])})"
    )
    return Guess(best, evidence, strength)
