"""Questions a reader asks of a folder of short news stories about the stories themselves (who wrote the one
about X, when it was published, its headline, what it is about) and yes/no questions, through the real
CLI, on small articles written here: a headline, a blank line, a byline (sometimes with a role line under
it), a date line, then paragraphs."""

from __future__ import annotations

import json

import pytest

from conftest import run, write_articles

STORIES = {
    "storm.txt": (
        "Storm brings down trees across Ashford\n\n"
        "By Jane Doe\nWeather reporter\n14 March 2024\n\n"
        "A fierce overnight storm brought down dozens of trees across Ashford, blocking roads and cutting power "
        "to about 3,000 homes.\n\n"
        "Gusts of up to 80 mph were recorded at the harbour shortly after midnight.\n\n"
        "Two people were taken to hospital with minor injuries after a tree fell on their car on Station Road.\n\n"
        "Most homes had their electricity back by Thursday evening, the power company said.\n"),
    "school.txt": (
        "Hillside Primary to close next summer\n\n"
        "By Priya Shah\n\nEducation correspondent\n\nMarch 9, 2024\n\n"
        "Hillside Primary School will close at the end of the next school year, the county education board "
        "has confirmed.\n\n"
        "The school has 74 pupils, fewer than half the places it was built for.\n\n"
        "Pupils will move to Oakfield Primary, two miles away. Parents had campaigned for months to keep the "
        "school open.\n"),
    "buslane.txt": (
        "Council approves bus lane on Queen Street\n\n"
        "By Oliver Grant\n2024-02-21\n\n"
        "Councillors have voted to approve a new bus lane on Queen Street, despite objections from shop owners.\n\n"
        "The plan was passed by 23 votes to 17 at a meeting of the full council on Tuesday night.\n\n"
        "The lane will run between the railway station and the hospital on weekdays.\n\n"
        "Traders argued that losing parking spaces would drive customers away.\n"),
    "court.txt": (
        "Former Ashford treasurer jailed for stealing rowing club funds\n\n"
        "By Helen Marsh, Courts reporter\n\nTuesday, May 14, 2024\n\n"
        "A former treasurer of Ashford Rowing Club has been jailed for two years for stealing more than "
        "£60,000 from the club.\n\n"
        "Derek Fulton, 58, admitted fraud at Kingsford Crown Court.\n\n"
        "The court heard that the money was spent on holidays and a new car.\n"),
}


@pytest.fixture
def stories(isolated):
    """The stories indexed into ./index (the index qabot finds from this folder)."""
    write_articles(isolated / "stories", STORIES)
    built = run("index", "stories")
    assert built.returncode == 0, built.stderr
    return isolated


def ask_all(*questions: str, k: int = 3) -> list[dict]:
    """Each question's ``ask --json`` answer, asked in one process (``ask -`` reads them from stdin)."""
    result = run("ask", "--json", "-k", str(k), "-", input="\n".join(questions) + "\n")
    assert result.returncode in (0, 1), result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(answers) == len(questions), result.stdout
    return answers


def test_the_loader_reads_byline_role_and_date_lines_not_as_paragraphs(stories):
    listed = {a["path"].split("/")[-1]: a for a in map(json.loads, run("list", "--json").stdout.splitlines())}
    got = {name: (a["byline"], a["date"]) for name, a in listed.items()}
    assert got == {"storm.txt": ("Jane Doe", "14 March 2024"), "school.txt": ("Priya Shah", "March 9, 2024"),
                   "buslane.txt": ("Oliver Grant", "2024-02-21"), "court.txt": ("Helen Marsh", "Tuesday, May 14, 2024")}
    # the role line is neither the author nor the first paragraph
    first = ask_all("what is the storm story about")[0]["answers"][0]
    assert first["text"].startswith("A fierce overnight storm") and first["paragraph"] == 1
    assert first["article"]["role"] == "Weather reporter"


