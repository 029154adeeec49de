"""Reusable widgets: keypad, result banner, connection indicator."""
