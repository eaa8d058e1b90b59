"""Texts of the plan periods in the app: the list, an earlier period read-only, a new period."""

EN: dict[str, str] = {
    # The list of periods.
    "periodsui.title": "Plan periods",
    "periodsui.subtitle.current": "Now in {name}",
    "periodsui.subtitle.none": "No periods started yet",
    "periodsui.intro": (
        "A period is usually a year, up to the next performance conversation. "
        "Enter reads an earlier period as it was; n closes this one and starts the next."
    ),
    "periodsui.empty": (
        "No earlier periods yet. Press n to close this period and start the next one: "
        "active goals with their steps come along, and the plan as it is now stays "
        "readable here. From the shell: {cmd}"
    ),
    "periodsui.empty.cmd": "pop period new NAME",
    "periodsui.row.span": "{started} – {ended}",
    "periodsui.row.date": "{day} {month} {year}",
    "periodsui.row.since": "current, since {started}",
    "periodsui.row.goals": "{goals} goals, {done} reached",
    "periodsui.unknown_date": "?",
    "periodsui.msg.current": "This is the plan you work in now; the sections show it.",
    "periodsui.key.periods": "Periods",
    "periodsui.key.open": "Read",
    "periodsui.key.new": "New period",
    # An earlier period, read-only.
    "archive.title": "Period {name} (read-only)",
    # The dates are here, not in the header, where a narrow window would cut them off.
    "archive.banner": (
        "{span}: the plan as it was when this period ended. x exports it, Esc goes back."
    ),
    "archive.key.export": "Export this period",
    "archive.key.page_down": "Page down",
    "archive.key.page_up": "Page up",
    "archive.key.top": "To the top",
    "archive.key.end": "To the end",
    "archive.dream_job": "Dream job",
    "archive.answers": "Answers for the conversation",
    # Starting a new period.
    "periodsui.new.title": "Start a new period",
    "periodsui.new.intro": (
        "This closes the current period. The plan as it is now is kept read-only under "
        "its name below; active goals with their steps come along into the new period. "
        "You see what will happen before anything changes."
    ),
    "periodsui.new.name": "New period",
    "periodsui.new.archive_as": "Current period",
    "periodsui.new.next": "Next",
    "periodsui.confirm.question": "Start the new period?",
    "periodsui.confirm.subject": "{old} is kept read-only, {new} starts on {date}.",
    "periodsui.confirm.detail": (
        "Into {new}: {goals} active goals with their actions and steps ({steps} open), "
        "reviews still to come and feedback still awaited. The profile, the analysis and "
        "the employer goals stay as they are.\n"
        "Only in {old}: {ended} reached or dropped goals, {done} done steps and {history} "
        "entries of history (reflections, check-ins, measurements and goal changes).\n"
        "u undoes it."
    ),
    "periodsui.confirm.yes": "Start {name} (y)",
    "periodsui.confirm.no": "Don't start (n)",
    "periodsui.key.start": "Start it",
    "periodsui.key.dont_start": "Don't start",
    "periodsui.msg.started": "Started period {name}; {old} is kept read-only. u undoes it.",
    # The command palette.
    "palette.periods": "Plan periods",
    "palette.periods.help": "Read earlier periods as they were, or start the next one",
}

NL: dict[str, str] = {
    "periodsui.title": "Planperiodes",
    "periodsui.subtitle.current": "Nu in {name}",
    "periodsui.subtitle.none": "Nog geen periodes begonnen",
    "periodsui.intro": (
        "Een periode is meestal een jaar, tot het volgende functioneringsgesprek. "
        "Enter toont een eerdere periode zoals ze was; n sluit deze af en begint de volgende."
    ),
    "periodsui.empty": (
        "Nog geen eerdere periodes. Druk op n om deze periode af te sluiten en de volgende "
        "te beginnen: actieve doelen gaan mee met hun stappen, en het plan zoals het nu "
        "is blijft hier te lezen. Vanuit de shell: {cmd}"
    ),
    "periodsui.empty.cmd": "pop period new NAAM",
    "periodsui.row.span": "{started} – {ended}",
    "periodsui.row.date": "{day} {month} {year}",
    "periodsui.row.since": "huidige, sinds {started}",
    "periodsui.row.goals": "{goals} doelen, {done} behaald",
    "periodsui.unknown_date": "?",
    "periodsui.msg.current": "Dit is het plan waar je nu in werkt; de onderdelen tonen het.",
    "periodsui.key.periods": "Periodes",
    "periodsui.key.open": "Lezen",
    "periodsui.key.new": "Nieuwe periode",
    "archive.title": "Periode {name} (alleen lezen)",
    "archive.banner": (
        "{span}: het plan zoals het was toen de periode eindigde. x exporteert het, Esc gaat terug."
    ),
    "archive.key.export": "Deze periode exporteren",
    "archive.key.page_down": "Pagina omlaag",
    "archive.key.page_up": "Pagina omhoog",
    "archive.key.top": "Naar het begin",
    "archive.key.end": "Naar het eind",
    "archive.dream_job": "Droombaan",
    "archive.answers": "Antwoorden voor het gesprek",
    "periodsui.new.title": "Nieuwe periode beginnen",
    "periodsui.new.intro": (
        "Dit sluit de huidige periode af. Het plan zoals het nu is wordt bewaard onder haar "
        "naam hieronder, alleen om te lezen; actieve doelen gaan mee naar de nieuwe periode "
        "met hun stappen. Je ziet wat er gebeurt voordat er iets verandert."
    ),
    "periodsui.new.name": "Nieuwe periode",
    "periodsui.new.archive_as": "Huidige periode",
    "periodsui.new.next": "Verder",
    "periodsui.confirm.question": "De nieuwe periode beginnen?",
    "periodsui.confirm.subject": "{old} blijft te lezen, {new} begint op {date}.",
    "periodsui.confirm.detail": (
        "Naar {new} gaan mee: {goals} actieve doelen met hun acties en stappen ({steps} open), "
        "evaluaties die nog komen en feedback waar je nog op wacht. Het profiel, de analyse "
        "en de doelen van de werkgever blijven zoals ze zijn.\n"
        "Alleen in {old}: {ended} behaalde of geschrapte doelen, {done} afgevinkte stappen en "
        "{history} items uit de geschiedenis (reflecties, check-ins, metingen en "
        "doelwijzigingen).\n"
        "u maakt het ongedaan."
    ),
    "periodsui.confirm.yes": "{name} beginnen (y)",
    "periodsui.confirm.no": "Niet beginnen (n)",
    "periodsui.key.start": "Beginnen",
    "periodsui.key.dont_start": "Niet beginnen",
    "periodsui.msg.started": (
        "Periode {name} begonnen; {old} blijft te lezen. u maakt het ongedaan."
    ),
    "palette.periods": "Planperiodes",
    "palette.periods.help": "Eerdere periodes lezen zoals ze waren, of de volgende beginnen",
}
