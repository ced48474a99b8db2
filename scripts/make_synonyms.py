"""Write a table of the synonyms of words as analysed terms, from WordNet 3.0's plain-text files (an experiment's
tool: no answering rule reads the table; docs/answers.md, "Synonyms from WordNet", measured three uses and kept none).

    python scripts/make_synonyms.py [--wordnet /usr/share/wordnet] [--out /tmp/synonyms.txt]

Nothing reads WordNet at run time: this script derives a small table once (Debian's ``wordnet-base`` puts WordNet 3.0
in /usr/share/wordnet; a fresh machine need not have it).

Two single words are synonyms when they share a synset that is one of the ``--senses`` commonest senses of EACH of
them (``index.*`` lists a word's senses commonest first, and its tag-sense count says how many of them were ever seen
in the tagged corpus: a sense never seen does not count), so "attend" and "go to" are not read as "see" and
"assist". Multi-word lemmas ("line_of_work"), words with a digit or an apostrophe, and stopwords are left out. Each
word becomes its term (``qabot.analysis.Analyzer``), and the table maps a term to the other terms of its synonyms
(none of them the term itself). WordNet's licence (permissive: use, copy, modify and distribute, with its notice kept)
is written at the head of the table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qabot.analysis import STOPWORDS, Analyzer  # noqa: E402

POS = ("noun", "verb", "adj", "adv")

LICENCE = """\
WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
Permission to use, copy, modify and distribute this software and database and its documentation for any purpose and
without fee or royalty is hereby granted, provided that you agree to comply with the following copyright notice and
statements, including the disclaimer, and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal use or for distribution.
THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
EXPRESS OR IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES
OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
The name of Princeton University or Princeton may not be used in advertising or publicity pertaining to distribution
of the software and/or database.  Title to copyright in this software, database and any associated documentation
shall at all times remain with Princeton University and LICENSEE agrees to preserve same."""


def frequent_senses(wordnet: Path, pos: str, senses: int) -> dict[str, list[int]]:
    """Each lemma of ``index.POS``: the offsets of its first ``senses`` senses that the tagged corpus saw."""
    out: dict[str, list[int]] = {}
    for line in (wordnet / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue  # the licence at the head of the file
        f = line.split()
        pointers = int(f[3])
        tagged = int(f[5 + pointers])
        offsets = [int(o) for o in f[6 + pointers:]]
        out[f[0]] = offsets[:min(senses, tagged)]
    return out


def synset_words(wordnet: Path, pos: str, offset: int) -> list[str]:
    """The lemmas of the synset at byte ``offset`` of ``data.POS`` (lowercased, adjective markers "(a)" left off)."""
    with open(wordnet / f"data.{pos}", "rb") as fh:
        fh.seek(offset)
        f = fh.readline().decode("latin-1").split()
    count = int(f[3], 16)
    return [w.split("(")[0].lower() for w in f[4:4 + 2 * count:2]]


def single(word: str) -> bool:
    """A single word of letters that is no stopword."""
    return word.isalpha() and word.isascii() and word not in STOPWORDS


def synonyms(wordnet: Path, senses: int) -> dict[str, set[str]]:
    """Term -> the terms of the words sharing one of its words' commonest senses (that sense one of theirs too)."""
    analyzer = Analyzer()
    table: dict[str, set[str]] = {}
    for pos in POS:
        frequent = frequent_senses(wordnet, pos, senses)
        for offset in sorted({o for offs in frequent.values() for o in offs}):
            words = [w for w in dict.fromkeys(synset_words(wordnet, pos, offset))
                     if single(w) and offset in frequent.get(w, ())]
            terms = {t for t in (analyzer.term(w) for w in words) if t}
            for t in terms:
                others = terms - {t}
                if others:
                    table.setdefault(t, set()).update(others)
    return table


def render(table: dict[str, set[str]], senses: int, wordnet: Path) -> str:
    """The table as text: ``#`` lines (source, command, licence), then ``term synonym ...`` per line, sorted."""
    head = [f"Synonyms as analysed terms, derived from WordNet 3.0 ({wordnet}: index.* and data.*) by",
            f"    python scripts/make_synonyms.py --senses {senses}",
            "Each line: a term, then the terms of the words sharing one of its commonest senses.", "", *LICENCE.splitlines()]
    lines = [("# " + h).rstrip() for h in head]
    lines += [" ".join([t, *sorted(table[t])]) for t in sorted(table)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--senses", type=int, default=2, help="how many of each word's commonest senses count")
    ap.add_argument("--out", type=Path, default=Path("/tmp/synonyms.txt"))
    args = ap.parse_args(argv)
    table = synonyms(args.wordnet, args.senses)
    args.out.write_text(render(table, args.senses, args.wordnet), encoding="utf-8")
    print(f"{len(table)} terms, {sum(map(len, table.values()))} pairs -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
