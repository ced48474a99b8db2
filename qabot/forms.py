"""Irregular English word forms that stemming leaves apart from their word ("won": win, "crises": crisis)."""

from __future__ import annotations

IRREGULAR = """
arise arose arisen; awake awoke awoken; bear bore borne born; beat beat beaten; become became become;
begin began begun; bend bent; bet bet; bind bound; bite bit bitten; bleed bled; blow blew blown;
break broke broken; breed bred; bring brought; broadcast broadcast; build built; burn burnt; buy bought;
catch caught; choose chose chosen; cling clung; come came; creep crept; deal dealt; dig dug; do did done;
draw drew drawn; dream dreamt; drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen;
feed fed; feel felt; fight fought; find found; flee fled; fling flung; fly flew flown; forbid forbade forbidden;
forget forgot forgotten; forgive forgave forgiven; freeze froze frozen; get got gotten; give gave given;
go went gone; grind ground; grow grew grown; hang hung; have had; hear heard; hide hid hidden; hit hit;
hold held; hurt hurt; keep kept; kneel knelt; know knew known; lay laid; lead led; lean leant; leap leapt;
learn learnt; leave left; lend lent; lie lay lain; light lit; lose lost; make made; mean meant; meet met;
overcome overcame; overtake overtook overtaken; pay paid; prove proven; ride rode ridden; ring rang rung;
rise rose risen; run ran; say said; see saw seen; seek sought; sell sold; send sent; set set; shake shook shaken;
shine shone; shoot shot; show shown; shrink shrank shrunk; sing sang sung; sink sank sunk; sit sat; sleep slept;
slide slid; speak spoke spoken; speed sped; spend spent; spin spun; split split; spread spread; spring sprang sprung;
stand stood; steal stole stolen; stick stuck; sting stung; strike struck stricken; strive strove striven;
swear swore sworn; sweep swept; swim swam swum; swing swung; take took taken; teach taught; tear tore torn;
tell told; think thought; throw threw thrown; undergo underwent undergone; understand understood;
undertake undertook undertaken; wake woke woken; wear wore worn; weave wove woven; weep wept; win won;
wind wound; withdraw withdrew withdrawn; write wrote written
"""
"""Each entry: the verb, then its past forms that differ from it."""

IRREGULAR_NOUNS = """
man men; woman women; child children; foot feet; tooth teeth; mouse mice; goose geese; ox oxen;
analysis analyses; basis bases; crisis crises; thesis theses; hypothesis hypotheses; diagnosis diagnoses;
criterion criteria; phenomenon phenomena; nucleus nuclei; fungus fungi; stimulus stimuli; radius radii;
alumnus alumni; index indices; appendix appendices; matrix matrices; vertex vertices; axis axes
"""
"""Each entry: the noun, then its plurals that stemming does not bring back to it."""


NATIONS = """
afghanistan afghan; albania albanian; algeria algerian; america american; argentina argentinian;
australia australian; austria austrian; belgium belgian; bosnia bosnian; brazil brazilian; britain british;
bulgaria bulgarian; canada canadian; chile chilean; china chinese; colombia colombian; croatia croatian;
cuba cuban; cyprus cypriot; denmark danish; egypt egyptian; england english; ethiopia ethiopian;
europe european; finland finnish; france french; germany german; greece greek; hungary hungarian; india indian;
indonesia indonesian; iran iranian; iraq iraqi; ireland irish; israel israeli; italy italian; jamaica jamaican;
japan japanese; kenya kenyan; korea korean; lebanon lebanese; libya libyan; malaysia malaysian; mexico mexican;
morocco moroccan; netherlands dutch; nigeria nigerian; norway norwegian; pakistan pakistani;
palestine palestinian; peru peruvian; portugal portuguese; romania romanian; russia russian; scotland scottish;
serbia serbian; spain spanish; sweden swedish; switzerland swiss; syria syrian; thailand thai;
uganda ugandan; ukraine ukrainian; vietnam vietnamese; wales welsh; zimbabwe zimbabwean; africa african;
asia asian
"""
"""Each entry: a country or continent, then its adjective, each a form of the other ("the Chinese economy" is found by
"growth in China", "Japan's brewers" by "Japanese brewers"). Not words that are other words too ("Turkey", "Polish")."""


def _nation_pairs() -> list[tuple[str, str]]:
    """``NATIONS`` as (country, adjective) pairs."""
    return [tuple(entry.split()) for entry in NATIONS.replace("\n", " ").split(";") if entry.strip()]


def nations() -> tuple[str, ...]:
    """The countries ``NATIONS`` names, lowercase ("greece", "italy")."""
    return tuple(place for place, _ in _nation_pairs())


def nationals() -> tuple[str, ...]:
    """The countries' adjectives ``NATIONS`` gives, lowercase ("greek", "italian")."""
    return tuple(adjective for _, adjective in _nation_pairs())


def irregular_forms() -> dict[str, str]:
    """Irregular form -> its word: past forms to their verb, plurals to their noun, a country's adjective to the
    country and the country to its adjective."""
    forms: dict[str, str] = {}
    for place, adjective in _nation_pairs():
        forms.setdefault(adjective, place)
        forms.setdefault(place, adjective)
    for entry in (IRREGULAR + ";" + IRREGULAR_NOUNS).replace("\n", " ").split(";"):
        if not entry.strip():
            continue
        base, *others = entry.split()
        for form in others:
            if form != base:
                forms.setdefault(form, base)
    return forms
