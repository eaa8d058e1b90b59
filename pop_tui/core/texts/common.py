"""Texts shared by the whole app."""

EN: dict[str, str] = {
    "app.title": "pop",
}

NL: dict[str, str] = {
    "app.title": "pop",
}
