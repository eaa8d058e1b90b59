"""Texts of ``pop status``: a catalogue of their own, so that a prompt loads only these."""

EN: dict[str, str] = {
    "status.late": "{count} late",
    "status.today": "{count} due today",
    "status.review_in": "review in {days} d",
    "status.review_today": "review today",
    "status.review_late": "review {days} d late",
    "status.feedback": "{count} feedback late",
    "status.unreadable": "pop: plan unreadable",
}

NL: dict[str, str] = {
    "status.late": "{count} te laat",
    "status.today": "{count} vandaag",
    "status.review_in": "evaluatie over {days} d",
    "status.review_today": "evaluatie vandaag",
    "status.review_late": "evaluatie {days} d te laat",
    "status.feedback": "{count} feedback te laat",
    "status.unreadable": "pop: plan onleesbaar",
}
