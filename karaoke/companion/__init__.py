"""The companion: a local web server for students' phones and the teacher's remote.

Pure Python and aiohttp (no Qt, no VLC: ``tests/test_architecture.py``); it runs in its own
thread and asyncio loop beside the Qt event loop. Everything it serves comes from the package
(``static/``): it works on a school network without internet.

Modules:

- :mod:`~karaoke.companion.protocol` — every message both ways, validation of what pages send;
- :mod:`~karaoke.companion.payload` — ``song_payload(song, language, translation=…)``, the song
  as the pages get it (``/song.json``; no right answers, no teacher's notes);
- :mod:`~karaoke.companion.checkpoint` — a question round; :mod:`~karaoke.companion.report`
  — the session report (JSON + CSV);
- :mod:`~karaoke.companion.server` — :class:`CompanionServer`; :mod:`~karaoke.companion.hub`
  (the connected pages), :mod:`~karaoke.companion.web` (routes, headers),
  :mod:`~karaoke.companion.ratelimit`.

How the Qt side (presentation, audience QR, the bridge to the playback session) uses it::

    payload = song_payload(song, explanations_language, translation=read_translation(song, "en"))
    server = CompanionServer(payload, host=chosen_address, port=args.companion_port,
                             on_command=bridge.command_from_phone.emit,   # queued Qt signal
                             on_answers=bridge.answers_changed.emit)      # queued Qt signal
    server.start()            # OSError (with the address) if it cannot bind; prints
                              # "Students: http://ADDR:PORT/" on stderr
    server.student_url        # for the audience's QR code and short URL (key J)
    server.teacher_url        # with the token: the presenter console only (QR code)
    # on every session change (play/pause, seek, line, stanza, black-out, teaching pause, rate):
    server.publish_state(playing, position_ms, rate, line, stanza, blackout, teaching_pause,
                         offset_ms=session.offset_ms)
    # on_command(name) for name in protocol.COMMANDS: "play_pause", "previous_line",
    # "next_line", "previous_stanza", "next_stanza", "continue", "blackout",
    # "show_question", "close_question", "reveal" — the bridge performs them on the session;
    # for "show_question" it picks the stanza's question and calls:
    server.publish_question(question)   # or None to close; "reveal" → server.publish_reveal()
    # on_answers(results): {"type": "results", "question": id, "counts": [..], "total": n,
    #                       "revealed": bool} — the audience's bar chart
    server.stop()             # when presenting stops; idempotent
    write_report(data_folder / "reports", server.rounds(), song_title=song.title,
                 started=start_time, language=explanations_language)

``position_ms`` is the *media* position; the pages subtract the state's ``offset_ms`` (the
session's lyrics offset now) to get the lyrics time, and run the wipe from the server clock
they estimate by ping/pong. Publish the state on every change, not on a timer: the pages
extrapolate between messages.

For browser tests and the load benchmark: the student page keeps its state on ``<body>`` as
``data-connected``, ``data-line``, ``data-stanza``, ``data-question``, ``data-answer`` and
``data-revealed``; controls have stable ids (``#answer-0``…, ``#nickname``, ``#command-…``).
"""
