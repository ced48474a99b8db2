"""Shared fixtures: every test runs in its own folder with its own state and index locations."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


def _build_c_helper() -> None:
    """The tests import qabot from this tree, where ``pip install`` does not put the C helper it builds
    (``qabot/_statat.c``, see pyproject.toml): built here in place as pip builds it, when a C compiler is at hand, so
    the folder scans it does are tested as an installed qabot runs them. Without a compiler qabot lists files in
    Python, and the tests of the helper say it is not built."""
    import sysconfig

    source = PROJECT / "qabot" / "_statat.c"
    built = PROJECT / "qabot" / f"_statat{sysconfig.get_config_var('EXT_SUFFIX')}"
    if not source.exists() or built.exists() and built.stat().st_mtime >= source.stat().st_mtime:
        return
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return
    subprocess.run([compiler, "-shared", "-fPIC", "-O2", f"-I{sysconfig.get_paths()['include']}", str(source),
                    "-o", str(built)], check=False, capture_output=True)


_build_c_helper()
SEEDS = PROJECT / "seeds"
SEED = SEEDS / "000_dfce30cfe0989a0b.txt"
SHARED = PROJECT.parent / "shared"
BBC_ZIP = SHARED / "data" / "bbc-fulltext.zip"

WANG_1 = ("“On the Ukraine issue, China has always stood on the side of peace and dialogue, and has always "
          "insisted on pressing for peace and negotiation,” Wang said in a meeting with Ukrainian Foreign Minister "
          "Dmytro Kuleba on Saturday, when they were both in Munich for an annual security conference, according "
          "to China’s official summary of the meeting.")
WANG_2 = "“We don’t want to see the Ukraine crisis perpetuate and expand,” Wang said."
SEED_TITLE = "In meeting with China’s top diplomat, Putin aims to shore op Beijing’s support"
os.environ["QABOT_BACKGROUND"] = "0"
"""No speaker pass in the background after a test's build (``building.speaker_pass.start``): a test that removes or
copies an index folder right after building it must not race a pass adding files to it. The pass's own tests turn it
on (``BACKGROUND``)."""
BACKGROUND = {"QABOT_BACKGROUND": "1"}
REQUIRE_SHARED = os.environ.get("QABOT_REQUIRE_SHARED") == "1"
"""Set by .ci/run when ../shared is beside the project: then every test must run, and a skip is a failure."""
CHROME = ("top of page", "Writer's picture", "Writer’s picture", "views0 comments", "bottom of page", "San Juan Daily Star")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With QABOT_REQUIRE_SHARED=1, a skipped test (a missing data file, say) is reported as a failure."""
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_SHARED and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, but QABOT_REQUIRE_SHARED=1 requires every test to run: {reason}"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Run in a fresh folder; state, history, config and the data-folder index live under it; no colour."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("QABOT_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("QABOT_INDEX", raising=False)
    monkeypatch.delenv("QABOT_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("QABOT_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return work


@pytest.fixture
def seeds(isolated):
    """The bundled corpus copied into the test folder as ``seeds/``."""
    shutil.copytree(SEEDS, isolated / "seeds")
    return isolated / "seeds"


def run(*args: str, input: str | None = None, env: dict | None = None, cwd: Path | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``python -m qabot ARGS`` as a subprocess, capturing text output."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "qabot", *args], input=input, capture_output=True, text=True,
                          env=full_env, cwd=cwd, timeout=timeout)


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    """Write ``articles`` (file name to text, UTF-8) into a new ``folder``; returns the folder."""
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def index_articles(tmp_path: Path, **texts: str) -> Path:
    """Plain-text articles (headline, blank line, body; keyword to text) written to ``tmp_path/articles``
    as ``NAME.txt`` and indexed through the CLI into ``tmp_path/idx``; returns the index folder."""
    folder = write_articles(tmp_path / "articles", {f"{name}.txt": text for name, text in texts.items()})
    result = run("index", str(folder), "--index", str(tmp_path / "idx"))
    assert result.returncode == 0, result.stderr
    return tmp_path / "idx"


def first_text(answer: dict) -> str:
    """The first answer's text of ``ask --json`` output, which must not be a refusal."""
    assert answer["no_answer"] is False, answer["message"]
    return answer["answers"][0]["text"]


def attributed(text: str) -> dict[str, str | None]:
    """Every sentence of ``text`` (paragraphs split at blank lines) with its speaker."""
    from qabot.passages import split_sentences
    from qabot.speakers import attribute_paragraph

    out = {}
    at = 0
    for paragraph in text.split("\n\n"):
        start = text.index(paragraph, at)
        at = start + len(paragraph)
        spans = split_sentences(text, start, at)
        for (s, e), who in zip(spans, attribute_paragraph(text, spans)):
            out[text[s:e].strip()] = who.speaker
    return out


def ask_json(index: Path, *questions: str) -> list[dict]:
    """Ask ``questions`` through ``qabot ask --index INDEX --json -`` (one per line): the JSON answers."""
    result = run("ask", "--index", str(index), "--json", "-", input="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def answer_texts(index: Path, question: str, params: dict, tmp: Path) -> list[str]:
    """The answers' texts to ``question`` asked with answering ``params`` (``qabot ask --params``); fails on no answer."""
    path = tmp / "params.json"
    path.write_text(json.dumps(params), encoding="utf-8")
    result = run("ask", question, "--index", str(index), "--json", "--params", str(path))
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert not answer["no_answer"], answer["message"]
    return [a["text"] for a in answer["answers"]]


@pytest.fixture(scope="session")
def bbc_dir(tmp_path_factory) -> Path:
    """The BBC articles unzipped (skips when the shared data is not beside the project)."""
    if not BBC_ZIP.exists():
        pytest.skip(f"{BBC_ZIP} not found")
    target = tmp_path_factory.mktemp("bbc")
    with zipfile.ZipFile(BBC_ZIP) as z:
        z.extractall(target)
    return target / "bbc-fulltext" / "bbc"


@pytest.fixture(scope="session")
def bbc_index(bbc_dir, tmp_path_factory) -> Path:
    """An index of all BBC articles, built once per session through the CLI."""
    index = tmp_path_factory.mktemp("bbc-index") / "index"
    # speakers worked out by each answer (no pass in the background changes it under the tests)
    result = run("index", str(bbc_dir), "--index", str(index), "--no-speakers", cwd=bbc_dir.parent)
    assert result.returncode == 0, result.stderr
    return index


def update_ops(n_texts: int, max_size: int):
    """A hypothesis strategy of index updates over ``n_texts`` articles: (op, a, b) with op add (b articles from
    text a on), edit (file a gets text b), remove (file a) or merge."""
    from hypothesis import strategies as st

    return st.lists(st.one_of(
        st.tuples(st.just("add"), st.integers(0, n_texts - 1), st.integers(1, 3)),
        st.tuples(st.just("edit"), st.integers(0, 99), st.integers(0, n_texts - 1)),
        st.tuples(st.just("remove"), st.integers(0, 99), st.just(0)),
        st.tuples(st.just("merge"), st.just(0), st.just(0)),
    ), min_size=1, max_size=max_size)


def build_through(scratch: Path, texts: list[str], ops, settings, after=None) -> tuple[Path, Path]:
    """Index three of ``texts`` in ``scratch/corpus`` into ``scratch/index``, then apply each of ``ops``
    (``update_ops``) to the folder, updating the index after each (merging all on "merge"); (folder, index).
    ``after(index_dir, step)``, when given, is called after each build (step 0 the first)."""
    from qabot.build import build

    folder, index_dir = scratch / "corpus", scratch / "index"
    folder.mkdir()
    for i in range(3):
        (folder / f"start-{i}.txt").write_text(texts[i], encoding="utf-8")
    build([folder], index_dir, settings, processes=1)
    if after is not None:
        after(index_dir, 0)
    made = 0
    for step, (op, a, b) in enumerate(ops, 1):
        names = sorted(p.name for p in folder.iterdir())
        if op == "add":
            for j in range(b):
                (folder / f"added-{made}.txt").write_text(texts[(a + j) % len(texts)], encoding="utf-8")
                made += 1
        elif op == "edit" and names:
            (folder / names[a % len(names)]).write_text(texts[b], encoding="utf-8")
        elif op == "remove" and len(names) > 1:
            (folder / names[a % len(names)]).unlink()
        build([folder], index_dir, settings, processes=1, merge=op == "merge")
        if after is not None:
            after(index_dir, step)
    return folder, index_dir
