"""The presenting options for the phones: --companion, --companion-port, --companion-interface."""

from __future__ import annotations

from karaoke.cli.main import COMPANION_PORT, play_parser
from karaoke.companion.server import DEFAULT_PORT


def test_the_documented_port_is_the_servers():
    assert COMPANION_PORT == DEFAULT_PORT
    assert f"default: {DEFAULT_PORT}" in play_parser().format_help()


def test_the_options_are_read():
    options = play_parser().parse_args(
        ["--companion", "--companion-port", "9000", "--companion-interface", " 192.168.1.20 "]
    )
    assert options.companion and options.companion_port == 9000
    assert options.companion_interface == "192.168.1.20"
    defaults = play_parser().parse_args([])
    assert not defaults.companion
    assert defaults.companion_port is None and defaults.companion_interface is None


def test_a_link_local_address_with_its_interface_is_taken():
    options = play_parser().parse_args(["--companion-interface", "fe80::1%eth0"])
    assert options.companion_interface == "fe80::1%eth0"
