"""The candidate query of deduplication reads an index, on SQLite and on PostgreSQL: with many
stored events it must never scan the whole events table."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event as sa_event

from eventwire.store import Store
from tests.factories import document, event


def _candidate_statements(store: Store) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "ORDER BY events.event_date" in (
            statement
        ):
            seen.append((statement, parameters))

    sa_event.listen(store.engine, "before_cursor_execute", remember)
    store.save(document("d2", "Gunmen attacked a convoy near Gao."), [event("e2", "d2")])
    sa_event.remove(store.engine, "before_cursor_execute", remember)
    return seen


def _plan(store: Store, statement: str, parameters: object) -> str:
    postgres = store.engine.dialect.name == "postgresql"
    with store.engine.connect() as connection:
        if postgres:  # a tiny table is cheaper to scan: ask whether the index can serve
            connection.exec_driver_sql("SET enable_seqscan = off")
        prefix = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
        rows = connection.exec_driver_sql(prefix + statement, parameters).all()  # type: ignore[arg-type]
    return "\n".join(" ".join(str(part) for part in row) for row in rows)


def test_the_candidate_query_uses_an_events_index(store_url: str) -> None:
    store = Store(store_url)
    for number in range(30):
        day = date(2024, 1 + number % 12, 1 + number % 27)
        store.save(
            document(f"b{number}", "Fighting."), [event(f"b{number}", f"b{number}", when=day)]
        )
    statements = _candidate_statements(store)
    assert statements, "no candidate query was run"
    for statement, parameters in statements:
        plan = _plan(store, statement, parameters)
        assert "ix_events" in plan, plan
        assert "SCAN events\n" not in plan + "\n" and "Seq Scan on events" not in plan, plan
    store.engine.dispose()
