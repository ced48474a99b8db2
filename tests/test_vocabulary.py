"""Surface words: built into the index, spelled as the articles spell them, found by prefix."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qabot.build import build
from qabot.index import Index
from qabot.vocabulary import Lexicon, rank_words, surface_words, update_words


def test_surface_words_keep_the_articles_spelling_and_who_speaks():
    text = "Wang said the talks went well. “Peace,” said Wang. Wang’s trip. The trade grew; trade is up. BBC news."
    assert surface_words(text) == [
        ("Wang", 3, 2), ("said", 2, 0), ("trade", 2, 0), ("BBC", 1, 0), ("grew", 1, 0), ("news", 1, 0),
        ("Peace", 1, 0), ("talks", 1, 0), ("trip", 1, 0), ("well", 1, 0), ("went", 1, 0),
    ]


def test_the_index_stores_names_as_written_and_a_rebuild_keeps_them(seeds):
    index_dir = Path("index")
    build([seeds], index_dir)
    words = Index.open(index_dir).words
    spelled = {w: (n, s) for w, n, s in words}
    for name in ("Patrushev", "Kuleba", "Ukraine", "Putin", "Wang", "Lavrov"):
        assert name in spelled, name
    assert spelled["Wang"][1] > 0 and spelled["Putin"][1] > 0
    assert spelled["Ukraine"][1] == 0 and spelled["Patrushev"][1] == 0
    assert "top of page" not in " ".join(spelled) and "views0" not in spelled
    data_before = Index.open(index_dir).data_dir
    report = build([seeds], index_dir)
    assert report.unchanged == 1
    again = Index.open(index_dir)
    assert again.data_dir != data_before
    assert again.words == words
    again.verify()


def test_lexicon_completes_by_prefix_in_any_case(seeds):
    build([seeds], Path("index"))
    lexicon = Lexicon(Index.open(Path("index")).words)
    assert lexicon.complete("Patr") == [("Patrushev", 2)]
    assert lexicon.complete("patr") == [("Patrushev", 2)]
    assert [w for w, _ in lexicon.complete("Ku")] == ["Kuleba"]
    assert lexicon.complete("zzz") == []
    assert lexicon.speaks("Putin") and lexicon.speaks("putin") and lexicon.speaks("Wang’s")
    assert not lexicon.speaks("Ukraine") and not lexicon.speaks("trade")


# spellings that share a word in every way that matters: case, a possessive, a stopword, too short, a digit
_SPELLINGS = ["Wang", "wang", "WANG", "Wang’s", "wang's", "Wangs", "trade", "Trade", "trade’s", "the", "The",
              "at", "9lives", "Kuleba", "kuleba", "Ukraine", "ukraine's", "Zeta", "zeta"]
_counts = st.dictionaries(st.sampled_from(_SPELLINGS), st.integers(0, 4), max_size=len(_SPELLINGS))
_names = st.dictionaries(st.sampled_from(["wang", "kuleba", "trade", "zeta"]), st.integers(0, 3), max_size=4)


@settings(max_examples=400, deadline=None)
@given(_counts, _names, _counts, _names, _counts, _names, st.sampled_from([2, 5, 200_000]))
def test_updated_words_equal_words_ranked_afresh(forms, spoke, added, added_spoke, removed, removed_spoke, limit):
    # an update: the new files' counts added, the removed files' counts (at most what there was) taken away
    before, said = Counter(forms), Counter(spoke)
    gone = Counter({w: min(n, before[w]) for w, n in removed.items()})
    gone_said = Counter({w: min(n, said[w]) for w, n in removed_spoke.items()})
    after = +(before + Counter(added) - gone)
    after_said = +(said + Counter(added_spoke) - gone_said)
    words = rank_words(+before, +said, limit)
    assert update_words(words, (+before, +said), (after, after_said), [*added, *gone], [*added_spoke, *gone_said],
                        limit) == rank_words(after, after_said, limit)
