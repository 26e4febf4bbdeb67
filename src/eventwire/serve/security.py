"""Security headers on every response, and bearer-token checks for reads and writes.

The Content-Security-Policy allows scripts, styles, fonts and data only from the app itself (no
inline script, no eval); images also from `data:` and, when the user configured one, the tile
server's origin.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, status
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def content_security_policy(tile_url: str | None = None) -> str:
    images = ["'self'", "data:"]
    origin = tile_origin(tile_url)
    if origin:
        images.append(origin)
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": images,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def tile_origin(tile_url: str | None) -> str | None:
    """`https://{s}.tile.example.org/{z}/{x}/{y}.png` -> `https://*.tile.example.org`."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.replace("{s}.", "*.")
    if "{" in host or "}" in host:
        return None
    return f"{parts.scheme}://{host}"


class SecurityHeaders:
    """Pure ASGI middleware: adds the headers to every HTTP response (errors and files too)."""

    def __init__(self, app: ASGIApp, tile_url: str | None = None) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", content_security_policy(tile_url).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(self.headers)
        if scope["path"].startswith("/api/"):
            extra.append((b"cache-control", b"no-store"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                added = [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": [*message.get("headers", []), *added]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, message, headers={"WWW-Authenticate": "Bearer"}
    )


def require_read(request: Request) -> None:
    """Reads are open unless a read token is set; the write token also grants reads."""
    settings = request.app.state.settings
    if not settings.read_token:
        return
    token = _bearer(request)
    if token is None:
        raise _unauthorized("this server needs a read token: Authorization: Bearer <token>")
    accepted = [t for t in (settings.read_token, settings.write_token) if t]
    if not any(_same(token, expected) for expected in accepted):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "wrong token")


def require_write(request: Request) -> None:
    settings = request.app.state.settings
    if not settings.write_token:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "writes are disabled on this server (start it with --token or EVENTWIRE_TOKEN)",
        )
    token = _bearer(request)
    if token is None:
        raise _unauthorized("writes need the token: Authorization: Bearer <token>")
    if not _same(token, settings.write_token):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "wrong token")
