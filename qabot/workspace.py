"""Where qabot works: which index to use, the user's config file, and the defaults it sets.

The index is resolved in this order: ``--index``, then ``$QABOT_INDEX``, then ``index`` in the config
file, then ``./index`` when the current folder has ``index/`` or ``seeds/`` (a clone of the repository),
then the user's data folder (``$XDG_DATA_HOME/qabot/index``, else ``~/.local/share/qabot/index``).
The config is TOML at ``$QABOT_CONFIG``, else ``$XDG_CONFIG_HOME/qabot/config.toml``, else
``~/.config/qabot/config.toml``; it may set ``index``, ``k`` and ``color``.

The command line, the chat, the MCP server and the web page all find their index here; nothing here
imports them.
"""

from __future__ import annotations

import enum
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TextIO

from .corpus import display
from .prefetch import Prefetch
from .errors import ConfigError, CorpusError, IndexLocked, IndexMissing, QabotError
from .progress import terminal_progress

if TYPE_CHECKING:  # the index (numpy) and the build are imported when used: see ``start_check``
    from .build import BuildReport
    from .index import Index

Check = Prefetch
"""A staleness check under way: the corpus being listed by another process (``start_check``)."""

DEFAULT_CORPUS = "seeds"
"""The folder indexed when none is named (the repository's bundled articles)."""
DEFAULT_K = 3
"""Answers per question when neither the command line nor the config says."""


class ColorMode(enum.Enum):
    """When to colour output."""

    AUTO = "auto"
    """On a terminal, unless ``NO_COLOR`` is set."""
    ALWAYS = "always"
    """Always, even through a pipe or with ``NO_COLOR``."""
    NEVER = "never"
    """Never."""


class IndexSource(enum.Enum):
    """Where the index folder in use was named."""

    OPTION = "--index"
    """The ``--index`` option."""
    ENV = "QABOT_INDEX"
    """The ``QABOT_INDEX`` environment variable."""
    CONFIG = "config"
    """The ``index`` key of the config file."""
    HERE = "./index"
    """``index/`` in the current folder, which has ``index/`` or ``seeds/``."""
    DATA = "data folder"
    """The user's data folder."""


@dataclass(frozen=True)
class Config:
    """What the user's config file sets; None where it says nothing."""

    index: Path | None = None
    """The default index folder (``~`` expanded; relative to the config file's folder)."""
    k: int | None = None
    """The default number of answers per question."""
    color: ColorMode | None = None
    """When to colour output."""
    path: Path | None = None
    """The file this came from, when there was one."""


@dataclass(frozen=True)
class Workspace:
    """The index to use and where it was named."""

    index_dir: Path
    """The index folder."""
    source: IndexSource
    """Which rule chose it."""

    @property
    def explicit(self) -> bool:
        """True when the user named the index (so a missing one is an error, never built from ``seeds/``)."""
        return self.source in (IndexSource.OPTION, IndexSource.ENV, IndexSource.CONFIG)


def config_path() -> Path:
    """``$QABOT_CONFIG``, else ``$XDG_CONFIG_HOME/qabot/config.toml``, else ``~/.config/qabot/config.toml``."""
    if os.environ.get("QABOT_CONFIG"):
        return Path(os.environ["QABOT_CONFIG"])
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "qabot" / "config.toml"


