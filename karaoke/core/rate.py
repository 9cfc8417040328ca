"""The playback speeds the app offers (pitch kept), in one place without Qt: the command line
checks ``--rate`` against them before any window (or QtCore) is loaded, and the keys, menus and
phones (:mod:`karaoke.app.commands`) keep to the same range."""

#: Slowest and fastest playback speed, as a factor of the normal speed (1.0).
RATE_MIN, RATE_MAX = 0.5, 1.5