def test_who_wrote_when_published_and_headline_of_the_article_named_by_its_topic(stories):
    author, school, headline, date, role, dated = ask_all(
        "who wrote the article about the storm?", "when was the story about the school published",
        "what is the headline of the piece on the council vote", "what's the date of the bus lane article",
        "who is the author of the court story", "what date was the article about the treasurer published?")
    assert [(a["text"], a["field"], a["article"]["title"]) for a in author["answers"]] == [
        ("Jane Doe", "byline", "Storm brings down trees across Ashford")]
    assert school["answers"][0]["text"] == "March 9, 2024" and school["answers"][0]["field"] == "date"
    assert headline["answers"][0]["text"] == "Council approves bus lane on Queen Street"
    assert headline["answers"][0]["field"] == "title"
    assert date["answers"][0]["text"] == "2024-02-21"
    assert role["answers"][0]["text"] == "Helen Marsh" and role["answers"][0]["article"]["role"] == "Courts reporter"
    assert dated["answers"][0]["text"] == "Tuesday, May 14, 2024"


def test_the_author_answer_cites_the_byline_and_role(stories):
    result = run("ask", "who wrote the story about the school closing?")
    assert result.returncode == 0, result.stderr
    assert "> Priya Shah" in result.stdout
    assert "school.txt, the article's byline (Education correspondent)" in result.stdout


def test_without_a_topic_over_several_articles_it_asks_which_listing_them(stories):
    author, summary, date = ask_all("who is the author", "summarize the article", "when was it published")
    for answer in (author, summary, date):
        assert answer["no_answer"] and answer["message"].startswith("which article? there are 4;")
        assert "'Storm brings down trees across Ashford'" in answer["message"]
    # the example of naming a topic is a question of the kind asked
    assert '("who wrote the article about ...")' in author["message"]
    assert '("summarize the article about ...")' in summary["message"]
    assert '("when was the article about ... published")' in date["message"]
    # a topic two articles share equally: which of them, by headline
    both = ask_all("who wrote the article about Ashford")[0]
    assert both["no_answer"] and both["message"].startswith("which article? 2 are about 'Ashford':")
    assert "'Storm brings down trees across Ashford'" in both["message"]
    assert "'Former Ashford treasurer jailed for stealing rowing club funds'" in both["message"]
    # a topic no article has
    none = ask_all("who wrote the article about volcanoes")[0]
    assert none["no_answer"] and none["message"].startswith("no article about 'volcanoes' in 4 articles")


def test_summary_of_the_article_named_by_topic_is_its_lede_and_central_sentences_cited(stories):
    bus, court = ask_all("what is the article about the bus lanes about?", "summarize the story about the court case")
    texts = [a["text"] for a in bus["answers"]]
    assert texts[0].startswith("Councillors have voted to approve a new bus lane") and len(texts) == 3
    assert {a["article"]["path"].split("/")[-1] for a in bus["answers"]} == {"buslane.txt"}
    assert [a["paragraph"] for a in bus["answers"]] == sorted(a["paragraph"] for a in bus["answers"])
    assert court["answers"][0]["text"].startswith("A former treasurer of Ashford Rowing Club has been jailed")
    assert all("field" not in a for a in court["answers"])


def test_yes_no_questions_lead_with_the_sentence_that_settles_them(stories):
    approve, closing, hurt, traders = ask_all(
        "did the council approve the bus lane?", "is the school closing?", "were people injured in the storm",
        "did traders support the bus lane?")
    assert approve["answers"][0]["text"].startswith("Councillors have voted to approve a new bus lane")
    assert closing["answers"][0]["text"].startswith("Hillside Primary School will close")
    assert hurt["answers"][0]["text"].startswith("Two people were taken to hospital with minor injuries")
    assert any(a["text"].startswith("Traders argued") for a in traders["answers"])


def test_questions_about_contents_are_not_taken_for_the_article_itself(stories):
    letter, called = ask_all("who wrote the letter to the council?", "what is it called when a tree falls on a car")
    assert all(a.get("field") is None for a in letter["answers"] + called["answers"])


def test_in_the_chat_it_means_the_article_of_the_last_answer(stories):
    result = run("chat", input="did the council approve the bus lane?\nwho wrote it?\nwhen was it published?\n")
    assert result.returncode == 0, result.stderr
    assert "> Oliver Grant" in result.stdout and "> 2024-02-21" in result.stdout
