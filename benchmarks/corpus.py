"""A synthetic corpus for the benchmark: N invented companies, each with seeds in the five raw forms.

Deterministic from a seed number. The forms are the ones Dossier meets: a compensation guide
with YAML front matter (Markdown body), and plain-text interview guides, values pages,
day-in-the-life posts and long histories with figures and a timeline. Wording, sizes, roles,
currencies, line endings and encodings (UTF-8, UTF-8 with a BOM, UTF-16, Windows-1252) vary
from seed to seed, and some companies have two seeds of one kind.
"""

from __future__ import annotations

import random
from pathlib import Path

_FIRST = "Nor Vel Quin Ast Bra Cor Dal Fen Gal Hol Ix Jun Kel Lum Mar Oro Pel Rho Sil Tor Ul Vor Wen Yar Zel Cas Dru".split()
_MIDDLE = "a e i o u ara ex io on is um ora en il".split()
_LAST = "ra nix vex dor lis tos mar gen tra lio sa vo".split()
_SUFFIX = ["", "", " Labs", " Systems", " Freight", " Health", " Robotics", " Bank", " Energy", " Analytics"]
_ROLES = ["Software Engineer", "Data Analyst", "Product Manager", "Product Designer", "Site Reliability Engineer"]
_PAY = [
    ("London, UK", "GBP", 55),
    ("Berlin, Germany", "EUR", 60),
    ("New York, NY", "USD", 120),
    ("Bengaluru, India", "INR", 1800),
]
_PAY += [("Lisbon, Portugal", "EUR", 40), ("Toronto, Canada", "CAD", 95), ("Tokyo, Japan", "JPY", 7000)]
_TOPIC_WORDS = {
    "business": "customers revenue growth market pricing margin partners contracts logistics platform".split(),
    "work": "café teams planning reviews deadlines ownership mentoring releases roadmap incidents on-call".split(),
    "hiring": "candidates recruiters screens loops panels references offers feedback exercises rubrics".split(),
}
_VALUES = ["Customers first", "Own the outcome", "Be candid", "Keep it simple", "Learn in public", "Ship small", "Act with care"]
_STAGES = ["Recruiter screen", "Hiring manager call", "Technical interview", "Take-home exercise", "Onsite loop", "Offer"]
_ENCODINGS = ["utf-8"] * 6 + ["utf-8-sig", "utf-8-sig", "cp1252", "utf-16"]


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        word = rng.choice(_FIRST) + rng.choice(_MIDDLE) + rng.choice(_LAST)
        name = word + rng.choice(_SUFFIX)
        if word not in taken:
            taken.add(word)
            return name


def _sentence(rng: random.Random, pool: list[str], name: str = "") -> str:
    words = [rng.choice(pool) for _ in range(rng.randrange(8, 20))]
    if name and rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), name)
    opener = rng.choice(["", "In practice, ", "Most weeks, ", "Since then, ", "By design, ", "Put simply, "])
    return (opener + " ".join(words)).capitalize().replace(name.lower(), name) + rng.choice([".", ".", ".", "!", "?"])


def _paragraph(rng: random.Random, pool: list[str], name: str, lo: int = 2, hi: int = 6) -> str:
    return " ".join(_sentence(rng, pool, name) for _ in range(rng.randrange(lo, hi + 1)))


def _comp(rng: random.Random, name: str, role: str) -> str:
    rows = []
    for region, currency, base in rng.sample(_PAY, rng.randrange(1, 4)):
        low = base * 1000 + rng.randrange(0, 20) * 1000
        rows.append(f"  - region: {region}\n    currency: {currency}\n    base_low: {low}\n    base_high: {low + base * 300}\n")
    pool = _TOPIC_WORDS["business"] + ["salary", "equity", "bonus", "negotiation", "offer", "band"]
    return (
        f"---\ncompany: {name}\nrole: {role.lower().replace(' ', '-')}\nlast_updated: 2026-{rng.randrange(1, 13):02d}-15\n"
        f"compensation:\n{''.join(rows)}---\n"
        f"# {role} pay at {name}\n\n{_paragraph(rng, pool, name)}\n\n"
        f"## How the offer is built\n\n{_paragraph(rng, pool, name)}\n\n"
        f"## Negotiating\n\n1. {_sentence(rng, pool)}\n2. {_sentence(rng, pool)}\n3. {_sentence(rng, pool)}\n"
    )


