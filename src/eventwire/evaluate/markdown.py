"""The small Markdown helpers every report section uses: percentages and tables."""

from __future__ import annotations

from collections.abc import Sequence

Row = tuple[str, str, str]


def pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def div(a: int, b: int) -> float | None:
    return a / b if b else None


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)
