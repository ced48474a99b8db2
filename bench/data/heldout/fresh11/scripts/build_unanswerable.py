"""Hand-written near-miss unanswerable questions -> bbc_unanswerable.jsonl.

Pool: remaining (non-answerable) candidates shuffled with random.Random(14143)
(see pick.py / pick_output.json). Walked in pool order; USED entries below, the
rest of the pool up to the last used position is listed in SKIPPED with reasons.

Each entry: (article, question, grep_terms, note). grep_terms are the
key names re-checked by verify.py over all 2,225 files; the note
records what the hand greps found after reading every hit.
"""
import json, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bbc_unanswerable.jsonl")

U = [
("bbc/business/485.txt", "How much per share is Holcim offering for Associated Cement Companies?", ["Holcim", "Associated Cement"],
 "grep 'Holcim' / 'ACC' / 'Ambuja' -> only bbc/business/485.txt; it gives the $800m total for the Indian deals and a 138p per-share offer for Aggregate Industries, but no per-share price for ACC."),
("bbc/business/245.txt", "Who wrote the Economic Policy Institute's analysis of the Bush budget for the BBC?", ["Economic Policy Institute"],
 "grep 'Economic Policy Institute' -> only bbc/business/245.txt; read whole file (incl. end): the institute is named but no author."),
("bbc/business/161.txt", "How old is former Boeing finance chief Michael Sears?", ["Sears"],
 "grep 'Sears' -> only bbc/business/161.txt; grep year-old|aged|born in it: nothing (sentence, fine and dates only)."),
("bbc/sport/451.txt", "How much did Paradorn Srichaphan give to tsunami relief after the Chennai Open final?", ["Srichaphan", "Scrichapan"],
 "grep 'Srichaphan' -> sport/422, 451, 468, 476; only 451 mentions the tsunami ('would donate an unspecified amount'); others are Dubai/Australian Open results with no donation."),
("bbc/business/113.txt", "How much in euros could Vodafone be fined over its German roaming charges?", ["roaming"],
 "grep 'roaming' -> business/113, tech/098, tech/289; read all: 113 says 'up to 10% of their annual turnover'; no euro figure; tech hits are about phone tariffs/technology."),
("bbc/sport/343.txt", "How much was Andy Robinson fined for criticising referee Jonathan Kaplan?", ["Kaplan"],
 "grep 'Kaplan' -> sport/288 (Lewsey try), 289, 330, 343, 346, 349, 404, 405, 406; grep fined|apologis|sanction|disciplin near Robinson: only 343 ('may even have to apologise', RFU investigation); the £2,000 fine is for Budge Pountney (also in sport/319)."),
("bbc/business/235.txt", "What life expectancy at 65 does the Pensions Policy Institute give for professional women?", ["Pensions Policy Institute", "PPI"],
 "grep 'Pensions Policy Institute'/'PPI' -> business/163, 235, 255; 235 gives men's figures only and says projections for women were not updated; 163/255 give no such figure."),
("bbc/business/231.txt", "Which foreign mining companies in Venezuela will have their contracts reviewed?", ["Venezuela"],
 "grep 'Venezuela' -> business/029, 080, 200, 231, 259, 340, 388; read all mining hits: 231 names only the countries (US, Canada, France, Switzerland); 029 mentions the review without names."),
("bbc/entertainment/287.txt", "How much do tickets cost for REM's rescheduled Glasgow Green concert?", ["Glasgow Green", "REM"],
 "grep 'Glasgow Green' -> only entertainment/287; 'REM' -> entertainment/118, 128, 262, 287, 318 (+ sport false hits); ticket lines read: refunds and swap dates only, no price."),
("bbc/sport/273.txt", "When does Robbie Savage's contract at Birmingham run out?", ["Savage"],
 "grep -w 'Savage' -> sport/129 (Wales injury list), sport/273; grep contract|deal: none; no contract length or expiry given."),
("bbc/sport/035.txt", "Who coached sprinter Michelle Collins?", ["Michelle Collins"],
 "grep 'Michelle Collins' -> sport/026, 035; grep coach|trainer in both: none; no coach named."),
("bbc/entertainment/027.txt", "How many aspiring writers entered the second Lit Idol contest?", ["Lit Idol"],
 "grep 'Lit Idol' -> only entertainment/027; it gives 1,466 entrants for the first contest only."),
("bbc/business/171.txt", "What was Deutsche Boerse's net profit for the whole of 2004?", ["Deutsche Boerse"],
 "grep 'Deutsche Boerse' -> business/171, 203, 220, 264, 279, 316, 319, 392, 421, 454; grep profit: only 171 (fourth-quarter profit 120.7m euros, full-year revenue 1.45bn euros); no full-year profit."),
("bbc/sport/511.txt", "Who won the SAP Open final between Andy Roddick and Cyril Saulnier?", ["SAP Open", "San Jose"],
 "grep 'SAP Open'/'San Jose' -> sport/424, 426, 427, 507, 509, 511, tech/148; read all: earlier rounds and the semi-finals only; the final's result is not reported."),
("bbc/sport/505.txt", "How much prize money did Robin Soderling win in Milan?", ["Soderling"],
 "grep 'Soderling' -> only sport/505; no prize money mentioned."),
("bbc/sport/441.txt", "How old is British tennis player Elena Baltacha?", ["Baltacha"],
 "grep 'Baltacha' -> only sport/441; ranking (120) given, no age."),
("bbc/sport/145.txt", "How long will Stewart Downing be out with the hamstring injury he picked up against Graz?", ["Stewart Downing"],
 "grep 'Stewart Downing' -> sport/113, 119, 145, 229; read all: England call-up talk and praise; 145 says only 'We will assess it in the morning'; no time out given."),
("bbc/business/337.txt", "Who replaced Peter MacDonald as James Hardie's chief executive?", ["Hardie"],
 "grep 'Hardie' -> only business/337; chairwoman Meredith Hellicar named; no new chief executive."),
("bbc/business/223.txt", "Who bought Wembley's six UK greyhound tracks?", ["greyhound"],
 "grep 'greyhound' -> only business/223: tracks 'put up for sale', analysts value them at £40m-£50m; BLB buys only the US unit; no track buyer."),
("bbc/business/499.txt", "Who has replaced Chen Jiulin as chief executive of China Aviation Oil?", ["China Aviation", "Chen Jiulin"],
 "grep 'China Aviation' -> business/269 (one line on the collapse), 499; no successor named."),
("bbc/business/103.txt", "How many people does Marsh & McLennan employ worldwide?", ["Marsh & McLennan", "MMC"],
 "grep 'Marsh & McLennan'/'MMC' -> business/060, 103, 232, 265, 333, 401; grep employ|staff|workforce: only 103 ('brokerage unit, which employs 40,000 staff'); no group total."),
("bbc/sport/447.txt", "Who is Sania Mirza's coach?", ["Mirza"],
 "grep 'Mirza' -> sport/430, 435, 436, 439, 447, 510; grep coach|trained by: only 447 quotes Mirza about an unnamed '[the coach]' from her childhood; no coach named."),
("bbc/politics/199.txt", "How many copies of the game Manhunt have been sold in the UK?", ["Manhunt"],
 "grep 'Manhunt' -> politics/199, tech/231; grep sold|copies|sales: no sales figure for Manhunt."),
("bbc/sport/219.txt", "Who won the all-Ghanaian Confederation Cup final between Hearts of Oak and Asante Kotoko?", ["Hearts of Oak", "Kotoko"],
 "grep 'Hearts of Oak'/'Kotoko' -> only sport/219 (semi-final group game; final dates given, no result)."),
("bbc/sport/313.txt", "How many England caps has prop Julian White won?", ["Julian White"],
 "grep 'Julian White' -> sport/285, 300, 308, 313, 315, 323, 342, 376; grep cap near White: none ('a capable player' only); no cap total."),
]

