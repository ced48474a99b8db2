"""What `pip install .` ships: every package under qabot/ and the fitted weights (CI runs the installed copy)."""

import tomllib

from conftest import PROJECT


def test_every_package_and_the_weights_are_declared():
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(PROJECT).parts) for p in (PROJECT / "qabot").rglob("__init__.py")}
    assert set(config["packages"]) == found
    assert "weights.json" in config["package-data"]["qabot.answering"]
