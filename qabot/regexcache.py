"""Compiled regular expressions kept between runs of the command line.

The answering rules are regular expressions of thousands of characters (speakers/ names every verb of
speech in several patterns), and Python compiles each anew in every process: some 70 ms of CPU, a sixth
of a cold ``qabot ask``. ``enable()`` lets ``re`` take a pattern's compiled form from a file an earlier
run left, and ``save()`` keeps what this run compiled for the next.

An entry is found by the pattern's text and flags, in a file made by the same Python (version and the
regular expression engine's magic number), so a changed pattern is compiled afresh, never matched with
an old program; the engine checks every program it is given. Anything unexpected (another Python's
``re`` internals, a damaged or missing file, a folder that cannot be written) leaves ``re`` compiling
as it always does. Only the command line enables it: the library never changes ``re`` behind its user.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from pathlib import Path

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python's internals: nothing is cached
    _sre = _compiler = _parser = None

_KEY = (sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))
_FORMAT = 2

OWNERS = ("qabot",)
"""The modules whose patterns are kept (module name prefixes)."""

_original = None
_stored: dict[tuple[str, int], bytes] = {}
"""The file's programs by (pattern, flags), each still marshalled: unpacked only when its pattern is compiled."""
_used: dict[tuple[str, int], bytes] = {}
_fresh = False
_name = "regex-cache"
"""The cache file ``enable`` read and ``save`` writes: a command that builds keeps its own (its patterns are
not the answering rules'), so that asking and indexing in turn do not rewrite one file each time."""


_keeping = False
"""Whether this process keeps other derived tables between runs (``keep_tables``, ``kept_file``)."""


def cache_file(name: str = "regex-cache") -> Path:
    """``name`` (``regex-cache``) in ``$QABOT_STATE_DIR``, else in ``$XDG_CACHE_HOME/qabot`` (``~/.cache/qabot``)."""
    if os.environ.get("QABOT_STATE_DIR"):
        return Path(os.environ["QABOT_STATE_DIR"]) / name
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qabot" / name


def keep_tables() -> None:
    """Let this process keep tables that are slow to make (the tokenizer's, see ``passages.encoding``) in
    the cache folder between runs. Only the command line asks for it."""
    global _keeping
    _keeping = True


def kept_file(name: str) -> Path | None:
    """Where the table ``name`` is kept between runs, or None when this process keeps none."""
    return cache_file(name) if _keeping else None


def enable(name: str = "regex-cache") -> None:
    """Compile regular expressions through the cache file ``name`` from now on, in this process."""
    global _original, _stored, _name
    if _original is not None or _compiler is None or not hasattr(_compiler, "_code") or not hasattr(_parser, "parse"):
        return
    try:
        _name = name
        stored = marshal.loads(cache_file(name).read_bytes())
        if isinstance(stored, dict) and stored.get("format") == _FORMAT and stored.get("key") == _KEY:
            _stored = stored["entries"] if isinstance(stored.get("entries"), dict) else {}
    except (OSError, ValueError, EOFError, TypeError):
        _stored = {}
    _original = _compiler.compile
    _compiler.compile = _compile


def disable() -> None:
    """Compile as ``re`` always does again (what was compiled meanwhile stays until ``save``)."""
    global _original
    if _original is not None:
        _compiler.compile = _original
        _original = None


def _compile(pattern, flags=0):
    """``re._compiler.compile`` for a pattern given as text: its program from the cache, else compiled (as
    ``re`` does it) and remembered."""
    global _fresh
    if not isinstance(pattern, str) or flags & re.DEBUG or not _ours(sys._getframe(1)):
        return _original(pattern, flags)
    key = (pattern, int(flags))
    packed = _stored.get(key)
    if packed is not None:
        try:
            compiled = _sre.compile(pattern, *marshal.loads(packed))
            _used[key] = packed
            return compiled
        except Exception:  # a program the engine refuses: compiled afresh below
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        args = (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
                tuple(indexgroup))
        compiled = _sre.compile(pattern, *args)
    except re.error:
        raise
    except Exception:  # internals not as expected: as re does it
        return _original(pattern, flags)
    _used[key] = marshal.dumps(args)
    _fresh = True
    return compiled


def _ours(frame) -> bool:
    """Whether qabot's own code asked for the pattern (other modules' may differ from run to run: tokenize
    builds one from a set), looking past ``re`` and ``functools``."""
    for _ in range(6):
        if frame is None:
            return False
        name = frame.f_globals.get("__name__", "")
        if name.startswith(OWNERS):
            return True
        if not name.startswith(("re", "functools")):
            return False
        frame = frame.f_back
    return False


def save() -> None:
    """Keep the programs this process used for the next run, when it compiled any afresh (written whole, then
    swapped in: a run reading meanwhile sees the old file or the new one)."""
    global _fresh
    if not _fresh:
        return
    path = cache_file(_name)
    temp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(marshal.dumps({"format": _FORMAT, "key": _KEY, "entries": _used}))
        os.replace(temp, path)
        _fresh = False
    except (OSError, ValueError):
        try:
            temp.unlink()
        except OSError:
            pass
