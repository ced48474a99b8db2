"""The 100 hand-written answerable questions for fresh13; writes ../bbc_news.jsonl.

Each entry: (article, kind, question, [answers], speaker/flags note).
The note's locator (paragraph / sentence of the first answer string) is found automatically.
Paragraphs are the non-empty lines of the raw file (headline = para 0); sentences come from a
simple regex splitter (1-based). Same helpers as fresh12's build script.
"""
import json, os, re

ROOT = "/tmp/fresh13-bbc/bbc-fulltext"
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
("bbc/business/411.txt", "speech", "What did Indonesia's economy minister say he hoped for on debt repayments?",
 ["resume the repayments", "at least from 2007"], "speaker by title only (Aburizal Bakrie); parts of the same quote"),
("bbc/business/017.txt", "how_many", "How many banks has Parmalat's administrator taken to court so far?",
 ["49"], ""),
("bbc/business/211.txt", "who", "Which company is taking over Fujitsu's LCD panel business?",
 ["Sharp"], ""),
("bbc/business/353.txt", "speech", "How did the UN's emergency relief coordinator describe the tsunami disaster?",
 ["worst national disaster in recent history"], "speaker by title only (Jan Egeland)"),
("bbc/business/432.txt", "why", "Why is British Airways stopping its flights to Saudi Arabia?",
 ["reduced passenger demand", "don't currently make a profitable contribution"], "either answer"),
("bbc/business/321.txt", "speech", "What did Diageo's North America president say about the US wine market?",
 ["a growth opportunity", "favourable demographic and consumption trends"], "speaker by title only (Ivan Menezes); either answer"),
("bbc/business/278.txt", "when", "When was AT&T founded?",
 ["1875"], ""),
("bbc/business/175.txt", "why", "why did french consumer spending go up in january",
 ["household equipment"], "ALL LOWERCASE"),
("bbc/business/397.txt", "speech", "What did Greenpeace's UK campaigns director say about firms talking up sustainability?",
 ["fairly meaningless", "detailed knowledge of your supply chain"], "speaker by title only (Blake Lee-Harwood); parts of the same quote"),
("bbc/business/117.txt", "how_many", "How far did Mercedes-Benz's quarterly profits drop to?",
 ["20m euros"], ""),
("bbc/business/326.txt", "who", "Which auditor is Fannie Mae replacing?",
 ["KPMG"], ""),
("bbc/business/059.txt", "where", "Where did the WorldCom whistleblower testify at Ebbers' trial?",
 ["New York"], "'told a jury in New York'"),
("bbc/business/023.txt", "speech", "What did the Deutsche Bank economist make of the French growth figures?",
 ["The numbers are good", "a rebound in output"], "speaker by title only (David Naude); either answer"),
("bbc/business/374.txt", "speech", "What did Berlusconni say about the euro being so strong?",
 ["absolutely worrying"], "speaker by surname only; TYPO: Berlusconni"),
("bbc/business/324.txt", "speech", "What did the Yukos spokesman say about the Yuganskneftegas auction?",
 ["auction was illegal", "marketing a stolen product"], "speaker by title only (Mike Lake); either answer"),
("bbc/business/282.txt", "why", "Why were 30 big Chinese building projects including the Xiluodu dam ordered to stop?",
 ["lack of proper environmental checks", "environmental impact assessments"], "either answer"),
("bbc/business/419.txt", "when", "When did Judy Boynton finally leave Shell?",
 ["31 December"], ""),
("bbc/business/503.txt", "how_many", "How many people in India own a car?",
 ["eight people per thousand", "eight"], "'only eight people per thousand are car owners'; alternatives"),
("bbc/business/463.txt", "where", "Which part of the US lagged behind in the Fed's Beige Book?",
 ["Cleveland"], ""),
("bbc/business/279.txt", "who", "who is the boss of the london stock exchange",
 ["Clara Furse"], "ALL LOWERCASE"),
# ---------------- entertainment (random sample) ----------------
("bbc/entertainment/050.txt", "who", "Who directed Tears of the Sun?",
 ["Antoine Fuqua"], ""),
("bbc/entertainment/233.txt", "factoid", "Which Elvis single could become the UK's 1,000th number one?",
 ["One Night"], ""),
("bbc/entertainment/325.txt", "where", "where was annette bening born",
 ["Texas"], "ALL LOWERCASE"),
