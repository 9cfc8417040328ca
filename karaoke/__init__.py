"""Karaoke de ciencia: a karaoke player for science songs.

Layers (dependencies point one way, downwards):

- ``cli``: argument parsing and wiring;
- ``ui``: the windows — ``ui.player`` (the player window), ``ui.present`` (presenting to a class),
  ``ui.timing`` (the timing editor), and ``ui.shared`` (what they share);
- ``app``: what a window and a phone both need — the playback session, song set-up, commands,
  settings, the timing controller, the bridge to the phones' server — with QtCore only, no
  widget;
- ``companion``: the local web server for students' phones and the teacher's remote (aiohttp in
  its own thread; pure Python, neither Qt nor VLC);
- ``player``: the players (libvlc, and a clock-driven fake); the only place that imports ``vlc``;
- ``core``: pure Python (model, formats, timeline, clock, packages), neither Qt nor VLC.

``tests/test_architecture.py`` keeps these rules.
"""

__version__ = "0.1.0"

#: The name people see, and the reverse-DNS id of the desktop entry, icon and AppStream data.
APP_NAME = "Karaoke de ciencia"
APP_ID = "io.github.karaoke_ciencia.Karaoke"