def _interview(rng: random.Random, name: str) -> str:
    pool = _TOPIC_WORDS["hiring"]
    stages = _STAGES[: rng.randrange(3, len(_STAGES) + 1)]
    steps = "".join(f"{i}. {s}: {_sentence(rng, pool)}\n" for i, s in enumerate(stages, 1))
    title = rng.choice([f"How {name} hires", f"{name} interview guide", f"Interviewing at {name}: the process"])
    return (
        f"{title}\n\n{_paragraph(rng, pool, name)}\n\nThe stages\n\n{steps}\n"
        f"What they look for\n\n{_paragraph(rng, pool, name)}\n\n"
        f"FAQ\n\nHow long does the interview process take?\n{_sentence(rng, pool)}\n\nCan I reapply?\n{_sentence(rng, pool)}\n"
    )


def _values(rng: random.Random, name: str) -> str:
    pool = _TOPIC_WORDS["work"]
    chosen = rng.sample(_VALUES, rng.randrange(4, 7))
    body = "".join(f"{v}\n\n{_paragraph(rng, pool, name, 1, 3)}\n\n" for v in chosen)
    return f"{rng.choice(['Our values', f'{name} values', f'What {name} believes'])}\n\n{_paragraph(rng, pool, name)}\n\n{body}"


def _role(rng: random.Random, name: str, role: str) -> str:
    pool = _TOPIC_WORDS["work"]
    return (
        f"A day in the life of a {role} at {name}\n\n{_paragraph(rng, pool, name)}\n\n"
        f"Mornings\n\n{_paragraph(rng, pool, name)}\n\nAfternoons\n\n{_paragraph(rng, pool, name)}\n\n"
        f"What I wish I’d known\n\n- {_sentence(rng, pool)}\n- {_sentence(rng, pool)}\n"
    )


def _history(rng: random.Random, name: str) -> str:
    pool = _TOPIC_WORDS["business"]
    founded = rng.randrange(1950, 2015)
    chapters = "".join(
        f"{title}\n\n" + "\n\n".join(_paragraph(rng, pool, name, 3, 8) for _ in range(rng.randrange(2, 12))) + "\n\n"
        for title in rng.sample(["The early years", "Going public", "The long expansion", "A hard decade", "Today"], 3)
    )
    events = sorted(rng.sample(range(founded + 1, 2026), 4))
    timeline = "".join(
        f"{year}{rng.choice(['Opened a new office.', 'Raised a round.', 'Launched abroad.', 'Bought a rival.'])}\n"
        for year in events
    )
    return (
        f"The story of {name}\n\n{name} was founded in {founded}. {_paragraph(rng, pool, name)}\n\n"
        f"By the Numbers\n{name} at scale\n${rng.randrange(1, 90)}.{rng.randrange(10)}BRevenue\n"
        f"~{rng.randrange(2, 90)},000Employees\n\n"
        f"{chapters}Timeline\n{founded}Founded.\n{timeline}"
    )


def write_corpus(folder: Path, companies: int, seed: int) -> None:
    """Write the seeds of ``companies`` invented companies into ``folder``."""
    rng = random.Random(seed)
    taken: set[str] = set()
    for i in range(companies):
        name = _name(rng, taken)
        roles = rng.sample(_ROLES, 2)
        seeds = {
            "pay.md": _comp(rng, name, roles[0]),
            "interview.txt": _interview(rng, name),
            "values.txt": _values(rng, name),
            "day.txt": _role(rng, name, roles[0]),
            "history.txt": _history(rng, name),
        }
        if rng.random() < 0.25:  # several seeds of one kind for one company
            seeds["day-2.txt"] = _role(rng, name, roles[1])
        for kind, text in seeds.items():
            encoding = rng.choice(_ENCODINGS)
            newline = "\r\n" if rng.random() < 0.2 else "\n"
            data = text.replace("\n", newline)
            (folder / f"{i:04d}-{kind}").write_bytes(data.encode(encoding, errors="replace"))
