"""Dataclass methods compiled by an earlier run of the command line.

``dataclasses`` makes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__setattr__``... from generated
source, compiled anew in every process: for the 31 dataclasses a cold ``qabot ask`` imports, 162 sources and
about 26 ms of CPU, most of the 35 ms ``@dataclass`` costs (docs/performance.md, "Fifth pass"). ``enable()``
lets ``dataclasses`` take a source's compiled code from a file an earlier run left, and ``save()`` keeps what
this run compiled afresh for the next.

An entry is found by the generated source itself, in a file made by the same Python (``sys.version`` and the
bytecode's magic number) and checksummed, so a changed class is compiled afresh, never run with old code; the
code is what ``exec`` of that source compiles (same file name, no inherited ``__future__`` flags: a test
compares them). Anything unexpected (a damaged or missing file, a folder that cannot be written) leaves
``dataclasses`` compiling as it always does. Only the command line enables it, before anything imports a
dataclass (``qabot.__main__``): the library never changes ``dataclasses`` behind its user.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys

_FORMAT = 1
_NAME = "dataclass-code"
_MOST = 4000
"""Entries kept from earlier runs at most; beyond it a save keeps only what its own run used."""

_stored: dict[str, bytes] = {}
"""The file's code by generated source, each still marshalled: unpacked only when its class is made."""
_used: dict[str, bytes] = {}
_fresh = False
_module = None


def _key() -> tuple:
    from importlib.util import MAGIC_NUMBER

    return sys.version, MAGIC_NUMBER


def cache_file() -> str:
    """``dataclass-code`` beside the regular expressions' cache: in ``$QABOT_STATE_DIR``, else in
    ``$XDG_CACHE_HOME/qabot`` (``~/.cache/qabot``)."""
    if os.environ.get("QABOT_STATE_DIR"):
        return os.path.join(os.environ["QABOT_STATE_DIR"], _NAME)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "qabot", _NAME)


def enable() -> None:
    """Compile dataclasses' generated methods through the cache file from now on, in this process."""
    global _stored, _module
    if _module is not None:
        return
    import dataclasses
    import zlib

    if "exec" in vars(dataclasses):  # someone else's hook: left alone
        return
    try:
        with open(cache_file(), "rb") as f:
            blob = f.read()
        stored = marshal.loads(blob[4:])
        if (int.from_bytes(blob[:4], "little") == zlib.crc32(blob[4:]) and isinstance(stored, dict)
                and stored.get("format") == _FORMAT and stored.get("key") == _key()
                and isinstance(stored.get("entries"), dict)):
            _stored = stored["entries"]
    except (OSError, ValueError, EOFError, TypeError):
        _stored = {}
    dataclasses.exec = _exec  # found before the builtin by ``dataclasses``' own ``exec(txt, globals, ns)``
    _module = dataclasses


def disable() -> None:
    """Compile as ``dataclasses`` always does again (what was compiled meanwhile stays until ``save``)."""
    global _module
    if _module is not None:
        if vars(_module).get("exec") is _exec:
            del _module.exec
        _module = None


def _exec(source, globals=None, locals=None, /):
    """``exec`` for ``dataclasses``: a generated source's code from the cache, else compiled as ``exec`` would
    (file ``<string>``, no ``__future__`` flags inherited) and remembered."""
    global _fresh
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    packed = _stored.get(source)
    code = None
    if packed is not None:
        try:
            code = marshal.loads(packed)
            _used[source] = packed
        except (ValueError, EOFError, TypeError):
            code = None
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _used[source] = marshal.dumps(code)
        _fresh = True
    return builtins.exec(code, globals, locals)


def save() -> None:
    """Keep the code this process compiled for the next run, when it compiled any afresh (the file's other
    entries too, up to ``_MOST``; written whole, then swapped in)."""
    global _fresh
    if not _fresh:
        return
    import zlib

    entries = dict(_stored) if len(_stored) + len(_used) <= _MOST else {}
    entries.update(_used)
    path = cache_file()
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        payload = marshal.dumps({"format": _FORMAT, "key": _key(), "entries": entries})
        with open(temp, "wb") as f:
            f.write(zlib.crc32(payload).to_bytes(4, "little") + payload)
        os.replace(temp, path)
        _fresh = False
    except (OSError, ValueError):
        try:
            os.unlink(temp)
        except OSError:
            pass
