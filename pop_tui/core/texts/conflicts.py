"""Texts of the conflicts that a sync leaves, their resolution, and syncing from the TUI."""

EN: dict[str, str] = {
    "conflicts.deleted_field": "deleted on one device, changed on the other",
    "conflicts.not_typed": "{field} is not typed: keep one of the two values.",
    "conflicts.bad_choice": "Choose one of: {choices}.",
    "conflicts.not_whole": "{value} is not a whole number.",
    # What undo calls a resolution.
    "conflicts.label.side": "Conflict resolved: {record}, {field} as on {device}",
    "conflicts.label.value": "Conflict resolved: {record}, {field} given a new value",
    "conflicts.label.keep": "Conflict resolved: {record} kept",
    "conflicts.label.delete": "Conflict resolved: {record} deleted",
    # The dashboard.
    "conflicts.dash.heading": "Conflicts from syncing: {count} to resolve (r)",
    "conflicts.dash.synced": "synced {when}",
    "conflicts.dash.never": "never synced",
    "conflicts.side.mine": "{device}, this device",
    "conflicts.side.holds": "shown now",
    # The conflicts screen.
    "conflicts.title": "Conflicts",
    "conflicts.intro": (
        "Two devices changed the same thing differently. Choose which value stays: "
        "m this device's, t the other's, e a new one; for a deleted record K keeps it, "
        "d deletes it. u undoes a choice."
    ),
    "conflicts.none": "No conflicts to resolve.",
    "conflicts.subtitle": "{count} to resolve · {synced}",
    "conflicts.key.open": "Conflicts",
    "conflicts.key.mine": "Mine",
    "conflicts.key.theirs": "Theirs",
    "conflicts.key.edit": "Edit",
    "conflicts.key.keep": "Keep",
    "conflicts.key.delete": "Delete",
    "conflicts.key.back": "Back",
    "conflicts.msg.resolved": "Resolved: {record}. Press u to undo.",
    "conflicts.msg.no_mine": (
        "Neither value is from this device ({device}): choose with e, or from the shell "
        "with pop resolve {id} 1 or 2."
    ),
    "conflicts.msg.only_field": "This conflict is about one field: m, t or e.",
    "conflicts.msg.only_record": "This record was deleted on one device: K keeps it, d deletes it.",
    "conflicts.form.title": "New value: {record}",
    "conflicts.form.intro": "{field}: {sides}",
    "conflicts.form.value": "{field}",
    # The palette and syncing.
    "conflicts.palette.open": "Resolve conflicts",
    "conflicts.palette.open.help": "Choose a value where two devices disagree",
    "conflicts.palette.sync": "Sync now",
    "conflicts.palette.sync.help": "Send and fetch the plan through git ({url})",
    "conflicts.sync.started": "Syncing with {url}…",
    "conflicts.sync.busy": "A sync is already running.",
    "conflicts.sync.done": "Synced with {url}.",
    "conflicts.sync.up_to_date": "Synced: nothing new here or there.",
    "conflicts.sync.sent": "Sent: {changes}",
    "conflicts.sync.came_in": "Came in: {changes}",
    "conflicts.sync.more": "and {count} more",
    "conflicts.sync.new_conflicts": "{count} new conflict(s): press r on the dashboard.",
    "conflicts.sync.renumbered": "New numbers: {lines}",
    "conflicts.sync.failed": "Sync failed: {error}",
    "conflicts.sync.not_set_up": "This plan's folder is not set up for sync: {command}",
    "conflicts.quit.syncing": "Syncing before quitting (at most {seconds} s)…",
    "conflicts.quit.gave_up": (
        "pop: the sync on quit took longer than {seconds} s and was left; "
        "the plan is saved here. Run pop sync later."
    ),
    "conflicts.quit.failed": "pop: the sync on quit failed: {error}",
    "conflicts.quit.stopped": (
        "pop: a sync was still under way and was stopped; "
        "the plan is saved here. Run pop sync later."
    ),
    # The shell.
    "conflicts.cli.help": "List the conflicts that syncing left, to resolve with pop resolve",
    "conflicts.cli.help_resolve": "Resolve a conflict: keep this device's value, the other's, or a new one",
    "conflicts.cli.help_ref": "the conflict's number (pop conflicts lists them)",
    "conflicts.cli.help_choice": (
        "mine, theirs, 1 or 2 (a side by its number), keep or delete (a deleted record)"
    ),
    "conflicts.cli.help_value": "a new value for the field instead",
    "conflicts.cli.none": "No conflicts.",
    "conflicts.cli.row": "{id}  {record} · {field}",
    "conflicts.cli.side": "    {n}. {value}  ({who} · {at})",
    "conflicts.cli.resolved": "Resolved {id}: {record}. pop undo takes it back.",
    "conflicts.cli.choose": "Say how: {command}, or --value TEXT.",
    "conflicts.cli.choose_record": "Say how: {command}.",
    "conflicts.cli.both": "Give either a choice or --value, not both.",
    "conflicts.cli.no_mine": (
        "Neither side is from this device ({device}): choose a side by its number (1 or 2)."
    ),
    "conflicts.cli.not_found": "No conflict {ref}: pop conflicts lists them.",
}

