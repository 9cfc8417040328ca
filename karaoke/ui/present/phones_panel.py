"""The console's "Phones" panel: the toggle that starts the phones' server, the network
interface it serves on, and — only here, never on the projector — the teacher remote's QR code
(it carries the secret token). The code shows only when the teacher asks ("Show my remote"),
since a console mirrored on the projector would let the class scan it, and hides again whenever
the server stops; "New remote code" makes the old one useless. Words in the interface language,
retranslated live.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from karaoke.ui.shared.qr import qr_pixmap

#: The teacher's QR code on the console, pixels per module (about 150 px: a phone scans it
#: from the laptop's screen at arm's length).
TEACHER_QR_SCALE = 3


def interface_addresses() -> list[tuple[str, str]]:
    """(IPv4 address, interface name) for each interface that is up, loopback last."""
    found: list[tuple[str, str]] = []
    loopback: list[tuple[str, str]] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            pair = (address.toString(), interface.humanReadableName())
            (loopback if address.isLoopback() else found).append(pair)
    return found + loopback


class PhonesPanel(QWidget):
    toggled = Signal(bool)  # the teacher turned the phones' server on or off
    interface_chosen = Signal(str)  # an address to serve on
    new_remote_code = Signal()  # the teacher asked for a new token: the old link must stop

    def __init__(self) -> None:
        super().__init__()
        self.toggle = QPushButton()
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.toggled.emit)
        self.interfaces = QComboBox()
        self.interfaces.activated.connect(
            lambda index: self.interface_chosen.emit(self.interfaces.itemData(index))
        )
        self.students = QLabel()
        self.students.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.connected = QLabel()  # how many students' phones follow now
        self.phone_count = 0
        self.teacher_caption = QLabel()
        self.teacher_caption.setWordWrap(True)
        self.teacher_qr = QLabel()
        self.teacher_url = ""
        self.show_remote = QPushButton()  # the teacher's QR code: shown on request only
        self.show_remote.setCheckable(True)
        self.show_remote.toggled.connect(self._show_remote)
        self.new_code = QPushButton()
        self.new_code.clicked.connect(self.new_remote_code.emit)
        self.remote_row = QWidget()
        remote = QHBoxLayout(self.remote_row)
        remote.setContentsMargins(0, 0, 0, 0)
        remote.addWidget(self.show_remote)
        remote.addWidget(self.new_code)
        remote.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.toggle)
        row.addWidget(self.interfaces, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 0, 0)
        column.addLayout(row)
        for widget in (*self._running_widgets, *self._remote_widgets):
            column.addWidget(widget)
        self._host = ""
        self._student_url = ""
        self.list_interfaces()
        self.show_stopped("")
        self.retranslate()

    def list_interfaces(self, chosen: str = "") -> None:
        """The interfaces to serve on, ``chosen`` (an address) selected when listed."""
        self.interfaces.clear()
        for address, name in interface_addresses():
            self.interfaces.addItem(f"{address} ({name})", address)
        if chosen and self.interfaces.findData(chosen) < 0:
            self.interfaces.addItem(chosen, chosen)  # given by --companion-interface
        if chosen:
            self.interfaces.setCurrentIndex(self.interfaces.findData(chosen))

    def show_running(self, host: str, student_url: str, teacher_url: str) -> None:
        """The server serves on ``host``: the students' address, and the teacher's QR code
        ready to show (hidden until "Show my remote")."""
        self._host, self._student_url = host, student_url
        self._set_checked(True)
        self.list_interfaces(host)
        self.show_teacher_url(teacher_url)
        self.phone_count = 0
        for widget in self._running_widgets:
            widget.show()
        self._show_remote(self.show_remote.isChecked())
        self.retranslate()

    def show_teacher_url(self, teacher_url: str) -> None:
        """The remote's link (with its token) in the QR code, as now served: at start and after
        "New remote code"."""
        self.teacher_url = teacher_url
        self.teacher_qr.setPixmap(qr_pixmap(teacher_url, TEACHER_QR_SCALE))

    def show_stopped(self, host: str) -> None:
        self._host, self._student_url, self.teacher_url = host, "", ""
        self._set_checked(False)
        if host:
            self.list_interfaces(host)
        for widget in self._running_widgets:
            widget.hide()
        self.show_remote.setChecked(False)  # the next start shows no code until asked
        self._show_remote(False)
        self.teacher_qr.clear()

    @property
    def _running_widgets(self) -> tuple[QWidget, ...]:
        """What shows only while the server runs."""
        return self.students, self.connected, self.remote_row

    @property
    def _remote_widgets(self) -> tuple[QWidget, ...]:
        """What shows only while the server runs and the teacher asked to see the code."""
        return self.teacher_caption, self.teacher_qr

    def _show_remote(self, shown: bool) -> None:
        """The teacher's QR code and its caption, shown or hidden ("Show my remote")."""
        for widget in self._remote_widgets:
            widget.setVisible(shown and bool(self.teacher_url))
        self._name_remote_button()

    def _name_remote_button(self) -> None:
        if self.show_remote.isChecked():
            text = QCoreApplication.translate("PhonesPanel", "Hide my remote")
        else:
            text = QCoreApplication.translate("PhonesPanel", "Show my remote")
        self.show_remote.setText(text)

    def show_phone_count(self, count: int) -> None:
        """``count`` students' phones are connected now."""
        self.phone_count = count
        self.connected.setText(phones_connected(count))

    def _set_checked(self, on: bool) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(on)
        self.toggle.blockSignals(False)

    def retranslate(self) -> None:
        """Every word here in the interface language (at start and on ``LanguageChange``)."""
        self.toggle.setText(QCoreApplication.translate("PhonesPanel", "Phones"))
        self.toggle.setAccessibleDescription(
            QCoreApplication.translate(
                "PhonesPanel", "Let students follow the song on their phones (a local web server)"
            )
        )
        self.interfaces.setAccessibleName(
            QCoreApplication.translate("PhonesPanel", "Network for the phones")
        )
        self.interfaces.setAccessibleDescription(
            QCoreApplication.translate(
                "PhonesPanel", "The address phones connect to: the network the class is on"
            )
        )
        self.students.setText(
            QCoreApplication.translate("PhonesPanel", "Students: %1").replace(
                "%1", self._student_url
            )
        )
        self.connected.setText(phones_connected(self.phone_count))
        self.teacher_caption.setText(
            QCoreApplication.translate(
                "PhonesPanel", "Your remote: scan with your phone (keep it to yourself)"
            )
        )
        self.teacher_qr.setAccessibleName(
            QCoreApplication.translate("PhonesPanel", "QR code of your remote")
        )
        self._name_remote_button()
        self.show_remote.setAccessibleDescription(
            QCoreApplication.translate(
                "PhonesPanel",
                "Show the QR code of your remote here; hide it again if the class can see this "
                "screen",
            )
        )
        self.new_code.setText(QCoreApplication.translate("PhonesPanel", "New remote code"))
        self.new_code.setAccessibleDescription(
            QCoreApplication.translate(
                "PhonesPanel", "Make a new link for your remote: the old one stops working"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


def phones_connected(count: int) -> str:
    """ "1 phone connected", "12 phones connected", in the interface language. Two strings, not
    a ``%n`` plural: PySide's ``lupdate`` does not mark plurals in Python."""
    if count == 1:
        return QCoreApplication.translate("PhonesPanel", "1 phone connected")
    return QCoreApplication.translate("PhonesPanel", "%1 phones connected").replace(
        "%1", str(count)
    )
