""""He said" several sentences after the last speaker, with other people named since: the person the sentences just
before are about, not a speaker from paragraphs back. A subject named only by what they are ("the Swiss star") is the
one person the headline names; "his" or "her" after a name makes it a person's; a later clause's subject ("but
McIlroy is unfazed") is the nearer one; a body's possessive before a name ("Chelsea's William Gallas") is not the
subject; a speaker named by a role goes on ("A spokesman said ..."). Small real articles written here, attributed by
the library with their headline apart, as the index keeps it, and asked through the CLI."""

from __future__ import annotations

from conftest import ask_json, index_articles

FEDERER = """Faultless Federer has no equal

Roger Federer - nice bloke, fantastic tennis player - the ultimate sportsman.

When Lleyton Hewitt shook his hand after another thrashing, the Australian said: "You're the best." Hewitt, along with Andy Roddick and Marat Safin, is sure to be prominent during 2005. But realistically, all three will be fighting for the world number two ranking. According to all those players and even Federer himself, the Swiss star is in a different league.

"Right now I feel that a little bit," he told BBC Sport. "I've dominated all the top ten players. I am dominating the game right now and I hope it continues!"
"""

TWO_NAMED = """Hewitt and Federer meet again

Lleyton Hewitt said: "He is the best player in the world." Andy Roddick and Marat Safin also took part in the event. According to many players, the Swiss star is in a different league.

"Right now I feel that a little bit," he told BBC Sport.
"""

WILLIAMS = """Venus stunned in Dubai

Conchita Martinez beat Shinobu Asagoe 6-4 6-4 in the first round. "She is a great player," Martinez said of her next opponent. Venus Williams lost to Sylvia Farina Elia in straight sets. Williams though blamed her defeat by Farina Elia on injuries. "Blisters were a factor, but mostly my stomach wasn't that great," she said.
"""

ROCHUS = """Rochus shocks Coria in Auckland

Top seed Guillermo Coria went out with a loss to Olivier Rochus. "I played badly," Coria said. Fifth seed Fernando Gonzalez eased past Robby Ginepri. Rochus made the semi-finals last week and is naturally delighted with his form. "It's been two unbelievable weeks for me," he said.
"""

GALLAS = """Chelsea defender eyes the title

Arsenal manager Arsene Wenger said the title race was not over. Chelsea's William Gallas believes his side can still be caught by United. "It's a two-horse race," he said.
"""

MCILROY = """McIlroy aiming for Madrid title

James McIlroy said he was in the best form of his life. Russian Dmitriy Bogdanov won at the same Madrid venue last week and claimed the race would be between himself and two others, but McIlroy is unfazed. He admitted: "He looked quite good in his win."
"""

POLICE = """Police plan for hunting ban

Reporter Sarah Mukherjee said the ban had divided the countryside. A police spokesman said: "It will be based on intelligence." The decision on how to police hunts will be left to local forces. He said police would consider evidence submitted by anti-hunt groups.
"""


def _said(article: str, start: str) -> str | None:
    """The speaker of the sentence of ``article``'s body that starts with ``start`` (the headline given apart)."""
    from qabot.passages import split_sentences
    from qabot.speakers import People, attribute_paragraph

    title, _, body = article.partition("\n\n")
    people = People(body, title)
    at = 0
    for paragraph in body.split("\n\n"):
        lo = body.index(paragraph, at)
        at = lo + len(paragraph)
        spans = split_sentences(body, lo, at)
        for (s, e), who in zip(spans, attribute_paragraph(body, spans, people=people)):
            if body[s:e].strip().startswith(start):
                return who.speaker
    raise AssertionError(f"no sentence starts with {start!r}")


def test_an_epithet_subject_is_the_one_person_the_headline_names(tmp_path):
    """"the Swiss star is in a different league" then "he told BBC Sport": Federer (the headline's one person), not
    the Australian who spoke six sentences back; asked through the CLI, Federer's words are found."""
    assert _said(FEDERER, '"Right now I feel') == "Roger Federer"
    assert _said(FEDERER, '"I\'ve dominated') == "Roger Federer"
    answer, = ask_json(index_articles(tmp_path, federer=FEDERER), "What did Federer say about the top ten players?")
    assert not answer["no_answer"], answer["message"]
    assert "dominated all the top ten players" in answer["answers"][0]["text"]


def test_an_epithet_stands_for_no_one_when_the_headline_names_two():
    """"Hewitt and Federer meet again": no one person, so "the Swiss star" says nothing and "he" stays the last
    speaker, as before."""
    assert _said(TWO_NAMED, '"Right now I feel') == "Lleyton Hewitt"


def test_her_after_a_name_makes_it_the_person_she_said_means():
    """"Williams though blamed her defeat": Williams, not Martinez who spoke before."""
    assert _said(WILLIAMS, '"Blisters were a factor') == "Venus Williams" or \
        _said(WILLIAMS, '"Blisters were a factor') == "Williams"


def test_a_subject_before_a_past_form_without_ed():
    """"Rochus made the semi-finals ... his form. "...," he said": Rochus, not Coria."""
    assert _said(ROCHUS, '"It\'s been two unbelievable') == "Rochus"


def test_a_bodys_possessive_before_a_name_is_not_the_subject():
    """"Chelsea's William Gallas believes his side ...": Gallas, not Chelsea nor Wenger."""
    assert _said(GALLAS, '"It\'s a two-horse race') == "William Gallas"


def test_a_later_clauses_subject_is_the_nearer_one():
    """"Bogdanov won ... between himself and two others, but McIlroy is unfazed. He admitted": McIlroy."""
    assert _said(MCILROY, "He admitted") == "McIlroy"


def test_a_spokesman_goes_on_over_a_sentence_naming_no_one():
    """"A police spokesman said ... He said police would": the spokesman, not the reporter named before."""
    assert _said(POLICE, "He said police would") == "A police spokesman"
