"""Pairwise cluster precision / recall / F1 over a gold event key, and its place in `eval`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate.clusters import (
    ClusterResult,
    _score_pairs,
    cluster_section,
    evaluate_clusters,
    has_event_keys,
    read_keyed,
)

MULTIREPORT = Path(__file__).parent.parent / "samples" / "multireport"


def _scored(gold: dict[str, set[str]], predicted: dict[str, set[str]]) -> ClusterResult:
    result = ClusterResult("t", "lexical", len(gold), 0, 0)
    _score_pairs(
        result,
        {k: frozenset(v) for k, v in gold.items()},
        {k: frozenset(v) for k, v in predicted.items()},
    )
    return result


def test_perfect_clustering_scores_one() -> None:
    result = _scored(
        {"a": {"x"}, "b": {"x"}, "c": {"y"}},
        {"a": {"e1"}, "b": {"e1"}, "c": {"e2"}},
    )
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)


def test_a_wrong_merge_costs_precision_and_a_split_costs_recall() -> None:
    gold = {"a": {"x"}, "b": {"x"}, "c": {"x"}, "d": {"y"}}
    # a, b, d merged (1 right pair, 2 wrong); c alone (2 missed pairs).
    result = _scored(gold, {"a": {"e1"}, "b": {"e1"}, "d": {"e1"}, "c": {"e2"}})
    assert result.true_pairs == 1
    assert sorted(result.false_pairs) == [("a", "d"), ("b", "d")]
    assert sorted(result.missed_pairs) == [("a", "c"), ("b", "c")]
    assert result.precision == 1 / 3 and result.recall == 1 / 3
    assert abs(result.f1 - 1 / 3) < 1e-9


def test_a_document_without_events_only_misses_pairs() -> None:
    result = _scored({"a": {"x"}, "b": {"x"}}, {"a": {"e1"}})
    assert result.precision == 1.0 and result.recall == 0.0 and result.f1 == 0.0


def test_the_multireport_fixtures_carry_event_keys() -> None:
    gold = MULTIREPORT / "gold.jsonl"
    items = read_keyed(gold)
    assert has_event_keys(gold) and len(items) >= 20
    keys = [next(iter(item.keys)) for item in items]
    assert max(keys.count(key) for key in set(keys)) >= 4
    assert all(item.document.title and item.document.published for item in items)
    assert not has_event_keys(Path(__file__).parent / "fixtures" / "eval" / "articles.jsonl")


def _small_gold(tmp_path: Path) -> Path:
    chosen = ("dori-ambush-1", "dori-ambush-2", "dori-market-2", "dori-market-3")
    lines = []
    for line in (MULTIREPORT / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["document"]["id"] in chosen:
            record["document"]["file"] = str(MULTIREPORT / record["document"]["file"])
            lines.append(json.dumps(record))
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ambush_and_market_attack_in_one_town_stay_two_events(tmp_path: Path) -> None:
    result = evaluate_clusters(_small_gold(tmp_path))
    assert result.documents == 4 and result.gold_events == 2
    assert result.false_pairs == [] and result.missed_pairs == []
    assert "pairwise F1 | 100.0%" in cluster_section(result)


def test_eval_prints_the_dedup_section_for_keyed_gold(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(_small_gold(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "deduplication (pairwise, over the gold event key)" in result.output
    assert "| pairwise precision | 100.0% |" in result.output
