"""Hand-written answerable questions (one per picked article) -> bbc_news.jsonl.

Each entry: (article, kind, question, [answer strings], speaker/flag remark).
The note's "para N, sentence M: '...'" part is located automatically from the
first answer string (headline = para 0; paragraphs = non-empty lines).
"""
import json, os, re

ROOT = "/tmp/writer12/bbc-fulltext"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bbc_news.jsonl")

Q = [
# ---------------- business ----------------
("bbc/business/350.txt", "speech", "What did Mellon Bank's Grant Wilson say about the dollar's latest slide?", ["It's not going to take much to push"], "speaker named by full name + employer"),
("bbc/business/362.txt", "when", "when did plastic cards first show up in the uk?", ["June 1966"], "ALL LOWERCASE"),
("bbc/business/222.txt", "factoid", "What is Highland Gold's company motto?", ["Bringing Russia's Gold to Market"], ""),
("bbc/business/108.txt", "how_many", "How many of the manufacturing sectors surveyed by the ISM reported growth in February?", ["13"], ""),
("bbc/business/178.txt", "speech", "How did Australia rate the latest round of talks on Russia joining the WTO?", ["one of the best (meetings) we can recall"], "speaker is a country (body): 'Australia said'"),
("bbc/business/448.txt", "speech", "How did the FBI describe the nine vendors charged over Ahold's accounts?", ["the key ingredients", "cooking the books"], "speaker named as a body (the FBI); article: Pasquale D'Amuro of the FBI"),
("bbc/business/184.txt", "factoid", "Which mid-market retailer did M&S say it wants to compete against with its new price points?", ["Next"], ""),
("bbc/business/394.txt", "how_many", "How much will the flight attendants' pay deal save US Airways?", ["$94m"], ""),
("bbc/business/472.txt", "where", "Where is the Xiluodi Dam, the biggest project China halted, being built?", ["Jinshajiang"], ""),
("bbc/business/130.txt", "speech", "What did Boeing's Dinesh Kesker say about India?", ["No other market is going to see"], "TYPO: 'Kesker' for 'Keskar'; speaker full name + company"),
("bbc/business/428.txt", "speech", "What did the KSE chairman tell the BBC about warnings that the market is a bubble?", ["That's rubbish", "it is described as a bubble"], "speaker by title only (KSE chairman Yaseen Lakhani)"),
("bbc/business/302.txt", "who", "Which drugs company had Phytopharm previously worked with on a Hoodia slimming drug?", ["Pfizer"], ""),
("bbc/business/442.txt", "why", "Why did the union leader think the six factories in Lesotho shut down?", ["end of quotas", "end of worldwide textile quotas"], "both strings are alternatives (para 2 reported, para 3 quote)"),
("bbc/business/036.txt", "when", "Until when do foreign firms now have to comply with the SEC's new rules?", ["15 July 2006"], ""),
("bbc/business/224.txt", "how_many", "How big a stake do Malcolm Glazer and his family hold in Manchester United?", ["28.1%"], ""),
("bbc/business/020.txt", "how_many", "How long do callers listen to hold music before hanging up, on average?", ["65 seconds"], ""),
("bbc/business/390.txt", "speech", "What did Califonia's attorney general say about Wal-Mart's failures?", ["put the lives of all Californians at risk"], "TYPO: 'Califonia' for 'California'; speaker by title only (Bill Lockyer)"),
("bbc/business/142.txt", "speech", "What did Japan's finance ministry tell Reuters about its currency reserves?", ["we have no plans to change the composition"], "speaker named as a body (the ministry); article: a senior Japanese Finance Ministry official"),
("bbc/business/192.txt", "who", "Who is the US bankruptcy judge handling the Yukos case in Houston?", ["Letitia Clark"], ""),
("bbc/business/052.txt", "why", "Why are many small Italian firms reluctant to get bigger, according to analysts?", ["all the extra hassle", "hiring and firing staff is still too difficult"], "both strings are alternatives from para 3"),
# ---------------- entertainment ----------------
("bbc/entertainment/300.txt", "when", "When does Kisna - the Warrior Poet open in UK cinemas?", ["21 January"], ""),
("bbc/entertainment/132.txt", "factoid", "What business does OutKast's Big Boi already run on the side?", ["dog-breeding business"], ""),
("bbc/entertainment/382.txt", "speech", "What did George Lucas say?", ["take a five or six-year-old", "much more of a tragedy"], "no topic given; speaker full name; strings are alternatives"),
("bbc/entertainment/234.txt", "who", "Which X Factor winner did Elvis knock off the top of the singles chart?", ["Steve Brookstein"], ""),
("bbc/entertainment/310.txt", "where", "Where was the Blackadder millennium special first shown?", ["Millennium Dome in Greenwich"], ""),
("bbc/entertainment/372.txt", "how_many", "How many days did Clint Eastwood say it took to make Million Dollar Baby?", ["37 days"], ""),
("bbc/entertainment/110.txt", "where", "Where was Suge Knight arrested?", ["Barstow, California"], ""),
("bbc/entertainment/058.txt", "speech", "What did Mr Kosslick say about claims of an anti-Hollywood backlash over the Iraq war?", ["There is no anti-American mood"], "speaker as 'Mr X' (festival director Dieter Kosslick)"),
("bbc/entertainment/262.txt", "speech", "How did manager Paul McGuinness remember the young U2?", ["They were brilliant, but very coarse", "Only badly"], "speaker full name + role"),
("bbc/entertainment/330.txt", "factoid", "What inspired the Michael Douglas film Racing The Monsoon?", ["a Wall Street Journal article"], ""),
("bbc/entertainment/076.txt", "why", "Why were festive box office takings down on 2003 despite the Fockers' record?", ["Christmas falling over a weekend", "When Christmas falls on a weekend"], "strings are alternatives (para 2 / para 3 quote)"),
("bbc/entertainment/296.txt", "where", "where did snow patrol first form?", ["Dundee University"], "ALL LOWERCASE"),
("bbc/entertainment/202.txt", "speech", "What did Edward Leigh say the committee's aim was in calling for more scrutiny of the BBC?", ["not to rewrite the storyline of EastEnders", "as accountable to parliament"], "speaker full name (committee chairman)"),
("bbc/entertainment/306.txt", "speech", "What does the Bangkok festival's executive director predict for the event's future?", ["top Asian film festival in the world"], "speaker by title only (Craig Prater); verb 'predict'"),
("bbc/entertainment/016.txt", "how_many", "How much did the Canadian Broadcasting Corporation pay for Arthur Hailey's Flight into Danger?", ["$600"], ""),
("bbc/entertainment/156.txt", "factoid", "Which Usher album has sold close to eight million copies in the US?", ["Confessions"], ""),
("bbc/entertainment/244.txt", "who", "Who did Richey Edwards replace in the Manic Street Preachers' line-up?", ["Flicker"], ""),
("bbc/entertainment/006.txt", "who", "Who won best actor for playing Hector in The History Boys?", ["Richard Griffiths"], ""),
("bbc/entertainment/260.txt", "who", "Who designed Christina Aguilera's engagement ring?", ["Stephen Webster"], ""),
("bbc/entertainment/092.txt", "when", "When is this year's Golden Globes ceremony?", ["16 January"], ""),
# ---------------- politics ----------------
("bbc/politics/312.txt", "speech", "What did Unison say after Saturday's talks with John Prescott ended without a deal?", ["At least we are still talking"], "speaker named as a body (article: a spokesman for Unison); the PCS leader's quote was avoided because it recurs in 3 other articles"),
("bbc/politics/150.txt", "when", "When was aid worker Margaret Hassan abducted?", ["19 October"], ""),
("bbc/politics/412.txt", "how_many", "How many of Preston City Council's voters were not registered?", ["14,000"], ""),
("bbc/politics/244.txt", "speech", "What did Professor Lovel-Badge warn could happen if Ruth Kelly opposes stem cell research?", ["similarly schizophrenic system", "It is very worrying"], "TYPO: 'Lovel-Badge' for 'Lovell-Badge'; speaker title + surname"),
("bbc/politics/250.txt", "how_many", "What level do pensioner campaigners want the state pension raised to?", ["£105.45"], "speaker is an unnamed pensioners' lobby group (group)"),
("bbc/politics/408.txt", "speech", "How did Michael Howard answer Labour's claim that he used Margaret Dixon as a human shield?", ["she's a human being"], "speaker full name"),
("bbc/politics/200.txt", "speech", "What did Middlesbrough's mayor call the people running the official No campaign?", ["two-bit Tories", "two-bit Conservatives"], "speaker by title only (Ray Mallon); strings are alternatives"),
("bbc/politics/304.txt", "who", "Who provided much of UKIP's European election funding?", ["Sir Paul Sykes"], ""),
("bbc/politics/220.txt", "factoid", "Which country's immigration system is Charles Clarke's points plan similar to?", ["Australia"], ""),
("bbc/politics/320.txt", "factoid", "Which BBC Two show was William Hague paid for presenting?", ["Have I Got News for You"], ""),
("bbc/politics/018.txt", "where", "Where will the Queen and Prince Philip lead the UK's Holocaust Memorial Day commemoration?", ["Westminster Hall"], ""),
("bbc/politics/178.txt", "when", "On what date did the Hatfield rail crash happen?", ["17 October 2000"], ""),
("bbc/politics/256.txt", "who", "Who wrote the new book claiming Blair went back on a pledge to stand down for Brown?", ["Robert Peston"], ""),
("bbc/politics/010.txt", "where", "Where in Glasgow could a super-casino be located?", ["Ibrox", "Scottish Exhibition and Conference Centre"], "two sites named; either is correct"),
("bbc/politics/268.txt", "speech", "What did Labour backbencher Karen Buck warn about incapacity benefit reforms?", ["feckless poor"], "speaker full name; verb 'warn'"),
("bbc/politics/080.txt", "how_many", "how many adults have literacy worse than that expected of 11 year olds?", ["5.2 million"], "ALL LOWERCASE"),
("bbc/politics/128.txt", "factoid", "What nickname did Oliver Letwin give Gordon Brown?", ["Sir Wastealot"], ""),
("bbc/politics/106.txt", "how_many", "How much per household have English councils spent on asylum since 1997, according to the Tories?", ["£140"], ""),
("bbc/politics/062.txt", "where", "Which constituencies did Professor Curtice say Labour was most at risk of losing to a Muslim tactical vote?", ["Bethnal Green", "Rochdale"], "two places; answer should name both"),
("bbc/politics/026.txt", "speech", "How did Mr Blair describe the Commission for Africa's coming report?", ["brutally frank about the reality"], "speaker as 'Mr X'"),
# ---------------- sport ----------------
("bbc/sport/340.txt", "who", "Who did Thomas Castaignade tip to start at fly-half for France?", ["Yann Delaigue"], "TYPO: 'Castaignade' for 'Castaignede'"),
("bbc/sport/350.txt", "speech", "What did Italy's team manager say about the trip to Scotland?", ["the first away win and nothing else"], "speaker by title only (Marco Bollesan)"),
("bbc/sport/226.txt", "where", "Where will Glenn Hoddle be unveiled as the new Wolves manager?", ["Molineux"], ""),
("bbc/sport/086.txt", "factoid", "In which event did Allan Scott finish fourth in Madrid?", ["60m hurdles"], ""),
("bbc/sport/166.txt", "speech", "What did the Saints boss say about David Prutton's behaviour?", ["made a big mistake", "rush of blood"], "speaker by title only (Harry Redknapp)"),
("bbc/sport/438.txt", "speech", "What did Serena Williams say about equal prize money?", ["I'm obviously for equal prize money"], "speaker full name"),
("bbc/sport/172.txt", "factoid", "What honour had Sir Bobby Robson just been given when he spoke about Mourinho?", ["freedom of the city of Newcastle"], ""),
("bbc/sport/374.txt", "how_many", "How many registered rugby players does Japan have?", ["125,508"], ""),
("bbc/sport/458.txt", "who", "who will taylor dent play after beating hewitt?", ["Juan Ignacio Chela"], "ALL LOWERCASE"),
("bbc/sport/102.txt", "speech", "What did Chelsea's manager say about Rafael Benitez's Liverpool team?", ["a little bit behind", "build an even better team"], "speaker by title only (Jose Mourinho)"),
("bbc/sport/400.txt", "speech", "What did England sevens coach Mike Friday say?", ["create sporting history"], "no topic given; speaker full name + role"),
("bbc/sport/286.txt", "speech", "What did France's captain say about the mood at half-time at Twickenham?", ["No-one was down at half-time"], "speaker by title only (Fabien Pelous)"),
("bbc/sport/422.txt", "who", "Who will Feliciano Lopez face in the second round in Dubai?", ["Andre Agassi"], ""),
("bbc/sport/030.txt", "who", "Which Irish 10,000m hope tested positive for EPO before the Athens Olympics?", ["Cathal Lombard"], ""),
("bbc/sport/228.txt", "speech", "What did Houllier tell BBC Sport about Rafael Benitez?", ["the right man at the right place"], "speaker surname only"),
("bbc/sport/016.txt", "when", "When is the verdict on Kenteris and Thanou now expected?", ["mid-March"], ""),
("bbc/sport/364.txt", "who", "Who scored Ireland's winning try against England at Twickenham?", ["Girvan Dempsey"], ""),
("bbc/sport/104.txt", "why", "Why was Jose Mourinho sent off in the Carling Cup final?", ["taunting Liverpool fans", "putting his finger to his lips"], "strings are alternatives"),
("bbc/sport/196.txt", "when", "When did Arsene Wenger first arrive at Arsenal?", ["1996"], ""),
("bbc/sport/038.txt", "why", "Why did Paula Radcliffe have to pull out in Athens, according to the column?", ["niggling injuries", "oppressive conditions"], "both from the same sentence"),
# ---------------- tech ----------------
("bbc/tech/262.txt", "how_many", "How many US broadband lines run over cable?", ["18.6 million"], ""),
("bbc/tech/400.txt", "why", "Why did Amit Yoran reportedly quit as US cyber security chief?", ["not given enough clout"], ""),
("bbc/tech/168.txt", "how_many", "How many words do people now type into search engines on average?", ["2.2 terms"], ""),
("bbc/tech/068.txt", "factoid", "What company did Jef Raskin found after leaving Apple?", ["Information Appliance"], ""),
("bbc/tech/350.txt", "speech", "What did the head of Texas Instruments predict for net phone calls?", ["second killer application"], "speaker by title only (Rich Templeton); verb 'predict'"),
("bbc/tech/116.txt", "who", "Who posted the source code for the Cabir phone virus on the net?", ["a Brazilian programmer"], ""),
("bbc/tech/336.txt", "speech", "How did Mac Format's reviews editor describe the Mac Mini?", ["a laptop in a biscuit tin"], "speaker by title only (Mark Sparrow)"),
("bbc/tech/344.txt", "how_many", "How much data does an hour of Virgin Radio on a mobile use?", ["7.2MB"], ""),
("bbc/tech/104.txt", "where", "Where does Barney Oram already teach computer games at A-level?", ["Long Road Sixth Form College"], ""),
("bbc/tech/206.txt", "speech", "What did analysts at Jupiter Research say about advertising on file-sharing networks?", ["the perfect target audience", "a valuable audience"], "speaker as a group ('analysts at Jupiter Research'; article: Mark Mulligan)"),
("bbc/tech/034.txt", "how_many", "How often does the government expect IT Safe to send security alerts?", ["six to 10 times a year"], ""),
("bbc/tech/192.txt", "who", "Which analysts expect India's mobile gaming market to reach $26m by the end of 2004?", ["In-Stat/MDR"], ""),
("bbc/tech/026.txt", "speech", "What did Symantec's Kevin Hogan say about warnings that spam could kill off e-mail?", ["e-mail would have stopped two-three years ago"], "speaker full name + company"),
("bbc/tech/392.txt", "factoid", "What is the Demos report on broadband called?", ["Broadband Britain: The End Of Asymmetry?"], ""),
("bbc/tech/054.txt", "when", "When will the motion-sensitive Sharp phone go on sale in Japan?", ["mid-February"], ""),
("bbc/tech/052.txt", "where", "Where might Microsoft unveil the next Xbox?", ["Electronic Entertainment Expo", "Los Angeles"], "strings are alternatives"),
("bbc/tech/046.txt", "factoid", "What won the BBC its best online entertainment Bafta?", ["Hitchhiker's Guide to the Galaxy Adventure Game"], ""),
("bbc/tech/210.txt", "when", "when did the first bofra worm appear?", ["10 November"], "ALL LOWERCASE"),
("bbc/tech/352.txt", "speech", "What did ntl claim about BT's network?", ["limited compared to that of cable"], "speaker as a company/body (article: an ntl spokesman); verb 'claim'"),
("bbc/tech/194.txt", "why", "Why has Microsoft launched its counterfeit Windows XP swap scheme?", ["detect illegal traders"], ""),
]

def read(path):
    raw = open(os.path.join(ROOT, path), "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")

def paras(text):
    return [l for l in text.split("\n") if l.strip()]

SENT = re.compile(r'(?<=[.!?])["\u201d]?\s+(?=["\u201c(]?[A-Z0-9])')

def sentences(p):
    return [s for s in SENT.split(p) if s.strip()]

def locate(text, ans):
    for i, p in enumerate(paras(text)):
        if ans in p:
            for j, s in enumerate(sentences(p), 1):
                if ans in s:
                    return i, j, s.strip()
            return i, 0, p.strip()
    return None

def main():
    with open(OUT, "w", encoding="utf-8") as f:
        for art, kind, q, answers, remark in Q:
            text = read(art)
            loc = locate(text, answers[0])
            assert loc, (art, answers[0])
            i, j, s = loc
            snip = s if len(s) <= 220 else s[:217] + "..."
            note = f"para {i} (headline = para 0), sentence {j}: '{snip}'"
            if remark:
                note += "; " + remark
            f.write(json.dumps({"question": q, "answers": answers, "kind": kind,
                                "article": art, "note": note}, ensure_ascii=False) + "\n")
    print("wrote", len(Q), "lines to", os.path.normpath(OUT))

if __name__ == "__main__":
    main()
