"""What the command line needs before anything else: the language, the day, a copyable
command. Light: the fast shell commands (``pop agenda``, ``pop status``) use it alone.
"""

from __future__ import annotations

from pop_tui.core.texts import LANGUAGES, t

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date


class UsageError(Exception):
    """The command line asks for something impossible (exit code 2)."""


def choose_language(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """``--lang`` anywhere on the line, then ``$POP_LANG``, then the locale; else English.

    Read before the parser is built, because the parser's help is translated.
    """
    chosen: str | None = None
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(argv):
            chosen = argv[n + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    if chosen is not None:
        if chosen not in LANGUAGES:
            raise UsageError(t("cli.lang.unknown", "en", lang=chosen))
        return chosen
    pop_lang = env.get("POP_LANG", "")
    if pop_lang in LANGUAGES:
        return pop_lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def today_from(env: Mapping[str, str]) -> date:
    """The day pop works with: ``$POP_TODAY`` (for screenshots and tests), else the clock."""
    from pop_tui.store.agenda_index import date  # the C module alone (see there)

    value = env.get("POP_TODAY")
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(t("cli.today.bad", value=value)) from None


# What a shell leaves alone unquoted (shlex's own set); checked without ``re``, which
# would cost `pop agenda --db PATH` its start.
_SHELL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")


def command_line(db_file: str, db_given: bool, *words: str) -> str:
    """A ``pop`` command line that a user can copy, naming the plan file if it is not the default."""
    parts = ["pop", *words]
    if db_given:
        parts += ["--db", _quote(db_file)]
    return " ".join(parts)


def _quote(text: str) -> str:
    if text and _SHELL_SAFE.issuperset(text):
        return text
    import shlex  # only for paths that need quoting

    return shlex.quote(text)
