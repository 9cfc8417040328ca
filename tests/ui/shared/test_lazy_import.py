"""A lazy module runs on its first attribute, once; a missing one is an error at once."""

from __future__ import annotations

import sys

import pytest

from karaoke.ui.shared.lazy_import import lazy_module


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package ``lazyprobe`` whose module ``counted`` records each time it runs."""
    folder = tmp_path / "lazyprobe"
    folder.mkdir()
    (folder / "__init__.py").write_text("runs = []\n")
    (folder / "counted.py").write_text(
        "import lazyprobe\nlazyprobe.runs.append('counted')\nVALUE = 42\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield folder
    for name in [n for n in sys.modules if n.startswith("lazyprobe")]:
        del sys.modules[name]


def test_the_module_runs_on_first_use_only(package):
    import lazyprobe

    module = lazy_module("lazyprobe.counted")
    assert lazyprobe.runs == []
    assert module.VALUE == 42
    assert module.VALUE == 42
    assert lazyprobe.runs == ["counted"]
    assert lazy_module("lazyprobe.counted") is module
    assert sys.modules["lazyprobe.counted"] is module
    assert lazyprobe.counted is module  # an attribute of its package, as after an import


def test_a_loaded_module_is_given_as_it_is(package):
    import lazyprobe.counted

    assert lazy_module("lazyprobe.counted") is lazyprobe.counted


def test_a_missing_module_is_an_error_at_once(package):
    with pytest.raises(ImportError, match=r"lazyprobe\.nothing"):
        lazy_module("lazyprobe.nothing")
