"""The 100 hand-written answerable questions for fresh14; writes ../bbc_news.jsonl.

Each entry: (article, kind, question, [answers], speaker/flags note).
The note's locator (paragraph / sentence of the first answer string) is found automatically.
Paragraphs are the non-empty lines of the raw file (headline = para 0); sentences come from a
simple regex splitter (1-based). Same helpers as fresh13's build script, except that a quoted
sentence longer than 220 characters is cut around the answer (fresh13 cut it at the start).
"""
import json, os, re

ROOT = "/tmp/fresh14-bbc/bbc-fulltext"
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
# ---------------- business (random sample, 25) ----------------
("bbc/business/119.txt", "speech", "What did the British Chambers of Commerce say about calls for an early rise in interest rates?",
 ["concerned by the clamour", "should be firmly resisted"], "speaker as a body (the BCC; second string from its director general David Frost); either answer"),
("bbc/business/165.txt", "how_many", "What third-quarter growth rate had forecasters pencilled in for the US economy?",
 ["4.2%"], ""),
("bbc/business/166.txt", "when", "On what date is the Crossrail bill expected to go before the Commons, according to the Mail on Sunday?",
 ["23 February"], ""),
("bbc/business/131.txt", "who", "Who will run Yugansk once it is spun off as a separate state oil company?",
 ["Sergei Bogdanchikov"], ""),
("bbc/business/505.txt", "how_many", "What share of Japan's trade was with China in 2004?",
 ["20.1%"], ""),
("bbc/business/260.txt", "speech", "What did the Maldives' chief government spokesman say about the tsunami's economic toll on the islands?",
 ["Our nation is in peril", "cost exceeds our GDP"], "speaker by title only (Ahmed Shaheed); either answer"),
("bbc/business/385.txt", "how_many", "how long was tate and lyle out of the ftse 100 before it got back in",
 ["seven years"], "ALL LOWERCASE"),
("bbc/business/424.txt", "speech", "What did the EU trade commissioner say he hoped the talks with the US over aircraft subsidies would achieve?",
 ["ending subsidies to development and production", "willingness to resolve the dispute"], "speaker by title only (Peter Mandelson); either answer"),
("bbc/business/073.txt", "why", "Why did Germany's economy shrink at the end of 2004, according to the statistics office?",
 ["continuing weakness of domestic demand"], "'rising exports were outweighed in the fourth quarter by the continuing weakness of domestic demand'"),
("bbc/business/346.txt", "speech", "What did the deputy head of Swiss Re's natural disasters department say about estimating the tsunami damage?",
 ["too early to tell", "can't just run a model"], "speaker by title only (Serge Troeber); either answer"),
("bbc/business/297.txt", "why", "Why has ABN Amro's profitability suffered?",
 ["fall in mortgage lending"], "'hit by a fall in mortgage lending in the United States'"),
("bbc/business/406.txt", "why", "Why did Pier 1 Imports have a poor December?",
 ["fierce competition"], "'sink by a larger-than-forecast 8.8% as it battled fierce competition'"),
("bbc/business/291.txt", "who", "Which judge wrote the apeal court ruling that threw out the government's tobacco claim?",
 ["David Sentelle"], "TYPO: apeal"),
("bbc/business/091.txt", "speech", "What did S&P's credit analyst say about the political risk in Russia?",
 ["serious and growing political risk", "a key ratings constraint"], "speaker by title only (Helena Hessel); parts of the same quote"),
("bbc/business/298.txt", "who", "Who is the SEC's chief accountant?",
 ["Donald Nicolaisen"], ""),
("bbc/business/110.txt", "speech", "What warning did the chief economist at UBS Securities in Tokyo give about Japan's economy?",
 ["The amber light is flashing", "capital spending became weaker"], "speaker by title only (Hiromichi Shirakawa); either answer"),
("bbc/business/311.txt", "why", "What does Swiss Re partly blame for the rise in property claims?",
 ["Tightly packed populations"], ""),
("bbc/business/299.txt", "where", "In which city did Yukos ask a US court to stop the Yuganskneftegas auction?",
 ["Houston"], "'an emergency hearing in Houston, Texas'"),
("bbc/business/075.txt", "factoid", "Which countries put forward the idea of a jet fuel tax?",
 ["France and Germany"], "'tabled by France and Germany following the recent G7 meeting'"),
("bbc/business/054.txt", "where", "Where is Hyundai going to put its second Indian factory?",
 ["Chennai", "Tamil Nadu"], "either answer ('close to the existing one in Chennai, in the southern province of Tamil Nadu')"),
("bbc/business/139.txt", "why", "Why did Germany's official jobless figure jump by more than 500,000 in January?",
 ["change in the methodology"], ""),
("bbc/business/005.txt", "who", "Who beat Pernod Ricard to buy Glenmorangie?",
 ["LVMH"], ""),
