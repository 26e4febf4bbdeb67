"""Versioned data files (lexicons, actor dictionary, gazetteer additions) shipped with eventwire."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def data_path(relative: str) -> Path:
    return Path(str(resources.files("eventwire.data").joinpath(relative)))


@cache
def load_toml(relative: str) -> dict[str, Any]:
    with data_path(relative).open("rb") as handle:
        return tomllib.load(handle)
