"""Install the freedesktop integration (menu entry, icon, AppStream data, MIME types).

The files live in ``assets/desktop/`` (found through :func:`karaoke.resources.assets_dir`) and
go into the per-user XDG data directory, ``$XDG_DATA_HOME`` (``~/.local/share`` by default):

================================================  ==========================================
``applications/<APP_ID>.desktop``                 the menu entry, with ``Exec=`` made absolute
                                                  unless ``karaoke`` is in a system folder
``icons/hicolor/scalable/apps/<APP_ID>.svg``      the icon
``metainfo/<APP_ID>.metainfo.xml``                AppStream data for software centres
``mime/packages/karaoke-lrc.xml``                 the ``text/x-lrc`` type for ``*.lrc`` files
``mime/packages/karaoke-package.xml``             ``application/x-karaoke-package`` for
                                                  one-file song packages (``*.karaoke``)
================================================  ==========================================

After copying (or removing) them, the desktop, MIME and icon caches are refreshed with
``update-desktop-database``, ``update-mime-database`` and ``gtk-update-icon-cache`` when those
tools exist; a missing or failing tool is ignored, the files are in place either way.

This module imports no Qt, so the command line can use it without a display.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from karaoke import APP_ID
from karaoke.resources import assets_dir

COMMAND = "karaoke"

DESKTOP_FILE = f"{APP_ID}.desktop"
ICON_FILE = f"{APP_ID}.svg"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
MIME_FILE = "karaoke-lrc.xml"
#: The ``.karaoke`` type (``karaoke.core.archive.MIME_TYPE``): a double-click offers an import.
PACKAGE_MIME_FILE = "karaoke-package.xml"

_APPLICATIONS = Path("applications")
_ICON_THEME = Path("icons", "hicolor")
_ICONS = _ICON_THEME / "scalable" / "apps"
_METAINFO = Path("metainfo")
_MIME = Path("mime")
_MIME_PACKAGES = _MIME / "packages"

# Each asset and the folder of the data home it goes into.
_LAYOUT: tuple[tuple[str, Path], ...] = (
    (DESKTOP_FILE, _APPLICATIONS),
    (ICON_FILE, _ICONS),
    (METAINFO_FILE, _METAINFO),
    (MIME_FILE, _MIME_PACKAGES),
    (PACKAGE_MIME_FILE, _MIME_PACKAGES),
)

_TOOL_TIMEOUT_S = 60

# Folders on the PATH of every desktop session, where a bare ``Exec=karaoke`` is found.
_SESSION_PATH = frozenset(Path(folder) for folder in ("/usr/local/bin", "/usr/bin", "/bin"))


class DesktopInstallError(OSError):
    """The integration files could not be written or removed; ``str()`` says where and why."""


def desktop_assets_dir() -> Path:
    """The folder holding the shipped ``.desktop``, icon, metainfo and MIME files."""
    return assets_dir() / "desktop"


def default_data_home() -> Path:
    """``$XDG_DATA_HOME`` if it is set to an absolute path, else ``~/.local/share``.

    The XDG Base Directory specification says a relative value must be ignored.
    """
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def installed_paths(data_home: Path | None = None) -> list[Path]:
    """Where :func:`install_desktop` puts each file, whether or not it is there now."""
    home = _resolve_home(data_home)
    return [home / folder / name for name, folder in _LAYOUT]


def install_desktop(data_home: Path | None = None) -> list[Path]:
    """Copy the desktop integration files into ``data_home`` and refresh the caches.

    Args:
        data_home: the XDG data directory to install into; ``None`` means
            :func:`default_data_home` (``$XDG_DATA_HOME`` or ``~/.local/share``).

    Returns:
        The paths written, in the order ``.desktop``, icon, metainfo, MIME packages (LRC,
        song package).

    Raises:
        DesktopInstallError: (an :class:`OSError`) a shipped asset is missing, or a target folder
            cannot be created or written (read-only, not a folder, permission denied). The
            message names the path. Files already copied before the failure are left in place.
    """
    home = _resolve_home(data_home)
    sources = _sources()
    written: list[Path] = []
    for name, folder in _LAYOUT:
        target = home / folder / name
        if name == DESKTOP_FILE:
            text = _rewrite_exec(sources[name].read_text(encoding="utf-8"), launch_command())
            _write(target, partial(Path.write_text, data=text, encoding="utf-8"))
        else:
            _write(target, partial(shutil.copyfile, sources[name]))
        written.append(target)
    refresh_databases(home)
    return written


def uninstall_desktop(data_home: Path | None = None) -> list[Path]:
    """Remove the files :func:`install_desktop` writes, if present, and refresh the caches.

    Only those exact files are removed; folders and other applications' files stay.

    Args:
        data_home: the XDG data directory to uninstall from; ``None`` means
            :func:`default_data_home`.

    Returns:
        The paths removed (empty when nothing was installed; then no cache is refreshed).

    Raises:
        DesktopInstallError: (an :class:`OSError`) an installed file exists but cannot be
            removed (permission denied, read-only file system). The message names the path.
    """
    home = _resolve_home(data_home)
    removed = [path for path in installed_paths(home) if _remove(path)]
    if removed:
        refresh_databases(home)
    return removed


def launch_command() -> str:
    """The ``Exec=`` command (without the ``%f`` field code) that starts this karaoke.

    The menu starts programs with the desktop session's ``PATH``, which may well lack the
    folder of a virtual environment or of a shell-only ``PATH`` entry. So, in this order:

    1. ``karaoke`` alone when ``shutil.which("karaoke")`` finds it in a system folder
       (``/usr/local/bin``, ``/usr/bin``, ``/bin``) that every session has on ``PATH``;
    2. the absolute path ``shutil.which`` found, when it is elsewhere on this ``PATH``;
    3. the resolved ``sys.argv[0]`` when it is an executable named ``karaoke``;
    4. ``<sys.executable> -m karaoke``.
    """
    found = shutil.which(COMMAND)
    if found is not None:
        path = Path(found).absolute()
        return COMMAND if path.parent in _SESSION_PATH else _quote_exec(str(path))
    script = _running_script()
    if script is not None:
        return _quote_exec(str(script))
    return f"{_quote_exec(sys.executable)} -m karaoke"


def refresh_databases(data_home: Path) -> None:
    """Best-effort refresh of the desktop, MIME and icon caches under ``data_home``.

    Each tool runs only if it exists and its folder does; failures and output are ignored.
    Like ``xdg-icon-resource``, the icon theme folder is touched (so toolkits rescan it) and
    ``gtk-update-icon-cache`` only refreshes an ``icon-theme.cache`` that is already there:
    creating one in a user folder would hide icons that other programs add later without
    updating it.
    """
    applications = data_home / _APPLICATIONS
    mime = data_home / _MIME
    icons = data_home / _ICON_THEME
    if applications.is_dir():
        _run_quietly(["update-desktop-database", "-q", str(applications)])
    if (mime / "packages").is_dir():
        _run_quietly(["update-mime-database", str(mime)])
    if icons.is_dir():
        _touch_quietly(icons)
        if (icons / "icon-theme.cache").is_file():
            _run_quietly(["gtk-update-icon-cache", "-q", "-t", "-f", str(icons)])


def _resolve_home(data_home: Path | None) -> Path:
    return Path(data_home).expanduser() if data_home is not None else default_data_home()


def _sources() -> dict[str, Path]:
    folder = desktop_assets_dir()
    sources = {name: folder / name for name, _ in _LAYOUT}
    missing = [str(path) for path in sources.values() if not path.is_file()]
    if missing:
        raise DesktopInstallError(f"desktop integration files missing: {', '.join(missing)}")
    return sources


def _write(target: Path, writer: Callable[[Path], object]) -> None:
    """Create ``target``'s folder and run ``writer(target)``, turning failures into one error.

    A symbolic link at ``target`` is replaced rather than written through.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink():
            target.unlink()
        writer(target)
    except OSError as error:
        raise DesktopInstallError(
            f"cannot write {target}: {error.strerror or error} "
            f"(is {target.parent} writable? set XDG_DATA_HOME to install elsewhere)"
        ) from error


