"""The HTTP API through Starlette's test client, on SQLite and PostgreSQL: the read endpoints,
validation at the edge, tokens, security headers, and review writes with their audit trail."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventwire.models import Document
from eventwire.serve.app import ServeSettings, create_app
from eventwire.store import Store
from tests.factories import event
from tests.test_store_queries import seed

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx2; the client still works
    from fastapi.testclient import TestClient

WRITE = "write-secret"
READ = "read-secret"
EDIT = {"user": "ana", "reason": "checked the ministry's statement"}


def _client(url: str, **settings: str | None) -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(db_url=url, **settings))) as client:
        yield client


@pytest.fixture
def seeded_url(store_url: str) -> str:
    seed(Store(store_url))
    return store_url


@pytest.fixture
def client(seeded_url: str) -> Iterator[TestClient]:
    yield from _client(seeded_url, write_token=WRITE)


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --- reads -----------------------------------------------------------------------------------


def test_event_list_pages_with_a_cursor(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 4}).json()
    assert first["count"] == 7 and len(first["items"]) == 4
    assert [item["id"] for item in first["items"]] == ["d", "c", "a", "b"]
    assert first["items"][0]["reviewed_fields"] == []
    assert first["items"][0]["fatalities"] == {"low": 0, "best": 0, "high": 0}
    rest = client.get("/api/events", params={"limit": 4, "cursor": first["next_cursor"]}).json()
    assert [item["id"] for item in rest["items"]] == ["e", "f", "g"]
    assert rest["next_cursor"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "Burkina Faso"}, ["d", "c"]),
        ({"admin1": "Gao", "min_fatalities": 5}, ["a", "g"]),
        ({"event_type": "battles", "since": "2024-03-01"}, ["a", "b"]),
        ({"sub_event_type": "remote explosive/landmine/IED"}, ["c"]),
        ({"actor": "JNIM"}, ["c"]),
        ({"bbox": "-2,13,0,15"}, ["d", "c"]),
        ({"q": "price rises"}, ["d"]),
        ({"q": "'; DROP TABLE events; --"}, []),
    ],
)
def test_event_list_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    body = client.get("/api/events", params=params).json()
    assert [item["id"] for item in body["items"]] == expected
    assert body["count"] == len(expected)
    assert client.get("/api/events").json()["count"] == 7  # the table is still there


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("colour=red", "Extra inputs are not permitted"),
        ("since=2024-02-30", "day value is outside expected range"),
        ("since=2024-03-05&until=2024-03-01", "since must not be after until"),
        ("event_type=Battles&sub_event_type=Attack", "not a sub-type of 'Battles'"),
        ("event_type=Skirmish", "unknown event type"),
        ("sub_event_type=Ambush", "unknown sub-event type"),
        ("limit=0", "greater than or equal to 1"),
        ("limit=5000", "less than or equal to 1000"),
        ("min_fatalities=-1", "greater than or equal to 0"),
        ("bbox=1,2,3", "four numbers"),
        ("bbox=0,50,10,40", "south <= north"),
        ("cursor=bm9wZQ", "cursor is not one returned by this API"),
    ],
)
def test_invalid_queries_are_422_with_a_clear_message(
    client: TestClient, query: str, message: str
) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert message in json.dumps(response.json()["detail"])


def test_event_detail_has_documents_claims_audit_and_merges(client: TestClient) -> None:
    body = client.get("/api/events/c").json()
    assert body["event"]["id"] == "c" and body["event"]["reviewed_fields"] == []
    (doc,) = body["documents"]
    assert set(doc) == {"id", "title", "url", "published", "source", "text"}
    claim = body["event"]["claims"][0]
    assert claim["document_id"] == doc["id"]
    assert body["audit"] == [] and body["merges"] == []
    assert client.get("/api/events/nope").status_code == 404


def test_documents_list_and_detail(client: TestClient) -> None:
    first = client.get("/api/documents", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and "text" not in first["items"][0]
    rest = client.get("/api/documents", params={"cursor": first["next_cursor"]}).json()
    assert len(rest["items"]) == 2 and rest["next_cursor"] is None
    one = client.get("/api/documents/doc-a").json()
    assert one["text"] == "Report a." and one["event_ids"] == ["a"]
    assert client.get("/api/documents/missing").status_code == 404


def test_timeseries(client: TestClient) -> None:
    body = client.get("/api/timeseries", params={"interval": "week", "by": "country"}).json()
    assert body["interval"] == "week" and body["by"] == "country"
    keys = {entry["key"]: entry["points"] for entry in body["series"]}
    assert keys["Burkina Faso"] == [
        {"date": "2024-03-04", "events": 1, "fatalities": 30},
        {"date": "2024-03-11", "events": 1, "fatalities": 0},
    ]
    assert client.get("/api/timeseries?interval=month").status_code == 422


@pytest.mark.parametrize(
    ("fmt", "media", "filename"),
    [
        ("jsonl", "application/x-ndjson", "events.jsonl"),
        ("json", "application/json", "events.json"),
        ("csv", "text/csv", "events.csv"),
        ("acled", "text/csv", "events-acled.csv"),
        ("geojson", "application/geo+json", "events.geojson"),
        ("ucdp", "text/csv", "events-ucdp-ged.csv"),
        ("parquet", "application/vnd.apache.parquet", "events.parquet"),
    ],
)
def test_export_in_every_format_follows_the_filters(
    client: TestClient, fmt: str, media: str, filename: str
) -> None:
    response = client.get("/api/export", params={"format": fmt, "country": "BFA"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert filename in response.headers["content-disposition"]
    if fmt in ("csv", "acled"):
        assert len(list(csv.DictReader(io.StringIO(response.text)))) == 2
    elif fmt == "jsonl":
        assert [json.loads(line)["id"] for line in response.text.splitlines()] == ["d", "c"]
    elif fmt == "geojson":
        assert len(response.json()["features"]) == 2
    elif fmt == "parquet":
        table = pq.read_table(pa.BufferReader(response.content))
        assert sorted(table.column("id").to_pylist()) == ["c", "d"]
    elif fmt == "ucdp":
        assert response.text.startswith("id,year,type_of_violence,")


def test_meta(client: TestClient) -> None:
    body = client.get("/api/meta").json()
    assert body["event_types"]["Riots"] == ["Violent demonstration", "Mob violence"]
    assert body["countries"] == ["Burkina Faso", "Fiji", "Mali"]
    assert body["date_range"] == ["2024-02-28", "2024-03-12"]
    assert body["writes_enabled"] is True and body["tile_url"] is None


def test_openapi_schema_and_health(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/timeseries"} <= set(paths)
    assert client.get("/health").json() == {"status": "ok"}


# --- security --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/health", "/api/events", "/api/events/nope", "/api/events?limit=0",
             "/static/none.js", "/openapi.json"],
)  # fmt: skip
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_a_configured_tile_server_is_allowed_for_images_only(seeded_url: str) -> None:
    tiles = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    for client in _client(seeded_url, tile_url=tiles):
        policy = client.get("/health").headers["content-security-policy"]
        assert "img-src 'self' data: https://*.tile.example.org" in policy
        assert "script-src 'self';" in policy
        assert client.get("/api/meta").json()["tile_url"] == tiles


def test_untrusted_text_is_served_as_json_not_html(seeded_url: str) -> None:
    hostile = Document(id="doc-x", text="<img src=x onerror=alert(1)> killed", title="<script>x")
    store = Store(seeded_url)
    store.dedup_enabled = False
    store.save(hostile, [event("x", "doc-x")])
    for client in _client(seeded_url):
        response = client.get("/api/documents/doc-x")
        assert response.headers["content-type"] == "application/json"
        assert response.json()["title"] == "<script>x"


def test_writes_are_refused_when_no_token_is_configured(seeded_url: str) -> None:
    for client in _client(seeded_url):
        body = {"changes": {"fatalities": {"best": 1}}, **EDIT}
        response = client.patch("/api/events/a", json=body, headers=_auth("anything"))
        assert response.status_code == 403 and "writes are disabled" in response.json()["detail"]
        assert client.get("/api/meta").json()["writes_enabled"] is False


def test_writes_need_the_right_token(client: TestClient) -> None:
    body = {"changes": {"fatalities": {"best": 1}}, **EDIT}
    missing = client.patch("/api/events/a", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert client.patch("/api/events/a", json=body, headers=_auth("guess")).status_code == 403
    assert client.get("/api/events/a").json()["audit"] == []


def test_reads_can_require_a_token(seeded_url: str) -> None:
    for client in _client(seeded_url, write_token=WRITE, read_token=READ):
        assert client.get("/api/events").status_code == 401
        assert client.get("/api/events", headers=_auth("guess")).status_code == 403
        assert client.get("/api/events", headers=_auth(READ)).json()["count"] == 7
        assert client.get("/api/meta", headers=_auth(WRITE)).status_code == 200
        assert client.get("/health").status_code == 200  # page, health and files stay open
        assert client.get("/").status_code == 200


# --- review writes ---------------------------------------------------------------------------


def test_an_edit_returns_the_updated_detail_with_its_audit_record(client: TestClient) -> None:
    changes = {
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "fatalities": {"best": 14},
        "actor2": {"name": "Civilians (Mali)", "inter": 7},
    }
    response = client.patch(
        "/api/events/a", json={"changes": changes, **EDIT}, headers=_auth(WRITE)
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["event"]["event_type"] == "Violence against civilians"
    assert body["event"]["fatalities"] == {"low": 12, "best": 14, "high": 14}
    assert body["event"]["actor2"]["name"] == "Civilians (Mali)"
    assert sorted(body["event"]["reviewed_fields"]) == sorted(changes)
    audit = {entry["field"]: entry for entry in body["audit"]}
    assert audit["fatalities"]["before"]["best"] == 12
    assert audit["fatalities"]["after"]["best"] == 14
    assert {entry["user"] for entry in body["audit"]} == {"ana"}
    assert set(body["audit"][0]) == {"id", "user", "at", "action", "field", "before", "after",
                                     "reason"}  # fmt: skip
    listed = client.get("/api/events", params={"event_type": "Violence against civilians"})
    assert [item["id"] for item in listed.json()["items"]] == ["a"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"changes": {"colour": "red"}, **EDIT}, "Extra inputs are not permitted"),
        ({"changes": {"sub_event_type": "Attack"}, **EDIT}, "not a sub-type of 'Battles'"),
        ({"changes": {"event_type": "Riots", "sub_event_type": "Attack"}, **EDIT},
         "not a sub-type of 'Riots'"),
        ({"changes": {"event_date": "yesterday"}, **EDIT}, "valid date"),
        ({"changes": {}, **EDIT}, "changes is empty"),
        ({"changes": {"event_type": None}, **EDIT}, "event_type cannot be null"),
        ({"changes": {"location": {"name": "X", "latitude": 123}}, **EDIT}, "less than or equal"),
        ({"changes": {"fatalities": {"low": 5, "best": 1}}, **EDIT}, "low <= best <= high"),
        ({"changes": {"event_type": "Riots"}, "user": "ana"}, "Field required"),
    ],
)  # fmt: skip
def test_invalid_edits_are_422_with_a_clear_message(
    client: TestClient, body: dict, message: str
) -> None:
    response = client.patch("/api/events/a", json=body, headers=_auth(WRITE))
    assert response.status_code == 422
    assert message in json.dumps(response.json()["detail"])
    assert client.get("/api/events/a").json()["audit"] == []


def test_merge_then_split_through_the_api(client: TestClient) -> None:
    merged = client.post(
        "/api/events/a/merge", json={"other_id": "g", **EDIT}, headers=_auth(WRITE)
    )
    assert merged.status_code == 200, merged.text
    detail = merged.json()
    (record,) = detail["merges"]
    assert record["absorbed_event_id"] == "g" and record["merged_by"] == "ana"
    assert record["split_at"] is None and detail["audit"][0]["action"] == "merge"
    assert sorted(detail["event"]["document_ids"]) == ["doc-a", "doc-g"]
    assert client.get("/api/events/g").status_code == 404
    assert client.get("/api/events").json()["count"] == 6

    split = client.post(
        "/api/events/a/split", json={"merge_id": record["id"], **EDIT}, headers=_auth(WRITE)
    )
    assert split.json() == {"restored_event_id": "g"}
    assert client.get("/api/events/g").json()["event"]["document_ids"] == ["doc-g"]
    after = client.get("/api/events/a").json()
    assert [entry["action"] for entry in after["audit"]] == ["merge", "split"]
    assert after["merges"][0]["split_at"] is not None
    again = client.post(
        "/api/events/a/split", json={"merge_id": record["id"], **EDIT}, headers=_auth(WRITE)
    )
    assert again.status_code == 409


def test_merge_and_split_errors(client: TestClient) -> None:
    def post(path: str, body: dict) -> int:
        return client.post(path, json={**body, **EDIT}, headers=_auth(WRITE)).status_code

    assert post("/api/events/a/merge", {"other_id": "a"}) == 422
    assert post("/api/events/a/merge", {"other_id": "missing"}) == 404
    assert post("/api/events/a/split", {"merge_id": 99}) == 404
    assert post("/api/events/a/split", {"merge_id": "one"}) == 422
    assert client.post("/api/events/a/merge", json={"other_id": "b", **EDIT}).status_code == 401


def test_serve_command_builds_the_app_from_options_and_environment(
    seeded_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from click.testing import CliRunner

    from eventwire.cli import main

    started: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    monkeypatch.setenv("EVENTWIRE_TOKEN", "from-env")
    result = CliRunner().invoke(main, ["serve", "--db", seeded_url, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    settings = started["app"].state.settings
    assert (settings.write_token, settings.read_token, settings.db_url) == (
        "from-env",
        None,
        seeded_url,
    )
    assert "writes enabled" in result.stderr
