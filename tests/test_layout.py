"""The layout of the package: one registered component per field package, the store's linker
found by name, no oversized modules. (The import layers are checked by `lint-imports`.)"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from eventwire.registry import create, registered

SRC = Path(__file__).resolve().parent.parent / "src" / "eventwire"
MAX_LINES = 500
FIELD_PACKAGES = {
    "actors": "make_actor_extractor",
    "casualties": "make_casualty_extractor",
    "event_type": "make_event_type_extractor",
    "place": "make_place_extractor",
    "time": "make_time_extractor",
}


@pytest.mark.parametrize("name", sorted(FIELD_PACKAGES))
def test_each_field_package_registers_its_own_factory_under_its_name(name: str) -> None:
    package = importlib.import_module(f"eventwire.extract.{name}")
    assert Path(package.__file__).name == "__init__.py"
    assert name in registered()
    factory = getattr(package, FIELD_PACKAGES[name])
    assert type(create(name)) is type(factory())


def test_the_store_finds_its_dedup_linker_by_name_without_importing_it() -> None:
    from eventwire.dedup import attach_or_create

    assert create("dedup") is attach_or_create
    imported = {module for path in (SRC / "store").glob("*.py") for module in _imports(path)}
    assert "eventwire.store.schema" in imported
    assert not any(module.startswith("eventwire.dedup") for module in imported)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    return found | {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        str(path.relative_to(SRC)): count
        for path in SRC.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
