"""Texts of the date and recurrence parser."""

EN: dict[str, str] = {}

NL: dict[str, str] = {}
