"""The quick way in for ``pop agenda`` and ``pop status``: no argparse, nothing heavy.

A login script or a prompt runs these all the time, so their start is most of
their cost. :func:`run` takes a command line of exactly the forms below and
carries it out with the agenda index, the text catalogues and ``os`` alone;
anything else (help, a mistake, an option it does not know, a damaged plan
for ``pop agenda``) is left to the full parser (it answers None), which gives
the same output the usual way and every error message.

    pop [--db PATH] [--lang en|nl] agenda [--days N] [--brief | --json]
    pop [--db PATH] [--lang en|nl] status [--json]

(``--db`` and ``--lang`` before or after the command's name, as everywhere.)
tests/test_cli_quick.py runs every form both ways and compares them.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

# The longest look ahead `--days` takes (cli.agenda.MAX_DAYS, which costs argparse to import).
MAX_DAYS = 3660


def _parsed(argv: Sequence[str]) -> dict[str, str] | None:
    """The options of a quick command line, or None when it is not one."""
    found: dict[str, str] = {}
    words = list(argv)
    n = 0
    while n < len(words):
        word = words[n]
        name, has_value, value = word.partition("=")
        if name in ("--db", "--lang", "--days") and word.startswith("--"):
            if not has_value:
                if n + 1 >= len(words):
                    return None
                n += 1
                value = words[n]
            if name in found:
                return None
            found[name] = value
        elif word in ("--brief", "--json"):
            if word in found:
                return None
            found[word] = ""
        elif word in ("agenda", "status") and "command" not in found:
            found["command"] = word
        else:
            return None
        n += 1
    command = found.get("command")
    if command is None or ("--brief" in found and "--json" in found):
        return None
    if command == "status" and ("--days" in found or "--brief" in found):
        return None
    days = found.get("--days", "7")
    if not (days.isascii() and days.isdigit() and int(days) <= MAX_DAYS):
        return None
    if "\0" in found.get("--db", ""):
        return None
    return found


def _conflict_copies_beside(db_file: str) -> bool:
    """Whether a file-sync tool may have left a conflict copy beside the plan (one listdir)."""
    try:
        names = os.listdir(os.path.dirname(os.path.realpath(db_file)))
    except OSError:
        return False
    return any("onflict" in name for name in names)


def run(argv: Sequence[str], env: Mapping[str, str]) -> int | None:
    """Carry out a quick command line; None when the full parser must do it."""
    found = _parsed(argv)
    if found is None:
        return None
    from pop_tui.cli.basics import UsageError, choose_language, command_line, today_from
    from pop_tui.core.texts import set_language

    try:
        set_language(choose_language(argv, env))
        today = today_from(env)
    except UsageError:
        return None
    given = found.get("--db")
    if given:
        db_file = os.path.expanduser(given)
    else:
        from pop_tui.paths import default_plan_file

        db_file = default_plan_file()
    if found["command"] == "status":
        from pop_tui.cli.status import print_status

        return print_status(db_file, today, "--json" in found)
    if _conflict_copies_beside(db_file):  # merged by the full command (see store/file_sync.py)
        return None
    from pop_tui.store import agenda_index

    days = int(found.get("--days", "7"))
    try:
        report = agenda_index.read(db_file, today, days)
    except Exception:
        return None
    from pop_tui.cli import agenda_out

    form = "json" if "--json" in found else "brief" if "--brief" in found else "text"
    checkin = command_line(db_file, bool(given or env.get("POP_DB")), "checkin")
    print(agenda_out.show(report, form, checkin))
    return 0
