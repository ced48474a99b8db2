"""A later sentence naming the question's person by surname alone ("Bening, who was born in Texas") holds the whole
name when its article writes the full name (``surnames.stands_for``): it is not outweighed by sentences that repeat the
full name and say nothing of what is asked. Small articles written here, asked through the real CLI."""

from __future__ import annotations

from conftest import ask_json, first_text, index_articles

ACTRESS = """Bening in running for Oscar

Film actress Annette Bening is up for an Oscar for her starring role in the comedy Being Julia.

Bening, who was born in Texas in 1958, has gained prominence for a string of key roles. She is married to the actor Warren Beatty.

The Academy Awards will be handed out in Los Angeles next month.
"""

FESTIVAL = """Bangkok film festival honours stars

Annette Bening and Ana Geislerova shared the best actress award at the Bangkok festival.

Annette Bening was not at the ceremony in Bangkok to collect the award.

The festival's top prize went to a Thai drama.
"""

AWARDS = """Globes go to The Aviator

Annette Bening won best actress in a musical or comedy at the Golden Globes in Los Angeles.

The Aviator was named best drama.
"""

BIRTHS = """Baby boom at city hospital

More babies were born at the city hospital last year than in any year before. Twins were born on Christmas Day.

Most of the babies born there go home within two days.
"""

SINGER = """Singer returns to home town

The singer, born in Cardiff, will play two concerts in the city next month. Her brother, born in Swansea, will join her on stage.
"""

RUGBY = """Wales flanker doubtful for opener

Wales flanker Martyn Williams is doubtful for Saturday's match against England in Cardiff with a neck injury.

Shane Williams was born in Morriston and scored two tries against Italy in Rome last season.

Coach Mike Ruddock will name his side on Thursday.
"""


def test_a_surname_alone_holds_the_full_name(tmp_path):
    """"Bening, who was born in Texas" answers "Where was Annette Bening born?", ahead of the sentences naming her in
    full at the Bangkok festival and the Globes in Los Angeles."""
    answer, = ask_json(index_articles(tmp_path, actress=ACTRESS, festival=FESTIVAL, awards=AWARDS, births=BIRTHS,
                                      singer=SINGER),
                       "Where was Annette Bening born?")
    assert "born in Texas" in first_text(answer)


def test_anothers_surname_is_not_the_name(tmp_path):
    """"Shane Williams was born in Morriston" names another Williams: asked where Martyn Williams plays on Saturday,
    the sentence naming him answers, as it did before."""
    answer, = ask_json(index_articles(tmp_path, rugby=RUGBY, actress=ACTRESS),
                       "Where does Martyn Williams play on Saturday?")
    assert "Martyn Williams is doubtful" in first_text(answer)
