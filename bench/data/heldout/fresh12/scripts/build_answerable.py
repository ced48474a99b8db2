"""The 100 hand-written answerable questions for fresh12; writes ../bbc_news.jsonl.

Each entry: (article, kind, question, [answers], speaker/flags note).
The note's locator (paragraph / sentence of the first answer string) is found automatically.
Paragraphs are the non-empty lines of the raw file (headline = para 0); sentences come from a
simple regex splitter (1-based).
"""
import json, os, re

ROOT = "/tmp/writer15/bbc-fulltext"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bbc_news.jsonl")

def read(art):
    raw = open(os.path.join(ROOT, art), "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")

def paras(text):
    return [l.strip() for l in text.splitlines() if l.strip()]

def sentences(p):
    return [s for s in re.split(r'(?<=[.!?])\s+(?=["\'A-Z0-9])', p) if s]

Q = [
# ---------------- business (random sample) ----------------
("bbc/business/386.txt", "why", "Why does Krispy Kreme have to restate its accounts?",
 ["accounting errors", "repurchase of three franchise restaurants"], "either answer; the lede only says the firm will restate its 2004 reports"),
("bbc/business/154.txt", "why", "Why has the Chancellor been handed an extra £2.1bn of leeway on the golden rule?",
 ["double counting", "measuring road expenditure data wrongly"], "the ONS error; either answer"),
("bbc/business/046.txt", "how_many", "How much did Japan's industrial production drop in October?",
 ["1.6%"], ""),
("bbc/business/354.txt", "speech", "How did the Maldives' chief government spokesman describe the country's situation after the tsunami?",
 ["Our nation is in peril here", "the cost exceeds our GDP"], "speaker by title only (Ahmed Shaheed); either answer"),
("bbc/business/232.txt", "who", "Who is the chief executive of Lloyd's of London?",
 ["Prettejohn"], "only the surname is given in the article"),
("bbc/business/462.txt", "when", "When will GM publish its 2004 results?",
 ["19 January"], ""),
("bbc/business/194.txt", "how_many", "How much gross mortgage lending did the CML record for January?",
 ["17.9bn"], "pound sign left out of the answer string"),
("bbc/business/508.txt", "how_many", "How old is Richard Scrushy?",
 ["52"], "how old"),
("bbc/business/034.txt", "speech", "What did Tony Woodley say about the Rover talks?",
 ["a very crucial and delicate time", "securing new models for the company"], "speaker by full name; parts of the same quote"),
("bbc/business/250.txt", "how_many", "What profit did Lenovo make in the three months to December?",
 ["HK$327m"], ""),
("bbc/business/050.txt", "speech", "What did Nestle's chief executive say about selling Perrier?",
 ["still on the table"], "speaker by title only (Peter Brabeck-Letmathe)"),
("bbc/business/352.txt", "speech", "What did Relaince's vice-chairman think of the share buy-back?",
 ["completely inappropriate and unnecessary"], "speaker by title only (Anil Ambani); TYPO: Relaince"),
("bbc/business/510.txt", "who", "Who bought the Christian Lacroix label from LVMH?",
 ["Falic Group"], "the lede says only 'a US investment group'"),
("bbc/business/404.txt", "where", "Where is Continental Airlines based?",
 ["Houston"], ""),
("bbc/business/274.txt", "how_many", "what price did google sell its shares at when it floated",
 ["$85"], "ALL LOWERCASE; the IPO price, not the closing price"),
("bbc/business/218.txt", "when", "When is Absa due to release its annual results?",
 ["30 May"], ""),
("bbc/business/492.txt", "who", "Which auditors were barred from suing Parmalat?",
 ["Deloitte & Touche", "Italaudit"], "two auditors; either name"),
("bbc/business/496.txt", "speech", "What did the French finance minister say Asia should do about its currencies?",
 ["engage in greater currency flexibility"], "speaker by title only (Herve Gaymard)"),
("bbc/business/056.txt", "where", "In which country did BMW's sales fall last year?",
 ["China"], "sales there fell 16%"),
("bbc/business/114.txt", "who", "Who is Bernard Ebbers' lawyer?",
 ["Reid Weingarten"], ""),
# ---------------- entertainment ----------------
("bbc/entertainment/284.txt", "who", "Who hosted the Radio 1 chart show before JK and Joel?",
 ["Wes Butters"], ""),
("bbc/entertainment/102.txt", "how_many", "How old is Daniel Day-Lewis?",
 ["47"], "how old"),
("bbc/entertainment/376.txt", "speech", "What did Dan Brown say about why Angels and Demons is raising eyebrows?",
 ["opens some Vatican closets", "a few skeletons in their closets"], "speaker by full name; parts of the same quote"),
("bbc/entertainment/022.txt", "speech", "How did the Gateshead ballet teacher explain why fewer children keep up ballet?",
 ["did not have as many hobbies", "wide open to computers, Gameboys"], "speaker by title only (Eve Trew); parts of the same quote"),
("bbc/entertainment/258.txt", "how_many", "How big a fine does Courtny Love have to pay?",
 ["$1,000"], "TYPO: Courtny"),
("bbc/entertainment/160.txt", "factoid", "Which shops are giving their profits from the new Band Aid CD to charity?",
 ["HMV, Virgin and Woolworths"], ""),
("bbc/entertainment/122.txt", "factoid", "Which Fatboy Slim album flopped?",
 ["Palookaville"], ""),
("bbc/entertainment/380.txt", "how_many", "How much did Boogeyman take in its first three days in UK cinemas?",
 ["788,439"], "pound sign left out"),
("bbc/entertainment/012.txt", "who", "Which real-life figure would Liam Neeson love to play on screen?",
 ["Ian Paisley"], ""),
("bbc/entertainment/180.txt", "speech", "What did Brigitte Nielsen say about Bez?",
 ["a difficult human being", "There's something wrong with him"], "speaker by full name; parts of the same quote"),
("bbc/entertainment/026.txt", "factoid", "Which UK tourist attraction drew more visitors than the National Gallery in 2004?",
 ["Blackpool Pleasure Beach"], ""),
("bbc/entertainment/362.txt", "where", "Where will Paul Schrader's version of the Exorcist prequel be premiered?",
 ["Brussels", "International Festival of Fantastic Film"], "either answer"),
("bbc/entertainment/124.txt", "where", "where did terry melcher die",
 ["Beverly Hills"], "ALL LOWERCASE"),
("bbc/entertainment/324.txt", "who", "Who directed Maria Full of Grace?",
 ["Joshua Marston"], ""),
("bbc/entertainment/276.txt", "when", "When are Doherty and Alan Wass next due in court?",
 ["18 April"], ""),
("bbc/entertainment/094.txt", "why", "Why is the His Dark Materials film dropping references to God?",
 ["New Line expressed concern", "unviable financially", "perceived anti-religiosity"], "the studio's worry; any of the three"),
("bbc/entertainment/054.txt", "when", "Until when has the release of Black Friday been put off?",
 ["3 February"], ""),
("bbc/entertainment/374.txt", "speech", "What did the head of Stan Lee's company say about Foreverman?",
 ["truly a whole new franchise", "an evergreen franchise for Paramount"], "speaker by title only (Gill Champion, POW! Entertainment); either quote"),
("bbc/entertainment/032.txt", "when", "When did Robert Redford start the Sundance festival?",
 ["1980s"], ""),
("bbc/entertainment/066.txt", "how_many", "How much money did The Grudge take?",
 ["$110 million"], "not its $10 million cost"),
# ---------------- politics ----------------
("bbc/politics/272.txt", "speech", "How did the Lib Dem leader describe the Conservatives?",
 ["a \"fading\" force"], "speaker by title only (Charles Kennedy)"),
("bbc/politics/088.txt", "why", "Why does Labour say its voter identification calls to TPS subscribers are allowed?",
 ["that is not marketing", "very clear legal advice"], "either answer (parts of the same quote)"),
("bbc/politics/354.txt", "when", "At what time of day will Gordon Brown deliver the Budget?",
 ["1230 GMT"], "the date (16 March) is in the lede; the time is not"),
("bbc/politics/386.txt", "how_many", "How many extra Chinese tourists a year is the tourism deal expected to bring?",
 ["40,000 per year"], ""),
("bbc/politics/020.txt", "speech", "What did Barry Sheerman warn about the government's response to Tomlinson?",
 ["It will be a tragedy", "a half-hearted response"], "speaker by full name; parts of the same quote"),
("bbc/politics/264.txt", "speech", "What did Mr Blair say about Gordon Brown in his speech?",
 ["the most successful post-war chancellor"], "speaker as 'Mr X' (reported praise)"),
("bbc/politics/172.txt", "speech", "What did the Ofsted chief say faith schools must be?",
 ["intolerant of intolerance"], "speaker by title only (David Bell)"),
("bbc/politics/388.txt", "speech", "How did Mr Ladyman describe the consultation paper on adult social care?",
 ["the antithesis of the nanny state"], "speaker as 'Mr X' (Stephen Ladyman)"),
("bbc/politics/328.txt", "when", "When did Lord Goldsmtih reportedly warn Tony Blair that the Iraq war could be illegal?",
 ["7 March 2003"], "TYPO: Goldsmtih; not the 17 March written answer"),
("bbc/politics/122.txt", "how_many", "How many people were screened for TB at Heathrow and Gatwick last year?",
 ["185,000"], ""),
("bbc/politics/390.txt", "speech", "How did Theresa May react to the child access plans?",
 ["papering over the cracks of the current system"], "speaker by full name"),
("bbc/politics/016.txt", "factoid", "What kind of fund did the MPs recommend to tackle the skills shortages?",
 ["strategic capabilities fund"], ""),
("bbc/politics/188.txt", "where", "Where in London were the Musharraf security papers found?",
 ["Mayfair"], ""),
("bbc/politics/030.txt", "how_many", "How many pupils have the national truancy sweeps caught so far?",
 ["31,000"], ""),
("bbc/politics/372.txt", "why", "Why did the MPs' report urge caution over individual voter registration?",
 ["12% of voters disappeared from the electoral roll"], ""),
("bbc/politics/416.txt", "who", "Who is the Lib Dems' elections chief?",
 ["Lord Rennard"], ""),
("bbc/politics/274.txt", "why", "Why has Africa mattered so much to Gordon Brown?",
 ["the missionaries", "his father's church"], "parts of the same answer"),
("bbc/politics/208.txt", "where", "Where are the Gurkhas offered for tsunami relief based?",
 ["Brunei"], ""),
("bbc/politics/060.txt", "where", "where will the cardinal deliver his christmas midnight mass",
 ["Westminster Cathedral"], "ALL LOWERCASE"),
("bbc/politics/308.txt", "how_many", "How old was Sir Anthony Meyer when he died?",
 ["84"], "how old"),
# ---------------- sport ----------------
("bbc/sport/360.txt", "speech", "What did Andy Robinson predict injuries would do to players' careers?",
 ["three or four years taken off their careers"], "speaker by full name; predict"),
("bbc/sport/108.txt", "who", "Who scored Celtic's opening goal against Clyde?",
 ["Stan Varga", "Varga"], ""),
("bbc/sport/472.txt", "where", "Where was the Davis Cup final between Spain and the US played?",
 ["Seville", "Olympic Stadium"], "either answer"),
("bbc/sport/032.txt", "factoid", "What is Gebrselassie's world indoor two mile record?",
 ["eight minutes, 04.69 seconds"], ""),
("bbc/sport/346.txt", "speech", "What did Colin High say?",
 ["three major errors", "that wasn't an international performance"], "speaker by full name; no topic; either answer"),
("bbc/sport/220.txt", "speech", "What did Curbishley say about Jonatan Johansson's future?",
 ["he was going nowhere", "a lot of faith in Jonatan"], "speaker by surname only; parts of the same quote"),
("bbc/sport/416.txt", "who", "who scored italy's try against wales in rome",
 ["Luciano Orquera", "Orquera"], "ALL LOWERCASE"),
("bbc/sport/174.txt", "how_many", "How many clean sheets did Cudicini keep for Chelsea last season?",
 ["24 clean sheets"], ""),
("bbc/sport/026.txt", "factoid", "Which titles was Michelle Collins stripped of?",
 ["2003 world and US indoor 200m titles"], ""),
("bbc/sport/242.txt", "who", "Which goalkeppers have Arsenal been linked with?",
 ["Mark Schwarzer", "Edwin van der Sar", "Sebastien Frey"], "TYPO: goalkeppers; any of the three"),
("bbc/sport/036.txt", "speech", "What did the World Anti-Doping Agency chief say about the three-year rule?",
 ["the rule may not apply", "find a way to deal with that"], "speaker by title only (Dick Pound); either answer"),
("bbc/sport/344.txt", "why", "Why was Harinordoquy dropped from the France squad?",
 ["a poor display last weekend", "didn't make a thundering comeback"], "either answer"),
("bbc/sport/432.txt", "speech", "How did Davenport react to the remark about money for flowers at Wimbledon?",
 ["That's insulting", "highly insulting"], "speaker by surname only; react"),
("bbc/sport/368.txt", "speech", "What did the Wallabies coach say about who is the best side in the world?",
 ["no number one side in the world"], "speaker by title only (Eddie Jones)"),
("bbc/sport/264.txt", "who", "Which Villa player did O'Leary tell off over his comments before the Birmingham derby?",
 ["Olof Mellberg"], ""),
("bbc/sport/218.txt", "speech", "What did Mourinho say about Arsenal's 5-4 win at Spurs?",
 ["a hockey score, not a football score", "is disgraceful"], "speaker by surname only; parts of the same quote"),
("bbc/sport/062.txt", "where", "Where are the European Indoor Championships that the Irish athletes are aiming for?",
 ["Madrid"], ""),
("bbc/sport/080.txt", "speech", "What did Sevastis say?",
 ["won't race again", "not given any evidence to do it with"], "speaker by surname only; no topic; either answer"),
("bbc/sport/250.txt", "how_many", "How old is Richard Dunne?",
 ["25"], "how old"),
("bbc/sport/088.txt", "how_many", "How much is Marion Jones suing Victor Conte for?",
 ["$25m"], ""),
# ---------------- tech (6 candidates only) ----------------
("bbc/tech/254.txt", "speech", "What did BT's chief executive say about broadband take-up?",
 ["accelerating at a terrific pace"], "speaker by title only (Ben Verwaayen)"),
("bbc/tech/198.txt", "factoid", "What does Bill Thompson think will drive people to take up 3G phones?",
 ["music videos"], ""),
("bbc/tech/038.txt", "factoid", "Which BitTorrent network did the MPAA get shut down?",
 ["LokiTorrent"], ""),
("bbc/tech/300.txt", "speech", "What did Gartner make of the Mac mini?",
 ["I don't think it changes the world"], "speaker a company (Brian Gammage of Gartner)"),
("bbc/tech/208.txt", "who", "Which newspaper published a mobile phone picture of Theo van Gogh's body?",
 ["De Telegraaf"], ""),
("bbc/tech/316.txt", "when", "by when could women overtake men as the main buyers of home net security software",
 ["2007"], "ALL LOWERCASE"),
# ---------------- tech slot filled from business backups (shortfall rule) ----------------
("bbc/business/348.txt", "speech", "How did union officials respond to claims of a sickout at US Airways?",
 ["many people have flu", "chronically understaffed"], "speaker a group (union officials); react; either answer"),
("bbc/business/186.txt", "when", "When did Jet Airways start flying?",
 ["1993"], ""),
("bbc/business/088.txt", "speech", "What did Metlife's chairman say about the Citigroup deal?",
 ["great opportunity for the brand of Metlife"], "speaker by title only (Robert Benmosche)"),
("bbc/business/172.txt", "factoid", "Which countries does the UNECE expect to be the backbone of Europe's growth?",
 ["Czech Republic and Slovenia"], ""),
("bbc/business/426.txt", "speech", "What did Mr Gref say should happen to Rosneft?",
 ["must be privatized"], "speaker as 'Mr X' (German Gref)"),
("bbc/business/266.txt", "who", "Who produced the report arguing that tougher tax policing has helped Russian firms?",
 ["Centre for Economic Policy Research"], ""),
("bbc/business/340.txt", "where", "Where will Venezuela offer gas exploration contracts to Chinese firms?",
 ["western Gulf of Venezuela"], ""),
("bbc/business/206.txt", "why", "Why has Standard Life cut its with-profits bonuses?",
 ["poor share returns and low interest rates"], ""),
("bbc/business/482.txt", "speech", "What did Dr Kate Taylor say?",
 ["too little, too late", "Too few companies are responding proactively"], "speaker by full name; no topic; either answer"),
("bbc/business/076.txt", "speech", "What did the World Bank's country director for the West Bank and Gaza blame for the economic crisis?",
 ["Closures are a key factor"], "speaker by title only (Nigel Roberts)"),
("bbc/business/070.txt", "where", "Where is the firm bidding for Circuit City based?",
 ["Boston"], ""),
("bbc/business/470.txt", "who", "Who sold the Savoy hotel?",
 ["Quinlan Private"], ""),
("bbc/business/216.txt", "who", "Who will run Nissan day to day once Ghosn takes over at Renault?",
 ["Toshiyuki Shiga"], ""),
("bbc/business/094.txt", "when", "When are US interest rates expected to rise?",
 ["22 March"], ""),
]

def locate(art, ans):
    ps = paras(read(art))
    for i, p in enumerate(ps):
        if ans in p:
            for j, s in enumerate(sentences(p), 1):
                if ans in s:
                    cut = s if len(s) <= 220 else s[:217] + "..."
                    return f"para {i} (headline = para 0), sentence {j}: '{cut}'"
            return f"para {i} (headline = para 0), sentence ?: '{p[:217]}...'"
    raise SystemExit(f"answer not found: {art} {ans!r}")

def main():
    with open(OUT, "w", encoding="utf-8") as f:
        for art, kind, q, answers, extra in Q:
            note = locate(art, answers[0])
            if extra:
                note += " | " + extra
            f.write(json.dumps({"question": q, "answers": answers, "kind": kind,
                                "article": art, "note": note}, ensure_ascii=False) + "\n")
    print(f"wrote {len(Q)} lines to {os.path.normpath(OUT)}")

if __name__ == "__main__":
    main()
