"""Keep the interface's translations current, with Qt's own tools.

    python -m tools.translations update [CATALOG…]   lupdate: collect the strings into the .ts files
    python -m tools.translations todo [CATALOG…]     list the strings still untranslated
    python -m tools.translations set CATALOG FILE    fill translations from a JSON file
                                                     {"Context": {"source": "traducción", …}, …}
    python -m tools.translations release             lrelease: compile the .qm files the app loads

Catalogs and the sources each one collects: :data:`SOURCES`. After editing strings: ``update``,
translate (``set``, or Qt Linguist: ``pyside6-linguist karaoke/translations/player_es.ts``), then
``release``. ``tests/app/test_translations.py`` fails while any step is left undone.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from karaoke.app.translations import CATALOGS, INTERFACE_LANGUAGES, SOURCE_LANGUAGE

REPO = Path(__file__).resolve().parent.parent
TRANSLATIONS = REPO / "karaoke" / "translations"
#: The files (or folders) each catalog's strings are collected from.
SOURCES: dict[str, tuple[str, ...]] = {
    "shared": ("karaoke/app", "karaoke/ui/shared", "karaoke/ui/launch.py"),
    "player": ("karaoke/ui/player",),
    "present": ("karaoke/ui/present",),
    "timing": ("karaoke/ui/timing",),
    "library": ("karaoke/ui/library",),
    "handout": ("karaoke/ui/handout",),
}
assert set(SOURCES) == set(CATALOGS)
#: The translated languages (English is the source).
LANGUAGES = tuple(code for code in INTERFACE_LANGUAGES if code != SOURCE_LANGUAGE)


def qt_tool(name: str) -> str:
    """``pyside6-<name>`` next to this Python (the venv's), else on the PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (tools/setup.sh install)")
    return found


def ts_path(catalog: str, language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{catalog}_{language}.ts"


def python_files(catalog: str) -> list[str]:
    files: list[str] = []
    for source in SOURCES[catalog]:
        path = REPO / source
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files += [str(p) for p in found]
    return files


def update(catalog: str, language: str, target: Path | None = None) -> Path:
    """Run lupdate on the catalog's sources into ``target`` (default: the repo's .ts file).
    No line numbers (they would change with every edit) and no obsolete strings."""
    target = target or ts_path(catalog, language)
    command = [qt_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete"]
    command += ["-source-language", "en", "-target-language", language]
    subprocess.run([*command, *python_files(catalog), "-ts", str(target)], check=True, cwd=REPO)
    return target


def release(ts: Path, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run(
        [qt_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True
    )
    return qm


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → the message's ``<translation>`` element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{ts}: a message without <translation>"
            found[(name, message.findtext("source") or "")] = translation
    return found


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """The (context, source) pairs with no finished translation."""
    return [
        key
        for key, translation in messages(ts).items()
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not ("".join(translation.itertext()).strip())
    ]


def fill(ts: Path, wanted: dict[str, dict[str, str | list[str]]]) -> int:
    """Set the translations given as ``{context: {source: text}}`` (a list of texts for a
    ``%n`` plural) and mark them finished. Returns how many were set; unknown keys fail."""
    tree = ET.parse(ts)
    by_key = {}
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            by_key[(context.findtext("name"), message.findtext("source"))] = message
    count = 0
    for context_name, texts in wanted.items():
        for source, text in texts.items():
            message = by_key.get((context_name, source))
            if message is None:
                raise SystemExit(f"{ts.name}: no message {source!r} in context {context_name!r}")
            translation = message.find("translation")
            assert translation is not None
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                forms = [text] if isinstance(text, str) else text
                for form in list(translation):
                    translation.remove(form)
                for form_text in forms:
                    ET.SubElement(translation, "numerusform").text = form_text
            else:
                translation.text = text if isinstance(text, str) else text[0]
            count += 1
    _write(tree, ts)
    return count


def _write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    verb, rest = argv[0], argv[1:]
    catalogs = [c for c in rest if c in CATALOGS] or list(CATALOGS)
    if verb == "update":
        for catalog in catalogs:
            for language in LANGUAGES:
                update(catalog, language)
    elif verb == "todo":
        for catalog in catalogs:
            for language in LANGUAGES:
                for context, source in untranslated(ts_path(catalog, language)):
                    print(f"{catalog}_{language}\t{context}\t{source!r}")
    elif verb == "set":
        catalog, data = rest[0], json.loads(Path(rest[1]).read_text("utf-8"))
        language = rest[2] if len(rest) > 2 else "es"
        print(fill(ts_path(catalog, language), data), "translations set")
        update(catalog, language)  # back in lupdate's own layout: diffs stay small
    elif verb == "release":
        for catalog in CATALOGS:
            for language in LANGUAGES:
                release(ts_path(catalog, language))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
