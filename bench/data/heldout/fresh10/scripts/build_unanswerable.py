"""Hand-written near-miss unanswerable questions -> bbc_unanswerable.jsonl.

Pool: remaining (non-answerable) candidates shuffled with random.Random(12123)
(see pick.py / pick_output.json). Walked in pool order; USED entries below, the
rest of the pool up to the last used position is listed in SKIPPED with reasons.

Each entry: (article, question, grep_terms, note). grep_terms are the
(regex) key names re-checked by verify.py over all 2,225 files; the note
records what the hand greps found after reading every hit.
"""
import json, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bbc_unanswerable.jsonl")

U = [
("bbc/business/410.txt", "How old is Mercedes chief executive Eckhard Cordes?", ["Cordes"],
 "grep 'Cordes' -> only bbc/business/410.txt; grep of that file for age|aged|year-old|born: no age given (he is only quoted on Smart)."),
("bbc/business/400.txt", "What was the name of the Indonesian official that Monsanto's manager bribed?", ["Monsanto"],
 "grep 'Monsanto' -> only bbc/business/400.txt; the official is never named ('a high-level official in Indonesia's environment ministry'); grep official|named: no name."),
("bbc/sport/332.txt", "How many caps has Imanol Harinordoquy won for France?", ["Harinordoquy"],
 "grep 'Harinordoquy' -> sport/287, 306, 320, 332, 344, 412; read every hit line: squad lists, 'Grand Slam winner', injury news; none gives his cap total (grep cap near name: nothing)."),
("bbc/business/476.txt", "Who is the chief executive of the Saudi insurer NCCI?", ["NCCI", "National Company for Cooperative Insurance"],
 "grep 'NCCI' / full name -> only bbc/business/476.txt; grep chief|chairman|boss in it: no executive named."),
("bbc/business/364.txt", "What price per share is Reckitt Benckiser expected to offer for SSL International?", ["Reckitt", "SSL International"],
 "grep 'Reckitt' and 'SSL International' -> only bbc/business/364.txt; it gives SSL's share price (293.5p) and a rumoured past bid, but no offer price."),
("bbc/business/112.txt", "How old is France Telecom boss Thierry Breton?", ["Breton"],
 "grep 'Breton' -> only bbc/business/112.txt (one quote); no age anywhere."),
("bbc/tech/110.txt", "How old is podcasting pioneer Adam Curry?", ["Adam Curry", "Curry"],
 "grep 'Curry' -> tech/110, tech/364 (Adam Curry), business/235 (Chris Curry, PPI), sport/146 (McCurry); read all: no age or birth year for Adam Curry."),
("bbc/business/338.txt", "What is the name of Yili's detained chief financial officer?", ["Yili"],
 "grep 'Yili' -> only bbc/business/338.txt; only the chairman (Zheng Junhuai) is named; CFO unnamed."),
("bbc/business/414.txt", "Which judge will decide whether to approve the Enron directors' $168m settlement?", ["Enron"],
 "grep 'Enron' files, then judge|University of California|Lerach within them: only business/414 mentions the settlement ('put to the courts for approval next week'); no judge named in any Enron article."),
("bbc/business/146.txt", "In which years was Wim Kok prime minister of the Netherlands?", ["Wim Kok", "Mr Kok"],
 "grep 'Wim Kok' / 'Kok' -> only bbc/business/146.txt ('former Dutch prime minister'); no years of office given."),
("bbc/business/234.txt", "Who will take over from William Morrow as head of Vodafone UK?", ["William Morrow", "Vodafone"],
 "grep 'William Morrow' -> only business/234; grep 'Vodafone' (19 files) for UK chief|UK boss|Vodafone UK: only 234's lede; no successor named."),
("bbc/business/228.txt", "how many bank branches did the tsunami destroy in sri lanka?", ["Gooneratne", "Sri Lanka Banks Association"],
 "ALL LOWERCASE. grep 'Sri Lanka' -> 18 files; grep 'branch' in them: no hit at all. 228 gives loan figures (13.6%, 25bn rupees) only."),
("bbc/business/280.txt", "Who is American Express's chief executive?", ["American Express", "Amex"],
 "grep 'American Express'/'Amex' -> business/280, tech/133, tech/180 (a $600m loan to an airline); no chief executive named anywhere."),
("bbc/sport/132.txt", "What was the score when the Republic of Ireland beat Italy at the 1994 World Cup?", ["1994 World Cup", "Italy in 1994"],
 "grep '1994 World Cup' -> only sport/132 ('the Irish beat Italy in the 1994 World Cup Finals'); no score; grep 'Houghton' (scorer): no files."),
("bbc/entertainment/212.txt", "Who is the editor of the Radio Times, which compiled the TV comedy power list?", ["Radio Times"],
 "grep 'Radio Times' -> entertainment/212, 220, 311; read all hits: no editor named (212 says 'A Radio Times panel compiled the list')."),
("bbc/entertainment/242.txt", "Which theatre is the Jailhouse Rock musical starring Mario Kombou playing at?", ["Kombou", "Jailhouse Rock"],
 "grep 'Kombou' -> only entertainment/242; 'Jailhouse Rock' -> 10 entertainment files (chart stories); grep theatre|West End|Piccadilly in them: none."),
("bbc/tech/122.txt", "How many cash machines did the Welchia worm put out of action?", ["Welchia"],
 "grep 'Welchia' -> only tech/122: 'cash machines of two un-named banks were put out of action for hours'; no number (the 13,000 figure is for Slammer)."),
("bbc/politics/352.txt", "What was the name of the instructor who took Tony Blair sailing in Bromsgrove?", ["Bromsgrove", "Wayfarer", "St Egwin"],
 "grep 'Bromsgrove'/'Wayfarer'/'St Egwin' -> only politics/352 ('two girls ... and an instructor'); instructor unnamed."),
("bbc/tech/148.txt", "How much in damages is Thomas Slattery seeking from Apple?", ["Slattery"],
 "grep 'Slattery' -> only tech/148: 'is seeking damages'; no amount."),
("bbc/business/502.txt", "How many people were hurt in the weekend's gas riots in Algeria?", ["Algeria"],
 "grep 'Algeria' -> business/270 (Opec minister), business/502, politics/070, 097, 384 (terror suspects); grep injur|hurt|dead|killed|arrest: no casualty figure for the riots."),
("bbc/entertainment/018.txt", "What did Roy Lichtenstein's Blue Nude finally sell for at the Versace auction?", ["Blue Nude", "Versace"],
 "grep 'Blue Nude'/'Versace' -> only entertainment/018: estimate of £1.8m before the sale; no sale price."),
("bbc/sport/202.txt", "How long was the contract Jacques Santini signed with Tottenham?", ["Santini"],
 "grep 'Santini' -> sport/164, 202, 207; read all: resignation, '13 games in charge', denied £3m pay-off; no contract length."),
("bbc/entertainment/270.txt", "Who bought Jimi Hendrix's 1965 Fender Stratocaster at the London auction?", ["Stratocaster", "Hendrix"],
 "grep 'Stratocaster' -> entertainment/138, 158 (Queen/Fender anniversary), 270; 'Hendrix' -> also business/187, entertainment/256, 257; buyer never named."),
("bbc/sport/262.txt", "How much are Spurs paying for Emil Hallfredsson?", ["Hallfredsson"],
 "grep 'Hallfredsson' -> only sport/262: 'Spurs have agreed a fee'; amount not given."),
("bbc/business/330.txt", "Which department of the IMF does Thomas Dawson run?", ["Thomas Dawson"],
 "grep 'Thomas Dawson' -> only business/330 ('an IMF director'); no department given."),
]

