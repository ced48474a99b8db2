"""A body's name and its initials, one for the other, within the article that sets them side by side (``answering.
acronyms``): real articles written here, the real CLI as a subprocess."""

from __future__ import annotations

from conftest import ask_json, index_articles

from qabot.answering.acronyms import defined

ARTICLES = {
    "domains": """Warning over foreign web addresses

A new system of web addresses in foreign alphabets could help fraudsters, an industry body has warned.

But the UK Internet Forum (UKIF) is concerned that the system will let scammers create fake sites more easily.

The forum met internet firms in London on Tuesday. Their director of policy said the UK had a duty to act.

Internet users in the UK were warned about fake bank sites by the forum last year.

The Internationalised Domain Names system has been a work in progress for years. "It is a real risk," says
Stephen Dyer, director of UKIF.
""",
}


def test_initials_are_read_with_the_name_they_stand_for():
    assert defined("the UK Internet Forum (UKIF) is concerned; the Securities and Exchange Commission (SEC) said; "
                   "he arrived on Thursday (UK time)") == [
        ("UKIF", ("UK", "Internet", "Forum")), ("SEC", ("Securities", "and", "Exchange", "Commission"))]


def test_a_question_naming_a_body_finds_the_sentence_that_gives_its_initials(tmp_path):
    index = index_articles(tmp_path, **ARTICLES)
    (named,) = ask_json(index, "Who is the director of the UK Internet Forum?")
    assert any("Stephen Dyer" in a["text"] for a in named["answers"][:2])  # third without the initials read


def test_initials_are_found_as_a_search_of_every_place_finds_them(bbc_dir):
    """``defined`` looks for the run of words just before each bracket: over every BBC article it finds what the
    run's pattern finds searched from the start of the text (695 runs), and texts written to trip it find the same."""
    from qabot.answering import acronyms

    def everywhere(text):
        return [m.span() for m in acronyms._DEFINED.finditer(text)]

    texts = [p.read_text(encoding="latin-1") for p in sorted(bbc_dir.glob("*/*.txt"))]
    texts += ["(UN) at the start", "the United Nations\t(UN) and the Big Bad Wolf(BBW)", "A (B) C (CD) (EF)",
              "the World Health Organization (WHO) (WHO) and " + "Very " * 300 + "Long Name (VLN)"]
    found = [[m.span() for m in acronyms._runs(t)] for t in texts]
    assert found == [everywhere(t) for t in texts]
    assert sum(map(len, found)) >= 695
