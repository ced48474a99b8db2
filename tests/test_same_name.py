"""Two people of one name, and names the articles never write: "what did Robbie Keane say" is not answered with Roy
Keane's words, "Mrs Blair" is not Mr Blair, "Taylor Swift" is not Mr Taylor; a misspelt name is corrected only to a
name the articles write ("Tony Blare" is Tony Blair, though "Blake" is closer), and a name they never write is not "corrected"
into another ("Angela Merkel" is no "Angela Marvel"). Real articles written here, the real CLI as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ask_json, first_text, index_articles
from qabot.speaker_matching import names_another

ARTICLES = {
    "united": """Keane fined after tunnel row

Manchester United captain Roy Keane has been fined after a row in the tunnel before the match.

After the match, Keane accused Vieira of starting the row. "He started it and I finished it," Keane said.
""",
    "spurs": """Spurs win at the City Ground

Tottenham striker Robbie Keane scored the second goal as Spurs beat Forest in the cup.

"We are on a high and the lads played with confidence," Keane said after the cup match.
""",
    "election": """Blair sets out election pledges

Prime Minister Tony Blair has set out his pledges for the general election campaign.

"We answer this every election campaign and the answer is the same," Mr Blair told reporters.
""",
    "music": """Labels seek new rules

Record labels want new guidelines on online music sales, said industry chief Ian Taylor.

Mr Taylor argues there should be new guidelines so all parties can act in the same way online.
""",
    "marvel": """Comics firm sells film rights

Comics firm Marvel has sold the film rights to three of its heroes, chief executive Angela Holt said.

"Marvel characters are in demand," said Ms Holt, adding that more films would follow.
""",
    "blake": """Band plays charity show

Guitarist Sam Blake and drummer Tony Hart said the band would play a charity show in the spring.
""",
}


def test_another_person_of_the_name(tmp_path):
    index = index_articles(tmp_path, **ARTICLES)
    robbie, roy, mrs, swift, tony = ask_json(index, "what did Robbie Keane say", "what did Roy Keane say",
                                             "what did Mrs Blair say", "what did Taylor Swift say",
                                             "what did Tony Blair say about the election")
    assert "high" in first_text(robbie) and "finished it" not in first_text(robbie)
    assert all("on a high" not in a["text"] for a in roy["answers"])
    assert mrs["no_answer"] is True, mrs["answers"][0]["text"]
    assert swift["no_answer"] is True, swift["answers"][0]["text"]
    assert "answer is the same" in first_text(tony)


def test_misspelt_name_corrected_only_to_a_name_written(tmp_path):
    index = index_articles(tmp_path, **ARTICLES)
    blare, merkel = ask_json(index, "what did Tony Blare say about the election", "what did Angela Merkel say")
    assert "answer is the same" in first_text(blare)
    assert blare.get("searched") and "Tony Blair" in " ".join(blare["searched"])
    assert merkel["no_answer"] is True
    assert "Angela Merkel" in merkel["message"] and "Marvel" not in merkel["message"]


def test_quotes_leave_out_another_person_of_the_name(tmp_path):
    index = index_articles(tmp_path, **ARTICLES)
    result = subprocess.run([sys.executable, "-m", "qabot", "quotes", "Robbie Keane", "--index", str(index), "--json"],
                            capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    assert "finished it" not in result.stdout
    assert "on a high" in result.stdout


def test_names_another_rules():
    assert names_another("Manchester United's Roy Keane said it. Keane accused Vieira.", "Robbie Keane")
    assert not names_another("Tottenham's Robbie Keane said it. Keane smiled.", "Robbie Keane")
    assert not names_another("Mourinho said he was happy.", "Jose Mourinho")  # no other first name: may be him
    assert not names_another("Vincent Cable, for the Liberal Democrats, said so.", "Vince Cable")
    assert names_another("Mr Blair said it.", "Mrs Blair")
    assert not names_another("Mrs Blair said it. Mr Blair did not.", "Mrs Blair")
    assert names_another("Mr Taylor argues for swift action.", "Taylor Swift")  # "swift", not "Swift"
    assert not names_another("Foreign Minister Wang Yi met Mr Wang.", "Wang Yi")
    # a sentence's last word is no first name of the next one's first ("... fan Steve Morgan. Parry joined ...")
    assert not names_another("But Parry said no to fan Steve Morgan. Parry joined Liverpool in 1998.", "Rick Parry")


def test_quotes_correct_a_misspelt_name_and_know_a_word_from_a_name(tmp_path):
    index = index_articles(tmp_path, **ARTICLES, nobody="""Nobody was hurt in the fire

Nobody was hurt when fire broke out at the depot, and nobody was in the building, fire officers said.

Officers said nobody had reported the smoke and nobody had called the depot's owner, though nobody knows why.
""")

    def quotes(name: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "qabot", "quotes", name, "--index", str(index)],
                              capture_output=True, text=True)

    blare = quotes("Tony Blare")
    assert blare.returncode == 0, blare.stderr
    assert blare.stdout.startswith("(searched for 'Tony Blair')") and "answer is the same" in blare.stdout
    nobody = quotes("Nobody")
    assert "No quotes: no article names 'Nobody'." in nobody.stdout
    merkel = quotes("Angela Merkel")
    assert "No quotes" in merkel.stdout and "Marvel" not in merkel.stdout


BLAIRS = {
    "goldsmith": """Goldsmith denies he was leant on

Tony Blair has defended the attorney general's advice on the war, and Cherie Blair was at his side on Monday.

"That's what he said and that's what I say," Mr Blair told his monthly news conference.

Tony Blair said the matter was closed.
""",
    "tour": """Cherie accused of attacking Bush

Cherie Blair has been accused of criticising the president's policies during a lecture tour.

Mrs Blair said the decision by the Supreme Court to protect the detainees was a victory for the rule of law.
""",
    "wage": """Minimum wage to rise

Unveiling the increase, Mr Blair said he wanted the minimum wage to become a symbol of decency and fairness.
""",
    "summit": """Leaders meet on aid

Prime Minister Tony Blair met aid agencies before the summit. "Africa is a scar on our conscience," Mr Blair said.
""",
    "schools": """School plans unveiled

Tony Blair unveiled his school plans on Friday. "Every child deserves a good school," Mr Blair said.
""",
}


def test_a_first_name_the_articles_give_another_person_of_the_surname_is_not_his(tmp_path):
    # "Tony Blair" in four articles, "Cherie Blair" in two: "Mr Blair" is Tony, where she is named and where no
    # one's first name is
    index = index_articles(tmp_path, **BLAIRS)
    cherie, tony = ask_json(index, "what did Cherie Blair say", "what did Tony Blair say about the minimum wage")
    assert first_text(cherie).startswith("Mrs Blair said the decision by the Supreme Court")
    assert all("Mr Blair" not in a["text"] for a in cherie["answers"])
    assert "minimum wage" in first_text(tony)
    result = subprocess.run([sys.executable, "-m", "qabot", "quotes", "Cherie Blair", "--index", str(index), "--json"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    speakers = {json.loads(line)["speaker"] for line in result.stdout.splitlines()}
    assert speakers == {"Mrs Blair"}