SKIPPED = {
 "bbc/business/176.txt": "GSK: chief executive is named in business/115; pill colour is given (red dye) - no clean near-miss",
 "bbc/sport/070.txt": "Isinbayeva heights/records spread over 5 articles - no clean near-miss",
 "bbc/sport/046.txt": "Radcliffe column - candidate facts (US stars under suspicion) would be ambiguous",
 "bbc/business/486.txt": "Anil Ambani's age is given in business/379",
 "bbc/business/068.txt": "passed over after skim: no clean near-miss fact",
 "bbc/sport/236.txt": "match report; passed over",
 "bbc/sport/326.txt": "Jason Robinson appears in many articles; cap/age facts too risky",
 "bbc/sport/274.txt": "Gerrard contract story; facts repeated across many articles",
 "bbc/entertainment/100.txt": "box office figures repeated across chart stories",
 "bbc/sport/034.txt": "athletics review column; passed over",
 "bbc/business/080.txt": "passed over after skim",
 "bbc/sport/378.txt": "team sheet / preview; passed over",
 "bbc/sport/268.txt": "match report; passed over",
 "bbc/business/188.txt": "Qwest/MCI bid figures repeated in several articles",
 "bbc/sport/444.txt": "duplicate-story of an answerable article (Hewitt/Dent); passed over",
 "bbc/business/010.txt": "passed over after skim",
 "bbc/business/444.txt": "Yukos/Khodorkovsky facts spread across many articles",
 "bbc/sport/240.txt": "match report; passed over",
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
