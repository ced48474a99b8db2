"""Shell completion scripts for bash, zsh and fish, written from the argument parser itself.

Each script completes the subcommands, each subcommand's options, the values of options that have
a fixed set (``--color``, ``--scoring``, ``completion SHELL``), folder names after ``--index`` and file names
where a file is asked for (``index PATH``, ``eval FILE``, ``--params FILE``); nothing where a word is
(``ask QUESTION``, ``quotes NAME``, ``-k N``).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Option:
    """One option of a command."""

    flags: tuple[str, ...]
    """Its spellings (``-k``, ``--index``)."""
    takes_value: bool
    """True when the next word is its value."""
    choices: tuple[str, ...]
    """The values it accepts, when they are a fixed set."""
    help: str
    """What it does, on one line."""
    files: bool = False
    """True when its value is a file or folder name (``--params FILE``, ``--index DIR``)."""


@dataclass(frozen=True)
class Command:
    """A subcommand (or the program itself, named "")."""

    name: str
    """The subcommand's name; "" for the top level."""
    help: str
    """What it does, on one line."""
    options: tuple[Option, ...]
    """Its options."""
    choices: tuple[str, ...]
    """Fixed values of its first positional argument (``completion bash``), else empty."""
    files: bool = False
    """True when its positional arguments are file or folder names (``index PATH``), not words (``ask QUESTION``)."""


