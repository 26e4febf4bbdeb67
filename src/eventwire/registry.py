"""Components registered by name, spaCy-style, so a pipeline is configured rather than hard-wired.

    @register("casualties")
    def make_casualty_extractor(**options) -> Extractor: ...

A pipeline config names the components in order, with options for each (see `pipeline.py`).
Third-party packages can add components through the `eventwire.components` entry point group.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

Factory = Callable[..., Any]
_FACTORIES: dict[str, Factory] = {}
_plugins_loaded = False


def register(name: str) -> Callable[[Factory], Factory]:
    def decorator(factory: Factory) -> Factory:
        _FACTORIES[name] = factory
        return factory

    return decorator


def create(name: str, **options: Any) -> Any:
    _load_plugins()
    try:
        factory = _FACTORIES[name]
    except KeyError:
        known = ", ".join(sorted(_FACTORIES)) or "none"
        raise KeyError(f"no component named {name!r} (registered: {known})") from None
    return factory(**options)


def registered() -> list[str]:
    _load_plugins()
    return sorted(_FACTORIES)


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for entry in entry_points(group="eventwire.components"):
        entry.load()
