"""The default address of the phones' server: the LAN interface's, else loopback."""

from __future__ import annotations

import ipaddress
import socket

from karaoke.companion import lan


def test_the_lan_address_is_an_ipv4_address_this_machine_can_bind():
    address = lan.lan_address()
    assert ipaddress.ip_address(address).version == 4
    with socket.socket() as probe:
        probe.bind((address, 0))  # one of ours


def test_without_a_route_it_falls_back_to_loopback(monkeypatch):
    class NoRoute(socket.socket):
        def connect(self, address):
            raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(lan.socket, "socket", NoRoute)
    assert lan.lan_address() == "127.0.0.1"
