"""``python -m qabot`` runs the command line.

``qabot ask``'s staleness check (a forked process listing the corpus, the longest part of a cold ask at many
files) is started here, before the command line module, argparse and the rendering are imported: only
``workspace`` (and the listing it forks) is needed to start it, so the listing begins about 20 ms sooner.
"""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as cli.main sets it, before anything imports numpy
    from .workspace import early_check

    early = early_check(sys.argv[1:])
    from .cli import main

    raise SystemExit(main(early=early))