def _remove(path: Path) -> bool:
    """Delete ``path`` if it is a file or link; ``True`` if it was removed."""
    if not (path.is_file() or path.is_symlink()):
        return False
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise DesktopInstallError(f"cannot remove {path}: {error.strerror or error}") from error
    return True


def _rewrite_exec(desktop_text: str, command: str) -> str:
    """Replace the command of every ``Exec=`` line, keeping the rest of the line as it is: its
    arguments (``--from-desktop``) and field codes (``%f`` ...). The command is the line's first
    word, or its first double-quoted string (the Desktop Entry specification's quoting)."""
    lines = []
    for line in desktop_text.splitlines(keepends=True):
        if line.startswith("Exec="):
            body = line[len("Exec=") :].rstrip("\r\n")
            ending = line[len("Exec=") + len(body) :]
            line = "Exec=" + " ".join([command, *_after_command(body)]) + ending
        lines.append(line)
    return "".join(lines)


def _after_command(body: str) -> list[str]:
    """What follows the command in an ``Exec=`` value, as written ([] when nothing does)."""
    body = body.lstrip()
    if body.startswith('"'):  # a quoted command ends at the first unescaped quote
        end = 1
        while end < len(body) and body[end] != '"':
            end += 2 if body[end] == "\\" else 1
        rest = body[end + 1 :]
    else:
        command_and_rest = body.split(maxsplit=1)
        rest = command_and_rest[1] if len(command_and_rest) > 1 else ""
    return [rest.strip()] if rest.strip() else []


def _running_script() -> Path | None:
    """The resolved ``sys.argv[0]`` when it is an executable file named ``karaoke``."""
    if not sys.argv or not sys.argv[0]:
        return None
    candidate = Path(sys.argv[0])
    if candidate.name != COMMAND:
        return None
    try:
        resolved = candidate.resolve(strict=True)
    except OSError:
        return None
    return resolved if resolved.is_file() and os.access(resolved, os.X_OK) else None


def _quote_exec(argument: str) -> str:
    """Quote one ``Exec=`` argument as the Desktop Entry specification requires."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if not any(char in reserved for char in argument):
        return argument.replace("%", "%%")
    escaped = "".join(f"\\{c}" if c in '"`$\\' else c for c in argument)
    # In a .desktop value "\\" itself is an escape, so each backslash is doubled once more.
    return '"' + escaped.replace("\\", "\\\\").replace("%", "%%") + '"'


def _touch_quietly(folder: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(folder)


def _run_quietly(argv: Sequence[str]) -> None:
    if shutil.which(argv[0]) is None:
        return
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=_TOOL_TIMEOUT_S,
            check=False,
        )


__all__ = [
    "APP_ID",
    "DesktopInstallError",
    "default_data_home",
    "desktop_assets_dir",
    "install_desktop",
    "installed_paths",
    "launch_command",
    "refresh_databases",
    "uninstall_desktop",
]