SKIPPED = {
 "bbc/politics/175.txt": "near-duplicate story of answerable politics/349 (Brown at Gateshead); passed over",
 "bbc/sport/311.txt": "match report; passed over",
 "bbc/sport/069.txt": "Holmes/Isinbayeva results spread over several articles - no clean near-miss",
 "bbc/sport/285.txt": "England injury news repeated across many Six Nations articles",
 "bbc/sport/237.txt": "Champions League group list; passed over",
 "bbc/business/131.txt": "Yukos/Gazprom/Rosneft facts spread across many articles",
 "bbc/business/203.txt": "Deutsche Boerse/LSE bid facts repeated in ten articles",
 "bbc/sport/245.txt": "the obvious near-miss (when the last minutes are played) is answered in sport/247",
 "bbc/politics/373.txt": "UK rebate figures repeated in many articles",
 "bbc/sport/093.txt": "Costin interview; candidate facts (hospital etc.) are stated",
 "bbc/sport/209.txt": "quote piece; passed over",
 "bbc/sport/457.txt": "injury/draw news; passed over",
 "bbc/sport/187.txt": "Bellamy transfer saga spread across many articles",
 "bbc/sport/443.txt": "Clijsters return; candidate facts ambiguous (who is her doctor)",
 "bbc/business/139.txt": "German jobless figures repeated across several articles",
 "bbc/entertainment/069.txt": "awards lists; winners repeated across award stories",
 "bbc/sport/139.txt": "match report; passed over",
 "bbc/tech/135.txt": "GTA review; price could be derived from revenue figures in tech/130, 178 - too risky",
 "bbc/sport/329.txt": "Lions preview; facts spread across many articles",
 "bbc/business/413.txt": "EU deficit story; commissioner named in other articles",
 "bbc/sport/367.txt": "Martin Johnson facts repeated in several articles",
 "bbc/sport/309.txt": "player column; passed over",
 "bbc/business/311.txt": "disaster/insurance figures overlap tsunami articles - too risky",
 "bbc/sport/063.txt": "Holmes facts spread across many articles",
}

def main():
    with open(OUT, "w", encoding="utf-8") as f:
        for art, q, terms, note in U:
            f.write(json.dumps({"question": q, "answers": [], "kind": "unanswerable",
                                "article": art, "note": note + " grep terms: " + "; ".join(terms)},
                               ensure_ascii=False) + "\n")
    print("wrote", len(U), "lines to", os.path.normpath(OUT))

if __name__ == "__main__":
    main()
