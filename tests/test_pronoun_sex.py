""""She said" is never a man's nor "he said" a woman's when the article tells which by a word of address anywhere in
it ("Ms Essex" after the pronoun), and a speaker goes on speaking over a name only mentioned since. Small real articles written here, attributed by the library and asked through the CLI."""

from __future__ import annotations

from conftest import ask_json, attributed, index_articles

COUNCIL = """Council tax rise 'reasonable'

Welsh councils should set their taxes at "reasonable levels" after a funding increase of 6%, says the assembly government.

Finance Minister Sue Essex said it was a "good deal" for local government. The settlement includes the "full" £7.4m from the UK Treasury announced by Chancellor Gordon Brown. But opposition parties said rebanding of council taxes would mean steep rises. In addition, £13.4m will come from the business support grant. She said where spending rises were kept to around 5% she was "confident that councils will be able to set council taxes at reasonable levels."

On Monday, a delegation of north Wales councils visited Ms Essex to lobby for increased funds.
"""

FESTIVAL = """Festival jury picks its winner

The jury of the Bergen film festival was led this year by Tom Hale, the veteran producer. Festival director Anna Berg said the jury had watched forty films in nine days. "It was the hardest choice I have ever had to make," he said.

Ms Berg said the festival would return next year. Mr Hale is to chair the jury again.
"""

PLAID = """Arson theory questioned

Lord Roberts of Conwy, a minister at the time, said the security services played no improper role. The theory has also been questioned by the party's former president, Dafydd Wigley. He accepted that the fires damaged the party's public image.

Mr Wigley and Lord Roberts both spoke to the programme.
"""

KERR = """Ferry service to close

The route was opened in 1990. Fiona Kerr, who chairs the ferry users' group, said the closure would be "the end of the island". "It has been our lifeline for fifteen years," he said.

Ms Kerr has written to the minister.
"""


def _said(text: str, start: str) -> str | None:
    found = attributed(text)
    (sentence,) = [s for s in found if s.startswith(start)]
    return found[sentence]


def test_she_said_after_a_woman_named_in_full_and_a_man_named_in_between_is_hers(tmp_path):
    """Sue Essex spoke; Chancellor Gordon Brown is only mentioned since (and never called "she"); the article calls
    her "Ms Essex" only after the pronoun."""
    assert _said(COUNCIL, "She said where spending rises") == "Sue Essex"
    brown, = ask_json(index_articles(tmp_path, council=COUNCIL), "What did Gordon Brown say about council taxes?")
    assert brown["no_answer"] or brown["unsure"], brown  # her words are not given as his


def test_he_said_is_no_woman_the_article_calls_ms_only_later():
    """Anna Berg spoke in the sentence before "he said", but the article calls her "Ms Berg" after it: the man named
    before her, "Mr Hale" only later, is the one."""
    assert _said(FESTIVAL, '"It was the hardest choice') == "Tom Hale"


def test_a_he_said_of_no_one_found_does_not_go_on_with_the_woman_quoted_before():
    """A quotation closed by "he said" whom no man named before can be is not the words of Fiona Kerr (called "Ms
    Kerr" further on), though it follows hers: left without a speaker."""
    assert _said(KERR, '"It has been our lifeline') is None


def test_a_name_in_the_sentence_just_before_is_still_the_one_he_means():
    """Unchanged: "questioned by ... Dafydd Wigley. He accepted" is Wigley's, though Lord Roberts spoke before."""
    assert _said(PLAID, "He accepted that the fires") == "Dafydd Wigley"
