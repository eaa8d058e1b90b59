"""Texts of the shell commands."""

EN: dict[str, str] = {
    "cli.description": "Keep your Personal Development Plan (POP) in the terminal.",
    "cli.help.db": "the plan file (default: $POP_DB, else plan.json in your data folder)",
    "cli.help.lang": "language of the interface: en or nl (default: $POP_LANG, else the locale)",
    "cli.help.tui": "open the plan in the terminal app (the default)",
    "cli.help.demo": "open the app on a fresh example plan (your own plan is not touched)",
    "cli.help.demo_out": "only write the example plan to FILE and exit",
    "cli.help.backup": "list or restore the kept previous versions of the plan file",
    "cli.help.backup_list": "list the backups, newest first",
    "cli.help.backup_restore": "put backup N back as the plan file",
    "cli.help.backup_n": "the number that `pop backup list` shows",
    "cli.error": "pop: {message}",
    "cli.damaged": "pop: cannot open {path}: {reason}.\nNothing was written.",
    "cli.damaged.backup": (
        "The newest good backup is number {number} (revision {revision}, saved {saved}).\n"
        "See all backups:  {list_cmd}\n"
        "Restore it:       {restore_cmd}"
    ),
    "cli.damaged.no_backup": "There is no good backup of it. List backups with: {list_cmd}",
    "cli.demo.exists": "{path} already exists; choose another file (nothing was written)",
    "cli.demo.written": "Wrote the example plan to {path}",
    "cli.backup.none": "No backups of {path} yet.",
    "cli.backup.header": "Backups of {path} (newest first):",
    "cli.backup.good": "{number:>3}  revision {revision:<6} saved {saved}",
    "cli.backup.bad": "{number:>3}  damaged: {problem}",
    "cli.backup.restored": "Restored backup {number} to {path}.",
    "cli.backup.kept": "The file it replaced is kept as {kept}.",
    "cli.lang.unknown": "unknown language {lang!r}: choose en or nl",
    "cli.today.bad": "POP_TODAY must be a date like 2026-11-29, not {value!r}",
    # argparse's own messages, by their English text (see cli/parser.py)
    "cli.argparse.usage": "usage: ",
    "cli.argparse.error": "%(prog)s: error: %(message)s\n",
    "cli.argparse.argument": "argument %(argument_name)s: %(message)s",
    "cli.argparse.ambiguous": "ambiguous option: %(option)s could match %(matches)s",
    "cli.argparse.at_least_one": "expected at least one argument",
    "cli.argparse.at_most_one": "expected at most one argument",
    "cli.argparse.one": "expected one argument",
    "cli.argparse.explicit": "ignored explicit argument %r",
    "cli.argparse.invalid_type": "invalid %(type)s value: %(value)r",
    "cli.argparse.invalid_choice": "invalid choice: %(value)r (choose from %(choices)s)",
    "cli.argparse.not_allowed": "not allowed with argument %s",
    "cli.argparse.one_required": "one of the arguments %s is required",
    "cli.argparse.options": "options",
    "cli.argparse.positional": "positional arguments",
    "cli.argparse.help": "show this help message and exit",
    "cli.argparse.required": "the following arguments are required: %s",
    "cli.argparse.unrecognized": "unrecognized arguments: %s",
    "cli.argparse.version": "show program's version number and exit",
    "cli.argparse.expected_n_one": "expected %s argument",
    "cli.argparse.expected_n_many": "expected %s arguments",
    "cli.not_utf8": (
        "{text} holds bytes that are not UTF-8 text (is the terminal set to another "
        "encoding?); pop keeps every text as UTF-8, so nothing was written"
    ),
}

NL: dict[str, str] = {
    "cli.description": "Houd je persoonlijk ontwikkelingsplan (POP) bij in de terminal.",
    "cli.help.db": "het planbestand (standaard: $POP_DB, anders plan.json in je gegevensmap)",
    "cli.help.lang": "taal van de interface: en of nl (standaard: $POP_LANG, anders de locale)",
    "cli.help.tui": "open het plan in de terminal-app (de standaard)",
    "cli.help.demo": "open de app op een nieuw voorbeeldplan (je eigen plan blijft onaangeroerd)",
    "cli.help.demo_out": "schrijf alleen het voorbeeldplan naar FILE en stop",
    "cli.help.backup": "bekijk of herstel de bewaarde vorige versies van het planbestand",
    "cli.help.backup_list": "toon de reservekopieën, nieuwste eerst",
    "cli.help.backup_restore": "zet reservekopie N terug als planbestand",
    "cli.help.backup_n": "het nummer dat `pop backup list` toont",
    "cli.error": "pop: {message}",
    "cli.damaged": "pop: kan {path} niet openen: {reason}.\nEr is niets geschreven.",
    "cli.damaged.backup": (
        "De nieuwste goede reservekopie is nummer {number} (revisie {revision}, "
        "opgeslagen {saved}).\n"
        "Alle reservekopieën:  {list_cmd}\n"
        "Terugzetten:          {restore_cmd}"
    ),
    "cli.damaged.no_backup": "Er is geen goede reservekopie. Bekijk ze met: {list_cmd}",
    "cli.demo.exists": "{path} bestaat al; kies een ander bestand (er is niets geschreven)",
    "cli.demo.written": "Voorbeeldplan geschreven naar {path}",
    "cli.backup.none": "Nog geen reservekopieën van {path}.",
    "cli.backup.header": "Reservekopieën van {path} (nieuwste eerst):",
    "cli.backup.good": "{number:>3}  revisie {revision:<6} opgeslagen {saved}",
    "cli.backup.bad": "{number:>3}  beschadigd: {problem}",
    "cli.backup.restored": "Reservekopie {number} teruggezet naar {path}.",
    "cli.backup.kept": "Het vervangen bestand is bewaard als {kept}.",
    "cli.lang.unknown": "onbekende taal {lang!r}: kies en of nl",
    "cli.today.bad": "POP_TODAY moet een datum zijn zoals 2026-11-29, niet {value!r}",
    "cli.argparse.usage": "gebruik: ",
    "cli.argparse.error": "%(prog)s: fout: %(message)s\n",
    "cli.argparse.argument": "bij %(argument_name)s: %(message)s",
    "cli.argparse.ambiguous": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "cli.argparse.at_least_one": "verwacht minstens één waarde",
    "cli.argparse.at_most_one": "verwacht hoogstens één waarde",
    "cli.argparse.one": "verwacht één waarde",
    "cli.argparse.explicit": "genegeerde waarde %r",
    "cli.argparse.invalid_type": "ongeldige %(type)s-waarde: %(value)r",
    "cli.argparse.invalid_choice": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "cli.argparse.not_allowed": "niet toegestaan samen met %s",
    "cli.argparse.one_required": "een van de argumenten %s is nodig",
    "cli.argparse.options": "opties",
    "cli.argparse.positional": "argumenten",
    "cli.argparse.help": "toon deze hulp en stop",
    "cli.argparse.required": "deze argumenten ontbreken: %s",
    "cli.argparse.unrecognized": "onbekende argumenten: %s",
    "cli.argparse.version": "toon het versienummer en stop",
    "cli.argparse.expected_n_one": "verwacht %s waarde",
    "cli.argparse.expected_n_many": "verwacht %s waarden",
    "cli.not_utf8": (
        "{text} bevat bytes die geen UTF-8-tekst zijn (staat de terminal op een andere "
        "codering?); pop bewaart alle tekst als UTF-8, dus er is niets geschreven"
    ),
}
