"""Which files are media, by extension (what libvlc plays; a guess is enough to pair files)."""

from __future__ import annotations

from pathlib import Path

VIDEO_EXTENSIONS = frozenset(
    [
        ".mp4",
        ".m4v",
        ".mkv",
        ".webm",
        ".avi",
        ".mov",
        ".ogv",
        ".mpg",
        ".mpeg",
        ".ts",
        ".wmv",
        ".flv",
    ]
)
AUDIO_EXTENSIONS = frozenset(
    [".mp3", ".ogg", ".oga", ".opus", ".flac", ".wav", ".m4a", ".aac", ".wma"]
)
MEDIA_EXTENSIONS = VIDEO_EXTENSIONS | AUDIO_EXTENSIONS


def is_media_file(path: Path) -> bool:
    return path.suffix.lower() in MEDIA_EXTENSIONS


def is_audio_only(path: Path) -> bool:
    return path.suffix.lower() in AUDIO_EXTENSIONS


def media_beside(lyrics: Path) -> Path | None:
    """A media file with the same stem beside ``lyrics`` (video first), or None."""
    for extension in sorted(VIDEO_EXTENSIONS) + sorted(AUDIO_EXTENSIONS):
        for candidate in (lyrics.with_suffix(extension), lyrics.with_suffix(extension.upper())):
            if candidate.is_file():
                return candidate
    return None
