"""Options that several commands share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

MIN_CONFIDENCE_HELP = (
    "Keep events at or above this confidence (0-1; default from data/confidence.toml, chosen "
    "from the reliability table in docs/accuracy.md)."
)
KEEP_DOUBTFUL_HELP = 'Keep the events below --min-confidence too, flagged "doubtful": true.'


def confidence_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--min-confidence` and `--keep-doubtful`, passed as `min_confidence`, `keep_doubtful`."""
    command = click.option("--keep-doubtful", is_flag=True, help=KEEP_DOUBTFUL_HELP)(command)
    return click.option(
        "--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, help=MIN_CONFIDENCE_HELP
    )(command)
