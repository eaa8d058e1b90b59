"""Modal dialogs: forms that validate before they save, confirmations, choices."""
