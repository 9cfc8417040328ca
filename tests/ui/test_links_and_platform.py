from PySide6.QtCore import QUrl

from karaoke.ui.launch import choose_qt_platform
from karaoke.ui.shared.links import is_safe_link


def test_only_http_and_https_links_open():
    assert is_safe_link("https://arxiv.org/abs/2005.14165")
    assert is_safe_link(QUrl("http://example.org/x"))
    for url in (
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://x.org/",
        "https://",
        "mailto:a@b.c",
    ):
        assert not is_safe_link(url), url


def test_wayland_session_runs_qt_on_xcb_unless_the_user_chose():
    env = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    choose_qt_platform(env)
    assert env["QT_QPA_PLATFORM"] == "xcb"
    chosen = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}
    choose_qt_platform(chosen)
    assert chosen["QT_QPA_PLATFORM"] == "wayland"
    no_xwayland = {"WAYLAND_DISPLAY": "wayland-0"}
    choose_qt_platform(no_xwayland)
    assert "QT_QPA_PLATFORM" not in no_xwayland
    x11 = {"DISPLAY": ":0"}
    choose_qt_platform(x11)
    assert "QT_QPA_PLATFORM" not in x11
