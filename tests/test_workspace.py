"""Where qabot finds its index and defaults: --index, QABOT_INDEX, the config, ./index, the data folder;
the config file; -V; --color; unquoted questions; shell completion scripts loaded in a real bash."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SEEDS, WANG_1, WANG_2, run
from qabot.errors import ConfigError
from qabot.workspace import ColorMode, Config, IndexSource, load_config, resolve


def _write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config" / "qabot" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_resolution_order(isolated, tmp_path, monkeypatch):
    data = tmp_path / "data" / "qabot" / "index"
    assert resolve(None, Config()).index_dir == data
    assert resolve(None, Config()).source is IndexSource.DATA
    (isolated / "seeds").mkdir()
    assert resolve(None, Config()).index_dir == Path("index")
    assert resolve(None, Config()).source is IndexSource.HERE
    assert resolve(None, Config(index=tmp_path / "cfg")).index_dir == tmp_path / "cfg"
    monkeypatch.setenv("QABOT_INDEX", "from-env")
    assert resolve(None, Config(index=tmp_path / "cfg")).index_dir == Path("from-env")
    assert resolve(Path("opt"), Config(index=tmp_path / "cfg")).index_dir == Path("opt")
    monkeypatch.delenv("QABOT_INDEX")
    assert resolve(Path("opt"), Config()).explicit and not resolve(None, Config()).explicit


def test_config_file(isolated, tmp_path, monkeypatch):
    assert load_config() == Config()
    path = _write_config(tmp_path, 'index = "~/my-index"\nk = 5\ncolor = "never"\n')
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    config = load_config()
    assert config == Config(index=tmp_path / "home" / "my-index", k=5, color=ColorMode.NEVER, path=path)
    path.write_text('index = "relative"\n')
    assert load_config().index == path.parent / "relative"
    other = tmp_path / "elsewhere.toml"
    other.write_text("k = 2\n")
    monkeypatch.setenv("QABOT_CONFIG", str(other))
    assert load_config().k == 2
    monkeypatch.setenv("QABOT_CONFIG", str(tmp_path / "nonexistent.toml"))  # a typo is not the defaults
    for args in (["ask", "hi"], ["index"], ["list"], ["chat"]):
        result = run(*args, input="")
        assert (result.returncode, result.stdout) == (2, ""), args
        assert result.stderr == f"qabot: error: the config {tmp_path / 'nonexistent.toml'} that QABOT_CONFIG names does not exist\n"


@pytest.mark.parametrize("text, message", [
    ("k = ", "is not valid TOML"),
    ("k = 0", "k must be a whole number of at least 1, got 0"),
    ('color = "pink"', "color must be one of auto, always, never, got 'pink'"),
    ("colour = 'never'", "sets unknown key 'colour' (known: index, k, color)"),
    ("index = 3", "index must be a folder name in quotes, got 3"),
])
def test_bad_config_is_one_line_error(isolated, tmp_path, text, message):
    path = _write_config(tmp_path, text)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config()
    result = run("ask", "anything")
    assert result.returncode == 2
    assert result.stderr.startswith(f"qabot: error: the config {path}")
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_index_once_into_the_data_folder_then_ask_unquoted_from_anywhere(isolated, tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    built = run("index", str(articles))
    assert built.returncode == 0, built.stderr
    assert f"into {tmp_path / 'data' / 'qabot' / 'index'}:" in built.stdout
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    result = run("ask", "what", "did", "Wang", "say", "about", "Ukraine", "--json", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    texts = [a["text"] for a in json.loads(result.stdout)["answers"]]
    assert json.loads(result.stdout)["question"] == "what did Wang say about Ukraine"
    assert set(texts[:2]) == {WANG_1, WANG_2}
    assert result.stderr == ""


def test_config_sets_index_and_k(isolated, tmp_path):
    built = run("index", "--index", str(tmp_path / "mine"), str(SEEDS))
    assert built.returncode == 0, built.stderr
    _write_config(tmp_path, f'index = "{tmp_path / "mine"}"\nk = 1\n')
    result = run("ask", "what did Wang say about Ukraine", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["answers"]) == 1
    result = run("ask", "what did Wang say about Ukraine", "--json", "-k", "2")
    assert len(json.loads(result.stdout)["answers"]) == 2
    missing = run("ask", "x", env={"QABOT_INDEX": str(tmp_path / "none")})
    assert missing.returncode == 4
    assert missing.stderr == (f"qabot: error: no index at {tmp_path / 'none'} (QABOT_INDEX names it); "
                              f"run qabot index --index {tmp_path / 'none'} PATH\n")


def test_repository_folder_keeps_index_here(seeds):
    result = run("ask", "what did Wang say about Ukraine")
    assert result.returncode == 0, result.stderr
    assert (seeds.parent / "index" / "manifest.json").exists()
    assert "> “We don’t want to see the Ukraine crisis" in result.stdout


def test_color_option_and_no_color(seeds, tmp_path):
    plain = run("ask", "what did Wang say about Ukraine")
    assert "\x1b[" not in plain.stdout
    forced = run("--color", "always", "ask", "what did Wang say about Ukraine")
    assert "\x1b[1;36mWang\x1b[0m" in forced.stdout  # NO_COLOR is set by the fixture; --color always wins
    after = run("ask", "what did Wang say about Ukraine", "--color", "always")
    assert after.stdout == forced.stdout
    _write_config(tmp_path, 'color = "always"\n')
    assert run("ask", "what did Wang say about Ukraine").stdout == forced.stdout
    assert "\x1b[" not in run("ask", "--color", "never", "what did Wang say about Ukraine").stdout
    bad = run("--color", "sometimes", "ask", "x")
    assert bad.returncode == 2 and "invalid choice: 'sometimes'" in bad.stderr


def test_version(isolated):
    for flag in ("-V", "--version"):
        result = run(flag)
        assert result.returncode == 0
        assert result.stdout == "qabot 0.1.0\n"


def _bash_complete(script: Path, *words: str) -> list[str]:
    """What ``_qabot`` offers for ``qabot WORDS`` (the last word being completed), in a real bash."""
    quoted = " ".join(f"'{w}'" for w in ("qabot",) + words)
    program = (f"source {script}; complete -p qabot; COMP_WORDS=({quoted}); COMP_CWORD={len(words)}; "
               "_qabot; printf '%s\\n' \"${COMPREPLY[@]}\"")
    result = subprocess.run(["bash", "--norc", "-c", program], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "complete -F _qabot qabot"  # no fallback to file names: they are offered where asked for
    return [line for line in lines[1:] if line]


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_bash_completion_completes_subcommands_and_options(isolated):
    result = run("completion", "bash")
    assert result.returncode == 0
    script = isolated / "qabot.bash"
    script.write_text(result.stdout)
    assert set(_bash_complete(script, "")) >= {"index", "ask", "chat", "eval", "completion", "--color", "-V"}
    assert _bash_complete(script, "c") == ["chat", "completion"]
    assert _bash_complete(script, "ask", "--j") == ["--json"]
    assert _bash_complete(script, "--color", "never", "as") == ["ask"]
    assert _bash_complete(script, "chat", "--color", "a") == ["auto", "always"]
    assert _bash_complete(script, "completion", "") == ["bash", "zsh", "fish"]
    (isolated / "wang.txt").write_text("x")
    (isolated / "notes").mkdir()
    assert _bash_complete(script, "ask", "") == []  # a question is no file name
    assert _bash_complete(script, "ask", "what", "did", "w") == []
    assert _bash_complete(script, "quotes", "w") == [] and _bash_complete(script, "ask", "-k", "") == []
    assert _bash_complete(script, "index", "w") == ["wang.txt"]
    assert _bash_complete(script, "ask", "--params", "w") == ["wang.txt"]
    assert _bash_complete(script, "ask", "--index", "") == ["notes"]


def test_zsh_and_fish_scripts(isolated):
    zsh = run("completion", "zsh").stdout
    assert zsh.startswith("#compdef qabot\n")
    assert "'ask:answer a question'" in zsh and "'--json[print the JSON contract (one object per line)]'" in zsh
    fish = run("completion", "fish").stdout
    assert "complete -c qabot -n '__fish_seen_subcommand_from ask' -l json" in fish
    for shell, check in (("zsh", ["zsh", "-n"]), ("fish", ["fish", "--no-execute"])):
        if shutil.which(check[0]):
            path = isolated / f"qabot.{shell}"
            path.write_text(run("completion", shell).stdout)
            assert subprocess.run(check + [str(path)], capture_output=True).returncode == 0
