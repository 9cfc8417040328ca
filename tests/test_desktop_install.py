"""The freedesktop integration: shipped files are valid, install/uninstall put and take them.

The validators (``desktop-file-validate`` from desktop-file-utils, ``appstreamcli`` from
appstream) are part of the test setup: a missing one fails the test, it is not skipped.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from karaoke import desktop_install
from karaoke.core.archive import MIME_TYPE, SUFFIX
from karaoke.desktop_install import (
    APP_ID,
    DesktopInstallError,
    _rewrite_exec,
    desktop_assets_dir,
    install_desktop,
    installed_paths,
    uninstall_desktop,
)

_REAL_WHICH = shutil.which
_SVG_NS = "{http://www.w3.org/2000/svg}"
_MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

ASSETS = desktop_assets_dir()
DESKTOP_ASSET = ASSETS / f"{APP_ID}.desktop"
ICON_ASSET = ASSETS / f"{APP_ID}.svg"
METAINFO_ASSET = ASSETS / f"{APP_ID}.metainfo.xml"
MIME_ASSET = ASSETS / "karaoke-lrc.xml"
PACKAGE_MIME_ASSET = ASSETS / "karaoke-package.xml"


# --- helpers -------------------------------------------------------------------------------


def _run_validator(tool: str, package: str, *args: str | Path) -> subprocess.CompletedProcess:
    executable = _REAL_WHICH(tool)
    assert executable is not None, (
        f"{tool} is not installed; the test setup must provide it (apt-get install {package})"
    )
    return subprocess.run(
        [executable, *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )


def desktop_file_validate(path: Path) -> None:
    result = _run_validator("desktop-file-validate", "desktop-file-utils", path)
    assert result.returncode == 0, (
        f"desktop-file-validate {path} failed ({result.returncode}):\n"
        f"{result.stdout}{result.stderr}"
    )


def appstream_validate(path: Path) -> None:
    result = _run_validator("appstreamcli", "appstream", "validate", "--no-net", path)
    assert result.returncode == 0, (
        f"appstreamcli validate --no-net {path} failed ({result.returncode}):\n"
        f"{result.stdout}{result.stderr}"
    )


def desktop_entry(path: Path) -> dict[str, str]:
    """The keys of the ``[Desktop Entry]`` group (no locale handling beyond the raw key)."""
    entry: dict[str, str] = {}
    group = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            group = line.strip()
        elif group == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entry[key.strip()] = value.strip()
    return entry


def all_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file() or path.is_symlink())


def fake_karaoke_on_path(monkeypatch: pytest.MonkeyPatch, found: str | None) -> None:
    """Make ``shutil.which("karaoke")`` return ``found``; other tools are looked up for real."""

    def which(name: str, *args: object, **kwargs: object) -> str | None:
        if name == "karaoke":
            return found
        return _REAL_WHICH(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(desktop_install.shutil, "which", which)


def make_executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def data_home(tmp_path: Path) -> Path:
    home = tmp_path / "share"
    home.mkdir()
    return home


@pytest.fixture
def running_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A ``karaoke`` executable that is ``sys.argv[0]`` and not on ``PATH``."""
    script = make_executable(tmp_path / "venv" / "bin" / "karaoke")
    fake_karaoke_on_path(monkeypatch, None)
    monkeypatch.setattr(sys, "argv", [str(script), "--install-desktop"])
    yield script


# --- the shipped files ---------------------------------------------------------------------


def test_assets_exist() -> None:
    for asset in (DESKTOP_ASSET, ICON_ASSET, METAINFO_ASSET, MIME_ASSET, PACKAGE_MIME_ASSET):
        assert asset.is_file(), f"missing asset {asset}"


def test_desktop_asset_validates() -> None:
    desktop_file_validate(DESKTOP_ASSET)


def test_desktop_asset_content() -> None:
    entry = desktop_entry(DESKTOP_ASSET)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Karaoke de ciencia"
    assert entry["Name[en]"] == "Science Karaoke"
    assert entry["Exec"] == "karaoke --from-desktop %f"
    assert entry["Icon"] == APP_ID == ICON_ASSET.stem
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "karaoke"
    mime_types = entry["MimeType"].rstrip(";").split(";")
    assert {"text/x-lrc", "application/x-subrip", "video/mp4", MIME_TYPE} <= set(mime_types)


def test_metainfo_asset_validates() -> None:
    appstream_validate(METAINFO_ASSET)


def test_metainfo_names_the_desktop_file() -> None:
    root = ET.parse(METAINFO_ASSET).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_ASSET.name


def test_svg_icon_parses() -> None:
    root = ET.parse(ICON_ASSET).getroot()
    assert root.tag == f"{_SVG_NS}svg"
    assert root.get("viewBox") == "0 0 128 128"
    assert len(root) > 0, "the icon draws nothing"


