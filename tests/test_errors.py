"""One error root: every exception class ogi defines derives from :class:`ogi.errors.OgiError`,
except the deadline signals, which derive from ``BaseException`` so that no ``except
Exception`` between the deadline and its handler can swallow them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import ogi
from ogi.errors import OgiError

# raised by a timer into the code it interrupts; caught only by the code that set the timer
DEADLINE_SIGNALS = {"ogi.limits._DeadlinePassed", "ogi.store.pool.FileTimeout", "ogi.web.workers.Deadline"}


def _exception_classes() -> dict[str, type]:
    found = {}
    for info in pkgutil.walk_packages(ogi.__path__, "ogi."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, BaseException) and obj.__module__ == info.name:
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


def test_every_exception_class_derives_from_ogi_error():
    classes = _exception_classes()
    assert set(DEADLINE_SIGNALS) <= set(classes)
    assert len(classes) >= 30
    outside = sorted(name for name, cls in classes.items() if not issubclass(cls, OgiError))
    assert outside == sorted(DEADLINE_SIGNALS)
    for name in DEADLINE_SIGNALS:
        assert not issubclass(classes[name], Exception), name


def test_errors_keep_the_builtin_bases_callers_catch():
    from ogi.form import FormError
    from ogi.readers.decode import DecodeError
    from ogi.render.validate import InvalidReport
    from ogi.store.backend import StoreError

    assert issubclass(StoreError, RuntimeError) and issubclass(StoreError, OgiError)
    for cls in (FormError, DecodeError, InvalidReport):
        assert issubclass(cls, ValueError) and issubclass(cls, OgiError)


def _public_modules() -> list[str]:
    """Every package ``__init__`` and every module at the package's top level (the API)."""
    names = ["ogi"]
    for info in pkgutil.walk_packages(ogi.__path__, "ogi."):
        top_level = info.name.count(".") == 1
        if (info.ispkg or top_level) and not info.name.rsplit(".", 1)[-1].startswith("_"):
            names.append(info.name)
    return sorted(set(names) - {"ogi.cli"})  # the command line is a program, not an API


def test_public_modules_say_what_they_export():
    for name in _public_modules():
        module = importlib.import_module(name)
        assert isinstance(getattr(module, "__all__", None), list), name
        missing = [n for n in module.__all__ if not hasattr(module, n)]
        assert missing == [], name
        assert len(module.__all__) == len(set(module.__all__)), name


def test_the_package_is_typed():
    from importlib.resources import files

    assert files("ogi").joinpath("py.typed").is_file()
