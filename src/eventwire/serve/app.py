"""The FastAPI application: JSON API under /api, the dashboard page at / and its files at /static.

app = create_app(ServeSettings(db_url="sqlite:///eventwire.db", write_token="s3cret"))
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from eventwire.serve import api_documents, api_events, api_review
from eventwire.serve.security import SecurityHeaders
from eventwire.store import Store

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PAGE = "index.html"


@dataclass(frozen=True)
class ServeSettings:
    db_url: str | None = None
    """SQLAlchemy URL of the store (default: $EVENTWIRE_DB or sqlite:///eventwire.db)."""
    write_token: str | None = None
    """Bearer token for the write endpoints; None disables writes."""
    read_token: str | None = None
    """Bearer token for the read endpoints; None leaves reads open."""
    tile_url: str | None = None
    """An online tile layer URL template for the map; None keeps the map fully offline."""


def create_app(settings: ServeSettings) -> FastAPI:
    app = FastAPI(
        title="eventwire",
        summary="Political violence events from news reports, with their sources.",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json is served
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = Store(settings.db_url)
    app.add_middleware(SecurityHeaders, tile_url=settings.tile_url)
    app.include_router(api_events.router)
    app.include_router(api_documents.router)
    app.include_router(api_review.router)
    _dashboard(app, settings)
    return app


def _dashboard(app: FastAPI, settings: ServeSettings) -> None:
    templates = Jinja2Templates(directory=str(TEMPLATES))

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page(request: Request) -> Response:
        if not (TEMPLATES / PAGE).is_file():
            return PlainTextResponse("the dashboard is not installed", status_code=503)
        context = {"tile_url": settings.tile_url, "writes_enabled": bool(settings.write_token)}
        return templates.TemplateResponse(request, PAGE, context)

    app.mount("/static", StaticFiles(directory=str(STATIC), check_dir=False), name="static")
