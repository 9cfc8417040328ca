"""Presenting to a class: the audience window on the projector and the presenter console."""
