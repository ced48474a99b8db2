"""``lexicon.alternation`` writes the same pattern as a trie of dictionaries (the way it was first built), for
every word list qabot builds one from and for made-up ones (prefixes, spaces, characters ``re`` escapes)."""

from __future__ import annotations

import random
import re

from qabot import lexicon
from qabot.lexicon import alternation


def _trie_pattern(words) -> str:
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return pattern(trie)


def test_the_lexicon_word_lists():
    lists = [v for v in vars(lexicon).values() if isinstance(v, (frozenset, set, tuple))
             and v and all(isinstance(w, str) for w in v)]
    assert len(lists) > 10
    for words in lists:
        assert alternation(words) == _trie_pattern(words)
        assert alternation(w[::-1] for w in words) == _trie_pattern(w[::-1] for w in words)


def test_made_up_words():
    rng = random.Random(5)
    letters = "aab c.d-e’(f)?*+\\|"
    for _ in range(3000):
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 12))]
        words += [w[:rng.randint(0, len(w))] for w in words[:3]]  # prefixes of one another
        assert alternation(words) == _trie_pattern(words), words
        pattern = re.compile(f"(?:{alternation(words)})\\Z") if words else None
        for w in words:
            assert pattern.match(w.replace(" ", "  ")), (w, words)