def test_mime_package_defines_lrc() -> None:
    root = ET.parse(MIME_ASSET).getroot()
    assert root.tag == f"{_MIME_NS}mime-info"
    (mime_type,) = root.findall(f"{_MIME_NS}mime-type")
    assert mime_type.get("type") == "text/x-lrc"
    globs = [glob.get("pattern") for glob in mime_type.findall(f"{_MIME_NS}glob")]
    assert globs == ["*.lrc"]
    assert mime_type.findtext(f"{_MIME_NS}comment") == "LRC lyrics"


def test_mime_package_defines_the_one_file_song_package() -> None:
    (mime_type,) = ET.parse(PACKAGE_MIME_ASSET).getroot().findall(f"{_MIME_NS}mime-type")
    assert mime_type.get("type") == MIME_TYPE
    assert [glob.get("pattern") for glob in mime_type.findall(f"{_MIME_NS}glob")] == [f"*{SUFFIX}"]
    # A .karaoke is a zip: as a sub-class, its name decides over the zip's magic bytes.
    assert mime_type.find(f"{_MIME_NS}sub-class-of").get("type") == "application/zip"  # type: ignore[union-attr]


# --- install -------------------------------------------------------------------------------


def test_install_writes_every_file(data_home: Path, running_script: Path) -> None:
    written = install_desktop(data_home)

    assert written == installed_paths(data_home)
    assert written == [
        data_home / "applications" / f"{APP_ID}.desktop",
        data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        data_home / "metainfo" / f"{APP_ID}.metainfo.xml",
        data_home / "mime" / "packages" / "karaoke-lrc.xml",
        data_home / "mime" / "packages" / "karaoke-package.xml",
    ]
    for path in written:
        assert path.is_file(), f"{path} was not written"
    desktop, icon, metainfo, mime, package_mime = written
    assert package_mime.read_bytes() == PACKAGE_MIME_ASSET.read_bytes()
    assert icon.read_bytes() == ICON_ASSET.read_bytes()
    assert metainfo.read_bytes() == METAINFO_ASSET.read_bytes()
    assert mime.read_bytes() == MIME_ASSET.read_bytes()
    assert desktop_entry(desktop)["Icon"] == icon.stem


def test_installed_desktop_file_runs_the_script_when_not_on_path(
    data_home: Path, running_script: Path
) -> None:
    desktop = install_desktop(data_home)[0]

    assert desktop_entry(desktop)["Exec"] == f"{running_script} --from-desktop %f"
    # Everything but the Exec= line is the shipped file.
    shipped = [line for line in DESKTOP_ASSET.read_text().splitlines() if "Exec=" not in line]
    installed = [line for line in desktop.read_text().splitlines() if "Exec=" not in line]
    assert installed == shipped
    desktop_file_validate(desktop)