def data_index_dir() -> Path:
    """The index in the user's data folder: ``$XDG_DATA_HOME/qabot/index``, else ``~/.local/share/qabot/index``."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "qabot" / "index"


def load_config(path: Path | None = None) -> Config:
    """The config at ``path`` (default: ``config_path()``); an empty Config when there is no file.

    Raises ConfigError (one line) for a file that cannot be read, is not TOML, or sets an unknown
    key or a bad value, and for a ``QABOT_CONFIG`` that names no file (a typo is never silently ignored)."""
    named = path is None and bool(os.environ.get("QABOT_CONFIG"))
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if named:
            raise ConfigError(f"the config {path} that QABOT_CONFIG names does not exist") from None
        return Config()
    except OSError as err:
        raise ConfigError(f"cannot read the config {path}: {err.strerror or err}") from None
    import tomllib  # only when there is a config to read

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"the config {path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"the config {path} is not valid TOML: {err}") from None
    unknown = sorted(set(data) - {"index", "k", "color"})
    if unknown:
        raise ConfigError(f"the config {path} sets unknown key {unknown[0]!r} (known: index, k, color)")
    index = data.get("index")
    if index is not None and (not isinstance(index, str) or not index.strip()):
        raise ConfigError(f"the config {path}: index must be a folder name in quotes, got {index!r}")
    k = data.get("k")
    if k is not None and (isinstance(k, bool) or not isinstance(k, int) or k < 1):
        raise ConfigError(f"the config {path}: k must be a whole number of at least 1, got {k!r}")
    color = data.get("color")
    modes = [m.value for m in ColorMode]
    if color is not None and color not in modes:
        raise ConfigError(f"the config {path}: color must be one of {', '.join(modes)}, got {color!r}")
    index_dir = None
    if index is not None:
        index_dir = Path(os.path.expanduser(index))
        if not index_dir.is_absolute():  # from the config file's folder, ".." taken off as written ("../bbc-index")
            index_dir = Path(os.path.normpath(path.parent / index_dir))
    return Config(index=index_dir, k=k, color=ColorMode(color) if color else None, path=path)


def resolve(option: Path | None, config: Config) -> Workspace:
    """The index to use: ``--index``, ``$QABOT_INDEX``, the config, ``./index`` here, the data folder."""
    if option is not None:
        return Workspace(option, IndexSource.OPTION)
    if os.environ.get("QABOT_INDEX"):
        return Workspace(Path(os.environ["QABOT_INDEX"]), IndexSource.ENV)
    if config.index is not None:
        return Workspace(config.index, IndexSource.CONFIG)
    if os.path.isdir("index") or os.path.isdir(DEFAULT_CORPUS):
        return Workspace(Path("index"), IndexSource.HERE)
    return Workspace(data_index_dir(), IndexSource.DATA)


def use_color(mode: ColorMode | None, stream: TextIO) -> bool:
    """Whether to colour ``stream``: ``always`` and ``never`` as said; ``auto`` on a terminal without ``NO_COLOR``."""
    if mode is ColorMode.ALWAYS:
        return True
    if mode is ColorMode.NEVER or "NO_COLOR" in os.environ:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _stderr(line: str) -> None:
    """Print ``line`` on stderr."""
    print(line, file=sys.stderr)


def start_check(workspace: Workspace, compare: bool = False) -> Check | None:
    """Start listing the corpus of the index at ``workspace`` in another process, or None when there is no
    index to check that way (none yet, or one whose folders are not all there: ``ensure_index`` says why).
    ``compare``: the child also compares its listing with the index's file table and, when they are equal,
    sends back only that (``ensure_index`` relies on it only for the index it judges: see ``index.stale``).

    The folders come from a plain read of ``manifest.json``, before the index module (and numpy) is
    imported; they are only a guess: ``ensure_index`` uses the listing only when they are the folders
    the index it reads names, and lists them itself otherwise."""
    try:
        manifest = json.loads((workspace.index_dir / "manifest.json").read_bytes())
        roots, data = manifest["roots"], manifest["data"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not isinstance(roots, list) or not roots or not all(isinstance(r, str) and os.path.exists(r) for r in roots):
        return None
    against = workspace.index_dir / data if compare and isinstance(data, str) and data.startswith("data-") \
        and "/" not in data else None
    return Prefetch.start(roots, against)

def early_check(argv: list[str]) -> tuple[Workspace, Check | None] | None:
    """For ``qabot ask``, the staleness check started before the command line is parsed: the index is guessed
    from ``--index`` (or its abbreviations) in ``argv``, else found as ever (``resolve``). ``cli.cmd_ask`` uses the
    check only when the parsed command names the same index; None when this is no ``ask`` or the guess fails."""
    if not argv or argv[0] != "ask":
        return None
    option, i = None, 1
    while i < len(argv):
        name, eq, value = argv[i].partition("=")
        if name == "--":
            break
        if len(name) >= 3 and "--index".startswith(name):
            if eq:
                option = value
            elif i + 1 < len(argv):
                option, i = argv[i + 1], i + 1
        i += 1
    try:
        workspace = resolve(Path(option) if option is not None else None, load_config())
    except QabotError:  # said when the command is run as parsed
        return None
    return workspace, start_check(workspace, compare=True)


def missing(workspace: Workspace) -> str:
    """Why there is no index to answer from, and how to build it, in one line ("no index at X (the config's index);
    run qabot index --index X PATH")."""
    index_dir = workspace.index_dir
    named = {IndexSource.ENV: " (QABOT_INDEX names it)", IndexSource.CONFIG: " (the config's index)"}
    how = f"--index {index_dir} PATH" if workspace.explicit else "PATH"
    return f"no index at {index_dir}{named.get(workspace.source, '')}; run qabot index {how}"


def ensure_index(workspace: Workspace, say: Callable[[str], None] = _stderr, check: Check | None = None,
                 opened: Index | None = None) -> BuildReport | None:
    """Build the index first when there is none (from ``seeds/`` here) or when its corpus changed; the build's
    report, or None when the index was fine as it was.

    ``check``, from ``start_check``, is the corpus listed meanwhile; ``opened`` the index already opened
    to answer from, which is then the one compared with the corpus. ``say`` hears a line before a build
    and when another build holds the index. Raises IndexMissing for a named index that does not exist,
    CorpusError when there is neither an index nor ``seeds/``."""
    from .index import FORMAT_VERSION, read_manifest, stale, wait_for_first_build

    index_dir = workspace.index_dir
    try:
        manifest = opened.manifest if opened is not None else read_manifest(index_dir)
        if manifest is None and wait_for_first_build(index_dir, lambda: say(f"qabot: waiting for the index being built at {index_dir}")):
            manifest = read_manifest(index_dir)
        if manifest is None:
            if workspace.explicit:
                raise IndexMissing(missing(workspace))
            if not Path(DEFAULT_CORPUS).is_dir():
                raise CorpusError(f"no index at {index_dir} and no {DEFAULT_CORPUS}/ folder here; run qabot index PATH")
            roots: list[str] = [os.path.abspath(DEFAULT_CORPUS)]
        elif isinstance(manifest.get("version"), int) and manifest["version"] > FORMAT_VERSION:
            return None  # a newer qabot's index: never overwritten from here; opening it says why
        else:
            roots = list(manifest.get("roots", []))
            gone = [r for r in roots if not os.path.exists(r)]
            if gone:  # never drop a folder's articles because it is away (an unmounted disk, say)
                say(f"qabot: {display(gone[0])} is gone; answering from the index as it is (qabot index --remove PATH drops it)")
                return None
            if not roots:
                return None
        listing = check.listing() if check is not None and check.roots == roots else None
    finally:
        if check is not None:
            check.cancel()
    why = stale(index_dir, roots, listing=listing, opened=opened)
    if why is None:
        return None
    from .build import Settings, build  # a build (and its multiprocessing) only when one is needed

    say(f"qabot: {why}; building the index at {index_dir} from {', '.join(display(r) for r in roots)}")
    try:
        with terminal_progress(sys.stderr) as progress:
            report = build(roots, index_dir, Settings.of(manifest), progress=progress, listing=listing)
        from .building.speaker_pass import start

        start(index_dir)  # who speaks where, in the background (``qabot index`` starts it too)
        return report
    except IndexLocked:
        if manifest is None:  # two first questions at once: the other one builds, this one waits for it
            wait_for_first_build(index_dir, lambda: say(f"qabot: waiting for the index being built at {index_dir}"))
            if read_manifest(index_dir) is None:
                raise
            return None
        say(f"qabot: another qabot index is writing {index_dir}; answering from the index as it is")
        return None
