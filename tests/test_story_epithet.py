"""A short story's later passage, past the first ten, is read for a sentence that names the story's subject only by
a role ("The Liberal Democrat leader will visit ...", ``features.described``): ``retrieve.rest_of_stories`` keeps such a
sentence though it holds none of the question's words (before, only sentences holding one were kept). Small articles
written here, asked through the real CLI."""

from __future__ import annotations

from conftest import answer_texts, index_articles

FILLER = " ".join(f"Party workers in ward {i} have been asked to knock on doors before the campaign begins in earnest."
                  for i in range(1, 30))

TEMPLE = f"""Kennedy to make temple address

Charles Kennedy is set to address 2,000 people at a Hindu temple as part of an appeal to ethnic minority voters.

{FILLER}

The Liberal Democrat leader will visit the Shri Swaminarayan Mandir Temple in Neasden, north west London.
"""


def others() -> dict[str, str]:
    towns = ("Leicester", "Bradford", "Luton", "Slough", "Oldham", "Derby", "Preston", "Bolton", "Coventry", "Reading",
             "Wembley", "Harrow")
    return {f"town{i}": f"Kennedy courts voters in {town}\n\nThe Liberal Democrats hope voters in {town} will back "
                        f"Mr Kennedy in the spring.\n"
            for i, town in enumerate(towns)}


def test_a_sentence_naming_the_subject_by_a_role_in_a_later_passage_is_read(tmp_path):
    index = index_articles(tmp_path, temple=TEMPLE, **others())
    question = "Where is Charles Kennedy addressing Hindu voters?"
    assert any("Neasden" in t for t in answer_texts(index, question, {}, tmp_path))
    off = {"retrieval": {"short_story": 0}}
    assert not any("Neasden" in t for t in answer_texts(index, question, off, tmp_path))