("bbc/business/327.txt", "why", "Why did GW Pharma's shares lose a third of their value a few weeks earlier?",
 ["wanted more evidence"], "'UK regulators said they wanted more evidence about the drug's benefits'"),
("bbc/business/491.txt", "speech", "What did one of Bakrie's deputies say about the Paris Club's debt moratorium offer?",
 ["we are still discussing", "subject to a moratorium"], "speaker by role only (Mahendra Siregar); parts of the same quote"),
("bbc/business/383.txt", "how_many", "What level did the Fed's December meeting raise US interest rates to?",
 ["2.25%"], ""),
# ---------------- entertainment (only 2 candidates: both taken) ----------------
("bbc/entertainment/101.txt", "who", "who started the sundance film festival",
 ["Robert Redford"], "ALL LOWERCASE"),
("bbc/entertainment/220.txt", "factoid", "Which Nottingham University project is up against the BBC's iCan site at the Bafta Interactive Awards?",
 ["Uncle Roy All Around You"], ""),
# ---------------- politics (only 16 candidates: all taken) ----------------
("bbc/politics/194.txt", "where", "Where did Cherie Blair give the speech in which she allegedly criticised Bush's policies?",
 ["Massachusetts"], "'a speech to law students in Massachusetts'"),
("bbc/politics/147.txt", "speech", "How did the home secretary respond to the Tory attack on his immigration comments?",
 ["a scurrilous attempt", "score cheap political points"], "speaker by title only (Charles Clarke); parts of the same quote"),
("bbc/politics/373.txt", "how_many", "According to a UK official, how much more than France does Britain pay into the EU budget even with the rebate?",
 ["two and a half times"], ""),
("bbc/politics/149.txt", "where", "Where is Yasser Arafat's tomb that Blair visited?",
 ["Ramallah"], ""),
("bbc/politics/378.txt", "speech", "What did Liberty's director say about the government's terror legislation?",
 ["a travesty", "a perversion of justice"], "speaker by title only (Shami Chakrabarti); parts of the same quote"),
("bbc/politics/094.txt", "speech", "How did the SNP's Holyrood leader react to McConnel's comments to the pupils?",
 ["an incredible gaffe", "withdraw these remarks immediately"], "speaker by title only (Nicola Sturgeon); either answer; TYPO: McConnel"),
("bbc/politics/397.txt", "where", "which city is david blunketts constituency in",
 ["Sheffield"], "ALL LOWERCASE; 'he would be in his Sheffield seat this weekend'"),
("bbc/politics/090.txt", "where", "Where is the Environmental Research Institute that studied Atlantic wave heights based?",
 ["Thurso"], ""),
("bbc/politics/205.txt", "speech", "How did Archbishop Tutu describe the detentions at Guantanamo Bay?",
 ["utterly unacceptable", "so deeply distressing"], "speaker by title and surname; either answer"),
("bbc/politics/319.txt", "factoid", "What would the House of Lords be renamed under the cross-party MPs' plan?",
 ["Second Chamber of Parliament"], ""),
("bbc/politics/347.txt", "speech", "What did the chairman of the Police Federation say about the Tory plan for elected police commissioners?",
 ["not a political football", "those with extreme political views"], "speaker by title only (Jan Berry); either answer"),
("bbc/politics/277.txt", "how_many", "How much are the tax cuts the Tories highlighted worth?",
 ["4bn"], "pound sign left out"),
("bbc/politics/240.txt", "how_many", "how many recommendations did the parliamentary betting group make to protect punters",
 ["15 ways"], "ALL LOWERCASE; 'recommended 15 ways to protect punters'"),
("bbc/politics/077.txt", "when", "At what time of day will Brown deliver his Budget on 16 March?",
 ["1230 GMT"], ""),
("bbc/politics/368.txt", "speech", "How did the former Irish president describe the Law Lords' ruling on detaining foreign terror suspects?",
 ["in line with international legal opinion", "very decisive"], "speaker by title only (Mary Robinson); either answer"),
("bbc/politics/324.txt", "who", "Who wrote the book Lawless World?",
 ["Philippe Sands"], ""),
# ---------------- sport (random sample, 25) ----------------
("bbc/sport/085.txt", "how_many", "How old is Derartu Tulu?",
 ["32"], "how old; 'The 32-year-old Ethiopian'"),
("bbc/sport/115.txt", "when", "When did Ryan Giggs win his first Wales cap?",
 ["1991"], ""),
("bbc/sport/429.txt", "who", "Who does Nadal play in the semi-finals of the Mexican Open?",
 ["Mariano Puerta"], ""),
("bbc/sport/122.txt", "when", "When will the FA Cup sixth-round ties be played?",
 ["12-13 March"], "'played on the weekend of 12-13 March'"),