NL: dict[str, str] = {
    "conflicts.deleted_field": "op het ene apparaat verwijderd, op het andere gewijzigd",
    "conflicts.not_typed": "{field} typ je niet: houd een van de twee waarden.",
    "conflicts.bad_choice": "Kies uit: {choices}.",
    "conflicts.not_whole": "{value} is geen heel getal.",
    "conflicts.label.side": "Conflict opgelost: {record}, {field} zoals op {device}",
    "conflicts.label.value": "Conflict opgelost: {record}, {field} kreeg een nieuwe waarde",
    "conflicts.label.keep": "Conflict opgelost: {record} bewaard",
    "conflicts.label.delete": "Conflict opgelost: {record} verwijderd",
    "conflicts.dash.heading": "Conflicten na synchroniseren: {count} op te lossen (r)",
    "conflicts.dash.synced": "gesynchroniseerd {when}",
    "conflicts.dash.never": "nooit gesynchroniseerd",
    "conflicts.side.mine": "{device}, dit apparaat",
    "conflicts.side.holds": "nu getoond",
    "conflicts.title": "Conflicten",
    "conflicts.intro": (
        "Twee apparaten wijzigden hetzelfde verschillend. Kies welke waarde blijft: "
        "m die van dit apparaat, t die van het andere, e een nieuwe; bij een verwijderd "
        "onderdeel bewaart K het en verwijdert d het. u maakt een keuze ongedaan."
    ),
    "conflicts.none": "Geen conflicten op te lossen.",
    "conflicts.subtitle": "{count} op te lossen · {synced}",
    "conflicts.key.open": "Conflicten",
    "conflicts.key.mine": "Mijn",
    "conflicts.key.theirs": "Andere",
    "conflicts.key.edit": "Wijzig",
    "conflicts.key.keep": "Bewaar",
    "conflicts.key.delete": "Verwijder",
    "conflicts.key.back": "Terug",
    "conflicts.msg.resolved": "Opgelost: {record}. Druk u om het ongedaan te maken.",
    "conflicts.msg.no_mine": (
        "Geen van beide waarden komt van dit apparaat ({device}): kies met e, of in de shell "
        "met pop resolve {id} 1 of 2."
    ),
    "conflicts.msg.only_field": "Dit conflict gaat over één veld: m, t of e.",
    "conflicts.msg.only_record": (
        "Dit onderdeel is op een apparaat verwijderd: K bewaart het, d verwijdert het."
    ),
    "conflicts.form.title": "Nieuwe waarde: {record}",
    "conflicts.form.intro": "{field}: {sides}",
    "conflicts.form.value": "{field}",
    "conflicts.palette.open": "Conflicten oplossen",
    "conflicts.palette.open.help": "Kies een waarde waar twee apparaten het oneens zijn",
    "conflicts.palette.sync": "Nu synchroniseren",
    "conflicts.palette.sync.help": "Het plan via git versturen en ophalen ({url})",
    "conflicts.sync.started": "Synchroniseren met {url}…",
    "conflicts.sync.busy": "Er loopt al een synchronisatie.",
    "conflicts.sync.done": "Gesynchroniseerd met {url}.",
    "conflicts.sync.up_to_date": "Gesynchroniseerd: niets nieuws hier of daar.",
    "conflicts.sync.sent": "Verstuurd: {changes}",
    "conflicts.sync.came_in": "Binnengekomen: {changes}",
    "conflicts.sync.more": "en nog {count}",
    "conflicts.sync.new_conflicts": "{count} nieuw(e) conflict(en): druk r op het dashboard.",
    "conflicts.sync.renumbered": "Nieuwe nummers: {lines}",
    "conflicts.sync.failed": "Synchroniseren mislukt: {error}",
    "conflicts.sync.not_set_up": (
        "De map van dit plan is niet ingesteld om te synchroniseren: {command}"
    ),
    "conflicts.quit.syncing": "Synchroniseren voor het afsluiten (hooguit {seconds} s)…",
    "conflicts.quit.gave_up": (
        "pop: synchroniseren bij afsluiten duurde langer dan {seconds} s en is gestaakt; "
        "het plan is hier bewaard. Voer later pop sync uit."
    ),
    "conflicts.quit.failed": "pop: synchroniseren bij afsluiten mislukt: {error}",
    "conflicts.quit.stopped": (
        "pop: er liep nog een synchronisatie; die is gestopt. "
        "Het plan is hier bewaard. Voer later pop sync uit."
    ),
    "conflicts.cli.help": (
        "De conflicten die synchroniseren achterliet, op te lossen met pop resolve"
    ),
    "conflicts.cli.help_resolve": (
        "Een conflict oplossen: de waarde van dit apparaat houden, die van het andere, of een nieuwe"
    ),
    "conflicts.cli.help_ref": "het nummer van het conflict (pop conflicts toont ze)",
    "conflicts.cli.help_choice": (
        "mine, theirs, 1 of 2 (een kant bij zijn nummer), keep of delete (een verwijderd onderdeel)"
    ),
    "conflicts.cli.help_value": "in plaats daarvan een nieuwe waarde voor het veld",
    "conflicts.cli.none": "Geen conflicten.",
    "conflicts.cli.row": "{id}  {record} · {field}",
    "conflicts.cli.side": "    {n}. {value}  ({who} · {at})",
    "conflicts.cli.resolved": "Opgelost {id}: {record}. pop undo draait het terug.",
    "conflicts.cli.choose": "Zeg hoe: {command}, of --value TEKST.",
    "conflicts.cli.choose_record": "Zeg hoe: {command}.",
    "conflicts.cli.both": "Geef een keuze of --value, niet allebei.",
    "conflicts.cli.no_mine": (
        "Geen van beide kanten komt van dit apparaat ({device}): kies een kant bij zijn "
        "nummer (1 of 2)."
    ),
    "conflicts.cli.not_found": "Geen conflict {ref}: pop conflicts toont ze.",
}
