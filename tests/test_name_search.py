"""The speed pass's shortcuts in looking for a name (``speaker_matching``): a case-blind search read only where the
lowercased text writes the name, and ``fold`` without a per-character loop. Each must find what the plain pattern
finds, on real BBC articles and on made-up strings of the characters that matter."""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter

from qabot import speaker_matching as M
from qabot.analysis import STOPWORDS, fold
from qabot.index import Index


def _given_plain(text: str, name: str) -> list[str]:
    """``given_names`` before its counting, with the pattern searched through the whole text (as first written)."""
    return [short or word for short, word in
            re.findall(rf"\b(?:([A-Z][^\W\d_]{{0,2}})\.|([A-Z][^\W\d_]*[’'-]?[^\W\d_]*))[ \t]+(?i:{re.escape(name)})\b", text)]


def _counted(words: list[str]) -> Counter:
    return Counter(n for w in words if (n := M.normal(w)) not in STOPWORDS and (n in M.HONORIFICS or n not in M.TITLES)
                   and not M._is_head(w))


def _capitalised_plain(text: str, word: str) -> bool:
    return any(m.group()[0].isupper() for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE))


def _fold_plain(token: str) -> str:
    token = token.replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    if "'" in token and token not in STOPWORDS:
        token = token.replace("'", "")
    if not token.isascii():
        decomposed = unicodedata.normalize("NFKD", token)
        token = "".join(c for c in decomposed if not unicodedata.combining(c))
    return token


def test_the_characters_re_matches_to_ascii_case_blind_are_all_known():
    """Every character besides ASCII ones that ``re`` matches case-blind to an ASCII letter or digit is one the
    shortcut leaves to the pattern (all of Unicode looked at)."""
    ascii_class = re.compile(r"(?i)[a-z0-9]")
    found = {chr(c) for c in range(128, 0x110000) if ascii_class.fullmatch(chr(c))}
    assert found <= set(M._CASE_BLIND_EXTRA)


def test_name_searches_find_what_the_plain_patterns_find_in_made_up_text():
    """Names and text of letters either case, spaces, tabs, line breaks, dots, apostrophes, hyphens, and the
    characters ``re`` matches case-blind otherwise ("İ", "ı", "ſ", the Kelvin sign)."""
    rng = random.Random(12)
    alphabet = "aAbBkKsS -\t\n.'’İıſKxyÀé1_"
    for _ in range(40000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        name = "".join(rng.choice("abks-i") for _ in range(rng.randint(1, 3)))
        assert M.given_names(text, name) == _counted(_given_plain(text, name)), (text, name)
        assert M._capitalised(text, name) == _capitalised_plain(text, name), (text, name)
    for text, name in [("Mr Blair Blair said", "blair"), ("Tony  Blair and Mr. BLAIR", "blair"),
                       ("Jean-Pierre-Paul Raffarin", "raffarin"), ("a-a-A-a", "a-a"), ("İlham Aliyev", "ilham")]:
        assert M.given_names(text, name) == _counted(_given_plain(text, name))
        assert M._capitalised(text, name) == _capitalised_plain(text, name)


def test_fold_is_the_per_character_fold():
    """Every character of the first three planes alone and between letters, and made-up strings."""
    for c in range(0x30000):
        if 0xD800 <= c < 0xE000:
            continue
        for token in (chr(c), f"a{chr(c)}b"):
            assert fold(token) == _fold_plain(token), hex(c)
    rng = random.Random(3)
    alphabet = "abcé’'sÉñüİıſKﬁ\u0301\u0327 £€ΣσςöÅ"
    for _ in range(20000):
        token = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fold(token) == _fold_plain(token)


def test_name_searches_on_bbc_articles(bbc_index):
    """Every 3rd BBC article, its text and its folded text, with the commonest capitalised words as names."""
    index = Index.open(bbc_index)
    texts = [index.article(a).text for a in range(0, index.n_articles, 3)]
    words = Counter(w for t in texts[::4] for w in re.findall(r"\b[A-Z][a-z]+\b", t))
    names = [M.normal(w) for w, _ in words.most_common(60)] + ["blair", "brown", "mr", "i", "s"]
    for text in texts:
        folded = fold(text)
        for name in names:
            assert M.given_names(text, name) == _counted(_given_plain(text, name)), name
            assert M._capitalised(folded, name) == _capitalised_plain(folded, name), name
