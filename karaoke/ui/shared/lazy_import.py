"""Modules imported when first used, not when named: for the main window's start.

The player window maps its frame before the modules that build its contents are loaded
(docs/performance.md §12): :func:`lazy_module` gives the module object at once and runs it
on the first attribute looked up in it (``importlib.util.LazyLoader``, the standard library's
own recipe). The architecture test counts ``lazy_module("x")`` as an import of ``x``."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """Module ``name`` (absolute), loaded on first attribute access; the module itself when it
    is loaded already. Raises ImportError at once when there is no such module."""
    if (module := sys.modules.get(name)) is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    package, _, child = name.rpartition(".")
    if package:  # as an import does: ``import a.b`` then ``a.b.x`` finds it
        setattr(sys.modules[package], child, module)
    return module
