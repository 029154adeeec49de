"""One module per screen of the kiosk's main window."""
