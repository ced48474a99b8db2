"""The surface words and the spelling and speaker counts in one binary file (``words.bin``), and the
JSON files an index written before it has (still read, and replaced by the next update)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qabot.build import build
from qabot.index import WORDS_FILE, Index, pack_words, unpack_forms, unpack_words

ARTICLES = {
    "a.txt": "Mayor resigns\n\nThe mayor of Zürich resigned on Tuesday, Anna Müller said.\n\n"
             "\"It was time,\" said the mayor, who had served for six years.\n",
    "b.txt": "Harbour reopens\n\nThe harbour reopened on Friday after the storm, Ole Brun said.\n",
}

names = st.text(st.characters(blacklist_characters="\0", blacklist_categories=("Cs",)), min_size=0, max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(names, st.integers(0, 2**40), st.integers(0, 2**40)), max_size=30),
       st.dictionaries(names, st.integers(1, 2**40), max_size=30), st.dictionaries(names, st.integers(1, 2**40), max_size=10))
def test_words_come_back_as_packed(words, forms, spoke):
    back_words, back_forms, back_spoke = unpack_words(pack_words(words, forms, spoke))
    assert back_words == words
    assert list(back_forms.items()) == list(forms.items()) and isinstance(back_forms, Counter)
    assert list(back_spoke.items()) == list(spoke.items())
    alone = unpack_forms(pack_words(words, forms, spoke))  # what a misspelt question reads, the rest left packed
    assert list(alone.items()) == list(forms.items()) and isinstance(alone, Counter)


def test_a_damaged_words_file_is_refused():
    raw = pack_words([("mayor", 3, 1)], {"mayor": 3}, {"Müller": 1})
    for bad in (raw[:-1], raw + b"x", b"QAWORDS2" + raw[8:], raw[:40]):
        with pytest.raises(ValueError):
            unpack_words(bad)
        with pytest.raises(ValueError):
            unpack_forms(bad)


def test_a_spelling_with_a_nul_is_not_packed():
    assert pack_words([("a\0b", 1, 0)], {"a\0b": 1}, {}) is None


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_data_folder_keeps_words_in_one_binary_file(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    build([corpus], tmp_path / "index")
    index = Index.open(tmp_path / "index")
    files = set(index.manifest["checksums"])
    assert WORDS_FILE in files and "words.json" not in files and "word_counts.json" not in files
    spellings = {w for w, _, _ in index.words}
    assert {"mayor", "Zürich", "Müller"} <= spellings
    forms, spoke = index.word_counts()
    assert dict(index.spelling_counts()) == dict(forms)  # read alone, the words and speakers left packed
    assert forms["mayor"] == 2 and forms["Mayor"] == 1 and forms["harbour"] == 1
    assert spoke["müller"] >= 1 and spoke["brun"] >= 1


def test_an_index_with_json_words_is_read_and_updated_to_the_same_words(tmp_path):
    """An index written before ``words.bin`` (its words as JSON) answers with the same words, and its next update
    (one file added) gives the words and counts a fresh build of the same files gives."""
    corpus = _corpus(tmp_path / "corpus")
    build([corpus], tmp_path / "index")
    new = Index.open(tmp_path / "index")
    words, (forms, spoke) = new.words, new.word_counts()
    new.close()
    manifest_path = tmp_path / "index" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    data = tmp_path / "index" / manifest["data"]
    (data / WORDS_FILE).unlink()
    del manifest["checksums"][WORDS_FILE]
    for name, value in (("words.json", [list(w) for w in words]), ("word_counts.json", {"forms": forms, "spoke": spoke})):
        (data / name).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        manifest["checksums"][name] = {"size": (data / name).stat().st_size}
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    old = Index.open(tmp_path / "index")
    assert old.words == words and old.word_counts() == (forms, spoke)
    assert dict(old.spelling_counts()) == forms
    old.close()

    (corpus / "c.txt").write_text("Storm warning\n\nThe mayor warned of a storm on Sunday, said Anna Müller.\n",
                                  encoding="utf-8")
    build([corpus], tmp_path / "index")
    fresh_dir = tmp_path / "fresh"
    build([shutil.copytree(corpus, tmp_path / "corpus2")], fresh_dir)
    updated, fresh = Index.open(tmp_path / "index"), Index.open(fresh_dir)
    assert WORDS_FILE in updated.manifest["checksums"]
    assert updated.words == fresh.words
    assert updated.word_counts() == fresh.word_counts()
