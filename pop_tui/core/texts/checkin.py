"""Texts of the daily check-in: the dialog, its summary line and its refusals."""

EN: dict[str, str] = {
    "checkin.error.mood": "the mood must be a number from 1 to 5, not {mood}",
    "checkin.error.no_step": "there is no step {id}",
    "checkin.error.already_done": "step #{id} {title} was already done on {on}; nothing was changed",
    "checkin.summary.never": "No check-in yet.",
    "checkin.summary.last": "Last check-in: {when}",
    "checkin.summary.mood": "mood {mood}/5",
    "checkin.summary.note": "“{note}”",
    "checkin.streak.one": "streak 1 day",
    "checkin.streak.many": "streak {days} days",
    "checkin.title": "Check-in · {day}",
    "checkin.again": "already checked in today, this adds one",
    "checkin.error.empty": (
        "Nothing to check in: a note, a mood or a step done is needed; nothing was saved."
    ),
    "checkin.steps": "Due today or overdue (space: done)",
    "checkin.no_steps": "Nothing due today or overdue.",
    "checkin.late": "{days} d late",
    "checkin.today": "today",
    "checkin.note": "A note about today (optional)",
    "checkin.mood": "Mood or energy",
    "checkin.mood_hint": "keys 1–5, again to clear",
    "checkin.hint": "Enter save · Esc cancel · Tab next field",
    "checkin.key.open": "Check in",
    "checkin.key.toggle": "Mark done",
    "checkin.key.save": "Save",
    "checkin.key.cancel": "Cancel",
    "checkin.key.mood": "Mood 1–5",
    "checkin.key.lower": "Mood lower",
    "checkin.key.higher": "Mood higher",
    "checkin.msg.saved": "Checked in · {streak}. Press u to undo.",
    "checkin.msg.saved_steps": "Checked in · {count} done · {streak}. Press u to undo.",
}

NL: dict[str, str] = {
    "checkin.error.mood": "de stemming moet een getal van 1 tot 5 zijn, niet {mood}",
    "checkin.error.no_step": "er is geen stap {id}",
    "checkin.error.already_done": (
        "stap #{id} {title} was al afgevinkt op {on}; er is niets veranderd"
    ),
    "checkin.summary.never": "Nog geen check-in.",
    "checkin.summary.last": "Laatste check-in: {when}",
    "checkin.summary.mood": "stemming {mood}/5",
    "checkin.summary.note": "“{note}”",
    "checkin.streak.one": "1 dag op rij",
    "checkin.streak.many": "{days} dagen op rij",
    "checkin.title": "Check-in · {day}",
    "checkin.again": "vandaag al ingecheckt, dit voegt er een toe",
    "checkin.error.empty": (
        "Niets om in te checken: een notitie, een stemming of een afgevinkte stap is nodig;"
        " er is niets bewaard."
    ),
    "checkin.steps": "Vandaag of te laat (spatie: afvinken)",
    "checkin.no_steps": "Niets voor vandaag en niets te laat.",
    "checkin.late": "{days} d te laat",
    "checkin.today": "vandaag",
    "checkin.note": "Een notitie over vandaag (mag leeg)",
    "checkin.mood": "Stemming of energie",
    "checkin.mood_hint": "toetsen 1–5, nog eens om te wissen",
    "checkin.hint": "Enter opslaan · Esc annuleren · Tab volgend veld",
    "checkin.key.open": "Inchecken",
    "checkin.key.toggle": "Afvinken",
    "checkin.key.save": "Opslaan",
    "checkin.key.cancel": "Annuleren",
    "checkin.key.mood": "Stemming 1–5",
    "checkin.key.lower": "Stemming lager",
    "checkin.key.higher": "Stemming hoger",
    "checkin.msg.saved": "Ingecheckt · {streak}. Druk op u om dat ongedaan te maken.",
    "checkin.msg.saved_steps": (
        "Ingecheckt · {count} afgevinkt · {streak}. Druk op u om dat ongedaan te maken."
    ),
}
