"""The screens of the TUI, one per part of the plan."""
