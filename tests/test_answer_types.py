"""A question asking a type of answer is answered by the sentence holding that type, and not by one that only seems
to: an age described before the asked person's name is another's (``answering.ages``). Small articles written here,
asked through the real CLI."""

from __future__ import annotations

from conftest import ask_json, index_articles

COURT = """Fraud trial of bank boss delayed

The fraud trial of the former head of Northway Bank has been postponed until the summer.

US judge Mary Halloran put back the opening hearing, which had been due on Monday, until 14 June. Northway founder Paul Stead and two former directors are charged with hiding losses from investors. The case will be heard in Denver. Lawyers for the Northway Bank directors say the fraud trial should be moved.

The bank collapsed in 2003 with debts of more than $2bn.
"""

KEEPER = """Wenger backs Almunia in goal

Arsenal manager Arsene Wenger has defended goalkeeper Manuel Almunia after his mistakes against Bolton.

Wenger insists he has complete faith in the 27-year-old Spaniard, who was signed last summer from Celta Vigo as back-up to Jens Lehmann.

"He will learn from this," Wenger said.
"""


def test_an_age_described_before_the_name_is_anothers(tmp_path):
    """"faith in the 27-year-old Spaniard, who was signed ... as back-up to Jens Lehmann" gives Almunia's age, not
    Lehmann's: asked Lehmann's, the articles give none."""
    index = index_articles(tmp_path, keeper=KEEPER, court=COURT)
    lehmann, = ask_json(index, "How old is Arsenal goalkeeper Jens Lehmann?")
    assert lehmann["no_answer"] is True
    assert "never give an age of Jens Lehmann" in lehmann["message"]
