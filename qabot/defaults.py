"""Defaults the command line shows in its options, kept apart from the modules that use them so that
parsing a command imports nothing heavy (numpy, the tokenizer): a cold ``qabot ask`` starts its
staleness check before those imports (see ``cli.cmd_ask``)."""

SCORINGS = ("lucene", "okapi", "bm25l", "bm25plus")
"""Supported scoring functions; ``lucene`` is Okapi's tf part with the non-negative IDF
``log(1 + (N - n + 0.5) / (n + 0.5))``, so a term present in most passages still counts a little."""

DEFAULT_SCORING = "lucene"

DEFAULT_MAX_TOKENS = 384
"""Default passage budget, in tokens (measured on SQuAD, SciFact and the BBC sets; see README)."""
