"""Texts of the TUI: titles, sections, key descriptions, messages."""

EN: dict[str, str] = {
    "ui.dashboard": "Dashboard",
    "ui.subtitle": "{owner} · {today}",
    "ui.subtitle.anonymous": "{today}",
    "ui.section.overdue": "Overdue steps",
    "ui.section.soon": "Due in the next {days} days",
    "ui.section.reviews": "Reviews in the next {days} days",
    "ui.section.idle_goals": "Active goals without an open step",
    "ui.nothing.overdue": "Nothing overdue.",
    "ui.nothing.soon": "No steps due.",
    "ui.nothing.reviews": "No reviews planned.",
    "ui.nothing.idle_goals": "Every active goal has an open step.",
    "ui.nothing.goals": "No active goal yet: press 3 for the goals.",
    "ui.review.next_later": "Next: {title}, {date} ({relative}).",
    "ui.when.overdue": "{days} d late",
    "ui.when.overdue_one": "1 d late",
    "ui.step.no_goal": "(no goal)",
    "ui.review.whole_plan": "whole plan",
    "ui.empty_plan": "Your plan is still empty. Run `pop demo` to see an example plan.",
    "ui.key.quit": "Quit",
    "ui.key.help": "Help",
    "ui.key.done": "Done",
    "ui.key.undo": "Undo",
    "ui.key.redo": "Redo",
    "ui.key.close": "Close",
    "ui.key.down": "Move down",
    "ui.key.up": "Move up",
    "ui.msg.done": "Done: {title}. Press u to undo.",
    "ui.msg.already_done": "That step is already done.",
    "ui.msg.not_a_step": "Choose a step to mark it done.",
    "ui.msg.undone": "Undone: {label}",
    "ui.msg.redone": "Redone: {label}",
    "ui.msg.nothing_to_undo": "Nothing to undo.",
    "ui.msg.nothing_to_redo": "Nothing to redo.",
    "ui.msg.reloaded": "The plan was changed elsewhere; showing the new version.",
    "ui.msg.save_failed": "Could not save: {error}. Nothing was changed.",
    "ui.msg.waiting_for_lock": (
        "Another pop is saving the plan; your change is kept and saved as soon as it is done."
    ),
    "ui.msg.still_waiting_for_lock": (
        "Still waiting for another pop to finish saving; your change is kept."
    ),
    "ui.msg.saved_after_wait": "Saved.",
    "ui.msg.quit_after_saving": (
        "Waiting for another pop to finish saving; pop closes once your change is saved."
    ),
    "ui.msg.queued_lost": "Could not save: {reason}. The changes made while waiting are not saved.",
    "ui.help.title": "Help",
    "ui.help.keys": "Keys on this screen",
    "ui.help.method_title": "The POP method in short",
    "ui.help.method": (
        "A personal development plan has four parts. Analysis: your strengths, "
        "weaknesses, opportunities and threats, and the trends in your field. Goals: "
        "what you want to reach in about a year and in about five, each one SMART "
        "(specific, measurable, acceptable, realistic, time-bound). Employer: what "
        "your organisation wants and how your goals support it. Action plan: per goal "
        "an action, the result you expect and dated steps. Then evaluate: review "
        "regularly, measure progress, reflect after each step and ask others for "
        "feedback. The dashboard shows what needs you today."
    ),
    "label.done_step": "Mark step done: {title}",
    "label.undo": "Undo",
}

NL: dict[str, str] = {
    "ui.dashboard": "Overzicht",
    "ui.subtitle": "{owner} · {today}",
    "ui.subtitle.anonymous": "{today}",
    "ui.section.overdue": "Te late stappen",
    "ui.section.soon": "Te doen in de komende {days} dagen",
    "ui.section.reviews": "Evaluaties in de komende {days} dagen",
    "ui.section.idle_goals": "Actieve doelen zonder open stap",
    "ui.nothing.overdue": "Niets te laat.",
    "ui.nothing.soon": "Geen stappen te doen.",
    "ui.nothing.reviews": "Geen evaluaties gepland.",
    "ui.nothing.idle_goals": "Elk actief doel heeft een open stap.",
    "ui.nothing.goals": "Nog geen actief doel: druk op 3 voor de doelen.",
    "ui.review.next_later": "Volgende: {title}, {date} ({relative}).",
    "ui.when.overdue": "{days} d te laat",
    "ui.when.overdue_one": "1 d te laat",
    "ui.step.no_goal": "(geen doel)",
    "ui.review.whole_plan": "hele plan",
    "ui.empty_plan": "Je plan is nog leeg. Start `pop demo` voor een voorbeeldplan.",
    "ui.key.quit": "Stoppen",
    "ui.key.help": "Hulp",
    "ui.key.done": "Klaar",
    "ui.key.undo": "Ongedaan",
    "ui.key.redo": "Opnieuw",
    "ui.key.close": "Sluiten",
    "ui.key.down": "Omlaag",
    "ui.key.up": "Omhoog",
    "ui.msg.done": "Klaar: {title}. Druk op u om dat ongedaan te maken.",
    "ui.msg.already_done": "Die stap is al klaar.",
    "ui.msg.not_a_step": "Kies een stap om die af te vinken.",
    "ui.msg.undone": "Ongedaan gemaakt: {label}",
    "ui.msg.redone": "Opnieuw gedaan: {label}",
    "ui.msg.nothing_to_undo": "Er is niets om ongedaan te maken.",
    "ui.msg.nothing_to_redo": "Er is niets om opnieuw te doen.",
    "ui.msg.reloaded": "Het plan is elders gewijzigd; de nieuwe versie staat nu in beeld.",
    "ui.msg.save_failed": "Opslaan lukte niet: {error}. Er is niets veranderd.",
    "ui.msg.waiting_for_lock": (
        "Een andere pop slaat het plan op; je wijziging blijft bewaard en wordt opgeslagen "
        "zodra die klaar is."
    ),
    "ui.msg.still_waiting_for_lock": (
        "Nog steeds wachten tot een andere pop klaar is met opslaan; je wijziging blijft bewaard."
    ),
    "ui.msg.saved_after_wait": "Opgeslagen.",
    "ui.msg.quit_after_saving": (
        "Wachten tot een andere pop klaar is met opslaan; pop sluit zodra je wijziging is "
        "opgeslagen."
    ),
    "ui.msg.queued_lost": (
        "Opslaan lukte niet: {reason}. De wijzigingen van tijdens het wachten zijn niet opgeslagen."
    ),
    "ui.help.title": "Hulp",
    "ui.help.keys": "Toetsen op dit scherm",
    "ui.help.method_title": "De POP-methode in het kort",
    "ui.help.method": (
        "Een persoonlijk ontwikkelingsplan heeft vier delen. Analyse: je sterke en "
        "zwakke punten, kansen en bedreigingen, en de ontwikkelingen in je vak. Doelen: "
        "wat je over ongeveer een jaar en over ongeveer vijf jaar wilt bereiken, elk "
        "doel SMART (specifiek, meetbaar, acceptabel, realistisch, tijdgebonden). "
        "Werkgever: wat je organisatie wil en hoe jouw doelen daaraan bijdragen. "
        "Actieplan: per doel een actie, het resultaat dat je verwacht en stappen met "
        "een datum. Daarna evalueren: regelmatig terugkijken, voortgang meten, na elke "
        "stap reflecteren en anderen om feedback vragen. Het overzicht laat zien wat "
        "vandaag je aandacht vraagt."
    ),
    "label.done_step": "Stap afgevinkt: {title}",
    "label.undo": "Ongedaan maken",
}