("bbc/entertainment/182.txt", "factoid", "Who will get the money raised by the US tsunami TV special?",
 ["American Red Cross"], ""),
("bbc/entertainment/364.txt", "how_many", "How much did Constantine make in its opening weekend in North America?",
 ["30.5m"], "dollar sign left out"),
("bbc/entertainment/120.txt", "speech", "How did Marley's former head of press at Island Records describe him as a footballer?",
 ["a good player", "attacking midfield player"], "speaker by title only (Rob Partridge); either answer"),
("bbc/entertainment/219.txt", "how_many", "How old is Dick Clark?",
 ["75"], "how old; '75-year-old'"),
("bbc/entertainment/069.txt", "who", "Who won best supporting actor at the Screen Actors Guild Awards?",
 ["Morgan Freeman"], ""),
("bbc/entertainment/386.txt", "speech", "What did Joel Silver say about Joss Whedon taking on Wonder Woman?",
 ["no one better than Joss"], "speaker by full name"),
("bbc/entertainment/223.txt", "who", "Who do the bookies make favourite to win I'm A Celebrity?",
 ["Joe Pasquale"], ""),
("bbc/entertainment/289.txt", "speech", "What did the Music Managers' Forum general secretary say about an orchestra from the Orkneys?",
 ["travel to London", "have their visas processed"], "speaker by title only (James Seller); parts of the same quote"),
("bbc/entertainment/199.txt", "how_many", "How long has Viacom got to pay the FCC fine?",
 ["five days"], ""),
("bbc/entertainment/237.txt", "why", "Why did Roni Size get involved in the anti-gun single?",
 ["Donna Small and Asha Jama", "two friends"], "'after two friends, Donna Small and Asha Jama, were shot in his Bristol hometown'; either answer"),
("bbc/entertainment/196.txt", "speech", "What did Ricky Gervais say about writing for The Simpsons?",
 ["most intimidating project of my career", "greatest TV show of all time"], "speaker by full name; either answer"),
("bbc/entertainment/107.txt", "when", "When are the Manic Street Preachers running BBC 6 Music?",
 ["between 6 and 12 December"], ""),
("bbc/entertainment/188.txt", "who", "Who is presenting Strictly Ice Dancing?",
 ["Bruce Forsyth", "Tess Daly"], "parts of the same answer (both hosts)"),
("bbc/entertainment/348.txt", "how_many", "how many films are competing for the golden bear in berlin this year",
 ["21"], "ALL LOWERCASE"),
("bbc/entertainment/215.txt", "who", "Who got the lifetime achievement award at the South Bank Show Awards?",
 ["Paul Abbott"], ""),
("bbc/entertainment/116.txt", "why", "Why is the Hit Factory studio closing?",
 ["rise in digital recording"], ""),
("bbc/entertainment/121.txt", "factoid", "Which band came second in the poll for best Scottish band?",
 ["Travis"], ""),
# ---------------- politics (random sample) ----------------
("bbc/politics/317.txt", "factoid", "What do the Lib Dems want to replace council tax with?",
 ["local income tax"], ""),
("bbc/politics/015.txt", "where", "Where are the talks on Gibralter's future taking place?",
 ["Chevening"], "TYPO: Gibralter"),
("bbc/politics/181.txt", "speech", "What did the Tory sport spokesman think was the right way to tackle school sport?",
 ["enable the clubs", "real passion for sport exists"], "speaker by title only (Hugh Robertson); parts of the same quote"),
("bbc/politics/266.txt", "when", "When did the Act of Settlement confirm that Parliament decides who gets the throne?",
 ["1701"], ""),
("bbc/politics/344.txt", "how_many", "How big are the efficiency savings the Tories are planning?",
 ["35 billion", "35bn"], "pound sign left out; alternatives"),
("bbc/politics/251.txt", "speech", "What did Mr Blair tell journalists about his relationship with Brown?",
 ["complete unity of purpose", "not interested in what goes in"], "speaker as 'Mr X'; either answer"),
("bbc/politics/211.txt", "speech", "What did the Lord Chief Justice warn about judges leading very political inquiries?",
 ["damaging to the judiciary", "siding inappropriately with the government"], "speaker by title only (Lord Woolf); either answer"),
("bbc/politics/148.txt", "how_many", "How many ballot papers were found at the warehouse in the Birmingham vote-rigging case?",
 ["275"], ""),
