"""The pure core: song model, lyrics readers, song packages, timeline and playback clock.

Nothing in here imports Qt or VLC, so it is testable and fast to import.
All times are ``int`` milliseconds, named ``*_ms``.
"""
