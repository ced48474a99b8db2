"""README's examples are real: every ``$ qabot …`` line in a fenced block is run in a copy of the repository
(bundled seeds/, 80 columns, no colour) and must print what the README shows after it.

Times ("in 0.4s") may differ; a home folder shows as ``/home/me``; a block whose output ends with a
line ``...`` shows only the start of the output.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, SEEDS

README = PROJECT / "README.md"
HOME = "/home/me"


def _examples() -> list[tuple[list[str], str]]:
    """(commands, expected output) for each fenced block that starts with ``$ ``: the commands run in one
    shell, one after another, and the output is what they print together."""
    found = []
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", README.read_text(), flags=re.S | re.M):
        lines = block.splitlines()
        if not lines or not lines[0].startswith("$ "):
            continue
        commands, output = [], []
        for line in lines:
            if line.startswith("$ "):
                commands.append(line[2:])
            else:
                output.append(line)
        found.append((commands, "\n".join(output)))
    return found


def _normal(text: str, home: Path) -> str:
    text = text.replace(str(home), HOME)
    text = re.sub(r'"id": "[0-9a-f]{16}"', '"id": "ID"', text)  # an article's id hashes its absolute path
    return re.sub(r"\bin \d+\.\d+s\b", "in N.Ns", text).rstrip("\n")


EXAMPLES = _examples()


def test_readme_has_examples_and_the_ci_test_line():
    assert len(EXAMPLES) >= 4
    assert '\n    pip install ".[test]" && python -m pytest\n' in README.read_text()
    assert len(README.read_text().splitlines()) < 250


@pytest.mark.parametrize("commands, expected", EXAMPLES, ids=[c[0][:60] for c, _ in EXAMPLES])
def test_readme_example(commands, expected, isolated, tmp_path):
    repo = isolated / "qabot"
    repo.mkdir()
    shutil.copytree(SEEDS, repo / "seeds")
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), COLUMNS="80", PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "QABOT_STATE_DIR"):
        env.pop(key, None)
    result = subprocess.run(["bash", "-c", "\n".join(commands)], cwd=repo, capture_output=True, text=True, env=env,
                            timeout=600)
    assert result.returncode in (0, 1), (commands, result.stderr)
    got = _normal(result.stdout, home)
    want = _normal(expected, home)
    if want.endswith("\n...") or want == "...":
        assert got.startswith(want[:-3].rstrip("\n")), got
    else:
        assert got == want
