"""Widgets shared by the section screens."""