("bbc/sport/093.txt", "why", "Why did Jamie Costin refuse to have surgery in Athens?",
 ["never have been able to race"], "'That would have fused all my lower back and I would never have been able to race again'"),
("bbc/sport/508.txt", "who", "Who will Nadal face next in Buenos Aires?",
 ["Gaston Gaudio"], ""),
("bbc/sport/214.txt", "how_many", "what was the attendance at mansfield v leyton orient",
 ["3,803"], "ALL LOWERCASE"),
("bbc/sport/329.txt", "speech", "How did the All Blacks captain describe the excitement in New Zealand about the Lions tour?",
 ["biggest thing to hit New Zealand", "since Lord of the Rings"], "speaker by title only (Tama Umaga); parts of the same quote"),
("bbc/sport/391.txt", "how_many", "How many England caps did Austin Healey win before the 2003 World Cup?",
 ["51 caps"], ""),
("bbc/sport/063.txt", "speech", "What did Ceplak say about racing against Kelly Homes?",
 ["never an easy race", "always going to be fast"], "speaker by surname only; either answer; TYPO: Homes"),
("bbc/sport/303.txt", "speech", "How did Stephen Jones describe Gavin Henson physically?",
 ["he's a specimen", "glides when he runs"], "speaker by full name; either answer"),
("bbc/sport/245.txt", "when", "What time was the bomb at the Bernabeu supposed to go off?",
 ["2100 local time"], ""),
("bbc/sport/333.txt", "who", "Who takes Shanklin's place on the wing for Wales against England?",
 ["Hal Luscombe"], ""),
("bbc/sport/244.txt", "speech", "What did Pearce say about applying for the Manchester City manager's job?",
 ["certainly be applying for it", "fantastic job for anybody"], "speaker by surname only; either answer"),
("bbc/sport/069.txt", "how_many", "What height did Isinbayeva clear for her new pole vault world record in Birmingham?",
 ["4.88m"], ""),
("bbc/sport/253.txt", "speech", "What did the SFA say about Novo and Camara appealing their bans?",
 ["seven days to appeal", "won't be heard before this weekend"], "speaker as a body (an SFA spokesman); either answer"),
("bbc/sport/074.txt", "where", "Where did the British cross country team win their team silver medal?",
 ["Heringsdorf"], ""),
("bbc/sport/282.txt", "who", "Who did Roy Keane replace when he came off the bench at Villa Park?",
 ["John O'Shea"], "'came off the bench for the injured John O'Shea'"),
("bbc/sport/260.txt", "speech", "What did the Newcastle chairman say about Bellamy's behaviour?",
 ["bigger than this club", "totally unacceptable and totally unprofessional"], "speaker by title only (Freddy Shepherd); either answer"),
("bbc/sport/065.txt", "when", "when is the london marathon this year",
 ["17 April"], "ALL LOWERCASE"),
("bbc/sport/040.txt", "how_many", "How long after the Athens marathon is Paula Radcliffe running in New York?",
 ["77 days"], ""),
("bbc/sport/094.txt", "how_many", "How much does Mark Lewis-Francis weigh now?",
 ["86.9kg"], ""),
("bbc/sport/001.txt", "factoid", "What is Sarah Claxton's new British record for the 60m hurdles?",
 ["7.96 seconds"], ""),
("bbc/sport/336.txt", "speech", "What did Martin Corry say about Jason Robinson's captaincy?",
 ["an inspirational captain", "doing a tremendous job"], "speaker by full name; either answer"),
("bbc/sport/294.txt", "who", "Who became the fourth player in the Premiership to score 1,000 points?",
 ["Barry Everitt"], ""),
# ---------------- entertainment slot filled round-robin (business/sport backups) ----------------
("bbc/business/316.txt", "when", "When did Euronext acquire Liffe?",
 ["2001"], ""),
("bbc/sport/459.txt", "who", "Who will Federer play in the Qatar Open semi-final?",
 ["Nikolay Davydenko"], ""),
("bbc/business/273.txt", "where", "Where was the Apec summit at which Bush said he would halve the budget deficit?",
 ["Chile"], ""),
("bbc/sport/409.txt", "how_many", "What was the score when England beat Ireland in Dublin two years ago?",
 ["42-6"], ""),
("bbc/business/021.txt", "factoid", "Which cinema chain has Rank already sold off?",
 ["Odeon"], "'including the Odeon cinema chain and the Pinewood studios'"),
("bbc/sport/066.txt", "factoid", "Which steroid did Irina Korzhanenko test positive for?",
 ["stanozolol"], ""),
("bbc/business/458.txt", "who", "Who was Parmalat's chief financial officer?",
 ["Fausto Tonna"], ""),
("bbc/sport/468.txt", "speech", "What did Henman say about playing David Nalbandian?",
 ["very difficult to play against", "deceptively effective from the baseline"], "speaker by surname only; either answer"),