("bbc/politics/296.txt", "speech", "What did Lord Tebbit say about Lord Archer?",
 ["far from being the worst perjurer"], "speaker by title and name"),
("bbc/politics/121.txt", "how_many", "What is the current target for outpatient waits in Wales?",
 ["18 months"], ""),
("bbc/politics/254.txt", "who", "Which Labour MP told Blair and Brown to stop squabbling?",
 ["Ian Gibson"], ""),
("bbc/politics/064.txt", "when", "When will the EU start membership talks with Croatia?",
 ["April 2005"], ""),
("bbc/politics/039.txt", "where", "Where was Shani Rhys James born?",
 ["Melbourne"], ""),
("bbc/politics/273.txt", "how_many", "By how many votes did peers decide that lord chancellors must be peers?",
 ["229 to 206"], ""),
("bbc/politics/364.txt", "speech", "What did the Tory leader say about the numbers behind Brown's Budget?",
 ["dodgy Budget based on dodgy numbers"], "speaker by title only (Michael Howard)"),
("bbc/politics/212.txt", "how_many", "how many elections did lynton crosby help john howard win",
 ["four elections"], "ALL LOWERCASE"),
("bbc/politics/405.txt", "speech", "What did the Archbishop of Westminster say about Michael Howard's abortion policy?",
 ["one that we would commend", "full abandonment of abortion"], "speaker by title only (Cardinal Cormac Murphy O'Connor); either answer"),
("bbc/politics/360.txt", "how_many", "How big is the black hole the Tories say Brown will have to fill with tax rises?",
 ["11 billion"], "pound sign left out"),
("bbc/politics/089.txt", "how_many", "How long had David McLetchie been with Tods Murray?",
 ["29 years"], ""),
("bbc/politics/175.txt", "where", "Where did Gordon Brown give his rallying speech to Labour's spring conference?",
 ["Gateshead", "Sage Centre"], "either answer"),
# ---------------- sport (random sample) ----------------
("bbc/sport/021.txt", "speech", "What did the head of Athletics Kenya say about banning Chepkemi?",
 ["salvage our pride", "no teeth to bite with"], "speaker by title only (Isaiah Kiplagat); either answer; TYPO: Chepkemi"),
("bbc/sport/384.txt", "who", "Who scored Ulster's tries against Borders?",
 ["Paul Steinmetz", "Bryn Cunningham"], "parts of the same answer (two try scorers)"),
("bbc/sport/474.txt", "how_many", "How long did it take Mauresmo to beat Zvonareva?",
 ["54 minutes"], ""),
("bbc/sport/306.txt", "who", "Whose leg was broken in the trip Serge Betsen is accused of?",
 ["Stuart Abbott"], ""),
("bbc/sport/259.txt", "speech", "What did Benitez say about Dudek's mistake against Portsmouth?",
 ["an unlucky moment", "I don't blame him"], "speaker by surname only; either answer"),
("bbc/sport/103.txt", "factoid", "What injury has kept Damien Duff out of the Barcelona game?",
 ["knee injury"], ""),
("bbc/sport/058.txt", "where", "Where did Jason Gardener win the 60m at the indoor trials?",
 ["Sheffield"], ""),
("bbc/sport/491.txt", "where", "where was the 2004 davis cup final played",
 ["Seville"], "ALL LOWERCASE"),
("bbc/sport/059.txt", "how_many", "How far did Phillips Idowu jump at the indoor trials?",
 ["17.30m"], ""),
("bbc/sport/477.txt", "how_many", "What is Guillermo Garcia-Lopez ranked in the world?",
 ["106"], ""),
("bbc/sport/209.txt", "speech", "How did William Gallas describe Jose Mourinho?",
 ["icing on the cake", "fantastic knack of thinking of everything"], "speaker by full name; either answer"),
("bbc/sport/354.txt", "when", "When did Ireland last win a rugby Grand Slam?",
 ["1948"], ""),
("bbc/sport/317.txt", "how_many", "How many tickets will Munster get for their Heineken Cup game with Biarritz?",
 ["8,000"], ""),
("bbc/sport/362.txt", "why", "Why have the Wales Students rugby games against England and France been called off?",
 ["end its funding"], "'the WRU decide to end its funding of representative sides'"),
("bbc/sport/233.txt", "speech", "How did the Portsmouth chairman react to Redknapp going to Southampton?",
 ["just disappointed", "surprised and a little shocked"], "speaker by title only (Milan Mandaric); either answer"),
