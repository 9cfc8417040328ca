"""What the window is saying (status line, banner) is said again in a new interface language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.interface_texts import in_language


def test_the_status_line_is_said_again_in_the_new_language(qtbot, window):
    qtbot.keyClick(window.lyrics, Qt.Key.Key_H)  # lyrics 50 ms later
    assert window.statusBar().currentMessage() == "Lyrics offset: +50 ms"
    with in_language("es"):
        assert window.statusBar().currentMessage() == "Desfase de la letra: +50 ms"
        window.set_rate(0.9)
        assert window.statusBar().currentMessage() == "Velocidad: 0,9×"  # Spanish decimals
    assert window.statusBar().currentMessage() == "Speed: 0.9×"


def test_media_that_cannot_play_gives_a_plain_headline_in_the_banner(window):
    window.session.problem.emit("libvlc: no suitable decoder for h265")
    text = window.banner.label.text()
    assert text.startswith("This video or audio can't be played. The lyrics go on")
    assert "libvlc: no suitable decoder for h265" in text
    assert window.card.note == "Lyrics only"
    with in_language("es"):
        assert window.banner.label.text().startswith("Este vídeo o audio no se puede reproducir")
        assert "libvlc: no suitable decoder for h265" in window.banner.label.text()
        assert window.card.note == "Solo letra"
    window.banner.dismiss()
    with in_language("es"):
        assert window.banner.isHidden() and window.banner.label.text() == ""
