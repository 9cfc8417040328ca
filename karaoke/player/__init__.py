"""Media players behind one interface (:class:`~karaoke.player.base.Player`).

``vlc_player`` is the only module in the project that imports ``vlc``; ``fake_player`` plays
"silence" on a clock, for lyrics-only songs, machines without libvlc, and logic tests.
"""
