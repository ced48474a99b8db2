"""The 25 hand-written near-miss unanswerable questions for fresh14; writes ../bbc_unanswerable.jsonl.

Pool: pick_output.json["unanswerable_pool"] (34 articles), walked in order from position 0. Each used
article gets one question whose fact is stated in none of the 2,225 articles. Each note records the
greps run over all files (exact, case-sensitive substring as in verify.py, plus a few
case-insensitive checks done by hand) and what the hits say; it ends with "grep terms: a; b" which
verify.py re-runs. SKIPPED lists every pool article passed over before the last one used, with the
reason. (Same method and helpers as fresh13.)
"""
import json, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bbc_unanswerable.jsonl")

U = [
("bbc/sport/427.txt",
 "How many aces did Jurgen Melzer serve in his win over Agassi in San Jose?",
 "sport/427 gives the score (6-3 6-1) and says Agassi was bamboozled by Melzer's drop shots; no serve statistics. 'Melzer' -> sport/424, 427, 444, 458, 476, 507, 509 (same text as 427), 511; none gives his aces against Agassi (the only ace count near him is sport/507's 19 aces by Cyril Saulnier against Tomas Zib). Case-insensitive ' aces' in the SAP Open files -> only that Saulnier line.",
 ["Melzer", "SAP Open"]),
("bbc/business/497.txt",
 "How long a prison sentence did the former FBI agent Jeffrey Royer get?",
 "business/497 reports the guilty verdicts and says the charges carry sentences of up to 20 years; no sentence was handed down in the text. 'Royer', 'Elgindy' -> only business/497; 'sentenced' (16 files) -> none about Royer.",
 ["Royer", "Elgindy"]),
("bbc/sport/300.txt",
 "Which country did England tour in 1998 when Duncan Bell travelled with the squad?",
 "sport/300 (and the near-identical sport/315) say only that Bell 'had travelled on tour with them in 1998'; no destination. 'Duncan Bell' -> sport/285, 300, 315, 334; case-insensitive 'tour' near '1998' -> sport/300, 315 (this sentence), sport/317 (Ulster's pre-season tour), sport/215 (Cosafa Cup 1998).",
 ["Duncan Bell", "tour with them in 1998"]),
("bbc/sport/381.txt",
 "Who scored Fiji's early try in the Dubai Sevens final against England?",
 "sport/381 says England 'fell behind to an early try against Fiji' and names only Fiji's later scorers (Neumi Nanuku, Marika Vakacegu). 'Sevens' -> sport/369 (Amor to captain England in Dubai, before the event), 375, 381, 400 (England won in Dubai; no scorers); 'Fiji' -> also entertainment/345 and team lists sport/331, 339.",
 ["Fiji", "Sevens"]),
("bbc/business/259.txt",
 "How much did Venezuela's economy grow in 2004, according to ECLAC?",
 "business/259 gives the regional 5.5% and says strong recovery in Venezuela and Uruguay boosted it, and that the six largest economies grew by more than 3%; no figure for Venezuela. 'ECLAC' -> only 259; 'Economic Commission for Latin America' -> business/200, 259; 'Venezuela' -> business/029, 080, 200, 231, 259, 340, 388 (land reform, oil deals, mining; case-insensitive grew/growth near Venezuela -> only 259's group statement).",
 ["ECLAC", "Venezuela"]),
("bbc/sport/322.txt",
 "How many caps has Scotland flanker Simon Taylor won?",
 "sport/322 says Taylor returns for his first Test in a year after a serious knee injury; no cap count. 'Simon Taylor' -> sport/322, 331, 353, 385, 387, 407, 410; case-insensitive 'cap' near Taylor in them -> nothing.",
 ["Simon Taylor"]),
("bbc/business/072.txt",
 "What level was South Korea's benchmark interest rate before the central bank cut it in November?",
 "business/072 says rates were kept at an all-time low of 3.25% after a November cut; the earlier level is not given. 'Park Seung' -> only 072; '3.25%' -> business/072, 206 (Standard Life bonuses), 459 (another economy's growth); 'Bank of Korea' -> business/142 (dollar reserves, no rate).",
 ["Park Seung", "3.25%"]),
("bbc/sport/215.txt",
 "Which musicians are booked for the Zambia fans' victory concert after the Cosafa Cup final?",
 "sport/215 says only that a concert is scheduled 'featuring some of the country's top musicians'; none named. 'Chipolopolo', 'Bwalya' -> only 215; case-insensitive 'concert' or 'musician' in sport/190 (the other 'Cosafa' hit) -> nothing. (The final's result was not asked: sport/190 calls Angola 'title holders', which hints at it.)",
 ["Chipolopolo", "Bwalya"]),
("bbc/business/435.txt",
 "How much did the Oatley family get for selling Rosemount Estates to Southcorp in 2001?",
 "business/435 says the Oatleys founded Rosemount and sold it to Southcorp in 2001; business/451 gives what Foster's paid the Oatleys for the 18.8% stake (A$584m) in 2005, not the 2001 sale price. 'Rosemount', 'Oatley' -> only business/435, 451.",
 ["Rosemount", "Oatley"]),
("bbc/business/423.txt",
 "In which year did Stanley Fischer leave the International Monetary Fund?",
 "business/423 calls him a former IMF director and lists 1973, 1979, 1983, 1985 episodes; no IMF dates. 'Stanley Fischer', 'Bank of Israel' -> only 423; 'Fischer' -> also tech/365 (another person).",
 ["Stanley Fischer", "Bank of Israel"]),
("bbc/business/090.txt",
 "How much wine did France export in 2003?",
 "business/090 says France fell behind Australia, Chile and the US in exports in 2003 and that domestic sales are 70%; no export volume or value. 'Bussereau', 'French wine' -> only 090; case-insensitive 'export' in the 16 files containing 'wine' -> only 090's sentence.",
 ["Bussereau", "French wine"]),
("bbc/business/457.txt",
 "How big a fine can the European Commission impose on a eurozone country that breaks the stability pact?",
 "business/457 says countries exceeding the 3% limit 'are liable to heavy fines' without a size. 'stability pact' -> business/457, politics/389 (no fine mentioned); 'Ecofin' -> only 457; case-insensitive fine/sanction/penalty in both -> only 457's unquantified lines.",
 ["stability pact", "Ecofin"]),
("bbc/business/193.txt",
 "Who replaced Gerd Niebaum as chief executive of Borussia Dortmund?",
 "business/193 and business/219 both say only that Niebaum stepped down last week; no successor. 'Niebaum', 'Borussia' -> only business/193, 219.",
 ["Niebaum", "Borussia"]),
("bbc/business/366.txt",
 "Who is the chief executive of Xstrata?",
 "business/366 quotes Marc Gonsalves, 'an executive at Xstrata', and names WMC's chairman and chief executive; business/125 names no Xstrata executive. 'Xstrata' -> only business/125, 366.",
 ["Xstrata"]),
("bbc/sport/464.txt",
 "How much is the LTA paying Jimmy Connors for his coaching role?",
 "sport/464 and sport/493 describe Connors' planned long-term role with the LTA; no fee. 'Jimmy Connors' -> sport/464, 493; 'La Manga' -> sport/464, 493; case-insensitive pay/fee/salary/contract in them -> nothing about money.",
 ["Jimmy Connors", "La Manga"]),
("bbc/business/145.txt",
 "Who was Winn-Dixie's chief executive before Peter Lynch?",
 "business/145 calls Peter Lynch the company's new chief executive; no predecessor. 'Winn-Dixie' -> business/145, entertainment/364 (the film Because of Winn-Dixie); 'Peter Lynch' -> only 145.",
 ["Winn-Dixie", "Peter Lynch"]),
("bbc/business/349.txt",
 "Who is the chief executive of LG Card?",
 "business/349 quotes the KDB governor and a Dongwon analyst; no LG Card executive. 'LG Card' -> business/072, 349, 375 (quotes KDB's Laah Chong-gyu and a Sejong analyst), 409 (Standard Chartered's Mervyn Davies); none names LG Card's head.",
 ["LG Card"]),
("bbc/sport/265.txt",
 "How long is the contract Jesper Gronkjaer signed with Atletico Madrid?",
 "sport/265 says the contract is still to be finalised; no length. 'Gronkjaer', 'Toni Munoz' -> only 265.",
 ["Gronkjaer", "Toni Munoz"]),
("bbc/sport/197.txt",
 "How much were West Ham fined by the FA over the crowd trouble at Chelsea?",
 "sport/197 says the FA will seek reports and review evidence; no punishment. 'Matthew Harding' -> only 197; 'Carling Cup' -> 13 sport files; case-insensitive 'fined'/'charged' near West Ham or crowd trouble -> none.",
 ["Matthew Harding", "Carling Cup"]),
("bbc/business/479.txt",
 "How big was Ford's fourth-quarter charge on the Visteon receivable?",
 "business/479 mentions 'a fourth-quarter pre-tax charge taken to reduce the value of a receivable owed to Ford by Visteon' with no amount. 'Visteon' -> only 479.",
 ["Visteon"]),
("bbc/sport/443.txt",
 "Who will Kim Clijsters play in her first match back at the Antwerp tournament?",
 "sport/443 gives only the event and date (15 February). 'Antwerp' -> only 443; 'Clijsters' -> sport/443, 467, 471, 474, 478, 479, 495 (Australian Open and injury news; none about an Antwerp opponent).",
 ["Antwerp", "Clijsters"]),
("bbc/sport/492.txt",
 "In which Italian town did Andrew Murray win his Futures event?",
 "sport/492 says only 'a Futures event in Italy'. 'Futures' -> business/270 (futures markets), sport/431 (Sherwood's wins in Wrexham and Edinburgh), sport/449 (Murray's 'four Futures titles', no places), 492; 'Andrew Murray' -> sport/431, 437, 449, 492, 493, 500; case-insensitive 'Italy'/'Italian' in them -> nothing about the place.",
 ["Futures", "Andrew Murray"]),
("bbc/sport/413.txt",
 "How many tries did Gareth Llewellyn score for Wales?",
 "sport/413 gives his 92 caps, debut (1989) and record date; no try count. 'Llewellyn' -> sport/333 (Sidoli replaces him), 413; case-insensitive 'tries' in them -> only Sidoli and Cockbain's tries in Italy.",
 ["Llewellyn"]),
("bbc/sport/014.txt",
 "Who coached James McIlroy before Tony Lester?",
 "sport/014 says he decided to change coaches; the former coach is not named. 'Tony Lester' -> only 014; 'McIlroy' -> sport/014, 030, 058, 060, 061, 062, 064, 068; case-insensitive 'coach' in them -> only 014's Lester lines and sport/062 (Annadale Striders coach John McLaughlin, about another athlete, Donnelly).",
 ["Tony Lester", "McIlroy"]),
("bbc/business/319.txt",
 "How much per share did Euronext offer for the London Stock Exchange?",
 "business/319 says reports suggested an offer above the LSE's 533p closing price but Euronext could not guarantee a firm offer; no price. 'Euronext' -> business/171, 203, 220, 264, 279, 316, 319, 392, 421, 454 (264: 'little given away'; 392: any offer likely in cash, no assurance; the only pence-per-share offer is Deutsche Boerse's 530p in 316). '533p' -> only 319. Same story as the answerable business/316 (different question).",
 ["Euronext", "533p"]),
]

SKIPPED = {
    "bbc/sport/418.txt": "O'Driscoll's hamstring and Ireland v Scotland are covered in many articles (fresh13 skipped it for the same reason)",
    "bbc/sport/237.txt": "garbled match round-up with club names missing; the Champions League draw it looks ahead to is reported elsewhere",
    "bbc/sport/324.txt": "team sheet preview with two lines of prose",
    "bbc/sport/139.txt": "match report with team sheet",
    "bbc/sport/134.txt": "fixture list",
    "bbc/sport/224.txt": "match report with team sheet",
    "bbc/sport/107.txt": "match report with team sheet",
    "bbc/sport/299.txt": "England's selection for the France game is reported in several other articles",
    "bbc/sport/061.txt": "meeting report with athletes' names missing from the text; results spread over other trials articles",
}

def main():
    with open(OUT, "w", encoding="utf-8") as f:
        for art, q, note, terms in U:
            f.write(json.dumps({"question": q, "answers": [], "kind": "unanswerable", "article": art,
                                "note": note + " grep terms: " + "; ".join(terms)}, ensure_ascii=False) + "\n")
    print(f"wrote {len(U)} lines to {os.path.normpath(OUT)}")

if __name__ == "__main__":
    main()
