"""``pop completion bash|zsh|fish``: shell completion, worked out from the parser itself.

The scripts are small: on TAB, the shell calls the hidden ``pop __complete SHELL
N WORD...`` with the words typed so far and the index of the one being
completed, and offers what it prints. That command walks the same argparse
parser that reads the command line (only the command's own module is
imported), so commands, options and their choices can never drift from the
grammar; no dependency is needed (argcomplete and shtab were weighed: the first
runs the whole program on every TAB through an environment protocol, the
second writes static scripts that cannot know the plan's numbers).

Where a value is a REF (``pop done <TAB>``, ``--goal <TAB>``), the candidates are
the records' numbers, with their titles as descriptions in zsh and fish: read
from the plan with :class:`~pop_tui.store.plan_reader.PlanReader`, which
decodes only the records it offers.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from pop_tui.cli.context import Context
from pop_tui.cli.parser import COMMANDS, COMPLETES, Common, build_parser, file_path
from pop_tui.core.printable import printable
from pop_tui.core.texts import t

SHELLS = ("bash", "zsh", "fish")
FILES = "__files__"  # the answer that tells the script to complete file names
TITLE_SHOWN = 60

Candidate = tuple[str, str]  # the word, and what it is (empty for none)


# --- working out the candidates ---------------------------------------------------------


def _subcommands(
    parser: argparse.ArgumentParser,
) -> argparse._SubParsersAction[argparse.ArgumentParser] | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def _positionals(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a
        for a in parser._actions
        if not a.option_strings and not isinstance(a, argparse._SubParsersAction)
    ]


def _options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {name: a for a in parser._actions for name in a.option_strings}


def _takes_value(action: argparse.Action) -> bool:
    return action.nargs != 0 and not isinstance(
        action, argparse._StoreTrueAction | argparse._HelpAction | argparse._VersionAction
    )


def _help(action: argparse.Action) -> str:
    text = action.help if isinstance(action.help, str) and action.help != argparse.SUPPRESS else ""
    return text


def _shown_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> list[Candidate]:
    """The sub-commands listed in the help (a hidden one has no help), with their help."""
    return [(a.dest, _help(a)) for a in sub._choices_actions]


def candidates(words: Sequence[str], index: int, env: dict[str, str]) -> list[Candidate] | str:
    """What may stand at ``words[index]`` (``words[0]`` is ``pop``), starting with what is
    typed there; or :data:`FILES` when it is a file name."""
    typed = words[index] if index < len(words) else ""
    before = [w for w in words[1:index]]
    parser = build_parser([w for w in before if w in COMMANDS][:1] or ["--help"])
    node = parser
    position = 0
    waiting: argparse.Action | None = None
    db: str | None = None
    for word in before:
        if word.startswith("-") and word != "-" and (waiting is None or waiting.nargs == "+"):
            waiting = None  # an option ends the words of one that takes several
        if waiting is not None:
            if waiting.dest == "db":
                db = word
            # Of an option that takes several words (-m, --done), the next ones are more.
            if waiting.nargs not in ("+", "*"):
                waiting = None
            continue
        if word.startswith("-") and word != "-":
            name, has_value, value = word.partition("=")
            action = _options(node).get(name)
            if action is not None and action.dest == "db" and has_value:
                db = value
            if action is not None and _takes_value(action) and not has_value:
                waiting = action
            continue
        sub = _subcommands(node)
        if sub is not None and word in sub.choices:
            node = sub.choices[word]
            position = 0
            continue
        positionals = _positionals(node)
        if position < len(positionals) and positionals[position].nargs not in ("+", "*"):
            position += 1
    if waiting is not None and not (typed.startswith("-") and waiting.nargs == "+"):
        return _values(waiting, typed, db, env)
    found: list[Candidate] = []
    if typed.startswith("-"):
        for action in node._actions:
            if _help(action) or isinstance(action, argparse._HelpAction):
                found += [(name, _help(action)) for name in action.option_strings]
        return _starting(found, typed)
    sub = _subcommands(node)
    if sub is not None:
        found += _shown_commands(sub)
    positionals = _positionals(node)
    if position < len(positionals):
        values = _values(positionals[position], typed, db, env)
        if isinstance(values, str):
            return values if not found else _starting(found, typed)
        found += values
    return _starting(found, typed)


def _starting(found: list[Candidate], typed: str) -> list[Candidate]:
    return list(dict.fromkeys(c for c in found if c[0].startswith(typed)))


def _values(
    action: argparse.Action, typed: str, db: str | None, env: dict[str, str]
) -> list[Candidate] | str:
    kind = getattr(action, COMPLETES, None)
    if kind is not None:
        return _starting(records(kind, db, env), typed.removeprefix("#"))
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        return _starting([(str(c), "") for c in action.choices], typed)
    if action.type is file_path or action.metavar in ("FILE", "PATH"):
        return FILES
    return []


def records(kind: str, db: str | None, env: dict[str, str]) -> list[Candidate]:
    """The numbers of the records of ``kind`` a REF may name there, with their titles."""
    from datetime import date

    from pop_tui.core.model import Action, Feedback, Goal, Review, Step
    from pop_tui.paths import default_plan_file
    from pop_tui.store.plan_file import PlanFileError
    from pop_tui.store.plan_reader import PlanReader, Where

    path = os.path.expanduser(db) if db else env.get("POP_DB") or default_plan_file()
    try:
        reader = PlanReader.open(os.path.expanduser(path))
        found: list[tuple[int, str]]
        if kind in ("steps", "open_steps"):
            steps = (
                reader.where(Step, Where.empty("done_on")).values()
                if kind == "open_steps"
                else reader.table(Step).values()
            )
            ordered = sorted(steps, key=lambda s: (s.done_on is not None, s.due or date.max, s.id))
            found = [(s.id, s.title) for s in ordered]
        elif kind == "goals":
            goals = sorted(
                reader.table(Goal).values(), key=lambda g: (g.status != "active", g.order, g.id)
            )
            found = [(g.id, g.title) for g in goals]
        elif kind == "actions":
            found = [
                (a.id, a.action)
                for a in sorted(reader.table(Action).values(), key=lambda a: (a.order, a.id))
            ]
        elif kind == "reviews":
            reviews = sorted(
                reader.table(Review).values(),
                key=lambda r: (r.next_on is None, r.next_on or date.max, r.id),
            )
            found = [(r.id, r.title) for r in reviews]
        elif kind == "conflicts":
            from pop_tui.core.conflicts import open_conflicts
            from pop_tui.core.model import TABLES

            found = [
                (c.id, f"{c.title} · {c.label}")
                for c in open_conflicts(reader.plan(list(TABLES.values())))
            ]
        else:
            from pop_tui.cli.pools import feedback_title

            open_ones = reader.where(Feedback, Where.empty("answered_on")).values()
            found = [(f.id, feedback_title(f)) for f in sorted(open_ones, key=lambda f: f.id)]
    except (PlanFileError, OSError):
        return []
    return [(str(id), _title(title)) for id, title in found]


def _title(title: str) -> str:
    text = printable(" ".join(title.split()))
    return text if len(text) <= TITLE_SHOWN else text[: TITLE_SHOWN - 1] + "…"


def answer_lines(found: list[Candidate] | str, shell: str) -> list[str]:
    """The lines the script reads: bash words, zsh ``word:description``, fish ``word<TAB>description``."""
    if isinstance(found, str):
        return [found]
    if shell == "bash":
        return [word for word, _ in found]
    if shell == "zsh":
        return [word.replace(":", "\\:") + (f":{about}" if about else "") for word, about in found]
    return [word + (f"\t{about}" if about else "") for word, about in found]


def run_complete(args: argparse.Namespace, context: Context) -> int:
    words = list(args.words)
    if args.shell not in SHELLS or not args.index.isdigit() or not words:
        return 2
    index = int(args.index)
    env = dict(os.environ)
    for line in answer_lines(candidates(words, index, env), args.shell):
        print(line)
    return 0


# --- the scripts --------------------------------------------------------------------------

BASH = r"""# pop completion for bash. Load it in ~/.bashrc:   eval "$(pop completion bash)"
# or save it as ~/.local/share/bash-completion/completions/pop
_pop_complete() {
    local IFS=$'\n'
    local found
    found=($(pop __complete bash "$COMP_CWORD" "${COMP_WORDS[@]}" 2>/dev/null))
    if [[ "${found[0]}" == "__files__" ]]; then
        COMPREPLY=($(compgen -f -- "${COMP_WORDS[COMP_CWORD]}"))
    else
        COMPREPLY=("${found[@]}")
    fi
}
complete -o default -F _pop_complete pop
"""

ZSH = r"""#compdef pop
# pop completion for zsh. Save it as _pop in a folder of $fpath (e.g. ~/.zfunc, with
# fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc), or in ~/.zshrc after compinit:
#   eval "$(pop completion zsh)"
_pop() {
    local -a found
    found=("${(@f)$(pop __complete zsh $((CURRENT - 1)) "${words[@]}" 2>/dev/null)}")
    if [[ "${found[1]}" == "__files__" ]]; then
        _files
    elif (( ${#found} )) && [[ -n "${found[1]}" ]]; then
        _describe -t values pop found
    fi
}
if [[ "$funcstack[1]" == "_pop" ]]; then
    _pop "$@"
else
    compdef _pop pop
fi
"""

FISH = r"""# pop completion for fish. Save it as ~/.config/fish/completions/pop.fish
# (or load it now:  pop completion fish | source)
function __pop_complete
    set -l words (commandline -opc)
    set -l typed (commandline -ct)
    set -l found (pop __complete fish (count $words) $words $typed 2>/dev/null)
    if test "$found[1]" = __files__
        __fish_complete_path $typed
    else
        printf '%s\n' $found
    end
end
complete -c pop -f -a '(__pop_complete)'
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH}


def run_script(args: argparse.Namespace, context: Context) -> int:
    sys.stdout.write(SCRIPTS[args.shell])
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser(
        "completion", help=t("cli.help.completion"), description=t("cli.help.completion")
    )
    common(parser)
    parser.add_argument("shell", choices=SHELLS, help=t("cli.help.completion_shell"))
    parser.set_defaults(run=run_script)
    # No help: not listed. Takes the words as they are (options of theirs included).
    hidden = commands.add_parser("__complete", add_help=False)
    hidden.add_argument("shell")
    hidden.add_argument("index")
    hidden.add_argument("words", nargs=argparse.REMAINDER)
    hidden.set_defaults(run=run_complete)
