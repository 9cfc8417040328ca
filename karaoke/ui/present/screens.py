"""Which screen the audience sees: the one chosen, else the largest that is not the laptop's."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen


def _area(screen: QScreen) -> int:
    size = screen.geometry().size()
    return size.width() * size.height()


def audience_screen(index: int | None = None) -> QScreen:
    """Screen ``index`` (as listed by :func:`describe_screens`), or by default the largest screen
    that is not the primary one; the primary screen when it is the only one."""
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    if index is not None and 0 <= index < len(screens):
        return screens[index]
    others = [screen for screen in screens if screen is not primary]
    return max(others, key=_area) if others else primary


def missing_screen(index: int) -> str | None:
    """Why ``index`` names no screen here ("there is only 1 screen (0)"), or None when it
    does. :func:`audience_screen` falls back quietly; the command line says so instead."""
    count = len(QGuiApplication.screens())
    if 0 <= index < count:
        return None
    return (
        "there is only 1 screen (0)"
        if count == 1
        else f"there are {count} screens (0 to {count - 1})"
    )


def console_screen(audience: QScreen) -> QScreen | None:
    """Where the presenter console goes: the primary screen, or None when the audience has it
    (one screen: the console stays hidden and everything is on the keyboard)."""
    primary = QGuiApplication.primaryScreen()
    if audience is not primary:
        return primary
    others = [screen for screen in QGuiApplication.screens() if screen is not audience]
    return others[0] if others else None


def describe_screens() -> list[str]:
    """One line per screen for ``karaoke --list-screens``."""
    default = audience_screen()
    primary = QGuiApplication.primaryScreen()
    lines = []
    for index, screen in enumerate(QGuiApplication.screens()):
        geometry = screen.geometry()
        notes = [
            note
            for note, on in (
                ("primary", screen is primary),
                ("audience by default", screen is default),
            )
            if on
        ]
        extra = f"  ({', '.join(notes)})" if notes else ""
        lines.append(
            f"{index}: {screen.name() or 'screen'} {geometry.width()}×{geometry.height()} "
            f"at {geometry.x()},{geometry.y()}{extra}"
        )
    return lines
