"""Widgets and windows shared by the player window, the presentation and the timing editor."""
