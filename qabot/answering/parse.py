"""Parse: what kind of question, who it asks about, and which words to search for.

Question words ("what", "did", "say") are not search terms; "say" marks a speech question whose
speaker is looked for among the sentences' speakers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from .. import lexicon
from ..forms import IRREGULAR
from ..analysis import STOPWORDS, Analyzer
from ..speakers import speaker_terms as phrase_terms
from ..lexicon import (QUESTION_HOW_LEMMAS, QUESTION_SPEECH_FORMS, QUESTION_SPEECH_LEMMAS, QUESTION_SPEECH_NOUNS,
                       QUESTION_STANCE_LEMMAS, alternation, forms)

_STANCE_FORMS = frozenset(f for lemma in QUESTION_STANCE_LEMMAS for f in forms(lemma))
SPEECH_VERBS = alternation(QUESTION_SPEECH_FORMS | _STANCE_FORMS)
_TOPIC_AFTER = r"(?:\s+(?:about|on|of|regarding|concerning|over|to|for|at|towards?|that|in)\b)?\s*(?P<topic>.*?)\s*[?.!]*\s*$"
_SPEECH = re.compile(
    rf"^\s*(?:and\s+|so\s+)?what\s+(?:did|does|do|has|have|had|will|would)\s+"
    rf"(?P<speaker>.+?)\s+(?P<verb>{SPEECH_VERBS})\b(?:\s+(?:about|on|of|regarding|concerning|over|to|that|in)\b)?"
    rf"\s*(?P<topic>.*?)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
_SPEECH_REL = re.compile(
    rf"^\s*(?:and\s+|so\s+)?what\s+(?:did|does|do|has|have|had|will|would)\s+"
    rf"(?P<speaker>.+?\s(?:who|that)\s.+?)\s+(?P<verb>{SPEECH_VERBS})\b{_TOPIC_AFTER}",
    re.IGNORECASE,
)
"""A speaker with a relative clause whose own verb may speak: "What did the playwright who wrote Y tell ..."."""
_SPEECH_BY = re.compile(
    rf"^\s*what\s+(?:was|is|has\s+been)\s+(?P<verb>{SPEECH_VERBS})\s+by\s+(?P<speaker>.+?)"
    rf"(?:\s+(?:about|on|of|regarding|concerning)\s+(?P<topic>.*?))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"^\s*according\s+to\s+(?P<speaker>[^,?]+?)\s*,\s*(?P<rest>.+?)\s*[?.!]*\s*$", re.I)
"""A question put as someone's words: "According to John Kirwan, what cost Italy in Scotland?"."""
_ACCORDING_AFTER = re.compile(r"^\s*(?P<rest>(?:what|why|how|who|when|where|which|is|are|was|were|did|does|do|will|would|can|could)"
                              r"\b.+?),?\s+according\s+to\s+(?P<speaker>[^,?]+?)\s*[?.!]*\s*$", re.I)
