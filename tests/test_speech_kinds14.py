"""A speaker asked for by a role the article sets off after their name, running on past what the role is of
("Alain Levy, chairman and chief executive of EMI Music,", "Rory O'Neill, editor of union-backed Hazards magazine,",
"Nigel Marson, head of group marketing at Transport for London (TfL),"), and a role word with "vice-" or "co-"
("Urs Holzle, Google vice-president of operations."): the role is theirs wherever the article quotes them
(``speakers.described_people``). Real articles
written here, the real CLI as a subprocess."""

from __future__ import annotations

import pytest

from conftest import ask_json, first_text, index_articles

ARTICLES = {
    "search": """Search firms chase the web's users

Search has become a vital tool in navigating the net, and money follows the people who use it.

"Search was always important," said Jan Vork, Fellby vice-president of operations. "We trumpeted that in 1999."

Small adverts beside the results helped Fellby reach revenues of $805m for the three months to September.

"Once you see there is a market, Brightsoft is bound to step into search. If Brightsoft sees it as important, nobody queries it," said Mr Vork.
""",
    "music": """Marlow Music warns on sales

Marlow Music said sales for the year will fall 8%, blaming delays to two major albums.

Karl Denby, chairman and chief executive of Marlow Music, described the performance as "disappointing".

Commenting on the delay to the albums by the Tides and the Reeds, Mr Denby said that "making music is not an exact science and cannot always meet our reporting dates".

Shares in the company fell 5% on the news.
""",
    "posters": """Posters send cab numbers to phones

Posters at Lorn stations will send the numbers of licensed cabs to passing mobile phones.

Nina Hale, head of group marketing at Transport for Lorn (TfL), said the posters were useful because they work outside the mobile networks. "They can reach people in places no signal reaches," she added.

The posters are part of a campaign for safe travel at night.
""",
    "safety": """Union reps cut injuries at work

Workplaces with union safety reps have fewer injuries, research has found.

Rory Neill, editor of union-backed Hazards magazine, which conducted the research, said: "Giving union safety reps more rights in more workplaces is the ultimate win-win."

The TUC has called on the government to appoint roving safety reps.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("speech_kinds14"), **ARTICLES)


def test_a_role_set_off_after_the_name_is_theirs_later_in_the_article(index):
    # "Jan Vork, Fellby vice-president of operations." then "... said Mr Vork.": a hyphened role word
    text = first_text(ask_json(index, "what did Fellby's vice-president say about Brightsoft moving into search")[0])
    assert text.startswith('"Once you see there is a market, Brightsoft is bound to step into search.'), text
    # and in the story of it, its only vice-president's words come first too
    text = first_text(ask_json(index, "What did the vice-president of Fellby say about search?")[0])
    assert "said Jan Vork" in text or "said Mr Vork" in text, text


def test_a_role_of_a_body_with_its_acronym_after_the_name(index):
    # "head of group marketing at Transport for Lorn (TfL)": the body runs on past "at Transport" to its comma
    answer, = ask_json(index, "Why does Transport for Lorn's marketing head think the posters are useful?")
    text = first_text(answer)
    assert text.startswith("Nina Hale, head of group marketing at Transport for Lorn (TfL), said the posters"), text
    assert "They can reach people in places no signal reaches" in text  # her words: her quotation goes with them
    assert not answer["unsure"]
    # "editor of union-backed Hazards magazine": past the body's name to the comma; his own words, surely
    answer, = ask_json(index, "What did the editor of Hazards magazine say about safety reps?")
    assert first_text(answer).startswith("Rory Neill, editor of union-backed Hazards magazine"), answer["answers"]
    assert not answer["unsure"]


def test_another_role_is_not_theirs(index):
    # must not change: a vice-president is not the president (his words are only the closest, not sure); "chairman and
    # chief executive of Marlow Music" is not matched as its chairman (the role's head is the last), closest words as before
    answer, = ask_json(index, "What did Fellby's president say about Brightsoft moving into search?")
    assert answer["unsure"] or answer["no_answer"], answer
    answer, = ask_json(index, "What did the chairman of Marlow Music say about the delay to the albums?")
    assert "not an exact science" in first_text(answer) and answer["unsure"], answer


# How did X react: X's quotation over the lede reporting X ("Harbour forward Tom Ward says Sam Pike is the right man
# ..."), which the plain ranking puts first; the plain ranking is taken for a sentence naming X that is not X's words
TOLD = {
    "ward": """Ward backs Pike as Harbour captain

Harbour forward Tom Ward says Sam Pike is the right man to lead the side back to winning ways.

Pike took over as captain after the autumn series, when Harbour lost three games in a row. "Sam is doing a tremendous job. Every week my respect for him goes up," Ward told Radio Lorn. "He is an inspiring captain. When he talks with the squad he talks a lot of sense."

Harbour play Dunmore on Saturday.
""",
    "vote": """Tories attack poll plans

The Conservatives have said the government is afraid of a debate on the poll plans.

Their claims were denied by Home Secretary Peter Loxley, who accused the Tories of "running scared" of the voters.

Mr Loxley told activists in Lornbury on Thursday that the voters would decide at the election which party deserved their trust.

"We have a record to be proud of," Mr Loxley said.
""",
}


@pytest.fixture(scope="module")
def told(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("told14"), **TOLD)


def test_xs_own_words_stay_first_over_a_report_of_x_the_plain_ranking_prefers(told):
    answer, = ask_json(told, "How did Tom Ward react to Pike becoming captain?")
    assert first_text(answer).startswith('"Sam is doing a tremendous job.'), answer["answers"]
    assert answer["answers"][1]["text"].startswith("Harbour forward Tom Ward says"), answer["answers"]


def test_a_sentence_naming_x_that_is_not_xs_words_is_still_taken(told):
    # must not change: "denied by ... Peter Loxley, who accused the Tories of ...": X's words found nowhere else
    text = first_text(ask_json(told, "What did Peter Loxley accuse the Tories of?")[0])
    assert text.startswith("Their claims were denied by Home Secretary Peter Loxley, who accused the Tories"), text