def test_installed_desktop_file_keeps_bare_command_in_a_system_folder(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_karaoke_on_path(monkeypatch, "/usr/bin/karaoke")

    desktop = install_desktop(data_home)[0]

    assert desktop_entry(desktop)["Exec"] == "karaoke --from-desktop %f"
    assert desktop.read_text() == DESKTOP_ASSET.read_text()
    desktop_file_validate(desktop)


def test_installed_desktop_file_uses_absolute_path_from_other_path_entries(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A venv's ``bin`` on the shell's PATH is not on the desktop session's PATH."""
    fake_karaoke_on_path(monkeypatch, "/opt/karaoke-venv/bin/karaoke")

    desktop = install_desktop(data_home)[0]

    assert desktop_entry(desktop)["Exec"] == "/opt/karaoke-venv/bin/karaoke --from-desktop %f"
    desktop_file_validate(desktop)


def test_installed_desktop_file_falls_back_to_python_m(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_karaoke_on_path(monkeypatch, None)
    monkeypatch.setattr(sys, "argv", ["/somewhere/pytest"])

    desktop = install_desktop(data_home)[0]

    exec_line = desktop_entry(desktop)["Exec"]
    assert exec_line.endswith(" -m karaoke --from-desktop %f"), exec_line
    assert sys.executable in exec_line.replace('"', "")
    desktop_file_validate(desktop)


def test_installed_desktop_file_quotes_a_path_with_spaces(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = make_executable(tmp_path / "my apps" / "bin" / "karaoke")
    fake_karaoke_on_path(monkeypatch, None)
    monkeypatch.setattr(sys, "argv", [str(script)])

    desktop = install_desktop(data_home)[0]

    assert desktop_entry(desktop)["Exec"] == f'"{script}" --from-desktop %f'
    desktop_file_validate(desktop)


def test_installed_metainfo_validates(data_home: Path, running_script: Path) -> None:
    metainfo = install_desktop(data_home)[2]
    appstream_validate(metainfo)


def test_install_registers_the_mime_types(data_home: Path, running_script: Path) -> None:
    install_desktop(data_home)

    cache = data_home / "applications" / "mimeinfo.cache"
    assert cache.is_file(), "update-desktop-database (desktop-file-utils) did not run"
    assert f"text/x-lrc={APP_ID}.desktop;" in cache.read_text()
    assert f"{MIME_TYPE}={APP_ID}.desktop;" in cache.read_text()


@pytest.mark.skipif(
    shutil.which("update-mime-database") is None,
    reason="update-mime-database (shared-mime-info) is optional at run time",
)
def test_install_teaches_the_lrc_glob(data_home: Path, running_script: Path) -> None:
    install_desktop(data_home)

    globs = (data_home / "mime" / "globs2").read_text()
    assert "text/x-lrc:*.lrc" in globs
    assert f"{MIME_TYPE}:*.karaoke" in globs
    # The MIME database knows the type, so a file manager opens a .karaoke with the app.
    assert MIME_TYPE in (data_home / "mime" / "types").read_text().splitlines()


def test_install_twice_is_harmless(data_home: Path, running_script: Path) -> None:
    first = install_desktop(data_home)
    files = all_files(data_home)

    assert install_desktop(data_home) == first
    assert all_files(data_home) == files


def test_install_respects_xdg_data_home(
    data_home: Path, running_script: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))

    written = install_desktop()

    assert written == installed_paths(data_home)
    assert all(path.is_file() for path in written)


def test_relative_xdg_data_home_is_ignored(
    tmp_path: Path, running_script: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")

    written = install_desktop()

    assert written[0] == tmp_path / "home" / ".local" / "share" / "applications" / written[0].name
    assert written[0].is_file()


def test_install_without_any_cache_tool(
    data_home: Path, running_script: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desktop_install.shutil, "which", lambda *_args, **_kw: None)

    written = install_desktop(data_home)

    assert all(path.is_file() for path in written)
    assert all_files(data_home) == sorted(written)


def test_install_into_an_unwritable_place_raises_a_clear_error(
    tmp_path: Path, running_script: Path
) -> None:
    # A file where the data folder should be: fails even for root, unlike chmod.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")

    with pytest.raises(DesktopInstallError) as raised:
        install_desktop(blocker)

    assert isinstance(raised.value, OSError)
    assert str(blocker) in str(raised.value)
    assert "cannot write" in str(raised.value)


# --- uninstall -----------------------------------------------------------------------------


def test_uninstall_removes_every_installed_file(data_home: Path, running_script: Path) -> None:
    written = install_desktop(data_home)

    removed = uninstall_desktop(data_home)

    assert removed == written
    for path in written:
        assert not path.exists(), f"{path} is still there"
    leftovers = [path for path in all_files(data_home) if "karaoke" in path.name.lower()]
    assert leftovers == []
    # The regenerated caches no longer mention the app or its MIME type.
    for path in all_files(data_home):
        text = path.read_bytes()
        assert APP_ID.encode() not in text, f"{path} still mentions {APP_ID}"
        assert b"x-lrc" not in text, f"{path} still mentions text/x-lrc"
        assert MIME_TYPE.encode() not in text, f"{path} still mentions {MIME_TYPE}"


def test_uninstall_keeps_other_files(data_home: Path, running_script: Path) -> None:
    install_desktop(data_home)
    other = data_home / "applications" / "org.example.Other.desktop"
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    other_icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "other.svg"
    other_icon.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")

    uninstall_desktop(data_home)

    assert other.is_file()
    assert other_icon.is_file()


def test_uninstall_when_nothing_is_installed_is_a_no_op(data_home: Path) -> None:
    assert uninstall_desktop(data_home) == []
    assert all_files(data_home) == []
    assert list(data_home.iterdir()) == []


def test_uninstall_of_a_missing_data_home_is_a_no_op(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"

    assert uninstall_desktop(missing) == []
    assert not missing.exists()


def test_uninstall_respects_xdg_data_home(
    data_home: Path, running_script: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = install_desktop(data_home)
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))

    assert uninstall_desktop() == written


@pytest.mark.parametrize(
    ("line", "rewritten"),
    [
        ("Exec=karaoke --from-desktop %f\n", "Exec=/opt/k --from-desktop %f\n"),
        (
            'Exec="my karaoke" --from-desktop  "a  b" %f\n',
            'Exec=/opt/k --from-desktop  "a  b" %f\n',
        ),
        ('Exec="a\\"b" %U\n', "Exec=/opt/k %U\n"),
        ("Exec=karaoke\n", "Exec=/opt/k\n"),
    ],
)
def test_the_exec_line_keeps_everything_after_its_command_as_written(line, rewritten):
    """Only the command is replaced (a first word, or a first double-quoted string with its
    escaped quotes): the arguments, their quoting and spaces, and the field codes stay."""
    assert _rewrite_exec(f"[Desktop Entry]\n{line}", "/opt/k") == f"[Desktop Entry]\n{rewritten}"
