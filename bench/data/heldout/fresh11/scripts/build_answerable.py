"""Hand-written answerable questions (one per picked article) -> bbc_news.jsonl.

Each entry: (article, kind, question, [answer strings], speaker/flag remark).
The note's "para N, sentence M: '...'" part is located automatically from the
first answer string (headline = para 0; paragraphs = non-empty lines).
"""
import json, os, re

ROOT = "/tmp/writer14/bbc-fulltext"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bbc_news.jsonl")

Q = [
# ---------------- business ----------------
("bbc/business/025.txt", "speech", "What did Yukos's chief executive say after the Houston judge threw out its bankruptcy case?", ["Our assets were illegally seized", "We want them back or damages paid"], "speaker by title only (Steven Theede); strings are consecutive sentences of one quote"),
("bbc/business/127.txt", "where", "Where could Menatep's $28bn claim against Russia be arbitrated?", ["Stockholm or The Hague"], ""),
("bbc/business/045.txt", "why", "Why did US petrol futures hit a record high?", ["fire at Western Refining Company's refinery", "refinery issues in Texas"], "strings are alternatives (para 2 report / analyst quote)"),
("bbc/business/083.txt", "how_many", "How much money was actually in Yukos's Texas bank accounts on 14 December, according to its finance chief?", ["$480,000"], ""),
("bbc/business/089.txt", "speech", "What did Mr Sarkozy say about America's policy on the dollar?", ["it's up to them to say so", "which are destabilising"], "speaker as 'Mr X' (Nicolas Sarkozy); strings are alternatives (para 6 / para 4 quotes)"),
("bbc/business/149.txt", "where", "Where is the Saab factory that will build the new Cadilac?", ["Trollhaettan"], "TYPO: 'Cadilac' for 'Cadillac'"),
("bbc/business/159.txt", "how_many", "How much has India's budget pledged for tsunami victims?", ["102.16bn rupees", "$2.3bn"], "strings are the same amount in rupees / dollars"),
("bbc/business/157.txt", "speech", "What did Lebedev tell the Moscow court about the case against him?", ["absurd contradictions", "I could not understand the file"], "speaker surname only (Platon Lebedev); strings are alternatives"),
("bbc/business/033.txt", "why", "Why do some large properties in Colombia pay less tax?", ["situated inside poor areas"], ""),
("bbc/business/015.txt", "speech", "How did Ryanair's deputy chief executive describe the new EU compensation rules?", ["preposterous piece of legislation"], "speaker by title only (Michael Cawley)"),
("bbc/business/151.txt", "who", "Which MPC member wanted interest rates raised to 5%?", ["Paul Tucker"], ""),
("bbc/business/047.txt", "when", "When are Ryanair's 70 newly ordered Boeing jets due to be delivered?", ["between 2008 and 2012"], ""),
("bbc/business/251.txt", "how_many", "How much did MCI's shares rise on talk of a Qwest takeover?", ["2.4%", "2.4% at $20.15"], "second string adds the price; either is correct"),
("bbc/business/239.txt", "where", "Which part of the UK saw the biggest rise in the value of its housing over the decade?", ["Northern Ireland"], ""),
("bbc/business/389.txt", "who", "Who was appointed to Egypt's new post of investment minister?", ["Mahmoud Mohieldin"], ""),
("bbc/business/309.txt", "who", "Who will be in charge of drug development on AstraZeneca's board after the Iressa failure?", ["John Patterson"], ""),
("bbc/business/459.txt", "speech", "Where did Deloitte's Roger Bootle say the biggest hit to the UK economy would come from?", ["come from the housing market"], "speaker full name + employer"),
("bbc/business/147.txt", "when", "when did malaysia change the law to allow islamic banking?", ["1983"], "ALL LOWERCASE"),
("bbc/business/077.txt", "why", "Why might China's CNPC have turned down a 20% stake in Yugansk?", ["possibility of litigation from Yukos"], ""),
("bbc/business/361.txt", "speech", "What did the Conference Board say about the mood of US consumers?", ["ending this year on a high note", "the economy will continue to expand"], "speaker as a body (article: Lynn Franco of the Conference Board); strings are alternatives"),
# ---------------- entertainment ----------------
("bbc/entertainment/017.txt", "why", "Why was the international Booker Prize set up?", ["in response to criticisms", "only open to British and Commonwealth authors"], "both strings are from the same sentence"),
("bbc/entertainment/117.txt", "speech", "What did the chairman of Island Def Jam say about Jay-Z taking over the label?", ["no-one more relevant and credible", "move the company into its next groundbreaking era"], "speaker by title only (Antonio 'LA' Reid); strings are alternatives"),
("bbc/entertainment/047.txt", "where", "Where was most of Hotel Rwanda filmed?", ["South Africa"], ""),
("bbc/entertainment/091.txt", "who", "Who did the Los Angeles Film Critics Association name best actor?", ["Liam Neeson"], ""),
("bbc/entertainment/099.txt", "who", "Who directed The Woodsman?", ["Nicole Kassell"], ""),
("bbc/entertainment/187.txt", "speech", "What did Ladbrokes say about Caprice before her eviction?", ["the hottest eviction favourite so far"], "speaker as a company (article: Ladbrokes spokesman Warren Lush)"),
("bbc/entertainment/359.txt", "how_many", "How many Shark Tale DVDs and videos were sold in the first week in the US and Canada?", ["more than 6 million"], ""),
("bbc/entertainment/333.txt", "how_many", "How old is Dougray Scott?", ["39-year-old"], "how old"),
("bbc/entertainment/301.txt", "speech", "How did Geoffrey Gilmore respond to claims that Sundance has gone mainstream?", ["it hasn't changed that much", "still a place for discovery"], "speaker full name (festival director); strings are alternatives"),
("bbc/entertainment/079.txt", "who", "Who directed the Russian film that won the BBC Four World Cinema Award?", ["Andrey Zvyagintsev"], ""),
("bbc/entertainment/015.txt", "speech", "How did the Guardian's literary editor describe the winning book Mutants?", ["profoundly cultured and beautifully written", "extraordinarily thought provoking"], "speaker by title only (Claire Armistead, chair of judges); second string is Sir Richard Eyre echoing her (alternative)"),
("bbc/entertainment/001.txt", "factoid", "Which charity will get the money from auctioning the Tate tree's plates?", ["ArtWorks"], ""),
("bbc/entertainment/085.txt", "speech", "What did Mr Pande say his film Sins is about?", ["It's about forbidden love", "no agenda whatsoever to hurt anyone"], "speaker as 'Mr X' (director Vinod Pande); strings are consecutive sentences"),
("bbc/entertainment/379.txt", "when", "When will Tarantino's CSI episode be shown in the US?", ["19 May"], ""),
("bbc/entertainment/227.txt", "when", "when will george michael's abbey road session go out on radio 2?", ["18 December"], "ALL LOWERCASE"),
("bbc/entertainment/321.txt", "why", "Why were global sales of recorded music flat in 2004?", ["online and physical piracy"], ""),
("bbc/entertainment/111.txt", "speech", "What did Sir Elton John tell the audience in Paris?", ["Now my drug is called David", "I was a nightmare, impossible"], "no topic given; speaker full name; strings are from the same quote"),
("bbc/entertainment/297.txt", "factoid", "Which Michael Keaton thriller was number two at the US box office behind Meet The Fockers?", ["White Noise"], ""),
("bbc/entertainment/323.txt", "how_many", "How old is Imelda Staunton?", ["49"], "how old; article: 'Staunton, 49,'"),
("bbc/entertainment/341.txt", "factoid", "Which Japanese film studio will be honoured in Berlin alongside Daniel Day-Lewis?", ["Shochiku"], ""),
# ---------------- politics ----------------
("bbc/politics/017.txt", "how_many", "How much a year would the G8 debt freeze save the tsunami-hit countries?", ["3bn pounds a year"], ""),
("bbc/politics/109.txt", "factoid", "Which countries were ranked ahead of the UK for business use of ICT?", ["Sweden and Ireland"], ""),
("bbc/politics/031.txt", "speech", "What did Baroness Scotland say about the mandatory life sentence for murder?", ["no intention of abolishing the mandatory life sentence", "the court must pass a life sentence"], "speaker title + name (Home Office minister); strings from the same quote"),
("bbc/politics/057.txt", "how_many", "How much will England's first children's commissioner be paid?", ["100,000-a-year"], ""),
("bbc/politics/061.txt", "where", "which part of darlington had ballot papers go missing?", ["Mowden"], "ALL LOWERCASE"),
("bbc/politics/125.txt", "how_many", "How old is John Houston, the suspended UKIP candidate?", ["54"], "how old; article: 'John Houston, 54,'"),
("bbc/politics/403.txt", "how_many", "What percentage of people in the BBC's ICM poll said politicians never give a straight answer?", ["92%"], ""),
("bbc/politics/127.txt", "speech", "What did Oxfam's director warn could happen in 2005?", ["end in shameful failure"], "speaker by title only (Barbara Stocking); verb 'warn'"),
("bbc/politics/363.txt", "speech", "How did Kennedy describe the chancellor's £200 council tax rebate for pensioners?", ["sticking plaster"], "speaker surname only (Charles Kennedy)"),
("bbc/politics/367.txt", "speech", "What did Fraser Kemp say?", ["1 April, not 1 January", "an apology to the British people"], "no topic given; speaker full name (Labour campaign spokesman); strings are alternatives from the same quote ('Britain is working' avoided: Labour slogan in 4 other articles)"),
("bbc/politics/029.txt", "where", "Which US city will lose its British consulate in the Foreign Office cuts?", ["Dallas"], ""),
("bbc/politics/001.txt", "speech", "What did the British Chambers of Commerce warn about the maternity pay plan?", ["small firms could be \"crippled\"", "retraining costs"], "speaker as a body (article: director general David Frost); strings are alternatives"),
("bbc/politics/369.txt", "who", "Which judge is expected to rule on the challenge to the airports White Paper?", ["Mr Justice Sullivan"], ""),
("bbc/politics/035.txt", "why", "Why are some people worried about Turkey joining the EU?", ["rapidly growing population", "low average income"], "both strings from the same sentence; other reasons also given in para 3"),
("bbc/politics/299.txt", "speech", "How did Tory party sources describe the shadow cabinet meeting that decided to back ID cards?", ["tough meeting"], "speaker as a group ('party sources told the BBC'); the planned Bar Council quote was avoided because it recurs in 4 other articles"),
("bbc/politics/193.txt", "factoid", "Which treaty gave Britain its right to opt in to EU asylum and immigration rules, according to Blair?", ["Treaty of Amsterdam"], ""),
("bbc/politics/189.txt", "who", "Which climate change adviser to President Bush said there would be no change in the US stance?", ["Myron Ebell"], ""),
("bbc/politics/349.txt", "where", "Where did Gordon Brown give his speech to Labour's spring conference?", ["Gateshead's Sage Centre"], ""),
("bbc/politics/245.txt", "who", "Which Labour MP put forward an alternative blueprint for Scotland's regiments?", ["Eric Joyce"], ""),
("bbc/politics/393.txt", "when", "When did the first woman divorce her husband by act of Parliment?", ["1801"], "TYPO: 'Parliment' for 'Parliament'"),
# ---------------- sport ----------------
("bbc/sport/025.txt", "speech", "What did El Guerrouj say about whether he will run at the World Cross Country Championships?", ["only if I feel I can win", "not much point in me going"], "speaker surname only; strings are consecutive sentences"),
("bbc/sport/149.txt", "factoid", "What was Rinus Michels nicknamed in the Netherlands?", ["the General"], ""),
("bbc/sport/039.txt", "who", "Who claims Marion Jones regularly used drugs?", ["Victor Conte"], ""),
("bbc/sport/079.txt", "speech", "How did Kenteris's lawyer react to Dick Pound's comments?", ["create a hostage situation for the IAAF", "embarrass the sporting governing bodies"], "speaker by title only (Gregory Ioannidis); strings from the same quote"),
("bbc/sport/087.txt", "where", "Where will the trials for the rest of the GB cross country team be held?", ["Wollaton Park"], ""),
("bbc/sport/169.txt", "when", "When did Chelsea equalise in the Carling Cup final in which Mourinho was sent off?", ["79 minutes"], ""),
("bbc/sport/185.txt", "speech", "What did Bolton's manager say about signing Vincent Candela?", ["a blessing in disguise", "an outstanding pedigree in the game"], "speaker by title only (Sam Allardyce); strings are alternatives"),
("bbc/sport/181.txt", "factoid", "Which club does Marcel Desailley play for now?", ["Al-Gharafa"], "TYPO: 'Desailley' for 'Desailly'"),
("bbc/sport/027.txt", "who", "Who was voted European male athlete of 2004?", ["Christian Olsson"], ""),
("bbc/sport/011.txt", "when", "when is the london marathon that radcliffe is preparing for?", ["17 April"], "ALL LOWERCASE"),
("bbc/sport/175.txt", "speech", "What did Everton say about James Beattie's condition after the assault?", ["shaken but not badly injured"], "speaker as a body (article: Everton spokesman Ian Ross)"),
("bbc/sport/043.txt", "where", "Where is new UK Athletics performance director Dave Collins a professor?", ["Edinburgh University"], ""),
("bbc/sport/283.txt", "speech", "What did Ferguson say about video technology after the Mendes incident?", ["technology should play a part in the game", "using it for goal-line decisions"], "speaker surname only (Sir Alex Ferguson); strings are alternatives"),
("bbc/sport/269.txt", "who", "Who put Liverpool ahead before half-time against Newcastle?", ["Neil Mellor"], ""),
("bbc/sport/421.txt", "how_many", "How long did Henman's match against Rusedski in Dubai last?", ["two hours and 40 minutes"], ""),
("bbc/sport/331.txt", "when", "When can fans watch the Rugby Aid teams train for free at Twickenham?", ["Friday, 4 March"], ""),
("bbc/sport/495.txt", "who", "Who was the last man before Federer to win three Grand Slams in a season?", ["Mats Wilander"], ""),
("bbc/sport/167.txt", "how_many", "How old is Arjen Robben?", ["21-year-old"], "how old"),
("bbc/sport/073.txt", "how_many", "How far did Jade Johnson jump to win the AAAs long jump title?", ["6.50m"], ""),
("bbc/sport/395.txt", "speech", "What did France's coach say after Wales's comeback in Paris?", ["There was a French half"], "speaker by title only (Bernard Laporte)"),
# ---------------- tech ----------------
("bbc/tech/031.txt", "who", "Which security firm carried out the poll on trust in online security?", ["RSA"], ""),
("bbc/tech/137.txt", "speech", "What did IBM's Nick Donofrio predict about skills in science, engineering and technology?", ["going to be short on skills"], "speaker full name + company; verb 'predict'"),
("bbc/tech/049.txt", "speech", "What did CENTR say about bringing in IDN-disabled browsers?", ["an overly-zealous step", "harm public confidence in IDNs"], "speaker as a body (statement of the Council of European National Top Level Domain Registries); strings from the same sentence"),
("bbc/tech/087.txt", "who", "Who is the chairman of Ofcom?", ["Lord Currie"], ""),
("bbc/tech/127.txt", "speech", "What did the editor of Stuff magazine predict?", ["this year's Tracey Island", "struggle to get their hands on iPod minis"], "no topic given; speaker by title only (Oliver Irish); verb 'predict'; strings are alternatives"),
("bbc/tech/155.txt", "how_many", "How much data will a Blu-ray disc hold?", ["50GB"], ""),
("bbc/tech/389.txt", "why", "Why are so few camera phone owners sending picture messages?", ["do not know how to", "educating people in how to send"], "strings are alternatives"),
("bbc/tech/157.txt", "factoid", "What was the first official political campaign game called?", ["the Iowa Game"], ""),
("bbc/tech/367.txt", "how_many", "How long did laptop batteries last for most of the 1990s?", ["two to 2.5 hours"], ""),
("bbc/tech/077.txt", "speech", "What did Cisco's Paul King say about how criminals write malicious programs?", ["they just do what works", "they do not do clever"], "speaker full name + company; strings from the same quote"),
("bbc/tech/005.txt", "when", "When does the BT-backed Langlands & Bell installation open in Brussels?", ["15 April"], ""),
("bbc/tech/199.txt", "where", "Where in India are the PCtvt trials taking place?", ["Andhra Pradesh"], ""),
("bbc/tech/261.txt", "where", "Where is the firm behind the Speegle search engine based?", ["Edinburgh"], "article: 'The Edinburgh-based firm CEC'"),
("bbc/tech/397.txt", "how_many", "How many premium rate numbers has BT already barred?", ["more than 1,000"], ""),
("bbc/tech/275.txt", "when", "By when do companies have to respond to Ofcom's consultation on ultra wideband?", ["24 March"], ""),
("bbc/tech/283.txt", "speech", "How did Ravi Purushothma describe the way foreign languages are taught now?", ["ride a bike by formally studying gravity"], "TYPO: 'Purushothma' for 'Purushotma'; speaker full name"),
("bbc/tech/237.txt", "factoid", "What is Apple's desktop search system called?", ["Spotlight"], ""),
("bbc/tech/347.txt", "who", "Who is Motorola's chief executive?", ["Ed Zander"], ""),
("bbc/tech/371.txt", "why", "why does tnt think france could be one of the biggest digital terrestrial tv markets?", ["the poorest market in Europe"], "ALL LOWERCASE"),
("bbc/tech/335.txt", "speech", "What did Siemens predict about future demand for mobile transmission capacity?", ["rise by a factor of 10"], "speaker as a company (article: Christoph Caselitz of Siemens); verb 'predict'"),
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