def commands(parser: argparse.ArgumentParser) -> list[Command]:
    """The top level first, then each subcommand, read from ``parser``."""
    out = [_command("", "", parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                out.append(_command(name, helps.get(name, ""), sub))
    return out


def _command(name: str, help: str, parser: argparse.ArgumentParser) -> Command:
    options, choices, files = [], (), False
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        if action.option_strings:
            options.append(Option(tuple(action.option_strings), action.nargs != 0,
                                  tuple(action.choices or ()), _one_line(action.help), _names_files(action)))
        elif action.choices and not choices:
            choices = tuple(action.choices)
        else:
            files = files or _names_files(action)
    return Command(name, _one_line(help), tuple(options), choices, files)


def _names_files(action: argparse.Action) -> bool:
    """True when the action's value is a file or folder name: a ``Path``, or shown as PATH, FILE or DIR."""
    return action.nargs != 0 and (action.type is Path or action.metavar in ("PATH", "FILE", "DIR"))


def _one_line(text: str | None) -> str:
    """Help text on one line, without argparse's ``%(default)s`` markers or quotes that would break a script."""
    if not text or text == argparse.SUPPRESS:
        return ""
    return " ".join(text.replace("%(default)s", "").replace("'", "").replace('"', "").replace("`", "").split())


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    """The completion script for ``shell`` ("bash", "zsh" or "fish")."""
    return {"bash": bash, "zsh": zsh, "fish": fish}[shell](commands(parser))


def bash(cmds: list[Command]) -> str:
    """A bash script defining ``_qabot`` and ``complete -F _qabot qabot``."""
    top, subs = cmds[0], cmds[1:]
    valued = sorted({f for c in cmds for o in c.options if o.takes_value for f in o.flags})
    lines = [
        "# qabot completion for bash: eval \"$(qabot completion bash)\"",
        "_qabot() {",
        "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\" sub=\"\" i w",
        "    (( COMP_CWORD > 0 )) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"",
        "    for (( i=1; i < COMP_CWORD; i++ )); do",
        "        w=\"${COMP_WORDS[i]}\"",
        f"        case \"$w\" in {'|'.join(valued) or '--'}) (( i++ )) ;; -*) ;; *) sub=\"$w\"; break ;; esac",
        "    done",
        "    case \"$prev\" in",
    ]
    for flag, values in sorted({(f, o.choices) for c in cmds for o in c.options if o.choices for f in o.flags}):
        lines.append(f"        {flag}) COMPREPLY=($(compgen -W \"{' '.join(values)}\" -- \"$cur\")); return ;;")
    lines.append(f"        --index) {_FOLDERS}; return ;;")
    with_choices = {f for c in cmds for o in c.options if o.choices for f in o.flags}
    file_valued = sorted({f for c in cmds for o in c.options if o.files for f in o.flags} - {"--index"})
    if file_valued:
        lines.append(f"        {'|'.join(file_valued)}) {_FILES}; return ;;")
    words = [f for f in valued if f != '--index' and f not in with_choices and f not in file_valued]
    lines.append(f"        {'|'.join(words)}) COMPREPLY=(); return ;;")
    lines += ["    esac", "    case \"$sub\" in"]
    top_flags = " ".join(f for o in top.options for f in o.flags)
    lines.append(f"        \"\") COMPREPLY=($(compgen -W \"{' '.join(c.name for c in subs)} {top_flags}\" -- \"$cur\")) ;;")
    for c in subs:
        flags = " ".join(f for o in c.options for f in o.flags)
        if c.choices:
            rest = f"COMPREPLY=($(compgen -W \"{' '.join(c.choices)}\" -- \"$cur\"))"
        else:
            rest = _FILES if c.files else "COMPREPLY=()"  # a question or a name is no file name
        lines.append(f"        {c.name}) if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"{flags}\" -- \"$cur\")); "
                     f"else {rest}; fi ;;")
    lines += ["    esac", "}", "complete -F _qabot qabot", ""]
    return "\n".join(lines)


_FILES = "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))"
"""bash: file and folder names (shown and quoted as such: a folder ends in /)."""
_FOLDERS = "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))"
"""bash: folder names."""


def zsh(cmds: list[Command]) -> str:
    """A zsh script for ``compdef``: top-level options, subcommands with their help, then each one's options."""
    top, subs = cmds[0], cmds[1:]
    lines = [
        "#compdef qabot",
        "# qabot completion for zsh: qabot completion zsh > \"${fpath[1]}/_qabot\", or eval \"$(qabot completion zsh)\"",
        "_qabot() {",
        "    local curcontext=\"$curcontext\" state line",
        "    local -a subcommands",
        "    subcommands=(",
    ]
    lines += [f"        '{c.name}:{c.help}'" for c in subs]
    lines += ["    )",
              f"    _arguments -C {_zsh_specs(top)} '1:command:->command' '*::argument:->argument'",
              "    case $state in",
              "        command) _describe 'command' subcommands ;;",
              "        argument)",
              "            case $line[1] in"]
    for c in subs:
        rest = f"'*:value:({' '.join(c.choices)})'" if c.choices else "'*:file:_files'" if c.files else "'*:word: '"
        lines.append(f"                {c.name}) _arguments -s {_zsh_specs(c)} {rest} ;;")
    lines += ["            esac ;;", "    esac", "}",
              "if [[ $zsh_eval_context[-1] == loadautoload ]]; then _qabot \"$@\"; else compdef _qabot qabot; fi", ""]
    return "\n".join(lines)


def _zsh_specs(command: Command) -> str:
    """``_arguments`` specs for a command's options."""
    specs = []
    for o in command.options:
        value = f":value:({' '.join(o.choices)})" if o.choices else (
            (":value:_files" if o.files else ":value: ") if o.takes_value else "")
        specs += [f"'{flag}[{o.help}]{value}'" for flag in o.flags]
    return " ".join(specs)


def fish(cmds: list[Command]) -> str:
    """A fish script of ``complete -c qabot`` lines."""
    subs = cmds[1:]
    names = " ".join(c.name for c in subs)
    lines = ["# qabot completion for fish: qabot completion fish > ~/.config/fish/completions/qabot.fish",
             "complete -c qabot -f"]
    lines += [f"complete -c qabot -n 'not __fish_seen_subcommand_from {names}' -a {c.name} -d '{c.help}'" for c in subs]
    for c in cmds:
        cond = f"not __fish_seen_subcommand_from {names}" if not c.name else f"__fish_seen_subcommand_from {c.name}"
        for o in c.options:
            spell = " ".join(f"-l {f[2:]}" if f.startswith("--") else f"-s {f[1:]}" for f in o.flags)
            value = f" -x -a '{' '.join(o.choices)}'" if o.choices else (
                (" -r -F" if o.files else " -x") if o.takes_value else "")
            lines.append(f"complete -c qabot -n '{cond}' {spell}{value} -d '{o.help}'")
        if c.choices:
            lines.append(f"complete -c qabot -n '{cond}' -x -a '{' '.join(c.choices)}'")
        elif c.files:
            lines.append(f"complete -c qabot -n '{cond}' -F")
    return "\n".join(lines) + "\n"
