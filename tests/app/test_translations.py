"""The translation catalogs: current with the code, complete, compiled; and the interface
language chosen from the desktop's locale or the user's choice."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from karaoke.app import translations
from karaoke.app.commands import PlayerCommand
from karaoke.app.timing_commands import TimingCommand
from karaoke.app.translations import (
    CATALOGS,
    current_language,
    install_language,
    interface_language,
    system_language,
    translate_to,
)
from tools.translations import LANGUAGES, messages, release, ts_path, untranslated, update

CATALOG_FILES = [(catalog, language) for catalog in CATALOGS for language in LANGUAGES]


@pytest.mark.parametrize(("catalog", "language"), CATALOG_FILES)
def test_the_ts_files_hold_every_string_of_the_code(tmp_path, catalog, language):
    """lupdate finds nothing new: run it on a copy and compare the (context, source) pairs."""
    shipped = ts_path(catalog, language)
    fresh = tmp_path / shipped.name
    fresh.write_bytes(shipped.read_bytes())
    update(catalog, language, fresh)
    assert sorted(messages(fresh)) == sorted(messages(shipped)), (
        f"run: python -m tools.translations update {catalog}"
    )


@pytest.mark.parametrize(("catalog", "language"), CATALOG_FILES)
def test_every_string_is_translated(catalog, language):
    missing = untranslated(ts_path(catalog, language))
    assert not missing, f"untranslated in {catalog}_{language}.ts: {missing[:10]}"


@pytest.mark.parametrize(("catalog", "language"), CATALOG_FILES)
def test_the_shipped_qm_files_are_compiled_from_the_ts_files(tmp_path, catalog, language):
    ts = ts_path(catalog, language)
    fresh = release(ts, tmp_path / f"{catalog}_{language}.qm")
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "run: python -m tools.translations release"
    )


def test_the_desktop_locale_chooses_spanish_or_english():
    assert system_language(["es-ES", "en-US"]) == "es"
    assert system_language(["es_MX"]) == "es"
    assert system_language(["en-GB", "es-ES"]) == "en"
    assert system_language(["fr-FR", "es-ES"]) == "en"  # the first choice is one we lack
    assert system_language(["C", "es-ES"]) == "es"
    assert system_language([]) == "en"


def test_the_users_choice_wins_over_the_desktop(monkeypatch):
    monkeypatch.setattr(translations, "system_language", lambda: "es")
    assert interface_language(None) == "es"
    assert interface_language("en") == "en"
    assert interface_language("xx") == "es"  # a stale setting: the desktop's


@pytest.fixture
def spanish(qapp):
    install_language("es")
    yield
    install_language("en")


def test_installing_spanish_translates_the_interface_and_back(spanish):
    assert current_language() == "es"
    assert PlayerCommand.PLAY.text != PlayerCommand.PLAY.label
    assert QCoreApplication.translate("QShortcut", "Space") != "Space"  # Qt's own catalog
    assert QLocale().language() == QLocale.Language.Spanish
    install_language("en")
    assert PlayerCommand.PLAY.text == "&Play / pause"
    assert QLocale().language() == QLocale.Language.English


def test_a_string_in_another_language_without_installing_it(qapp):
    assert current_language() == "en"
    spanish = translate_to("es", "TimingCommand", TimingCommand.SAVE.label)
    assert spanish not in ("", TimingCommand.SAVE.label)
    assert translate_to("en", "TimingCommand", TimingCommand.SAVE.label) == "&Save"
    assert translate_to("es", "NoSuchContext", "Left as it is") == "Left as it is"


def _spanish_texts() -> dict[tuple[str, str, str], str]:
    """(catalog, context, source) → the Spanish (plural forms joined by " | "), every catalog."""
    found = {}
    for catalog in CATALOGS:
        for (context, source), translation in messages(ts_path(catalog, "es")).items():
            forms = [form.text or "" for form in translation] or [translation.text or ""]
            found[(catalog, context, source)] = " | ".join(forms)
    return found


def test_the_same_english_is_the_same_spanish_everywhere():
    """A string said in two places (the player's status line and the audience screen, say) is
    said the same way in both; only the mnemonic may move."""
    by_source: dict[str, dict[str, list[str]]] = {}
    for (catalog, context, source), spanish in _spanish_texts().items():
        places = by_source.setdefault(source.replace("&", ""), {})
        places.setdefault(spanish.replace("&", ""), []).append(f"{catalog}:{context}")
    differing = {source: places for source, places in by_source.items() if len(places) > 1}
    assert differing == {}


#: Key names Qt translates: a sentence takes them through ``%1`` from Qt's key names.
HAND_WRITTEN_KEY = re.compile(r"\b(Ctrl|Shift|Alt|Esc|PgUp|PgDn|PgDown|Space|Backspace)\b")


def test_the_glossary_words():
    """File is "archivo", teacher "docente"; key names come from Qt ("Control", not "Ctrl")."""
    for (catalog, context, source), spanish in _spanish_texts().items():
        words = spanish.lower()
        assert "fichero" not in words, (catalog, context, source)
        assert "profesor" not in words and "maestro" not in words, (catalog, context, source)
        assert not HAND_WRITTEN_KEY.search(source), (catalog, context, source)
