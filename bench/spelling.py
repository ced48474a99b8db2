"""Spelling correction over the BBC vocabulary: rapidfuzz (qabot/spelling.py) against symspellpy.

    python bench/spelling.py [--work /tmp/qabot-bench]

Both correct the same real misspellings of words the BBC articles hold (typed as people type them:
swapped, dropped, doubled and wrong letters, phonetic spellings) against the same vocabulary (every
spelling the index counted, lowercased, with its count), with the same rule: the closest word by
optimal string alignment distance (Levenshtein with a swap of neighbouring letters as one edit; at
most 2 edits, 1 for words under five letters), then the same first letter, then the most frequent.
Prints accuracy, build time and time per word for each, and every miss.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import bbc_dir  # noqa: E402

from qabot.index import Index  # noqa: E402
from qabot.spelling import Speller, SpellingParams, _key  # noqa: E402

MISSPELLINGS = {
    "duaghter": "daughter", "lybia": "libya", "ukrane": "ukraine", "wnag": "wang", "goverment": "government",
    "parliment": "parliament", "chancelor": "chancellor", "elecion": "election", "recieve": "receive",
    "beleive": "believe", "seperate": "separate", "untill": "until",
    "tommorow": "tomorrow", "arsenel": "arsenal", "chelsae": "chelsea", "liverpol": "liverpool",
    "mourihno": "mourinho", "econmy": "economy", "inflaton": "inflation", "unemployement": "unemployment",
    "microsft": "microsoft", "gogle": "google", "ipdo": "ipod", "musci": "music", "televison": "television",
    "oscers": "oscars", "blari": "blair", "brwon": "brown", "howrad": "howard", "footbal": "football",
    "tenis": "tennis", "athelete": "athlete", "olympcs": "olympics", "referandum": "referendum",
    "immigation": "immigration", "terorism": "terrorism", "europen": "european", "chinse": "chinese",
    "amercian": "american", "busines": "business", "profts": "profits", "invesment": "investment",
    "compnay": "company", "gonzalo": None, "ginzalo": "gonzalo", "iraq": None, "irak": "iraq",
    "afganistan": "afghanistan", "pakistain": "pakistan", "isreal": "israel", "palestinain": "palestinian",
    "presidnet": "president", "minsiter": "minister", "spokesman": None, "abut": None, "definately": None, "comission": "commission",
    "comittee": "committee", "accomodation": "accommodation", "occured": "occurred", "sucess": "success",
    "buisness": "business", "wich": "which", "becuase": "because", "thier": "their", "goverments": "governments",
    "schwarzeneger": "schwarzenegger", "zimbabwae": "zimbabwe", "abramovic": "abramovich", "kilroy": None,
}
"""Misspelling -> the BBC word meant (None: a word the corpus holds, which must stay as it is)."""


def symspell_speller(counts: dict[str, int], params: SpellingParams):
    """The same rule with SymSpell's precomputed deletes (symspellpy; its distance also counts a swap as one)."""
    from symspellpy import SymSpell, Verbosity

    symspell = SymSpell(max_dictionary_edit_distance=params.max_distance, prefix_length=7)
    for word, count in counts.items():
        if len(word) >= params.min_length:
            symspell.create_dictionary_entry(word, count)

    def correct(word: str) -> str | None:
        key = _key(word)
        if key in counts or len(key) < params.min_length:
            return None
        limit = params.max_distance if len(key) >= params.long_word else 1
        found = symspell.lookup(key, Verbosity.CLOSEST, max_edit_distance=limit)
        return min(found, key=lambda s: (s.distance, s.term[0] != key[0], -s.count, s.term)).term if found else None

    return correct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench"))
    args = parser.parse_args()
    index_dir = args.work / "index-quotes-bbc"
    if not (index_dir / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "qabot", "index", str(bbc_dir(args.work)), "--index", str(index_dir)],
                       check=True, capture_output=True)
    forms = Index.open(index_dir).word_counts()[0]
    counts: dict[str, int] = {}
    for form, n in forms.items():
        counts[_key(form)] = counts.get(_key(form), 0) + n
    for word, meant in MISSPELLINGS.items():
        assert meant is None or meant in counts, f"{meant} is not a BBC word"
        assert (word in counts) == (meant is None), f"{word}: the corpus {'lacks' if meant is None else 'holds'} it"
    params = SpellingParams()
    start = time.perf_counter()
    speller = Speller(forms.items(), params)
    fuzzy_build = time.perf_counter() - start
    start = time.perf_counter()
    symspell = symspell_speller(counts, params)
    symspell_build = time.perf_counter() - start
    print(f"vocabulary: {len(counts):,} words; {len(MISSPELLINGS)} test words "
          f"({sum(m is None for m in MISSPELLINGS.values())} the corpus holds)")
    print(f"{'library':<12}{'correct':>9}{'accuracy':>10}{'build':>10}{'per word':>11}")
    for name, correct, build in (("rapidfuzz", lambda w: _key(speller.correct(w) or "") or None, fuzzy_build),
                                 ("symspellpy", symspell, symspell_build)):
        for word in MISSPELLINGS:  # warm
            correct(word)
        start = time.perf_counter()
        got = {word: correct(word) for word in MISSPELLINGS}
        per_word = (time.perf_counter() - start) / len(MISSPELLINGS)
        right = sum(got[w] == meant for w, meant in MISSPELLINGS.items())
        print(f"{name:<12}{right:>6}/{len(MISSPELLINGS):<3}{right / len(MISSPELLINGS):>9.1%}{build:>9.3f}s"
              f"{per_word * 1e3:>9.3f}ms")
        for word, meant in MISSPELLINGS.items():
            if got[word] != meant:
                print(f"    miss: {word} -> {got[word]} (meant {meant})")


if __name__ == "__main__":
    main()
