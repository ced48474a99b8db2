"""A cold ``qabot ask`` starts light: the answering rules' compiled patterns are kept between runs
(``regexcache``), and parsing a command imports nothing heavy."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from importlib import import_module

from conftest import SEED, run

from qabot import regexcache, speakers


def _patterns() -> list[re.Pattern]:
    """Every compiled pattern of the speaker rules (each stage of ``qabot.speakers``), the longest qabot has."""
    found: dict[int, re.Pattern] = {}
    for stage in pkgutil.iter_modules(speakers.__path__):
        for v in vars(import_module(f"{speakers.__name__}.{stage.name}")).values():
            if isinstance(v, re.Pattern):
                found.setdefault(id(v), v)
    return list(found.values())


def test_patterns_from_the_cache_match_as_re_compiles_them(isolated, monkeypatch):
    monkeypatch.setenv("QABOT_STATE_DIR", str(isolated / "state"))
    monkeypatch.setattr(regexcache, "_stored", {})
    monkeypatch.setattr(regexcache, "_used", {})
    monkeypatch.setattr(regexcache, "_fresh", False)
    monkeypatch.setattr(regexcache, "_original", None)
    monkeypatch.setattr(regexcache, "OWNERS", ("qabot", __name__))  # this test asks as qabot's modules do
    patterns = _patterns()  # imported before the cache is on: importing compiles other patterns too
    regexcache.enable()
    text = SEED.read_text(encoding="utf-8")
    assert len(patterns) > 10
    try:
        cold = [regexcache._compile(p.pattern, p.flags) for p in patterns]  # compiled, and remembered
    finally:
        regexcache.disable()
    regexcache.save()
    assert regexcache.cache_file().is_file()
    monkeypatch.setattr(regexcache, "_stored", {})
    regexcache.enable()  # reads the file back
    try:
        assert len(regexcache._stored) == len(patterns)
        hot = [regexcache._compile(p.pattern, p.flags) for p in patterns]  # from the file
        assert not regexcache._fresh  # nothing compiled afresh
    finally:
        regexcache.disable()
    for p, c, h in zip(patterns, cold, hot):
        for q in (c, h):
            assert (q.pattern, q.flags, q.groups, q.groupindex) == (p.pattern, p.flags, p.groups, p.groupindex)
            assert [m.span() for m in q.finditer(text)] == [m.span() for m in p.finditer(text)]
            assert [m.groupdict() for m in q.finditer(text)] == [m.groupdict() for m in p.finditer(text)]


def test_asking_twice_answers_the_same_with_the_cache_and_survives_a_damaged_one(seeds, isolated):
    first = run("ask", "--json", "what did Wang say about Ukraine")
    assert first.returncode == 0, first.stderr
    cache = isolated.parent / "state" / "regex-cache"
    assert cache.is_file()
    written = cache.stat().st_mtime_ns
    second = run("ask", "--json", "what did Wang say about Ukraine")
    assert second.returncode == 0 and second.stderr == ""
    assert second.stdout == first.stdout
    assert cache.stat().st_mtime_ns == written  # every pattern came from the cache: nothing new to keep
    cache.write_bytes(b"\x00garbage")
    third = run("ask", "--json", "what did Wang say about Ukraine")
    assert third.returncode == 0 and third.stderr == ""
    assert third.stdout == first.stdout


def test_parsing_a_question_imports_nothing_heavy(isolated):
    """Until the staleness check has started (``cli.cmd_ask``), neither numpy nor the tokenizer is imported."""
    code = ("import sys; from qabot import cli; cli.make_parser().parse_args(['ask', 'x']); "
            "print(sorted(m for m in ('numpy', 'tiktoken', 'blingfire', 'qabot.index', 'qabot.answering') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_tokenizer_from_kept_tables_encodes_as_tiktoken_and_survives_a_damaged_file(isolated, monkeypatch):
    import tiktoken

    from qabot import passages

    monkeypatch.setattr(regexcache, "_keeping", True)
    kept = regexcache.kept_file(f"tiktoken-{passages.ENCODING}")
    assert kept is not None and not kept.exists()
    real = tiktoken.get_encoding(passages.ENCODING)
    text = SEED.read_text(encoding="utf-8") + " naïve café 東京 🙂 <|endoftext|>"
    tokens = real.encode(text, disallowed_special=())
    first = passages.encoding()  # made from the package's file, and kept
    assert kept.is_file()
    second = passages.encoding()  # from the kept tables
    for enc in (first, second):
        assert enc.name == real.name and enc.n_vocab == real.n_vocab
        assert enc.encode(text, disallowed_special=()) == tokens
        assert enc.decode(tokens) == text
    kept.write_bytes(kept.read_bytes()[:-100] + bytes(100))  # damaged: the tables' checksum differs
    assert passages.encoding().encode(text, disallowed_special=()) == tokens
    assert kept.is_file() and passages.encoding().encode(text, disallowed_special=()) == tokens
    monkeypatch.setattr(regexcache, "_keeping", False)  # the library alone keeps nothing
    kept.unlink()
    assert passages.encoding().encode(text, disallowed_special=()) == tokens and not kept.exists()


def test_a_cold_ask_does_not_start_openssl(seeds, isolated):
    """``hashlib`` (OpenSSL's start-up, about 2 ms) is imported where an index is written or verified, or stored
    attributions are read, never by a cold ask of an index without them."""
    assert run("index").returncode == 0
    code = ("import sys; before = 'hashlib' in sys.modules; from qabot import cli; "
            "status = cli.main(['ask', '--json', 'what did Wang say about Ukraine']); "
            "print('STATUS', status, before or 'hashlib' not in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "STATUS 0 True"
