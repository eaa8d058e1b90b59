"""The Textual user interface. Only the TUI imports this package."""