"""The same with the speaker last: "What cost Italy in Scotland, according to John Kirwan?"."""
_WHY_SPEECH = re.compile(
    rf"^\s*(?:and\s+|so\s+)?why\s+(?:did|does|do|has|have|had|would)\s+(?P<speaker>.+?)\s+"
    rf"(?P<verb>{alternation(f for lemma in lexicon.QUESTION_WHY_LEMMAS for f in forms(lemma)[:1])})\b"
    rf"(?:\s+(?:that|so)\b)?\s*(?P<topic>.*?)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
""""Why did X say he was resigning?", "Why does X think Y could win?": X's words give the reason."""
_AND_WHY = re.compile(r",?\s+and\s+(?:why|how)\s*(?=[?.!]*\s*$)", re.I)
"""", and why?" after a question: the reason is asked of the same words."""
_HOW_SPEECH = re.compile(
    rf"^\s*(?:and\s+|so\s+)?how\s+(?:did|does|do|has|have|had|will|would)\s+(?P<speaker>.+?)\s+"
    rf"(?P<verb>{alternation(f for lemma in QUESTION_HOW_LEMMAS for f in forms(lemma)[:1])})\b{_TOPIC_AFTER}",
    re.IGNORECASE,
)
""""How did X explain / describe / justify / feel about / react to Y": X's words about Y."""
_NOUNS = alternation(QUESTION_SPEECH_NOUNS)
_NOUN_SPEECH = re.compile(
    rf"^\s*(?:and\s+|so\s+)?what\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?P<speaker>.+?)(?:['’]s|(?<=s)['’])\s+"
    rf"(?:\w+\s+)?(?P<verb>{_NOUNS})\b{_TOPIC_AFTER}",
    re.IGNORECASE,
)
""""What was X's reaction to Y", "What were X's views on Y": X's words about Y."""
_GIVE_SPEECH = re.compile(
    rf"^\s*(?:and\s+|so\s+)?(?:what|which)\s+(?:\w+\s+)?(?P<verb>{_NOUNS})\s+(?:did|does|do|has|have|had)\s+"
    rf"(?P<speaker>.+?)\s+(?:give|offer|cite|provide|issue|express|voice|raise|put\s+forward)\b{_TOPIC_AFTER}",
    re.IGNORECASE,
)
""""What reason did X give for Y", "What warning did X issue about Y": X's words about Y."""
_CREATOR_OF = re.compile(rf"(?P<who>(?:the|a|an)\s+(?:[\w-]+\s+)?(?:{alternation(lexicon.CREATORS)})s?)\s+of\s+(?P<what>.+)$",
                         re.I)
"""A speaker named by their work: "the author of The Vagina Monologues" is "the author"."""
_RELATIVE = re.compile(r"(?P<who>)\s+(?:(?:who|that|which)\s+(?:\w+\s+)?(?:wrote|writes|written|made|makes|directed|directs|"
                       r"created|creates|founded|founds|runs|ran|leads|led|heads|headed|owns|owned|produced|"
                       r"produces|designed|designs|composed|sang|sings|starred|stars|played|plays|coaches|coached|"
                       r"manages|managed|invented|built|is\s+behind|was\s+behind)|behind)\s+(?P<what>.+)$", re.I)
"""A speaker named by what they did: "the playwright who wrote The Vagina Monologues", "the impresario behind
Mary Poppins": the person is "the playwright", and what they did says which story to look in."""
TITLES = lexicon.TITLES
"""Words before a name that are not the name ("Mr Blair" is Blair)."""

QUESTION_WORDS = frozenset(
    "what who whom whose when where why how which whats did does do done say said says tell told "
    "think thought please anything something know much many long often far happened happen "
    "go goes going gone went".split()
)
"""Words that shape the question but are not searched for."""



class QuestionKind(StrEnum):
    """What a question asks for (equal to its lowercase name as a string)."""

    SAY = "say"
    WHO = "who"
    WHEN = "when"
    WHERE = "where"
    HOW_MUCH = "how_much"
    HOW_MANY = "how_many"
    WHY = "why"
    HOW = "how"
    AUTHOR = "author"
    DATE = "date"
    TITLE = "title"
    SUMMARY = "summary"
    BY_AUTHOR = "by_author"
    ARTICLES = "articles"
    NEWEST = "newest"
    OLDEST = "oldest"
    YESNO = "yesno"
    WHAT = "what"
    KEYWORDS = "keywords"


_SCENE_KINDS = frozenset((QuestionKind.SAY, QuestionKind.WHO, QuestionKind.WHEN, QuestionKind.WHERE, QuestionKind.HOW_MUCH,
                            QuestionKind.HOW_MANY, QuestionKind.WHY, QuestionKind.HOW, QuestionKind.WHAT, QuestionKind.YESNO))
"""The questions read from their question proper after a scene set before it (``scene_of``): not one about the
articles themselves."""

_YESNO = re.compile(r"^\s*(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b", re.I)


@dataclass(frozen=True)
class Question:
    """A question as qabot understands it."""

    text: str
    """The question as asked."""
    kind: QuestionKind
    """What the question asks for."""
    speaker: str | None
    """For a speech question, the speaker as written ("Wang", "Mr Blair")."""
    speaker_terms: tuple[str, ...]
    """The speaker's analysed name terms, titles left out."""
    topic_terms: tuple[str, ...]
    """Analysed terms of what is asked about."""
    topic_words: tuple[str, ...]
    """The topic's words as the question writes them (stopwords and question words out), for messages."""
    verb: str | None = None
    """For a speech question, its verb of speech when it asks for words of a kind, lowercase ("warn", "characterise";
    None for "say", "tell" or a noun). For a who, when or where question, the verb it asks about, lowercase ("met" in "who met Putin",
    "meet" in "where did they meet", "visiting" in "when is Xi visiting Russia"); None when it names none
    ("who is the chairman")."""
    subject: tuple[str, ...] = ()
    """The names written with a capital in that verb's subject ("Putin", "Wang" in "where did Putin and
    Wang meet"); empty for a pronoun or no subject."""
    narrated: bool = False
    """For a speech question asking how X explained, felt or reacted, or what X hoped or proposed: the answer
    may be told of X rather than quoted ("Chirac reacted to his warning by saying ...", "Campbell has
    called the rivalry 'bitter'"), and for a speaker written as a long or possessive role of a body ("the
    commissioner of the Bureau of Labor"), which the articles seldom write the same way: the question is
    also answered as a plain one."""

    @property
    def terms(self) -> tuple[str, ...]:
        """Every search term, speaker first, each once."""
        return tuple(dict.fromkeys(self.speaker_terms + self.topic_terms))


def _content_words(text: str, analyzer: Analyzer, acronyms: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """The terms of the words of ``text`` that are neither stopwords nor question words, and those words as
    written; a stopword in ``acronyms`` ("WHO") is a name, searched as written (``Analyzer.term``)."""
    kept = [(w, shown) for w, shown in analyzer.words_as_written(text)
            if w and (shown in acronyms or w not in STOPWORDS and w not in QUESTION_WORDS)]
    stems = iter(analyzer.stem([w for w, shown in kept if shown not in acronyms]))
    return [shown if shown in acronyms else next(stems) for _, shown in kept], [shown for _, shown in kept]


_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")


def _acronyms(text: str, written: Callable[[str], bool] | None = None) -> frozenset[str]:
    """The stopwords ``text`` writes in capitals as names: "WHO", "US", "IT" in "what did the WHO say", which
    the articles index as written (``Analyzer.term``), those ``written`` says the articles write so when it is
    given (a word in capitals for emphasis, "what did he say ABOUT it", is the word). None in a question written all
    in capitals, nor its first word when that is a question word ("WHO won the cup?")."""
    if not re.search(r"[a-z]", text):
        return frozenset()
    found = set()
    for m in _CAPITALS.finditer(text):
        word = m.group().lower()
        if word in STOPWORDS and (m.start() > 0 and text[:m.start()].strip(" \t\"'“‘(") or word not in QUESTION_WORDS
                                  and not _YESNO.match(word)) and (written is None or written(m.group())):
            found.add(m.group())
    return frozenset(found)


def _masked(text: str, acronyms: frozenset[str]) -> str:
    """``text`` with each of ``acronyms`` written as a plain name, which no question word's pattern takes
    for one ("the WHO" is not "who")."""
    if not acronyms:
        return text
    return re.sub(rf"\b(?:{'|'.join(sorted(acronyms))})\b", "Name", text)


_NOUN = (r"(?-i:article|story|piece|report|post|column|write-?up|news\s+story|news\s+item|obituary|obituarie|obit|guide|"
         r"explainer|review|interview|profile|editorial|blog(?:\s+post|\s+entry)?|diary|diary\s+entry|Q&A)s?")
"""A word for an article, or for a kind of article ("the obituary", "the guide", "the blog post"), written in lower
case ("the IPCC Report" is a document the articles are about)."""
_REF = (rf"(?:the|this|that|these|those|its|an?|your)\s+(?:(?!(?:of|on|about|for|from|by|in|to|and|or|the|an?)\b)[\w’'-]+\s+){{0,4}}?{_NOUN}\b"
        rf"(?=\s*(?:$|[?.!,]|(?:about|on|of|regarding|concerning|covering|from|by|in|published|written|posted|dated|"
        rf"was|is|called|titled|headlined)\b))")
"""An article named by a determiner and up to four topic words: "the article", "the storm story", "the piece
about the council vote", "this article"; not "the FCC's sixth report and order"."""
_BARE_REF = (rf"(?:the|this|that)\s+(?:(?!(?:on|about|for|from|by|in|to|and|or)\b)[\w’'-]+\s+){{0,5}}?{_NOUN}\b")
"""A story named on a line of its own, whose topic words may hold "of the": "the word of the year story"."""
_ARTICLE_SPEAKER = re.compile(
    r"^(?:the|this|that|these|those|an?|your|each|every)\s+(?:(?!(?:of|on|about|for|from|by|in|to|and|or|the|an?)\b)[\w’'-]+\s+)"
    r"{0,4}?(?-i:article|story|piece|post|column|write-?up|news\s+story|news\s+item|blog\s+post)s?$", re.I)
"""A question's speaker that is an article ("the story", "the bridge article", "this piece"; not "the report" nor
"the review", documents the articles quote): what it says about a topic is asked of the articles' words."""
_IT = r"(?:it|this|that)"
_SAYING_REF = (r"(?:the|this|that|its|your)\s+(?:(?!(?:of|on|about|for|from|by|in|to|and|or|the|an?)\b)[\w’'-]+\s+){0,4}?"
               r"(?-i:article|story|piece|write-?up|post|column|blog\s+post|news\s+story)s?(?:\s+(?:about|on)\s+[^?]+?)?")
"""An article named as what says something ("the bus fares article", "the story about the floods"): not "the report",
often a document the articles quote ("what did the engineering report say")."""
_ARTICLE_SAYS = re.compile(rf"(?i)^\W*what\s+(?:does|did|do)\s+(?P<ref>{_SAYING_REF})\s+(?:say|tell\s+(?:me|us))\s+"
                           r"(?:about|on|of|regarding|concerning)\s+(?P<topic>.+)$")
"""An article asked what it says on a topic ("what does the story say about fares"): the topic asked of the articles,
the article no speaker."""
_IS = r"(?:\s+(?:is|was)|['’]s)"
_BY_AUTHOR = re.compile(
    r"^\W*(?:(?:what|which)\s+(?:other\s+)?(?-i:articles?|stories|story|pieces?|posts?|columns?|reports?)\s+"
    r"(?:did|has|have|does|do)\s+(?P<who>.+?)\s+(?:write|written|author|authored|file|filed|pen|penned)"
    r"|(?:(?:list|show|give)\s+(?:me\s+)?)?(?:the\s+|all\s+(?:the\s+)?)?(?-i:articles?|stories|pieces|posts|columns)\s+"
    r"(?:written\s+)?by\s+(?P<by>.+?)"
    r"|what\s+(?:else\s+)?(?:has|have)\s+(?P<has>.+?)\s+written)\s*[?.!]*\s*$", re.I)
"""Which articles someone wrote: "what articles did Maria Okafor write?", "stories by Ana Ruiz", "what has Ana Ruiz
written" (not "what did Sheerman write", their words)."""
_MANY = r"(?-i:articles|stories|pieces|documents|files|texts|news\s+(?:items|stories)|items|posts)"
"""Words for the articles of the collection, written in lower case ("how many Articles does the treaty have" is a
question about a text the articles hold)."""
_ONE = r"(?-i:article|story|piece|document|file|text|news\s+(?:item|story)|item|post|news|one)"
_HELD = (r"(?:\s+(?:do\s+you\s+have|have\s+you\s+got|you\s+have|are\s+there|there\s+are|(?:did|have)\s+you\s+(?:index|indexed|read)|"
         r"(?:do|can)\s+you\s+(?:know(?:\s+of)?|search|see)|(?:are|is)\s+(?:there\s+)?(?:indexed|available|here)|"
         r"(?:(?:are|is)\s+(?:there\s+)?)?in\s+(?:the|your|this|my)\s+(?:index|collection|corpus|folder|database|library|archive)|"
         r"(?:does|do)\s+(?:the|this|your|my)\s+(?:index|collection|corpus|folder)\s+(?:have|hold|contain)))")
"""What asks for the collection's articles after their noun: "do you have", "are there", "are in the index"."""
_COLLECTION = re.compile(
    rf"^\W*(?:(?:so|and|ok(?:ay)?|please)[\s,]+)*(?:"
    rf"how\s+many\s+{_MANY}{_HELD}?"
    rf"|(?:what|which)\s+{_MANY}{_HELD}"
    rf"|(?:(?:can|could)\s+you\s+)?(?:list|show(?:\s+me)?|give\s+me|tell\s+me|name)\s+(?:all\s+)?(?:(?:the|your|my)\s+)?"
    rf"(?:all\s+)?{_MANY}{_HELD}?"
    rf"|what(?:['’]s|\s+is)\s+in\s+(?:the|your|this|my)\s+(?:index|collection|corpus)"
    rf")(?:[\s,]+please)?\s*[?.!]*\s*$", re.I)
"""The collection asked about: "how many articles are there", "what articles do you have", "list the articles"."""
_ON = r"(?:about|on|mention|mentioning|that\s+mention|which\s+mention|covering|concerning|regarding|with|naming|that\s+name)"
_COLLECTION_ON = re.compile(
    rf"^\W*(?:(?:so|and|ok(?:ay)?|please)[\s,]+)*(?:"
    rf"how\s+many\s+{_MANY}(?:\s+(?:are\s+there|do\s+you\s+have|are|were|have\s+you\s+got))?"
    rf"|(?:what|which)\s+{_MANY}(?:\s+(?:are\s+there|do\s+you\s+have|have\s+you\s+got|are|were))?"
    rf"|(?:(?:can|could)\s+you\s+)?(?:list|show(?:\s+me)?|give\s+me|find(?:\s+me)?|name)\s+(?:all\s+)?(?:(?:the|your|my)\s+)?"
    rf"(?:all\s+)?{_MANY}"
    rf")\s+{_ON}\s+(?P<topic>\S.*?)(?:[\s,]+please)?\s*[?.!]*\s*$", re.I)
"""The collection's articles on a topic: "how many articles mention Blair", "which stories are about the iPod",
"list the articles about the fire"."""
_RECENT = r"(?:latest|newest|most\s+recent|recent|oldest|earliest|last|first)"
_DATED = re.compile(
    rf"^\W*(?:(?:so|and|ok(?:ay)?|please)[\s,]+)*(?:"
    rf"(?:what|which)(?:\s+is|\s+was|\s+are|\s+were|['’]s|['’]re)\s+(?:the\s+)?(?:very\s+)?{_RECENT}\s+(?:{_ONE}|{_MANY})"
    rf"(?:\s+(?:published|written|posted|added|indexed|dated|you\s+have|(?:do|did)\s+you\s+have)|{_HELD})?"
    rf"|(?:what|which)\s+(?:{_ONE}|{_MANY})\s+(?:is|was|are|were)\s+(?:the\s+)?(?:very\s+)?{_RECENT}(?:\s+(?:one|ones|published))?"
    rf"|(?:what|which)\s+(?:{_ONE}|{_MANY})\s+(?:is|was|were|are)\s+(?:published|written|posted|dated)\s+"
    rf"(?:last|first|most\s+recently|earliest)"
    rf"|(?:(?:show|give|tell)\s+me\s+)?the\s+{_RECENT}\s+(?:{_ONE}|{_MANY})"
    rf"|{_RECENT}\s+(?:{_ONE}|{_MANY})"
    rf")\s*[?.!]*\s*$", re.I)
"""The newest or oldest article: "what is the latest article?", "which story is the oldest", "the newest
articles"; "first" and "last" only with a word for the articles after them ("what is the first article" , never
"what is the first article of the treaty", which asks about the articles' contents)."""


_DATED_ON = re.compile(
    rf"^\W*(?:(?:so|and|ok(?:ay)?|please)[\s,]+)*(?:(?:"
    rf"(?:what|which)(?:\s+is|\s+was|\s+are|\s+were|['’]s|['’]re)\s+(?:the\s+)?(?:very\s+)?{_RECENT}\s+(?:{_ONE}|{_MANY})"
    rf"|(?:(?:show|give|tell)\s+me\s+)?the\s+{_RECENT}\s+(?:{_ONE}|{_MANY})"
    rf"|{_RECENT}\s+(?:{_ONE}|{_MANY})"
    rf")\s+{_ON}|(?:what(?:['’]s|\s+is)\s+)?the\s+latest(?:\s+news)?\s+on)"
    rf"\s+(?P<topic>\S.*?)\s*[?.!]*\s*$", re.I)
"""The newest or oldest article on a topic: "what is the latest article about the fire", "the latest on the fire"."""


def collection_kind(text: str) -> QuestionKind | None:
    """ARTICLES, NEWEST or OLDEST for a question about the collection itself, else None."""
    if _COLLECTION.match(text) or _COLLECTION_ON.match(text):
        return QuestionKind.ARTICLES
    if not (_DATED.match(text) or _DATED_ON.match(text)):
        return None
    return QuestionKind.OLDEST if re.search(r"(?i)\b(?:oldest|earliest|first)\b", text) else QuestionKind.NEWEST


_ABOUT_ARTICLE = (
    (QuestionKind.SUMMARY, re.compile(
        rf"^\W*(?:(?:can|could)\s+you\s+|please\s+)?(?:summari[sz]e|sum\s+up)\b(?:\s+(?:{_REF}|{_IT}))?"
        rf"|^\W*(?:(?:can\s+you\s+)?give\s+(?:me\s+|us\s+)?)?(?:a\s+|the\s+|quick\s+)?(?:summary|gist|tl;?\s*dr)\b"
        rf"(?:\s*(?:of|for|on)\s+(?:{_REF}|{_IT})|\s*[?.!]*\s*$)", re.I)),
    (QuestionKind.DATE, re.compile(
        rf"^\W*when\s+(?:was|is|did|were)\s+(?:{_REF}|{_IT})\s+(?:.*\s)?(?:published|written|posted|dated|filed|released|"
        rf"out|appear|come\s+out)\b"
        rf"|^\W*what{_IS}\s+the\s+(?:publication\s+)?date\b(?:\s*[?.!]*\s*$|\s+(?:of|on|for)\s+(?:{_REF}|{_IT}))"
        rf"|^\W*(?:on\s+)?what\s+(?:day|date)\s+(?:was|is)\s+(?:on\s+)?(?:{_REF}|{_IT})"
        rf"|^\W*(?:the\s+)?(?:publication\s+)?date\s+(?:of|on)\s+{_REF}", re.I)),
    (QuestionKind.TITLE, re.compile(  # "which article is about the flood?": that article, by its headline
        r"^\W*(?:which|what)\s+(?-i:articles?|stories|story|pieces?|posts?|reports?)\s+(?:is|are|was|were|talks?|tells?)"
        r"\s+(?:(?:all\s+)?about|on|of|covering|concerning|regarding)\s+\S", re.I)),
    (QuestionKind.TITLE, re.compile(
        rf"^\W*(?:what{_IS}|(?:give|tell|show)\s+me)\s+the\s+(?:title|headline)\b(?:\s*[?.!]*\s*$|\s+(?:of|on|for)\s+(?:{_REF}|{_IT}))"
        rf"|^\W*what\s+(?:is|was)\s+(?:{_REF}\s+(?:.*\s)?|{_IT}\s+)(?:called|titled|headlined)\s*[?.!]*\s*$"
        rf"|^\W*(?:the\s+)?(?:title|headline)\s+(?:of|on|for)\s+{_REF}", re.I)),
    (QuestionKind.SUMMARY, re.compile(
        rf"^\W*what{_IS}\s+(?:{_REF}|{_IT})\s+(?:all\s+)?about\b"
        rf"|^\W*what{_IS}\s+{_REF}\s+(?:on|over|regarding|concerning|covering)\s+[^?]+?\s+(?:all\s+)?about\s*[?.!]*\s*$",
        re.I)),
    (QuestionKind.SUMMARY, re.compile(  # "what does the bus fares article say?", "what does it say?"
        rf"^\W*what\s+(?:does|did|do)\s+(?:{_SAYING_REF}|{_IT})\s+(?:say|tell\s+(?:me|us))\s*[?.!]*\s*$", re.I)),
    (QuestionKind.SUMMARY, re.compile(  # a story named and nothing more: "the piece on Asia leading media growth"
        rf"^\W*(?:(?:tell|show|give)\s+me\s+(?:about\s+)?)?{_BARE_REF}(?:\s+(?:about|on|over|regarding|concerning|covering)"
        rf"\s+[^?]+?)?\s*[?.!]*\s*$", re.I)),
    (QuestionKind.BY_AUTHOR, _BY_AUTHOR),
    (QuestionKind.AUTHOR, re.compile(
        rf"^\W*who\s+(?:(?:has|had)\s+)?(?:wrote|writes|written|authored|penned|reported|filed)\s+(?:{_REF}|{_IT}\s*[?.!]*\s*$)"
        rf"|^\W*who(?:\s+is|\s+was|['’]s)\s+(?:the\s+)?(?:author|writer|reporter|journalist|correspondent)\b"
        rf"(?:\s*[?.!]*\s*$|\s+(?:of|on|for|behind)\s+(?:{_REF}|{_IT}))"
        rf"|^\W*(?:which|what)\s+(?:journalist|reporter|writer|author|correspondent)\s+(?:wrote|reported|authored|penned|filed)"
        rf"\s+(?:{_REF}|{_IT})"
        rf"|^\W*(?:what{_IS}\s+the\s+|the\s+)?(?:author|byline|writer)\b(?:\s*[?.!]*\s*$|\s+(?:of|on|for)\s+(?:{_REF}|{_IT}))"
        rf"|^\W*who\s+(?:is|was)\s+{_REF}\s+by\b", re.I)),
)
"""Questions about the article itself: a summary or what it is about, when it was published, its title, who
wrote it. Each names an article ("the story about the storm", "the storm story", "it", "this") or asks
with no other words ("who is the author"), so "who wrote the letter", "what is the title of the
librarian", "what is it called when ..." and "who wrote about the plague" are questions about the
articles' contents."""
ARTICLE_WORDS = frozenset("article articles story stories piece report text page news post author authors writer wrote "
                          "written write writes byline published publication posted dated date filed released title "
                          "titled headline headlined entitled called summarize summarise summary summaries gist tldr tl "
                          "dr give please journalist reporter reported penned authored tell me can could you column "
                          "columns feature features item correspondent sum up us quick behind obituary obituaries obit obits guide "
                          "guides explainer explainers review reviews interview interviews profile profiles editorial "
                          "editorials blog blogs entry entries diary diaries".split())
"""Words of a question about the article itself that do not say which article."""


_REQUEST = re.compile(
    r"^\W*(?:(?:please|so|and|ok(?:ay)?|hi|hey)[\s,]+)*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?"
    r"(?:help\s+me\s+(?:to\s+)?(?:understand|know|find\s+out|see)|(?:tell|show)\s+me|explain(?:\s+to\s+me)?"
    r"|i(?:\s+(?:want|would\s+like|need|wish)|['’]d\s+like)\s+to\s+(?:know|understand|find\s+out|learn|see)"
    r"|(?:do|does)\s+(?:you|anyone)\s+know|i\s+wonder|i['’]m\s+wondering|i\s+am\s+wondering)\b[\s,:]*(?:about\s+)?",
    re.I)
"""A request wrapped round a question or a topic: "help me understand the floods", "can you tell me what
Blair said about the euro", "I'd like to know who won"; its words are not searched for."""
_PAST_TO_BASE = {f[2]: f[0] for lemma in (*QUESTION_SPEECH_LEMMAS, *QUESTION_STANCE_LEMMAS, *QUESTION_HOW_LEMMAS)
                 for f in (forms(lemma),)}
_EMBEDDED = re.compile(
    rf"^(?P<wh>what|how)\s+(?P<speaker>(?:(?!(?:did|does|do|was|is|were|are|be|been|has|have|had|will|would|can|could|"
    rf"should|if|about|else|much|many|long|old|far|often|soon)\b)[^\s?]+\s+){{1,6}}?)(?P<verb>{alternation(_PAST_TO_BASE)})\b"
    rf"(?P<rest>.*)$", re.I)
"""A question asked as a clause after a request: "(tell me) what Blair said about the euro" is "what did Blair
say about the euro", "(I'd like to know) how the union reacted" is "how did the union react"."""


_FIRST_WORD = re.compile(r"\W*([A-Za-z]{3,})\b(?:\W+([A-Za-z]+))?")


def _wh_spelt(text: str) -> str:
    """``text`` with its first word spelt as the question word it misspells ("Whcih journal ..." is "which
    journal ...", "hwo many" is "how many"): one letter added, dropped, changed or two swapped
    (``_one_edit``), never a word of its own ("that", "now", "were")."""
    m = _FIRST_WORD.match(text)
    if m is None:
        return text
    word = m[1].lower()
    if word in lexicon.WH_WORDS or word in lexicon.WH_NEIGHBOURS or word in STOPWORDS:
        return text
    near = [wh for wh in lexicon.WH_WORDS if _one_edit(word, wh)]
    if len(near) > 1:
        how = (m[2] or "").lower() in lexicon.WH_HOW_NEXT
        near = [wh for wh in near if (wh == "how") == how]
    return text[:m.start(1)] + near[0] + text[m.end(1):] if len(near) == 1 else text


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are one edit apart: a letter added, dropped or changed, or two side by side
    swapped (optimal string alignment distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1:]


def _asked(text: str) -> str:
    """``text`` without a request wrapped round it, a question asked as a clause after one put as a question,
    and its question word spelt right."""
    spelt = _wh_spelt(text)
    asked = _REQUEST.sub("", spelt, count=1)
    m = _EMBEDDED.match(asked) if asked != spelt else None
    if m:
        asked = f"{m['wh']} did {m['speaker']}{_PAST_TO_BASE[m['verb'].lower()]}{m['rest']}"
    return asked if asked.strip(" ?.!") else text


def about_article(text: str) -> QuestionKind | None:
    """The kind of a question about the article itself ("who wrote it?": AUTHOR, "when was it published": DATE) or
    about the collection ("how many articles are there": ARTICLES), else None."""
    asked = _asked(text)
    collection = collection_kind(text) or collection_kind(asked)
    if collection is not None:
        return collection
    for kind, pattern in _ABOUT_ARTICLE:
        if pattern.search(text) or pattern.search(asked):
            return kind
    return None


def parse(text: str, analyzer: Analyzer, speech: bool = True, written: Callable[[str], bool] | None = None) -> Question:
    """Analyse a question (or bare keywords); with ``speech`` False, a question about someone's words is
    analysed as a plain one (its speaker's words searched for like any others). ``written`` tells whether the
    articles write a word in capitals so (an answerer's index): a stopword in capitals is a name only then."""
    before, rest = scene_of(text)
    if not before:
        return _parse(text, analyzer, speech, written)
    q = _parse(rest, analyzer, speech, written)
    if q.kind not in _SCENE_KINDS:
        return replace(q, text=text)
    # what the question asks is read from the question proper; the scene's words are searched too
    terms, shown = _content_words(before, analyzer)
    known = set(q.topic_terms) | set(q.speaker_terms)
    added = [(t, w) for t, w in dict.fromkeys(zip(terms, shown)) if t not in known]
    return replace(q, text=text, topic_terms=q.topic_terms + tuple(t for t, _ in added),
                   topic_words=q.topic_words + tuple(w for _, w in added))


def _parse(text: str, analyzer: Analyzer, speech: bool, written: Callable[[str], bool] | None) -> Question:
    asked = _asked(text)
    collection = collection_kind(text) or collection_kind(asked)
    if collection is not None:
        on = next((m for pattern in (_COLLECTION_ON, _DATED_ON) for t in (text, asked) if (m := pattern.match(t))), None)
        terms, shown = _content_words(on["topic"], analyzer) if on else ([], [])
        return Question(text=text, kind=collection, speaker=None, speaker_terms=(), topic_terms=tuple(terms),
                        topic_words=tuple(shown))
    for kind, pattern in _ABOUT_ARTICLE:
        if pattern.search(text) or pattern.search(asked):
            if kind is QuestionKind.BY_AUTHOR:
                m = pattern.search(asked) or pattern.search(text)
                who = next(g for g in m.group("who", "by", "has") if g).strip(" ,")
                return Question(text=text, kind=kind, speaker=who, speaker_terms=(), topic_terms=(), topic_words=())
            words = analyzer.words_as_written(asked)
            kept = [(w, shown) for w, shown in words
                    if w and w not in STOPWORDS and w not in QUESTION_WORDS and w not in ARTICLE_WORDS]
            # the words before the article's noun and after it ("the storm story", "the story about the
            # storm") say which article; the pattern made sure the question names one or nothing else
            return Question(text=text, kind=kind, speaker=None, speaker_terms=(),
                            topic_terms=tuple(analyzer.stem([w for w, _ in kept])),
                            topic_words=tuple(shown for _, shown in kept))
    says = _ARTICLE_SAYS.match(asked)
    if says:  # the words naming the article ("the bus fares story") and the topic, without "the story" and "say"
        words = f"{says['ref']} {says['topic']}".split()
        return replace(parse(" ".join(w for w in words if w.lower() not in ARTICLE_WORDS), analyzer, speech, written),
                       text=text)
    acronyms = _acronyms(asked, written)
    said = _speech(asked, acronyms) if speech else None
    if said is not None:
        speaker, about, narrated, verb = said
        if _ARTICLE_SPEAKER.match(speaker) and about.strip():
            # "what does the story say about fares": the article's words about the topic, not a speaker's
            terms, shown = _content_words(f"{speaker} {about}", analyzer, acronyms)
            kept = [(t, w) for t, w in zip(terms, shown) if w.lower() not in ARTICLE_WORDS]
            return Question(text=text, kind=_kind(_masked(about, acronyms)), speaker=None, speaker_terms=(),
                            topic_terms=tuple(t for t, _ in kept), topic_words=tuple(w for _, w in kept))
        names = phrase_terms(speaker, analyzer)  # "the mayor" is found by "mayor", "Mr Blair" by "blair"
        topic, shown = _content_words(about, analyzer, acronyms)
        return Question(
            text=text, kind=QuestionKind.SAY, speaker=speaker, speaker_terms=tuple(dict.fromkeys(names)),
            topic_terms=tuple(topic), topic_words=tuple(shown), narrated=narrated, verb=verb,
        )
    terms, shown = _content_words(asked, analyzer, acronyms)
    kind = _kind(_masked(asked, acronyms))
    verb, subject = _verb_and_subject(asked) if kind in _VERB_KINDS else (None, ())
    return Question(
        text=text, kind=kind, speaker=None, speaker_terms=(),
        topic_terms=tuple(terms), topic_words=tuple(shown), verb=verb, subject=subject,
    )


_ASKING = r"(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|did|does|do|has|have|had|will|would|can|could)\b"
_PREAMBLE = re.compile(rf"^\s*(?P<scene>\S.{{8,}}?)\s*(?:\s[-–—]+\s|:\s|;\s|\.\s)\s*(?={_ASKING})", re.I)
"""A statement before the question proper: "Ireland beat England 19-13 at Lansdowne Road - when did Ireland last win ..."."""
_LEADING = re.compile(rf"^\s*(?P<scene>(?:before|after|following|despite|ahead\s+of|now\s+that)\b[^,?]{{3,80}}),\s*(?={_ASKING})", re.I)
"""A clause of time or circumstance opening the question: "Before Christmas 2004, when did UK retailers last ..."."""


def scene_of(text: str) -> tuple[str, str]:
    """``text`` cut into the words that set the scene before its question (a statement, a clause of time or
    circumstance: "Ireland beat England 19-13 at Lansdowne Road - when did ...", "Before Christmas 2004, when did ...")
    and the question proper; ("", ``text``) when nothing comes before it."""
    before = []
    rest = text
    for pattern in (_PREAMBLE, _LEADING):
        m = pattern.match(rest)
        if m:
            before.append(m.group("scene"))
            rest = rest[m.end():]
    return " ".join(before), rest


def _speech(text: str, acronyms: frozenset[str] = frozenset()) -> tuple[str, str, bool, str | None] | None:
    """For a question about someone's words, the speaker and what it asks about: "what did X say about Y",
    "what was said by X", "how did X explain Y", "what was X's reaction to Y", "what reason did X give for Y";
    None for any other question. A speaker named by what they did ("the playwright who wrote Y") is the
    person ("the playwright"), and what they did joins the topic. The flag is True when the answer may be
    told of the speaker rather than quoted (``Question.narrated``): every form but "say"-like verbs. Last, the
    question's own verb when it asks for words of a kind, lowercase ("warn", "characterise"), or None ("say",
    "according to X"). ``acronyms`` are names, not question words ("the WHO")."""
    text = _AND_WHY.sub("", text)  # "Which film did X predict would win, and why?": the why is in X's words
    according = _ACCORDING.match(text) or _ACCORDING_AFTER.match(text)
    who = according["speaker"].strip(" ,") if according else ""
    if according and _is_speaker(_masked(who, acronyms)) and _someone(who) \
            and _kind(_masked(according["rest"], acronyms)) not in _FACT_KINDS:  # "how many settle here, according to X": a figure
        return who, according["rest"], True, None
    for pattern in (_SPEECH, _SPEECH_REL, _SPEECH_BY, _HOW_SPEECH, _NOUN_SPEECH, _GIVE_SPEECH, _WHY_SPEECH):
        m = pattern.match(text)
        if not m or not m.group("speaker"):
            continue
        speaker, topic = m.group("speaker").strip(" ,"), m.group("topic") or ""
        while " " in speaker and speaker.rsplit(" ", 1)[1].lower() in lexicon.SAID_ADVERBS:
            speaker = speaker.rsplit(" ", 1)[0].rstrip(" ,")  # "what did the mayor also say": the mayor
        rel = _RELATIVE.search(speaker) or _CREATOR_OF.match(speaker)
        if rel is not None and rel.start("what") > 0:
            speaker, topic = speaker[:rel.end("who")].strip(" ,"), f"{topic} {rel.group('what')}".strip()
        loose = not _is_speaker(_masked(speaker, acronyms))
        if (loose and not _is_speaker(_masked(speaker, acronyms), loose=True)) or not _is_speech_verb(m):
            continue
        narrated = loose or pattern not in (_SPEECH, _SPEECH_REL, _SPEECH_BY) or \
            re.sub(r"\s+", " ", m.group("verb").lower()) in _STANCE_FORMS
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        return speaker, topic, narrated, verb if lexicon.verb_forms(verb) else None
    return None


_AUX = r"(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|might)"
_WHO_VERB = re.compile(rf"^\W*who\s+(?:{_AUX}\s+)?(?:been\s+|being\s+)?(?P<verb>[a-z][\w-]+)", re.I)
_WH_VERB = re.compile(rf"^\W*(?i:when|where|who|whom)\s+(?P<aux>(?i:{_AUX}))\s+(?P<subj>(?:he|she|they|it|we|you|i)|(?:the\s+)?"
                      rf"(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*(?:\s+and\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*)?"
                      rf"|(?:the|his|her|their|its)\s+\w+)\s+(?P<verb>[a-z][\w-]+)")
_FACT_KINDS = frozenset((QuestionKind.WHO, QuestionKind.WHEN, QuestionKind.WHERE, QuestionKind.HOW_MUCH, QuestionKind.HOW_MANY))
"""Questions asking for a fact of a kind (a name, a time, a place, an amount), which a cue finds wherever it is
written: put "according to X", they stay such questions."""
_VERB_KINDS = frozenset((QuestionKind.WHO, QuestionKind.WHEN, QuestionKind.WHERE))
_BE_HAVE = frozenset("is was are were has have had".split())
_PAST_FORMS = frozenset(w for entry in IRREGULAR.replace("\n", " ").split(";") for w in entry.split()[1:])
"""Irregular past forms ("born", "held", "gone"): participles too."""


def _verb_and_subject(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The verb a who/when/where question names and the capitalised names of its subject: "who met Putin"
    (met), "where did Putin and Wang meet" (meet; Putin, Wang), "when is Xi visiting" (visiting; Xi)."""
    text = text.strip()
    m = _WH_VERB.match(text) or _WHO_VERB.match(text)
    if not m:
        return None, ()
    verb = m.group("verb").lower()
    if "subj" in m.groupdict():
        subject = tuple(re.findall(r"[A-Z][\w’'.-]*", m.group("subj")))
        verb = _verb_after(m.group("aux").lower(), text[m.start("subj"):])
    else:
        subject = ()
    return (None if verb is None or verb in STOPWORDS else verb), subject


_FOLLOWS_VERB = frozenset("in on at to into from for with by over up off down back after before as about against "
                          "the a an his her its their my our your this that these those".split())
"""Words that stand right after the verb of a when/where/who question ("start in", "file the claim")."""
_DETERMINERS = frozenset("the a an his her its their my our your this that these those".split())
_PARTICIPLE = re.compile(r"[a-z][\w-]*(?:ed|ing|en|wn)$")


def _verb_after(aux: str, rest: str) -> str | None:
    """The verb of a when/where/who question, from ``rest``, its words after the auxiliary ``aux``. After "is", "was",
    "has" a participle ("Where was Patsy Rowlands born", "When was Sir Nicholas Scott deselected"; "Who is the chief
    executive" has none); after "did", "will" the first lowercase word past the subject that ends the question or
    stands before a preposition, an article or a name ("When did Merck pull Vioxx", "When did the Clinton
    administration file the tobacco claim", "When does Patti Smith's Meltdown festival start")."""
    words = re.findall(r"[\w’'-]+", rest)
    if aux in _BE_HAVE:
        return next((w.lower() for w in words if w[:1].islower() and (_PARTICIPLE.match(w) or w in _PAST_FORMS)), None)
    for i, w in enumerate(words):
        if not w[:1].islower() or w in _DETERMINERS or w in STOPWORDS:
            continue
        after = words[i + 1] if i + 1 < len(words) else None
        if after is None or after.lower() in _FOLLOWS_VERB or after[:1].isupper():
            return w.lower()
    return None


_WHEN = re.compile(r"\b(?:what|which)\s+(?:\w+\s+)?(?:year|years|date|day|month|century|decade|time|era|period|season)\b")
_WHERE = re.compile(r"\b(?:what|which)\s+(?:\w+\s+)?(?:city|cities|country|countries|state|states|town|place|region|"
                    r"continent|location|area|county|province|island|river|street|building|venue|stadium)\b")
_HOW_MUCH = re.compile(r"\b(?:what|which)\s+(?:[\w-]+\s+)?(?:percentage|percent|amount|cost|price|sum|fee|salary|"
                       r"value|rate|proportion|fraction|share|profit|profits|revenue|revenues|"
                       r"pay\s+rise|pay\s+increase|budget)\b|\bhow\s+(?:large|big|high|long|far|old|tall|"
                       r"heavy|fast|much)\b")
_WHO = re.compile(r"\b(?:whom|whose)\b|\b(?:what|which)\s+(?:\w+\s+)?(?:person|people|man|woman|player|"
                  r"scientist|king|president|leader|company|team|group|organization|organisation|author|artist|"
                  r"minister|official|manager|coach|politician|writer)\b")


def _is_speech_verb(m: re.Match) -> bool:
    """True when the question's verb speaks: "What did Blair say", not "What does the Islamic State lack",
    "What does the value added by ..." (a passive) or "What did Watt add to the steam engine"."""
    verb, after = m.group("verb"), m.string[m.end("verb"):]
    if verb[:1].isupper() or (m.re is _SPEECH and re.match(r"\s+by\b", after, re.I)):
        return False
    return not (verb.lower() in ("add", "added") and re.match(r"\s+to\b", after, re.I))


def _someone(words: str) -> bool:
    """True when ``words`` name someone who can be quoted: a name ("John Kirwan", "the AAA") or a phrase headed by a
    role, group or document word ("the Tory leader", "the ministry", "a 1955 review"); not "the theory", "legend"
    or "the party line", which a question cites but nobody speaks."""
    last = words.split()[-1]
    return last[:1].isupper() or lexicon.singular(last.lower()) in lexicon.SPEAKER_HEADS


def _is_speaker(words: str, loose: bool = False) -> bool:
    """True when ``words`` can name who speaks: "Wang", "the prime minister", "the Bank of England",
    not "the name of the" or "another way to". ``loose`` admits too a role of a body written long or after a
    possessive ("the commissioner of the Bureau of Labor", "Nokia's head of market development"), which
    the articles seldom write the same way ("Kathleen Utgoff, commissioner of the Bureau of Labor, said")."""
    words = words.strip(" ,")
    if not words or re.fullmatch(r"(?i)you|i|we|they|it|he|she|people|everyone|anyone|someone|some|many|most|others|few|all|both|one", words):
        return False
    lower = [w for w in words.split() if not w[:1].isupper()]  # "the Independent Manchester United Supporters' ..."
    if len(lower) > 5 or len(words.split()) > (9 if loose else 5) or \
            re.search(r"(?i)\b(?:to|when|where|that|which|who|is|was|are|were|be)\b", words):
        return False
    if re.match(r"(?i)(?:some|many|most|several|few)\s", words):
        return False  # "how do some scholars view ...": a quantified group is no one speaker
    if re.search(r"(?i)\b(?:the|a|an|this|that|his|her|its|their)$", words):
        return False  # "What did the civil war leave the state of ...": a name does not end with "the"
    if loose and re.match(r"[A-Z][\w.&-]*(?:['’]s|s['’])\s", words):
        return True  # "Nokia's head of market development", "Corvid's director of programmes"
    return not re.search(r"(?i)\bof\b", words) or any(w[:1].isupper() for w in words.split()[1:])


def _kind(text: str) -> QuestionKind:
    """The question's type from its question words (opening or inner: "In what year ...")."""
    low = text.strip().lower()
    if re.search(r"\bhow\s+many\b", low):
        return QuestionKind.HOW_MANY
    if re.search(r"\bhow\s+much\b", low):
        return QuestionKind.HOW_MUCH
    if re.match(r"(?:\W*\w+\s+){0,2}when\b", low) or _WHEN.search(low):
        return QuestionKind.WHEN
    if re.match(r"(?:\W*\w+\s+){0,2}where\b", low) or _WHERE.search(low):
        return QuestionKind.WHERE
    if re.match(r"(?:\W*\w+\s+){0,2}who\b", low) or _WHO.search(low):
        return QuestionKind.WHO
    if _HOW_MUCH.search(low):
        return QuestionKind.HOW_MUCH
    if re.match(r"(?:\W*\w+\s+){0,2}why\b", low):
        return QuestionKind.WHY
    if re.search(r"\b(?:what|which)\b", low):
        return QuestionKind.WHAT
    if re.match(r"(?:\W*\w+\s+){0,2}how\b", low):
        return QuestionKind.HOW
    if _YESNO.match(low):
        return QuestionKind.YESNO
    return QuestionKind.KEYWORDS
