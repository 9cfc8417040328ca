"""The banner's close button is named in the interface's language."""

from __future__ import annotations

from karaoke.ui.shared.widgets import Banner, MediaScreen
from tests.ui.interface_texts import in_language, shown_texts, untranslated


def test_banner_and_video_texts_are_translated_live(qtbot):
    banner, screen = Banner(), MediaScreen()
    qtbot.addWidget(banner)
    qtbot.addWidget(screen)
    banner.show_message("libvlc: no such file")
    english = {**shown_texts(banner), **shown_texts(screen)}
    assert banner.close_button.accessibleName() == "Dismiss this message"
    with in_language("es"):
        spanish = {**shown_texts(banner), **shown_texts(screen)}
        assert banner.close_button.toolTip() == "Cerrar"
        assert screen.video.accessibleName() == "Vídeo"
    # The message is the sender's (quoted from libvlc): the same in both runs.
    assert untranslated(english, spanish, ["libvlc: no such file"]) == []
    assert banner.close_button.toolTip() == "Dismiss"
