"""The ``qabot`` command: the console script and ``python -m qabot`` both run ``run`` here.

For the commands run most often from a shell, ``qabot ask`` and ``qabot index``, three fixed costs are cut here
(docs/performance.md, "Fourth pass"):

- ``ask``'s staleness check (a forked process listing the corpus, the longest part of a cold ask at many
  files) starts before the command line module, argparse and the rendering are imported: only ``workspace``
  (and the listing it forks) is needed to start it.
- The dataclasses' generated methods are compiled once and kept between runs (``codecache``), as the
  answering rules' regular expressions are (``regexcache``).
- The cyclic garbage collector is off in this process: neither command makes cycles worth collecting, and
  its passes over every young object were 2% of a cold ask's instructions and 6% of a small update's (a
  build's worker processes collect as ever, and ``ask -``, which reads questions from stdin).
- Once the output is flushed, the process leaves without the interpreter's teardown (a last collection over
  every object, every module emptied, the tokenizer freed: 2% of a cold ask, 6% of a small update). When the
  output cannot be flushed, it leaves as Python always does.
"""

import os
import sys

from . import interrupts

interrupts.install(hold=True)  # first: a Ctrl-C at any moment is one line and exit 130 (see interrupts)


def _leave(code: int) -> None:
    """Exit with ``code`` without the interpreter's teardown, once stdout and stderr are flushed."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # a closed pipe, say: Python's own exit reports it as ever
        raise SystemExit(code)
    os._exit(code)


def run() -> None:
    """The ``qabot`` command (the console script and ``python -m qabot``)."""
    quick = sys.argv[1:2] in (["ask"], ["index"])
    try:
        interrupts.release()  # a Ctrl-C that came since this module was imported is said here
        if quick:
            import gc

            gc.disable()
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as cli.main sets it, before anything imports numpy
        from . import codecache

        codecache.enable()  # before the first dataclass is made (workspace has some)
        from .workspace import early_check

        early = early_check(sys.argv[1:])
        from .cli import main

        status = main(early=early)
        codecache.save()
    except KeyboardInterrupt:  # before the command's own handling began (in the imports, say)
        status = interrupts.stopped()
    except Exception:
        if not interrupts.received():
            raise
        # a Ctrl-C turned into another error on its way up: one that comes while a class is made (a dataclass's
        # fields) reaches here as "RuntimeError: Error calling __set_name__"
        status = interrupts.stopped()
    if quick and isinstance(status, int):
        _leave(status)
    raise SystemExit(status)


if __name__ == "__main__":
    run()
