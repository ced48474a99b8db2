"""A tuning folder of short articles and its questions, scored by kind as the held-out small sets are.

    python bench/small.py [--set small_tuning4] [-v]

``bench/data/SET/articles/`` holds the articles, ``bench/data/SET/questions.jsonl`` the questions (keys
``question``, ``answers``, ``kind``: factoid, speech, about, yesno, unanswerable; ``article``). A tuning
set: its questions and failures may be read. The figures are ``bench/heldout.py``'s for its small
articles (a summary question with no verbatim answer is not scored); ``-v`` prints every answer.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout import read, report  # noqa: E402

from qabot.answering import Answerer  # noqa: E402
from qabot.build import build  # noqa: E402
from qabot.index import Index  # noqa: E402

DATA = Path(__file__).parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="small_tuning4", help="a folder under bench/data/")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    folder = DATA / args.set
    with tempfile.TemporaryDirectory() as tmp:
        build([folder / "articles"], Path(tmp) / "index")
        report(f"questions about the {args.set} articles", Answerer(Index.open(Path(tmp) / "index")),
               read(folder / "questions.jsonl"), args.verbose)


if __name__ == "__main__":
    main()
