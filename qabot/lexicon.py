"""Word lists: the one home of the words that mark speech, titles, groups and documents.

Speaker attribution (speakers/), question analysis (question.py), follow-ups (conversation.py)
and the surface-word counts of a build (vocabulary.py) all read their word lists from here, so a
verb or a title added once counts everywhere.
"""

from __future__ import annotations

import re

from functools import lru_cache

_IRREGULAR = {
    "say": ("say", "says", "said", "said", "saying"),
    "tell": ("tell", "tells", "told", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "felt", "feeling"),
    "go on": ("go on", "goes on", "went on", "gone on", "going on"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
}
"""Verbs whose forms no rule gives: base, third person, past, past participle, -ing."""

SPEECH_LEMMAS = (
    "say", "tell", "write", "warn", "claim", "predict", "expect", "insist", "deny", "admit", "announce",
    "urge", "argue", "accuse", "describe", "add", "ask", "explain", "note", "stress", "reply", "respond",
    "declare", "believe", "suggest", "acknowledge", "concede", "maintain", "confirm", "comment", "remark",
    "observe", "point out", "go on", "promise", "pledge", "vow", "reveal", "reckon", "think", "hope",
    "accept", "agree", "recall", "joke", "state", "feel", "highlight", "emphasise", "emphasize", "signal",
    "indicate", "continue", "mention", "allege", "assert", "caution", "complain", "contend", "estimate",
    "forecast", "report", "testify", "tweet", "write", "speak",
)
"""Verbs of communication, as their base form."""

_DOUBLE = frozenset({"admit", "signal", "regret", "commit"})
"""Verbs that double their last consonant before -ed and -ing (admitted, signalled)."""


def forms(lemma: str) -> tuple[str, str, str, str, str]:
    """``(base, third person, past, past participle, -ing)`` of a speech verb ("point out" inflects "point")."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    verb, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if verb in ("forecast",):
        past, ing = verb, verb + "ing"
    elif verb.endswith("e"):
        past, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        past, ing = verb[:-1] + "ied", verb + "ing"
    elif verb in _DOUBLE:
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        third = verb[:-1] + "ies"
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        third = verb + "es"
    else:
        third = verb + "s"
    return (verb + tail, third + tail, past + tail, past + tail, ing + tail)


SPEECH_FORMS = frozenset(f for lemma in SPEECH_LEMMAS for f in forms(lemma))
"""Every form of every speech verb ("said", "warns", "denied", "pointing out")."""

_BASE_VERBS = frozenset("say tell warn argue insist claim deny admit urge predict expect believe think accuse ask "
                        "explain agree allege".split())
"""Speech verbs whose base form is seldom a noun, so "officials say" may attribute with it ("a report" may not)."""
_NOUNISH = frozenset("remarks comments hopes notes reports states signals promises pledges vows forecasts estimates "
                     "tweets jokes".split())
"""Third-person forms that are far more often plural nouns ("Wang's remarks")."""

ARTICLE_SPEECH_FORMS = frozenset(
    f for lemma in SPEECH_LEMMAS for i, f in enumerate(forms(lemma)[:4])
    if (i > 0 or lemma in _BASE_VERBS) and f not in _NOUNISH
)
"""The forms that attribute words in an article: base where it is seldom a noun ("officials say"), third
person, past and participle ("has warned"); the -ing form opens a clause ("saying that ...") rather than
naming a speaker."""

SPEECH_ING_FORMS = frozenset(forms(lemma)[4] for lemma in SPEECH_LEMMAS) - {"feeling", "continuing", "reporting", "stating"}
"""The -ing forms of the speech verbs, which attribute words after "is" or "was" ("Tony Blair is urging European
leaders ..."), without those that seldom do ("is feeling", "is continuing")."""

CHARACTERISING_LEMMAS = ("call", "dub", "brand", "label", "praise", "hail", "describe", "portray", "depict", "characterise",
                         "characterize")
"""Verbs by which a speaker calls someone or something by their own words ("called the term "outrageous"",
"praised the car as the "best execution" yet"): their words only with the words they call it by."""
CHARACTERISING_FORMS = frozenset(f for lemma in CHARACTERISING_LEMMAS for f in forms(lemma)[1:4]
                                 if f != "dubed") | {"dubbed", "labelled"}
"""Third person, past and participle of ``CHARACTERISING_LEMMAS`` ("calls", "called", "labelled" is "labeled" too)."""

BODY_BACK_REFERENCES = frozenset("company firm group club bank organisation organization charity network broadcaster "
                                 "airline retailer insurer publisher label studio association federation union".split())
"""Group words by which an article goes on naming a body it named before: "the company said" after "Microsoft is
celebrating ...", "the club said" after the club was named."""

DEMONYM_ENDINGS = ("man", "woman", "ard", "ian", "ese", "ean")
"""How a word for someone's nation ends ("the Dutchman", "the Spaniard", "the Brazilian", "the Portuguese", "the
Korean"): news goes on naming a person so; a plural ("the Conservatives") or a body ("the Pentagon") does not end so."""

NATIONAL_ENDINGS = ("an", "ese", "ish", "sh")
"""How a capitalised word for a nation's people or things ends ("European", "German", "Chinese", "British",
"Welsh"): an article about them may name the place instead ("Europe", "Wales"), so it is no name an answer's article
must write."""

GROUP_SPEECH_LEMMAS = ("say", "tell", "warn", "claim", "insist", "deny", "admit", "urge", "argue", "accuse", "complain",
                       "add", "predict", "protest", "demand", "allege", "vow", "pledge", "promise")
"""Verbs by which people named only by what they are, in the plural ("Local traders warned", "Parents complained"),
give words: not those a plural subject that is no group of people takes as often ("Figures suggested", "Talks
continued", "Shares added" is kept out by the noun, ``PEOPLE_PLURAL_ENDINGS``)."""

PEOPLE_PLURAL_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents")
"""How a plural word for people by what they do ends ("traders", "investors", "activists", "politicians",
"migrants", "residents"), for a group speaker no list holds."""
NOT_PEOPLE_PLURALS = frozenset("""numbers papers letters matters orders others powers waters borders quarters layers
    centers centres factors sectors errors floors motors colors colours indicators documents comments events payments
    statements agreements developments plants restaurants elements talents contents figures""".split())
"""Plural words with those endings that name no people (or, "others", no group a question can ask for)."""

CORE_SPEECH_FORMS = ("said", "says", "told", "tells", "added", "argued", "insisted", "warned", "replied", "wrote")
"""The commonest attributing forms, for scans over a whole corpus that must stay cheap (vocabulary.py)."""

QUESTION_SPEECH_LEMMAS = (
    "say", "tell", "write", "warn", "claim", "predict", "expect", "insist", "deny", "admit", "announce", "urge",
    "argue", "accuse", "describe", "add", "ask", "think", "comment", "reply", "mention", "state", "suggest",
    "explain", "respond", "promise", "reveal", "confirm",
)
"""Verbs that make a question a speech question ("what did the mayor warn about?"): the verbs of
communication, without those whose question is seldom about words ("what did Galileo observe")."""

QUESTION_WHY_LEMMAS = ("say", "think", "believe", "claim", "argue", "insist", "warn", "predict", "expect", "suggest")
"""Verbs after "Why did X ..." that ask for the reason X gave ("Why did X say he was resigning?", "Why does X think
Y could win?"): X's words hold it. Not verbs of doing ("Why did Luther condemn vows"), nor "tell" ("Why did X tell
Y to ...", an order)."""

QUESTION_SPEECH_FORMS = frozenset(f for lemma in QUESTION_SPEECH_LEMMAS for f in forms(lemma))
"""Every form of ``QUESTION_SPEECH_LEMMAS``."""


def alternation(words) -> str:
    """A regular expression matching any of ``words`` (spaces match any run of white space), built as a
    trie ("sa(?:id|ys?)"): Python's engine tries a plain alternation's branches one by one at every
    position, which made two hundred verbs cost twenty times as much as ten. Longer words win.

    The trie is walked over the sorted words (a node's words are a run of them sharing its prefix), a lone
    word's rest written at once: the same text as a trie of dictionaries, in a fifth of the time (the answering
    modules build some 50 of these at import, 8,500 trie nodes)."""
    ordered = sorted(set(words))
    return _run(ordered, 0, 0, None) if ordered else ""


_ESCAPED: dict[str, str] = {" ": r"\s+"}
"""Each character as the pattern writes it (``re.escape``; a space matches a run of white space)."""


def _escaped(text: str) -> str:
    out = []
    for ch in text:
        e = _ESCAPED.get(ch)
        if e is None:
            e = _ESCAPED[ch] = re.escape(ch)
        out.append(e)
    return "".join(out)


def _run(words: list[str], lo: int, depth: int, hi: int | None) -> str:
    """The regular expression of the trie node whose words are ``words[lo:hi]``, all sharing their first
    ``depth`` characters (``""`` marks the end of a word: the run's first word when it is that short)."""
    hi = len(words) if hi is None else hi
    ends = len(words[lo]) == depth
    start = lo + 1 if ends else lo
    branches = []
    i = start
    while i < hi:
        ch = words[i][depth]
        j = i + 1
        while j < hi and words[j][depth] == ch:
            j += 1
        if j == i + 1:  # one word: its rest, no further branches
            branches.append(_escaped(words[i][depth:]))
        else:
            branches.append(_escaped(ch) + _run(words, i, depth + 1, j))
        i = j
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof professor rev".split())
"""Words of address before a name ("Mr Blair" is Blair)."""

SAID_ADVERBS = frozenset("""also really actually ever first then later last just previously recently once originally
    initially further again earlier afterwards publicly privately""".split())
"""Words a question puts between a speaker and the verb of speech ("what did the mayor also say", "what did Blair
later say"): when or how, no part of who speaks."""

FIRST_NAME_HONORIFICS = frozenset("sir dame".split())
"""Titles written before a first name, never a surname alone ("Sir Howard" is Sir Howard Newby, not Mr Howard)."""
MALE_HONORIFICS = frozenset("mr sir lord".split())
"""Words of address for a man ("Mr Blair" is not Mrs Blair)."""
FEMALE_HONORIFICS = frozenset("mrs ms miss dame lady".split())
"""Words of address for a woman."""

ROLES = frozenset(
    """president minister chancellor secretary general chief senator governor mayor judge king queen prince
    princess pope coach manager spokesman spokeswoman spokesperson leader boss executive chairman chairwoman
    chair director head founder official officer commissioner ambassador envoy diplomat attorney lawyer
    prosecutor detective inspector sheriff commander colonel captain sergeant lieutenant admiral marshal
    economist analyst expert researcher scientist professor doctor author editor presenter striker midfielder
    defender goalkeeper keeper skipper player star singer actor actress champion mp mep congressman
    congresswoman lawmaker legislator rapper dj boxer sprinter athlete veteran rival partner chairperson
    premier deputy aide adviser advisor campaigner activist consultant owner founder negotiator
    physiotherapist physio producer son daughter wife husband father mother brother sister widow widower
    forward winger flanker fly-half scrum-half full-back hooker batsman bowler wicketkeeper jockey trainer driver
    rider cyclist golfer swimmer bishop archbishop cardinal priest vicar rabbi imam chaplain assistant solicitor
    barrister agent controller coordinator co-ordinator superintendent councillor commentator
    strategist organiser organizer promoter curator historian treasurer trustee registrar ombudsman surgeon
    headteacher headmaster headmistress""".split()
)
"""Words naming a person by what they do: "the mayor", "coach Luis Aragones"."""

EXPERTS = frozenset("analyst economist strategist expert".split())
"""Words for those who comment on a market or a field: "analysts at Gerrard" asks for any of them there ("Simon
Rubinsohn, chief economist at Gerrard")."""

HEADS_OF = frozenset("head chief boss".split())
"""Words for whoever leads a body, whatever their title: "the head of the central bank" is its governor."""
LEADING_ROLES = HEADS_OF | frozenset("governor president chairman chairwoman chairperson chair director executive "
                                     "leader commissioner manager".split())
"""Titles of the one who leads a body, each of which a word of ``HEADS_OF`` may stand for ("Larne boss Jimmy McGeough"
is Larne's manager)."""

TITLES = HONORIFICS | frozenset(
    "president minister chancellor secretary general chief senator governor mayor judge king queen prince "
    "princess pope coach manager".split()
)
"""Words before a name that are not the name, in a question ("President Putin" asks about Putin)."""

TITLE_QUALIFIERS = frozenset(
    """prime foreign home health finance defence defense culture shadow deputy vice interior trade economy
    economics education environment transport justice energy industry agriculture sport sports first chief
    general lord attorney state executive managing acting interim junior senior assistant lady crown
    treasury chancellor secretary commerce labour employment welfare immigration""".split()
)
"""Words that make a compound title with a title word after them ("Prime Minister", "Foreign Secretary"),
never a first name before a surname that is a title word ("Mervyn King")."""

TITLE_WORDS = ("Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady", "Prof", "President", "Prime Minister", "Minister",
               "Chancellor", "Secretary", "Senator", "Governor", "Judge", "Coach", "Chairman", "Chief Executive",
               "Mayor")
"""Capitalised titles that stand before a name in an article ("Prime Minister Tony Blair")."""

GROUPS = frozenset(
    """officials official police government ministry department agency company firm group army navy military
    court council committee commission union party administration authorities authority office bank board
    campaigners critics experts analysts sources spokesman spokeswoman spokesperson regulator regulators
    organisers organizers prosecutors investigators researchers scientists lawyers doctors residents
    workers staff team club federation association industry embassy kremlin parliament congress senate
    cabinet opposition watchdog charity institute inquiry coalition alliance school college university hospital
    broadcaster network newspaper magazine label studio airline retailer insurer publisher society foundation
    organisation organization producers""".split()
)
"""Words naming a body or a group that speaks: "U.S. officials", "police", "the industry group"."""

DOCUMENTS = frozenset(
    """statement lawsuit report documents document filing letter study survey memo summary release
    complaint indictment ruling judgment verdict notice announcement paper review audit findings""".split()
)
"""Words naming a text that says something: "the statement", "the lawsuit", "court documents"."""

STATEMENTS = frozenset("statement letter release announcement memo message email".split())
"""Documents that give their author's own words: "Mr Crosby's statement said", "An IAAF statement said" are Crosby's
and the IAAF's words (not "a report", whose words are often another's about them)."""

SPEAKER_HEADS = ROLES | GROUPS | DOCUMENTS
"""Every word that can end a speaker's noun phrase without a name."""


def singular(word: str) -> str:
    """A head word's singular for matching ("officials" is official, "documents" document); other words as they are."""
    if word.endswith("ies") and word[:-3] + "y" in SPEAKER_HEADS:
        return word[:-3] + "y"
    if word.endswith("s") and word[:-1] in SPEAKER_HEADS:
        return word[:-1]
    if word.endswith("es") and word[:-2] in SPEAKER_HEADS:
        return word[:-2]  # "bosses", "coaches"
    return word


BODY_ALIASES = {"tory": "conservative", "lib dem": "liberal democrat"}
"""Other names of a body, lowercase and singular, as British news writes them for one another: "the Tories" are the
Conservatives ("Conservative leader Michael Howard", "Tory spokesman"), "the Lib Dems" the Liberal Democrats."""

SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson".split())
"""Role words of one who speaks for a body: "a National Football League spokesman" gives the league's words."""

OTHER_ROLE = frozenset("deputy shadow vice assistant former ex".split())
"""Words before a role that make it another person's role: "Deputy Mayor Nicky Gavron" is not "the mayor",
"shadow chancellor Oliver Letwin" not "the chancellor"; asked for with the word, they match."""


QUESTION_STANCE_LEMMAS = (
    "hope", "fear", "want", "wish", "praise", "criticise", "criticize", "blame", "demand", "propose", "call for",
    "pledge", "vow", "believe", "regret", "worry", "welcome", "defend", "recommend", "feel", "accuse",
)
"""Verbs of what a speaker hopes, fears, wants or judges that make a question about their words ("What did
the impresario hope the musical would be?", "What did the minister praise India for?"): in news, a stance
is known from what someone said, and often told of them rather than quoted ("Straw, who accused the Tories
of ..."): a question with one of these is answered as a plain one too (``Question.narrated``)."""

QUESTION_HOW_LEMMAS = (
    "explain", "describe", "justify", "defend", "feel", "react", "respond", "reply", "answer", "view", "see",
    "characterise", "characterize", "sum up", "account for", "rate", "assess", "judge", "portray",
)
"""Verbs after "How did X ..." that ask for X's words ("How did the chairman explain the delay?", "How did
she feel about meeting Dame Julie?", "How did the club react to the bid?")."""

QUESTION_SPEECH_NOUNS = (
    "reaction", "reactions", "response", "responses", "explanation", "explanations", "view", "views", "opinion",
    "opinions", "verdict", "message", "comment", "comments", "remark", "remarks", "words", "answer", "reply",
    "argument", "arguments", "reason", "reasons", "excuse", "justification", "warning", "warnings",
    "prediction", "predictions", "promise", "promises", "pledge", "advice", "criticism", "criticisms",
    "complaint", "complaints", "claim", "claims", "position", "stance", "assessment", "take", "thoughts",
    "feelings", "hope", "hopes", "fear", "fears", "concern", "concerns", "defence", "defense", "case",
)
"""Nouns for what someone said that make a question about their words: "What was X's reaction to Y?",
"What reason did X give for Y?", "What were X's views on Y?"."""

PERFORMERS = frozenset("star singer actor actress rapper presenter host comedian dancer".split())
"""Roles named by a work someone made or appeared in ("The star of Rain Man and Tootsie"): a person the story named
before, not an office of a place ("The Bishop of Durham")."""

DESCRIBED_PEOPLE = frozenset("musician guitarist drummer bassist frontman frontwoman teenager youngster medallist".split())
"""Words a story describes its subject by besides roles ("The musician committed suicide in 1980"), read only by
``answering.features.described``."""

CREATORS = frozenset(
    """author writer playwright novelist poet creator composer songwriter lyricist designer inventor architect
    maker screenwriter illustrator""".split()
)
"""Roles named by a work ("the author of The Vagina Monologues"): the person is "the author", and the work
says which story to look in. Not "director" or "head", which name who leads a body ("the director of the FBI")."""


ASKED_ROLES = frozenset("""referee umpire opponent successor predecessor replacement winner runner-up nominee
    shareholder investor buyer bidder sponsor""".split())
"""Roles a who question asks someone by besides ``ROLES`` and ``CREATORS`` ("Who was the referee ...", "Who is X's
successor"), read only by ``answering.select.asked_roles`` (not speaker words: "the winner said" names no one)."""


DOER_NOUNS = {
    "write": "author writer playwright novelist poet screenwriter songwriter lyricist", "direct": "director",
    "create": "creator", "invent": "inventor", "found": "founder", "design": "designer architect",
    "compose": "composer", "produce": "producer", "own": "owner", "manage": "manager", "coach": "coach",
    "lead": "leader", "chair": "chairman chairwoman chairperson chair", "sing": "singer", "paint": "painter",
    "develop": "developer", "edit": "editor", "present": "presenter", "host": "host presenter", "buy": "buyer",
    "replace": "replacement successor", "succeed": "successor", "represent": "lawyer solicitor barrister attorney",
}
"""For a verb a who question asks the doer of ("who wrote ..."), the nouns an article names the doer by ("the work's
author, US playwright Eve Ensler"), read only by ``answering.select``; the verb's own noun in "-or"/"-er" counts
too ("director")."""


CONVERSE_VERBS = {"beat": "lose", "defeat": "lose"}
"""For a verb a who question asks the doer of ("who beat X"), the verbs its object does the other way round, with "to"
before the doer ("X lost out ... to pop rock act Maroon 5"), read only by ``answering.select.doer_named``."""


PLAIN_SPEECH_LEMMAS = frozenset(("say", "tell", "speak", "comment", "add", "think", "write"))
"""Verbs a question asks with for someone's words in general: "what did X say" wants any words, "what did X warn"
words of warning."""


@lru_cache(maxsize=256)
def verb_forms(word: str) -> frozenset[str]:
    """Every form of the verb of speech, stance or calling that ``word`` is a form of ("warned", "warns", ... for
    "warn"); empty for a verb of words in general (``PLAIN_SPEECH_LEMMAS``) or a word that is none of them."""
    word = word.lower()
    for lemma in (*SPEECH_LEMMAS, *QUESTION_STANCE_LEMMAS, *QUESTION_HOW_LEMMAS, *CHARACTERISING_LEMMAS):
        found = forms(lemma)
        if word in found:
            return frozenset() if lemma in PLAIN_SPEECH_LEMMAS else frozenset(found)
    return frozenset()


WH_WORDS = ("what", "which", "who", "whom", "whose", "when", "where", "why", "how")
"""The words a question opens with; a first word one letter away from one of them ("Whcih", "Waht", "hwo")
is that word misspelt, unless it is a word of its own (``WH_NEIGHBOURS``, or a stopword)."""

WH_NEIGHBOURS = frozenset(
    """that then there were now hot row cow bow low wow tow sow hoe hew hob hog hop hod hon hoo who woo two thy
    shy wry whey whit whet wham chat witch whim whip whir whiz wen hen whee whoa whore wheat wheel wait watt want
    wart whale whack whom wham shoe show shot ahoy whoo hue hay hows whos whys whats""".split()
)
"""Real words one letter away from a question word: never read as it misspelt."""

WH_HOW_NEXT = frozenset("much many long old far often soon big large high tall deep wide".split())
"""Words after "how" ("how many"): a first word as near "how" as another question word ("hwo") is "how" before them."""

ASKS_AGE = re.compile(r"(?i)\bhow\s+old\b|\bwhat\s+age\b|\bat\s+what\s+age\b")
"""A question asking an age ("How old is England lock Danny Grewcock?", "at what age did she retire")."""

AGE = re.compile(r"(?i)\b\d{1,3}-(?:year|month|week|day)s?-old\b|-year-old\b|\b(?:aged?|age\s+of)\s+(?:\d|one|two|three|four|"
                 r"five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                 r"ninety)|\b\d[\d,.]*\s+(?:years?|months?)\s+old\b|\b(?:thousand|million|billion)\s+years\b|[A-Za-z],\s\d{1,3},\s|"
                 r"\(\d{1,3}\)|\bborn\s+(?:in|on)\b|\bI(?:'m|\s+am)\s+\d{1,3}\b|\bin\s+(?:his|her|their)\s+(?:early\s+|"
                 r"late\s+|mid-)?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b")
"""An age, or what gives one: "the 27-year-old", "aged 18", "at the age of 71", "26 years old", "515 million years"
(not "for the last 50 years": a span of time is no age),
"Patti Smith, 58, said", "Smith (58)", "born in January 1934", "I am 25", "in her sixties"."""

ASKS_MONEY = re.compile(r"(?i)\bhow\s+much\b.*\b(?:cost|costs|costing|pay|pays|paid|worth|spend|spends|spent|price|prices|"
                        r"fee|fees|salary|wages?|compensation|budget|prize\s+money|earn|earns|earned|charge|charges|charged|"
                        r"sell\s+for|sold\s+for|fined?|bid|invest|invested)\b|"
                        r"\bwhat\s+(?:[\w-]+\s+)?(?:price|salary|fee|wage|budget|fine)\b|"
                        r"\bwhat\s+(?:is|was|are|were|will\s+be)\s+(?:[\w'’-]+\s+){0,4}?(?:salary|fee|wages?|price|budget)\b")
"""A question asking a sum of money ("How much did the new Magic Roundabout film cost to make?", "what salary will
he receive", "What is Simon Ashworth's salary"); not "what cost Italy the match", whose cost is no sum."""

ASKS_LENGTH = re.compile(r"(?i)\bhow\s+(?:tall|deep|wide)\b|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:height|depth|width)\b|"
                         r"\bhow\s+far\b(?=.*\b(?:from|away|apart|travel\w*|walk\w*|drive|driven|fly|flew|flown|swim|swam|"
                         r"sail\w*|distance)\b)")
"""A question asking a height, a depth, a width or a distance ("how tall is the Harlow Street bridge", "how far is
Fresno from Los Angeles"); not "how high" (a rate, a place in the charts), "how long" (mostly a span of time) nor a
"how far" of no distance ("how far has Britain fallen in the league")."""

LENGTH = re.compile(r"(?i)\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                    r"fifty|hundred|a|half\s+a)[\s-]*(?:m|km|cm|mm|metres?|meters?|kilometres?|kilometers?|miles?|feet|"
                    r"foot|ft|inches|inch|yards?|storeys?|stories|floors|nm|nanometres?|nanometers?|microns?|micrometres?|"
                    r"micrometers?|μm)(?!\w)")
"""A length written: a number and a unit of length ("40 metres", "a 25-foot wall", "half a mile", "12 storeys")."""

_HOW_MANY_UNITS = (r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                   r"forty|fifty|sixty|hundred|thousand|half\s+an?|a\s+few|several)[\s-]*")
SPAN = re.compile(rf"(?i)\b(?!one\s+day\b){_HOW_MANY_UNITS}(?:milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
                  r"months?|years?|decades?|centuries|century)(?!\w)(?!\s+(?:ago|old|earlier|later|before|after)\b)")
"""A span of time written: a number and a unit of time ("15 milliseconds", "three weeks", "half an hour"; not "one
day", "some time", nor "five years ago": a time, no span)."""
SPEED = re.compile(rf"(?i)\b{_HOW_MANY_UNITS}(?:km/h|kph|mph|km\s+an\s+hour|miles\s+(?:an|per)\s+hour|"
                   r"(?:kilo)?met(?:re|er)s\s+(?:a|per)\s+second|knots|mbps|kbps|gbps|megabits|gigabits|"
                   r"bits\s+(?:a|per)\s+second|words\s+(?:a|per)\s+minute)(?!\w)|\d\s?(?:%|per\s?cent\b)")
"""A speed or rate written ("3km/h", "100 miles per hour", "2mbps", a growth of "9.1%")."""
WEIGHT = re.compile(rf"(?i)\b{_HOW_MANY_UNITS}(?:kg|kilos?|kilograms?|grams?|g|tonnes?|tons?|lbs?|stone|ounces?|oz)(?!\w)")
"""A weight written ("52kg", "three tonnes")."""
ASKS_MEASURE = (
    (re.compile(r"(?i)\bhow\s+(?:fast|quickly|rapidly)\b|\bwhat\s+speed\b"), (SPEED, SPAN)),
    (re.compile(r"(?i)\bhow\s+long\b"), (SPAN, LENGTH)),
    (ASKS_AGE, (AGE,)),
    (ASKS_LENGTH, (LENGTH,)),
    (re.compile(r"(?i)\bhow\s+heavy\b|\bwhat\s+weight\b"), (WEIGHT,)),
)
"""What a question asking a measure wants written ("how fast": a speed, a rate or a time; "how old": an age), each a
question pattern with the patterns of its answer: ``features.cue`` holds a sentence with none of them to a bare
number."""

ASKS_DIFFERENCE = re.compile(r"(?i)\bby\s+how\s+much\b|\bhow\s+much\s+(?:more|less|higher|lower|bigger|smaller|cheaper|"
                             r"dearer|further)\b")
"""A question asking by how much something differs or changed ("how much less do women earn than men", "By how much did
Indonesia raise fuel prices?"): a share ("19% less") answers it as well as a sum of money."""
SHARE = re.compile(r"\d\s?(?:%|per\s?cent\b|percent\b)", re.I)
"""A share written as a number: "19%", "5 per cent"."""

CURRENCY = re.compile(r"[$£€¥₹]|\b(?:pounds?|dollars?|euros?|pence|cents?|yen|yuan|francs?|marks|rupees?|roubles?|"
                      r"rubles?|kronor|kroner|krona|pesos?|guineas?|shillings?|florins?|ducats?|talents|sterling|"
                      r"US\$|USD|GBP|EUR)\b", re.I)
"""A sum of money written: a currency sign or name."""

NAMED_WITH_KIND = frozenset("hospital hospice clinic infirmary court tribunal prison jail judge magistrate coroner".split())
"""Kinds of place and person a news article names beside the kind's word whenever it names one ("St Mary's Hospital",
"Southwark Crown Court", "Judge Susan Illston"): a "which hospital" question whose answers' articles name none beside
the word is not answered by them (``answering/given.py``). Not hotels, stadiums or universities: "stayed at the San
Jose Marriott", "Old Trafford", "Harvard"."""

NAMED_KINDS = NAMED_WITH_KIND | frozenset(
    """university college school stadium airport hotel museum church cathedral theatre bank firm lawyer solicitor
    barrister coach specialist surgeon doctor referee agent""".split())
"""Kinds of place, body and person an answer names, most often, beside the kind's word ("law firm Kirkland & Ellis",
"his lawyer, Tom Mesereau", "coach Tony Roche"): a first answer to "which law firm" or "who is X's coach" naming none
beside the word is shown "not sure" (``answering/given.py``)."""

VENUES = frozenset(
    """hall temple cathedral church chapel abbey minster mosque synagogue stadium arena centre center park theatre
    theater museum gallery galleries square street road avenue lane palace castle academy hotel airport station bridge
    prison hospital racecourse circuit university college studios ground harbour island coliseum dome
    pavilion auditorium cinema tower valley lake beach bay quay wharf market mall camp""".split())
"""Words that end the name of a place, a building or a ground ("Mottram Hall", "Westminster Cathedral", "Wollaton Park",
"Shri Swaminarayan Mandir Temple"): written with a capital after one or more capitalised words, the name is a place
wherever it stands in a sentence, not only after "in" or "at" (``answering/sentences.py``)."""

PLACE_NOUNS = frozenset(
    """city cities town towns village villages port capital area areas region province state county district suburb
    suburbs island islands borough resort republic kingdom territory emirate neighbourhood outskirts coast streets
    heart centre center edge border borders bank banks shore shores base bases north south east west north-east
    north-west south-east south-west""".split())
"""Words for a kind of place that name the place after "of": "the Mowden area of Darlington", "the Bulgarian port of
Burgas", "the Kenyan capital of Nairobi", "the outskirts of Paris" (after another word "of X" is seldom a place: "the
leader of the Conservatives", "the film editor of Heat")."""

PLACE_QUALIFIERS = ("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "north-east",
                    "north-west", "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
                    "south-western", "inner", "outer", "rural", "coastal", "downtown", "greater", "mainland", "neighbouring",
                    "nearby")
"""Words written before a place's name without a capital ("in central London", "in north west London", "the amorphous
area of central Europe", "in rural Mongolia"): the name after them is still the place."""

MOTION_TO = frozenset(
    """move moves moved moving return returns returned returning come comes came coming go goes going gone went travel
    travels travelled traveled travelling traveling fly flies flew flown flying head heads headed heading trip trips
    visit visits journey journeys tour tours flight flights way back sent send relocate relocated relocating transfer
    transferred transfers arrive arrived emigrated exported export exports shipped deported deport extradited
    extradition""".split())
"""Words after which "to X" names where one goes ("moved to London", "a visit to Africa", "came to Edinburgh"); after
others "to X" is seldom a place ("told to Mr Smith", "a threat to Nintendo")."""

NOT_PLACE_WORDS = frozenset(
    """the a an this that these those his her its their our my your he she it they we i you mr mrs ms miss dr sir dame
    lord lady prof professor president prime minister chancellor secretary senator governor judge coach chairman
    mayor christmas easter""".split())
"""Capitalised words that open no place's name after "in", "at" or "from" ("in The Times", "from Mr Brown", "at
Christmas"; dates are ``answering/sentences.DATE``'s)."""


_CAUSE_WORDS = (r"because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result|in\s+order\s+to|so\s+that|reasons?|caused|"
                r"prompted|motivated|led\s+to")
_AS_CLAUSE = r",\s+as\s+(?:he|she|it|they|we|the|a|an|his|her|its|their)\b"
CAUSE = re.compile(rf"(?i)\b(?:{_CAUSE_WORDS})\b|{_AS_CLAUSE}")
"""Words that give a cause or a reason: "due to a limit on the number of nominees", ", as he is due to fly out"
(not "after" nor "since", which as often say when): a why question's near-ties holding one go first
(``answering/select.py``)."""

REASONS = re.compile(
    rf"(?i)\b(?:{_CAUSE_WORDS}|so\s+as\s+to|since|after|following|amid|given\s+that|therefore|thus|hence|"
    r"for\s+(?:not|fear|being|having|its|his|her|their|the\s+sake)|in\s+(?:response|protest|reaction|retaliation|a\s+bid|"
    r"an\s+effort|an\s+attempt)|to\s+(?:avoid|ensure|help|allow|prevent|protect|encourage|reduce|raise|keep|maintain|secure|"
    r"boost|improve|fund|pay|make\s+way|focus|concentrate)|stating|saying|arguing|claiming|believing|fear(?:s|ed|ing)?|"
    r"worried|concerns?|wanted|wanting|hoping|aimed|lack\s+of|unable|failed\s+to|refused|which\s+(?:reflects|means|meant|led)|"
    rf"considered|seen\s+as|deemed|over\s+(?:claims|fears|concerns|allegations))\b|{_AS_CLAUSE}")
"""Words that give a reason, a cause or a purpose, or report one ("because", "due to", "in protest at", "to avoid",
"fearing", "saying"): a why question's answer writes one. ``CAUSE``'s words and more (``CAUSE`` moves near-ties and
leaves out "after" and "since", as often a time): here it only keeps a first answer "sure"."""

LIGHT_VERBS = frozenset("""be is are was were been being have has had do does did make makes made take takes took taken
give gives gave given go goes went gone get gets got become becomes became come comes came put set keep kept see saw
seen think thought hold holds held find found play played show showed shown use used include included may might will
would can could locate located base based know known situate situated call called consider considered name named
start starts started begin begins began begun stop stops stopped continue continues continued""".split())
"""Verbs that say little of what is asked ("where is the bank based", "who was made governor"): a near-miss check
(``answering/asked.py``) does not look for them in an answer; nor for verbs of starting and stopping ("when did
they start burning homes": "began burning property in December 1979")."""

IRREGULAR_PAST = frozenset("""made won beat took gave went came got became began left lost kept held led paid put ran
set sat spent stood brought bought caught fought sought built sent met broke chose drove fell flew forgot grew hit hurt
let meant quit rose shot struck threw understood wore withdrew overcame saw knew found""".split())
"""Past forms of common verbs that no "-ed" ending shows ("Rochus made the semi-finals", "Roddick broke a racket"): a
name before one is its sentence's subject."""

AUXILIARIES = frozenset("is are was were be been do does did has have had will would can could should may might must".split())
"""Auxiliary verbs: the end of a question's answer-type phrase ("what team *did* ...")."""

PREPOSITIONS = frozenset("in of at for on to from with by about into over under after before during".split())
"""Prepositions that end a question's answer-type phrase ("which hospital *in* ...")."""


NAME_TITLES = TITLES | frozenset("councillor councilor cllr alderman professor rev reverend".split())
"""Titles written before a name ("Councillor Mark Quinn", "Dr Ravi Menon"): a misspelt name after a title the
articles hold is corrected as a name alone would be."""

QUANTITY = re.compile(r"\b(?:few|several|many|much|dozens|scores|hundreds|thousands|millions|billions|single|"
                     r"numerous|countless|handful)\b", re.I)
"""Words that give a quantity without a number ("only a few", "in the dozens", "thousands of years")."""

ASKING_HELP = frozenset({"help", "?", "help me", "help please", "please help", "what can i ask", "what can i type",
                         "what can you do", "how does this work", "how do i use this"})
"""A whole line that asks the chat or the page for its help, not the articles ("help me" is no search for "help")."""
LEAVING = frozenset({"exit", "quit", "bye", "goodbye"})
"""A whole line that means to leave the chat."""
