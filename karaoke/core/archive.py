"""One-file song packages (``NAME.karaoke``): what such a file is, and the rules every entry
name and size must keep.

A ``.karaoke`` file is a zip archive with the package's ``song.toml`` at its root and the files
that manifest names (lyrics, translations, media, instrumental) under the same relative names;
:mod:`karaoke.core.archive_write` makes one (``karaoke pack``), :mod:`karaoke.core.archive_read`
checks and unpacks one (``karaoke import``). A package comes from someone else, so it is
untrusted: :func:`name_problem` and the limits below are what an import refuses, before anything
is written. The writer keeps the same rules, so a packed song always imports.
"""

from __future__ import annotations

import re
import unicodedata

from karaoke.core.errors import ProblemCode, SongError

#: The file name ending of a one-file song package, and its MIME type (``install-desktop``).
SUFFIX = ".karaoke"
MIME_TYPE = "application/x-karaoke-package"
#: The manifest's name at the archive's root.
MANIFEST_ENTRY = "song.toml"

#: At most this many entries. A song package has a manifest, its lyrics, a few translations, a
#: media file and an instrumental: about ten files. A hundred leaves room for many translations
#: and folders, and stops an archive of thousands of tiny entries (each one a file to create).
MAX_ENTRIES = 100
#: At most this many bytes once unpacked, all entries together (declared sizes, and counted
#: again while unpacking). 2 GiB holds a ten-minute Full HD video with its instrumental, and
#: keeps a package from filling a teacher's disk.
MAX_TOTAL_BYTES = 2 * 1024**3
#: An entry may unpack to at most this many times its packed size. Video and audio are already
#: compressed (about 1:1) and lyrics and manifests deflate 3 to 10 times; zip bombs reach 1000
#: times. Entries smaller than :data:`RATIO_FREE_BYTES` unpacked are not held to it: a megabyte is
#: harmless whatever it packs to (a blank lyrics template packs 200 times), and the total limit
#: still counts them.
MAX_RATIO = 100
RATIO_FREE_BYTES = 1024**2
#: At most this many bytes in ``song.toml`` (read whole to show the song's title before the
#: import). The bundled song's, ten stanzas explained in two languages with questions, is 68 KB.
MAX_MANIFEST_BYTES = 4 * 1024**2
#: At most this many folder levels in an entry's name (``song.toml`` is 1, ``media/clip.mp4``
#: 2). Packages name their files beside the manifest or one or two folders down; deeper names
#: only serve to make paths too long for some systems.
MAX_NAME_DEPTH = 4
#: At most this many bytes (UTF-8) in one part of a name: what most file systems allow.
MAX_PART_BYTES = 255

#: Names Windows keeps for devices, whatever their extension (``CON.txt`` is the console too).
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: A character Windows refuses in names (``:`` is also a drive letter or an NTFS stream).
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*]')


def refused(archive: object, entry: str | None, why: str) -> SongError:
    """The error an import or a pack raises: ``ARCHIVE: entry 'NAME': WHY`` (no entry: the
    archive as a whole), with the UNSAFE_ARCHIVE code."""
    message = f"entry {entry!r}: {why}" if entry is not None else why
    return SongError(str(archive), message, code=ProblemCode.UNSAFE_ARCHIVE)


def name_problem(name: str) -> str | None:
    """Why the entry ``name`` (``/``-separated, a folder's ending with ``/``) cannot be unpacked
    safely on any system, or None when it can: it must be relative, without ``..``, ``.``,
    empty parts, backslashes, drive letters or characters Windows refuses, control characters,
    Windows device names, parts ending in a dot or space (Windows drops them, so two names
    would meet), parts over :data:`MAX_PART_BYTES` or more than :data:`MAX_NAME_DEPTH` levels."""
    if not name or name in ("/", "."):
        return "an empty name"
    if name.startswith("/"):
        return "an absolute path"
    if "\\" in name:
        return "a backslash in the name (a Windows path)"
    if _CONTROL.search(name):
        return "a control character in the name"
    if re.match(r"^[A-Za-z]:", name):
        return "a drive letter (an absolute Windows path)"
    parts = name.removesuffix("/").split("/")
    if len(parts) > MAX_NAME_DEPTH:
        return f"more than {MAX_NAME_DEPTH} folder levels deep"
    for part in parts:
        if part in ("", ".", ".."):
            return f"a {part!r} part in the path" if part else "an empty part in the path (//)"
        if forbidden := _WINDOWS_FORBIDDEN.search(part):
            return f"a character Windows refuses in a name ({forbidden.group()})"
        if part[-1] in ". ":
            return "a part ending in a dot or a space"
        if part.split(".")[0].rstrip(" ").upper() in _DEVICES:
            return f"a Windows device name ({part.split('.')[0]})"
        if len(part.encode("utf-8")) > MAX_PART_BYTES:
            return f"a part longer than {MAX_PART_BYTES} bytes"
    return None


def same_name_key(name: str) -> str:
    """What two entry names share when they would be one file on some system: case-insensitive
    (Windows, macOS) and Unicode-normalised (macOS): ``Song.toml`` and ``song.toml`` meet."""
    return unicodedata.normalize("NFC", name.removesuffix("/")).casefold()


def folder_name(title: str) -> str:
    """A safe folder name for a song titled ``title``: lower-case ASCII letters and digits
    joined by ``-`` (accents dropped), at most 60 characters; ``song`` when nothing is left,
    and never a Windows device name (``con`` becomes ``con-song``)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].strip("-") or "song"
    return f"{slug}-song" if slug.upper() in _DEVICES else slug
