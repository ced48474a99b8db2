"""The sentence analysis's patterns rewritten for speed (``qabot/answering/sentences.py``) find exactly what they
find as first written, on real articles, their sentences, stretches cut anywhere and odd characters."""

from __future__ import annotations

import random
import re
from pathlib import Path

from qabot.analysis import TOKEN
from qabot.answering import sentences as s
from qabot.loading import load_file

NUMBER_PLAIN = re.compile(r"\d(?:[\d,.]*\d)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|double|twice)\b", re.I)
MONEY_PLAIN = re.compile(r"[$£€¥]\s?\d|\d\s?(?:%|per\s?cent\b|percent\b|million\b|billion\b|bn\b|m\b|dollars\b|"
                         r"pounds\b|euros\b|cents?\b|pence\b|p\b)", re.I)
DATE_PLAIN = re.compile(r"\b(?:1[0-9]\d\d|20\d\d)s?\b|\b(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|"
                        r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|century|centuries|decade|yesterday|today|"
                        r"tomorrow)\b")
CAPS_PLAIN = re.compile(r"(?<=[\s(])[A-Z][\w’'-]+")


def _texts(bbc_dir: Path) -> list[str]:
    articles = [load_file(p, p.read_bytes()).articles[0].text
                for topic in ("business", "politics") for p in sorted((bbc_dir / topic).glob("*.txt"))[:150]]
    rng = random.Random(0)
    texts = articles + [t[rng.randrange(len(t)):][:rng.randrange(1, 300)] for t in articles]
    texts += [x for t in articles for x in re.split(r"(?<=[.!?])\s+", t)]
    alphabet = list("0123456789 ,.$£€¥%()'’-_\nOoTtFfSsſEeNnHhMmBbDdıİKkIiJjAaWwYyCcé") + [
        "one", "Two", "ſix", "TWENTY", "billion", "1990s", "2005", "per cent", "pence", "bn", "m", "p", "January",
        "Sept", "Sep", "today", "centuries", "London", "(Mr"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))) for _ in range(20000)]
    return texts


def test_sentence_patterns_find_what_the_plain_ones_find(bbc_dir):
    """``MONEY`` and ``DATE`` led by their first characters and ``_CAPS`` taking the character before it find the
    same matches (spans) as written plainly; ``_numbers`` finds the same numbers as ``NUMBER``, which finds what its
    plain form finds; ``_NUMBER_WORDS`` are ``NUMBER``'s words."""
    assert s._NUMBER_WORDS == frozenset(NUMBER_PLAIN.pattern.split(r"\b(?:")[1].split(r")\b")[0].split("|"))
    for text in _texts(bbc_dir):
        assert [m.span() for m in s.MONEY.finditer(text)] == [m.span() for m in MONEY_PLAIN.finditer(text)], text
        assert [m.span() for m in s.DATE.finditer(text)] == [m.span() for m in DATE_PLAIN.finditer(text)], text
        assert s.DATE.findall(text) == DATE_PLAIN.findall(text)
        assert [m.span(1) for m in s._CAPS.finditer(text)] == [m.span() for m in CAPS_PLAIN.finditer(text)], text
        assert s._CAPS.findall(text) == CAPS_PLAIN.findall(text)
        assert s.NUMBER.findall(text) == NUMBER_PLAIN.findall(text), text
        numbers = frozenset(n.lower() for n in NUMBER_PLAIN.findall(text))
        assert s._numbers(text, TOKEN.findall(text)) == numbers, text
