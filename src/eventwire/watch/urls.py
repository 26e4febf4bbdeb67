"""Canonical URLs and content hashes: how `watch` knows it has seen an article before."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "cmpid", "ocid", "ref", "xtor")
_CANONICAL_LINK = re.compile(r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"\bhref=[\"']?([^\"'\s>]+)", re.IGNORECASE)
DEFAULT_PORTS = {"http": "80", "https": "443"}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, fragment or tracking parameters, sorted
    query, no trailing slash: two links to one article give one string."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and str(parts.port) != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(TRACKING_PARAMS)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def canonical_link(html: str, base: str) -> str | None:
    """The page's own `<link rel="canonical">`, made absolute and canonical, if it has one."""
    match = _CANONICAL_LINK.search(html[:200_000])
    if not match:
        return None
    href = _HREF.search(match.group(0))
    return canonical_url(urljoin(base, href.group(1))) if href else None


def content_hash(text: str) -> str:
    """SHA-256 of the text with case and whitespace normalised (same article, new markup)."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()
