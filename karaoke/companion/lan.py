"""Which address the phones' server listens on by default: the machine's LAN address. Pure stdlib.

A UDP socket "connected" to a private address sends nothing (UDP has no handshake), yet the
kernel picks the interface it would route through: its address is the one phones on the same
network can reach. With no network at all that fails, and only this machine can connect.
"""

from __future__ import annotations

import socket

#: Where the probe "connects": a private (RFC 1918) address, never contacted.
PROBE_ADDRESS = ("10.255.255.255", 1)
#: The fallback when no network interface routes anywhere.
LOOPBACK = "127.0.0.1"


def lan_address() -> str:
    """The IPv4 address of the interface that routes to the local network, else 127.0.0.1."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(PROBE_ADDRESS)
            address = str(probe.getsockname()[0])
    except OSError:
        return LOOPBACK
    return address if address and address != "0.0.0.0" else LOOPBACK