("bbc/business/417.txt", "how_many", "how many people work for barclays worldwide",
 ["76,200"], "ALL LOWERCASE"),
("bbc/sport/285.txt", "factoid", "Which bone did Phil Vickery break?",
 ["radius"], "'Vickery has broken the radius, a large bone in his forearm'"),
("bbc/business/422.txt", "where", "Which US state is News Corp moving its corporate home to?",
 ["Delaware"], ""),
("bbc/sport/388.txt", "where", "Where is Newcastle's Heineken Cup match against Edinburgh being played?",
 ["Murrayfield"], ""),
("bbc/business/212.txt", "how_many", "How many Longbridge jobs could go if the Shanghai Automotive deal happens, according to the Observer?",
 ["3,000 jobs"], ""),
("bbc/sport/187.txt", "factoid", "Which club's permanent offer for Craig Bellamy did he turn down?",
 ["Birmingham"], ""),
("bbc/business/267.txt", "when", "When did Nasdaq technically become a public company?",
 ["2002"], ""),
("bbc/sport/504.txt", "when", "When and where had Conchita Martinez won her previous title?",
 ["Berlin in 2000"], ""),
("bbc/business/241.txt", "speech", "What did Oxfam's senior policy adviser say about the G7 debt relief statement?",
 ["passed the first hurdle of 2005", "deliver quickly"], "speaker by title only (Max Lawson); either answer"),
("bbc/sport/071.txt", "speech", "What did Chris Tomlinson's coach say about his injury?",
 ["It's nothing serious", "back in full training"], "speaker by title only (Peter Stanley); either answer"),
("bbc/business/314.txt", "who", "Which company won the auction for Yuganskneftegas?",
 ["Baikal Finance Group"], ""),
("bbc/sport/437.txt", "who", "Whose record as Britain's youngest Davis Cup player is Andrew Murray breaking?",
 ["Roger Becker"], ""),
("bbc/business/109.txt", "how_many", "How much money did Lufthansa lose in 2003?",
 ["984m euros"], ""),
("bbc/sport/143.txt", "speech", "What did Arsenal's managing director say about Wenger's transfer budget?",
 ["The money is there", "we've got it"], "speaker by title only (Keith Edelman); either answer"),
("bbc/business/439.txt", "how_many", "By how much did German exports rise in 2004?",
 ["8.2%"], "'Foreign sales increased by 8.2% last year'"),
# ---------------- politics slot filled round-robin (sport/business backups) ----------------
("bbc/sport/312.txt", "who", "Who scored Italy's only try against Wales in Rome?",
 ["Luciano Orquera"], ""),
("bbc/business/221.txt", "speech", "What did Lord Browne say about whether BP's profits were just down to the oil price?",
 ["more than the price of oil", "when the price is low"], "speaker by title and name; either answer"),
("bbc/sport/393.txt", "speech", "What did Mike Tindall's agent say about his contract demands?",
 ["anything but excessive", "recognise Mike's value"], "speaker by role only (Dipo Alli); either answer"),
("bbc/business/006.txt", "speech", "How did Japan's economy minister describe the state of the economy?",
 ["a minor adjustment phase", "an upward climb"], "speaker by title only (Heizo Takenaka); parts of the same quote"),
("bbc/sport/006.txt", "how_many", "What time did Leonard Scott run to win the men's 60m in Lievin?",
 ["6.46secs"], ""),
("bbc/business/305.txt", "when", "When does the bankruptcy law that Brazil has just reformed date from?",
 ["1945"], "'The old law, dating from 1945'"),
("bbc/sport/415.txt", "speech", "What did Wilkinson's Newcastle boss say about his fitness for the Ireland game?",
 ["Jonny's not fit yet", "won't be fit for Dublin"], "speaker by role only (Rob Andrew); either answer"),
("bbc/business/281.txt", "why", "Why is Axa Sun Life cutting its bonus payouts?",
 ["poor stock market performance"], "'Axa blamed a poor stock market performance for the cut'"),
("bbc/sport/398.txt", "speech", "What did the Leicester boss say about signing Andy Farrell?",
 ["a big, big gamble", "still a lot of unknowns"], "speaker by role only (John Wells); either answer"),
]


def locate(art, ans):
    ps = paras(read(art))
    for i, p in enumerate(ps):
        if ans in p:
            for j, s in enumerate(sentences(p), 1):
                if ans in s:
                    if len(s) <= 220:
                        cut = s
                    else:  # fresh14: keep the answer visible in long (merged) sentences
                        k = s.index(ans)
                        a = 0 if k + len(ans) <= 200 else max(0, k - 110)
                        cut = ("..." if a else "") + s[a:a + 217] + ("..." if a + 217 < len(s) else "")
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
