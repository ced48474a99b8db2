"""Dataclass methods kept between runs of the command line (``codecache``): the code taken from the cache file is
the code ``dataclasses`` compiles itself, the CLI answers the same with it, and a damaged file is compiled anew."""

from __future__ import annotations

import dataclasses
import importlib
import sys
import types

from conftest import run

from qabot import codecache

SOURCE = '''
import dataclasses, enum, typing
from dataclasses import dataclass, field

class Kind(enum.Enum):
    A = 1

@dataclass(frozen=True)
class Frozen:
    """frozen, ordered by default fields, a factory, a class variable"""
    a: int
    b: str = "x"
    c: tuple = ()
    d: list = field(default_factory=list)
    kind: Kind = Kind.A
    limit: typing.ClassVar[int] = 3

@dataclass(order=True, slots=True)
class Slotted:
    x: float
    y: "int | None" = None

@dataclass(kw_only=True, eq=False)
class Keywords:
    name: str
    count: int = 0
    def __post_init__(self):
        self.count += 1

@dataclass(unsafe_hash=True)
class Hashed:
    p: int
    q: int = field(default=2, compare=False)
'''
"""Dataclasses of every kind the generated methods take (frozen, slots, keyword-only, order, hash, defaults)."""


def _make(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    sys.modules[name] = module  # dataclasses looks its module up (string annotations, slots)
    try:
        exec(compile(SOURCE, f"<{name}>", "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return module


def _methods(module: types.ModuleType) -> dict[str, types.CodeType]:
    out = {}
    for cls in ("Frozen", "Slotted", "Keywords", "Hashed"):
        for attr, value in vars(getattr(module, cls)).items():
            if isinstance(value, types.FunctionType):
                out[f"{cls}.{attr}"] = value.__code__
    return out


def _fresh_module(monkeypatch, state) -> types.ModuleType:
    monkeypatch.setenv("QABOT_STATE_DIR", str(state))
    codecache.disable()
    return importlib.reload(codecache)  # empty: nothing stored, used or enabled


def test_code_from_the_cache_is_the_code_dataclasses_compiles(isolated, monkeypatch):
    plain = _methods(_make("plain"))
    assert len(plain) > 15
    cache = _fresh_module(monkeypatch, isolated / "state")
    try:
        cache.enable()
        assert dataclasses.exec is cache._exec
        compiled = _methods(_make("compiled"))  # compiled here, and remembered
        assert cache._fresh and len(cache._used) == len(plain) - 1  # __post_init__ is the class's own
        cache.save()
        assert (isolated / "state" / "dataclass-code").is_file()
        cache.disable()
        assert "exec" not in vars(dataclasses)
        cache = _fresh_module(monkeypatch, isolated / "state")
        cache.enable()
        assert len(cache._stored) == len(plain) - 1
        kept = _methods(_make("kept"))  # from the file
        assert not cache._fresh
        made = _make("made")
        assert made.Frozen(1) == made.Frozen(1, "x") != made.Frozen(2)
        assert repr(made.Frozen(1)) == "Frozen(a=1, b='x', c=(), d=[], kind=<Kind.A: 1>)"
        assert made.Slotted(1.0) < made.Slotted(2.0) and made.Keywords(name="n").count == 1
        assert hash(made.Hashed(1, 5)) == hash(made.Hashed(1, 6))
        try:
            made.Frozen(1).a = 2
            raise AssertionError("a frozen dataclass was changed")
        except dataclasses.FrozenInstanceError:
            pass
    finally:
        cache.disable()
    assert plain.keys() == compiled.keys() == kept.keys()
    for name, code in plain.items():
        assert compiled[name] == code, name  # code objects compare their bytecode, constants, names, flags, lines
        assert kept[name] == code, name


def test_asking_twice_answers_the_same_with_the_cache_and_survives_a_damaged_one(seeds, isolated):
    cache = isolated.parent / "state" / "dataclass-code"
    first = run("ask", "--json", "what did Wang say about Ukraine")
    assert first.returncode == 0, first.stderr
    assert cache.is_file()
    written = cache.stat().st_mtime_ns
    second = run("ask", "--json", "what did Wang say about Ukraine")
    assert second.returncode == 0 and second.stderr == ""
    assert second.stdout == first.stdout
    assert cache.stat().st_mtime_ns == written  # every method came from the cache: nothing new to keep
    blob = cache.read_bytes()
    cache.write_bytes(blob[:-200] + bytes(200))  # damaged: the checksum differs
    third = run("ask", "--json", "what did Wang say about Ukraine")
    assert third.returncode == 0 and third.stderr == ""
    assert third.stdout == first.stdout
    assert cache.read_bytes() != blob[:-200] + bytes(200)  # compiled anew and kept again
    kept = cache.stat().st_mtime_ns
    fourth = run("ask", "--json", "what did Wang say about Ukraine")
    assert fourth.stdout == first.stdout and cache.stat().st_mtime_ns == kept
