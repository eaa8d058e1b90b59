"""The message for a plan file that cannot be used."""

from __future__ import annotations

from pop_tui.cli.context import Context
from pop_tui.core.texts import t
from pop_tui.store.plan_file import PlanFileError, newest_good_backup


def explain(error: PlanFileError, context: Context) -> str:
    """Name the file, say what is wrong, and how to get the newest good backup back."""
    lines = [t("cli.damaged", path=error.path, reason=error.reason)]
    backup = newest_good_backup(error.path)
    list_cmd = context.command("backup", "list")
    if backup is None:
        lines.append(t("cli.damaged.no_backup", list_cmd=list_cmd))
    else:
        lines.append(
            t(
                "cli.damaged.backup",
                number=backup.number,
                revision=backup.revision,
                saved=backup.saved_at or "?",
                list_cmd=list_cmd,
                restore_cmd=context.command("backup", "restore", str(backup.number)),
            )
        )
    return "\n".join(lines)
