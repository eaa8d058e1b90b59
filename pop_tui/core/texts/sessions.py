"""Texts of working in two places at once: limits of typed text, changes that
crossed, and drafts kept when a connection dropped."""

EN: dict[str, str] = {
    "entry.too_long": "Too long: {length} characters, and {most} fit here.",
    "form.error.target_is_baseline": (
        "The target equals the starting value ({value}): nothing to reach. Choose another target."
    ),
    "conflict.title": "Changed elsewhere while you were typing",
    "conflict.intro": (
        "Another session saved this record after you opened the form, and changed "
        "the same part as you:"
    ),
    "conflict.mine": "Yours",
    "conflict.theirs": "Saved elsewhere",
    "conflict.empty": "(empty)",
    "conflict.keep_mine": "Keep mine (m)",
    "conflict.keep_theirs": "Keep theirs (t)",
    "conflict.back": "Back (Esc)",
    "conflict.key.mine": "Keep mine",
    "conflict.key.theirs": "Keep theirs",
    "conflict.key.back": "Back to the form",
    "conflict.msg.kept_theirs": "Kept the version saved elsewhere; your changes were dropped.",
    "draft.title": "Text you had not saved",
    "draft.intro": (
        "pop was closed ({when}) while this form was open: {form}. Your typing was kept."
    ),
    "draft.intro_shown": (
        "pop was closed ({when}) while this form was open: {form}. It cannot be opened "
        "again ({reason}), so here is what you had typed:"
    ),
    "draft.reason.gone": "what it was about is no longer in the plan",
    "draft.reason.unknown": "pop does not know how to open it again",
    "draft.restore": "Restore (r)",
    "draft.discard": "Discard (d)",
    "draft.later": "Later (Esc)",
    "draft.key.restore": "Restore",
    "draft.key.discard": "Discard",
    "draft.key.later": "Ask me next time",
    "draft.msg.restored": "Restored your unsaved text. Save it with Enter.",
    "draft.msg.discarded": "Discarded the unsaved text.",
    "draft.msg.unreadable": "A kept draft could not be read and was left as it is: {path}",
}

NL: dict[str, str] = {
    "entry.too_long": "Te lang: {length} tekens, en hier passen er {most}.",
    "form.error.target_is_baseline": (
        "Het doel is gelijk aan de beginwaarde ({value}): niets te bereiken. Kies een ander doel."
    ),
    "conflict.title": "Elders gewijzigd terwijl je typte",
    "conflict.intro": (
        "Een andere sessie heeft dit onderdeel opgeslagen nadat je het formulier opende, "
        "en veranderde hetzelfde als jij:"
    ),
    "conflict.mine": "Van jou",
    "conflict.theirs": "Elders opgeslagen",
    "conflict.empty": "(leeg)",
    "conflict.keep_mine": "Mijne (m)",
    "conflict.keep_theirs": "Die van elders (t)",
    "conflict.back": "Terug (Esc)",
    "conflict.key.mine": "Mijne houden",
    "conflict.key.theirs": "Die van elders houden",
    "conflict.key.back": "Terug naar het formulier",
    "conflict.msg.kept_theirs": (
        "De elders opgeslagen versie is gehouden; jouw wijzigingen zijn vervallen."
    ),
    "draft.title": "Tekst die je nog niet had opgeslagen",
    "draft.intro": (
        "pop werd gesloten ({when}) terwijl dit formulier open stond: {form}. "
        "Wat je had getypt, is bewaard."
    ),
    "draft.intro_shown": (
        "pop werd gesloten ({when}) terwijl dit formulier open stond: {form}. Het kan "
        "niet opnieuw worden geopend ({reason}); dit had je getypt:"
    ),
    "draft.reason.gone": "waar het over ging, staat niet meer in het plan",
    "draft.reason.unknown": "pop weet niet hoe het opnieuw te openen",
    "draft.restore": "Terugzetten (r)",
    "draft.discard": "Weggooien (d)",
    "draft.later": "Niet nu (Esc)",
    "draft.key.restore": "Terugzetten",
    "draft.key.discard": "Weggooien",
    "draft.key.later": "Volgende keer weer vragen",
    "draft.msg.restored": "Je niet-opgeslagen tekst staat er weer. Sla op met Enter.",
    "draft.msg.discarded": "De niet-opgeslagen tekst is weggegooid.",
    "draft.msg.unreadable": "Een bewaard concept kon niet worden gelezen en blijft staan: {path}",
}
