"""Speaker attribution on real sentences: the seed article and BBC articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED, WANG_1, WANG_2

from qabot.loading import load_file
from qabot.passages import split_sentences
from qabot.speakers import attribute_paragraph


def speakers(path: Path) -> dict[str, str | None]:
    """Every sentence of the article at ``path`` with its speaker."""
    article = load_file(path, path.read_bytes()).articles[0]
    out = {}
    for p_start, p_end in article.paragraphs:
        spans = split_sentences(article.text, p_start, p_end)
        for (s, e), who in zip(spans, attribute_paragraph(article.text, spans)):
            out[article.text[s:e]] = who.speaker
    return out


def starting(found: dict[str, str | None], prefix: str) -> str | None:
    """The speaker of the one sentence that starts with ``prefix``."""
    hits = [who for sentence, who in found.items() if sentence.startswith(prefix)]
    assert len(hits) == 1, prefix
    return hits[0]


def test_seed_quotations_and_reported_speech():
    found = speakers(SEED)
    assert found[WANG_1] == "Wang"
    assert found[WANG_2] == "Wang"
    assert {prefix: starting(found, prefix) for prefix in [
        "“Our relations have never been directed against third countries,” Wang told Putin",
        "“Our relations have withstood pressure",              # the quotation goes on: still Wang
        "“Currently, the international situation",
        "“But Chinese-Russian relations have withstood",       # "he said": the last speaker, Wang
        "“Everything is moving forward",
        "“And above all, we are talking",                       # Putin's quotation goes on
        "Wang responded that deepening the relationship",
        "Putin told Wang that he was looking forward",
        "In his opening remarks, Putin highlighted",
        "On Tuesday, Wang met with Nikolai Patrushev",          # a mention, not speech
        "But even in that meeting, Wang’s published comments",  # about Wang, not by him
        "The Chinese government statement on the meeting said",  # not a person
    ]} == {
        "“Our relations have never been directed against third countries,” Wang told Putin": "Wang",
        "“Our relations have withstood pressure": "Wang",
        "“Currently, the international situation": "Wang",
        "“But Chinese-Russian relations have withstood": "Wang",
        "“Everything is moving forward": "Putin",
        "“And above all, we are talking": "Putin",
        "Wang responded that deepening the relationship": "Wang",
        "Putin told Wang that he was looking forward": "Putin",
        "In his opening remarks, Putin highlighted": "Putin",
        "On Tuesday, Wang met with Nikolai Patrushev": None,
        "But even in that meeting, Wang’s published comments": None,
        "The Chinese government statement on the meeting said": None,
    }


@pytest.mark.parametrize(("path", "prefix", "speaker"), [
    ("sport/227.txt", "But former Arsenal keeper David Seaman believes Lehmann", "David Seaman"),
    ("sport/227.txt", "Seaman told the Daily Mail: \"Jens is a fantastic keeper.", "Seaman"),
    ("sport/227.txt", "\"It puts a lot of pressure on them", "Wenger"),
    ("sport/227.txt", "\"I'm not worried as they are both mentally strong", "Wenger"),
    ("tech/020.txt", "Although details were scant, Mr Gates, said IE7", "Mr Gates"),
    ("politics/195.txt", "UK aid to help the victims of the Asian tsunami", "Prime Minister Tony Blair"),
    ("sport/040.txt", "\"The heat stress was the primary factor", "Richards"),
    ("sport/155.txt", "\"Steven Gerrard is a key player for us,\" said Benitez.", "Benitez"),
    # A critic's words about Gordon Brown are not Brown's: "he" is the critic who spoke just before.
    ("politics/349.txt", "\"For all his trumpeting of Labour's management", "Vince Cable"),
    ("politics/349.txt", "Liberal Democrat shadow chancellor Vince Cable warned", "Vince Cable"),
    # "he" is the last person named who is known to be one, not "USA", "Thierry Henry" or "Xbox Live"
    ("sport/090.txt", "\"I think this award reinforces what we did", "Gardener"),
    ("sport/170.txt", "\"I am not guilty, nor do I accept being judged", "Luis Aragones"),
    ("tech/134.txt", "\"People are online and playing together", "Mr Gates"),
    # nor "Morientes", whom the quotation itself names
    ("sport/112.txt", "He said: \"They were looking for ways of saying", "Parry"),
    # a clause between the subject and the verb
    ("sport/112.txt", "But Parry, speaking exclusively to BBC Sport, also admits", "Parry"),
    ("sport/112.txt", "He told BBC Five Live: \"Steven is above money.", "Parry"),
    ("politics/072.txt", "Mark Oaten, for the Liberal Democrats, said", "Mark Oaten"),
    # a bare quotation goes on with the paragraph's last speaker, reported speech included
    ("business/271.txt", "\"Television has been the driving force", "Mr Dein"),
    ("business/390.txt", "\"Although Wal-Mart has suspended gun sales", "Mr Lockyer"),
])
def test_bbc_attribution(bbc_dir, path, prefix, speaker):
    assert starting(speakers(bbc_dir / path), prefix) == speaker


def test_a_stray_quote_does_not_glue_the_rest_of_a_paragraph(bbc_dir):
    found = speakers(bbc_dir / "sport/227.txt")
    seaman = [s for s in found if s.startswith("Seaman told the Daily Mail")]
    assert seaman == ['Seaman told the Daily Mail: "Jens is a fantastic keeper. He deserves another chance. '
                      '"He has made a few mistakes but on form he deserves to be the first-team choice."']