("bbc/sport/192.txt", "who", "Who did Oldham draw in the FA Cup fourth round?",
 ["Bolton"], ""),
("bbc/sport/155.txt", "speech", "What did the Liverpool boss say about Steven Gerrard after beating Leverkusen?",
 ["a key player", "best players in the world"], "speaker by title only (Rafael Benitez); either answer"),
("bbc/sport/455.txt", "when", "When did Slovakia first win the Hopman Cup?",
 ["1998"], ""),
("bbc/sport/241.txt", "how_many", "How many goals did Mia Hamm score for the US?",
 ["158 goals"], ""),
("bbc/sport/278.txt", "who", "Who scored Chelsea's second goal at Portsmouth?",
 ["Joe Cole"], ""),
# ---------------- tech (all 3 candidates) ----------------
("bbc/tech/135.txt", "who", "Who plays the crooked cops in GTA San Andreas?",
 ["Samuel L Jackson", "Chris Penn"], "either answer (two actors)"),
("bbc/tech/189.txt", "how_many", "How much data will each user of the Lycos screensaver send a day?",
 ["three to four megabytes"], ""),
("bbc/tech/195.txt", "why", "Why did Valve shut down the Half-Life 2 players' accounts?",
 ["obtained illegally", "pirated copies"], "either answer"),
# ---------------- tech slot filled round-robin from the other topics' backups ----------------
("bbc/business/181.txt", "who", "Who chairs India's ONGC?",
 ["Subir Raha"], ""),
("bbc/entertainment/190.txt", "speech", "What did the host of That's Life say about Cyril Fletcher?",
 ["an English gentleman", "so lovely"], "speaker by title only (Esther Rantzen); either answer"),
("bbc/politics/191.txt", "speech", "What did Clare Short say about the US's record on coordinating disaster relief?",
 ["very bad at coordinating with anyone"], "speaker by full name"),
("bbc/sport/191.txt", "who", "which players did southampton offer forest as part of their bid for andy reid",
 ["Brett Ormerod", "Darren Kenton"], "ALL LOWERCASE; parts of the same answer (two players)"),
("bbc/business/008.txt", "speech", "What did India's finance minister say in favour of floating exchange rates?",
 ["absorbing both positive and negative shocks", "cope with economic shocks"], "speaker by title only (Palaniappan Chidambaram); either answer"),
("bbc/entertainment/048.txt", "how_many", "How old was Marlon Brando when he died?",
 ["80"], "how old"),
("bbc/politics/043.txt", "how_many", "How many adults did Age Concern's survey interview?",
 ["3,028"], ""),
("bbc/sport/010.txt", "when", "When did Kim Collins win his world indoor 60m silver medal?",
 ["2003"], ""),
("bbc/business/272.txt", "speech", "What did the head of equities trading at TOV predict for the Brazilian stock market?",
 ["up to 27,000 points"], "speaker by title only (Paschoal Tadeu Buonomo)"),
("bbc/entertainment/205.txt", "how_many", "How much is RDF Media claiming in damages over the Wife Swap copy?",
 ["18 million"], "dollar sign left out"),
("bbc/politics/238.txt", "who", "Who will stand against Adam Ingram for the Save the Scottish Regiments campaign?",
 ["Allan Hendry"], ""),
("bbc/sport/267.txt", "where", "Where are Hearts playing Ferencvaros instead of Tynecastle?",
 ["Murrayfield"], ""),
("bbc/business/160.txt", "when", "When will Fiat get the rest of GM's payment?",
 ["within 90 days"], "'another 550m to follow within 90 days'"),
("bbc/entertainment/185.txt", "speech", "What did Chris Rock say about hosting the Oscars without swearing?",
 ["funny not cursing", "talk about the movies"], "speaker by full name; either answer"),
("bbc/politics/169.txt", "speech", "What did the League Against Cruel Sports spokesman say about the Devon farmer's dogs?",
 ["There is no confusion", "a matter of simple common sense"], "speaker by title only (Mike Hobday); either answer"),
("bbc/sport/160.txt", "factoid", "Which club is Roy Hodgson in charge of now?",
 ["Viking Stavanger"], ""),
("bbc/business/438.txt", "speech", "What did the head of the British Chambers of Commerce say about the rate decision?",
 ["no change decision is correct"], "speaker by title only (David Frost)"),
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
