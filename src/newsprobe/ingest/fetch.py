"""HTTP(S) fetch with a timeout and a size limit; every failure becomes one clear error."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

import urllib3

from newsprobe.errors import Errors, InputError
from newsprobe.ingest.decode import check_size
from newsprobe.settings import USER_AGENT

_CHUNK = 65536


@dataclass(frozen=True)
class Page:
    url: str
    content_type: str
    data: bytes


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def fetch_url(url: str, timeout_s: float, max_bytes: int) -> Page:
    """GET `url`, following redirects; refuse non-2xx answers and bodies over `max_bytes`."""
    pool = urllib3.PoolManager(headers={"User-Agent": USER_AGENT}, retries=urllib3.Retry(total=2, redirect=5))
    try:
        response = pool.request("GET", url, preload_content=False, timeout=urllib3.Timeout(total=timeout_s))
    except urllib3.exceptions.HTTPError as error:
        raise InputError(Errors.E007, url, url=url, detail=_reason(error)) from error
    try:
        if response.status >= 400:
            raise InputError(Errors.E007, url, url=url, detail=f"HTTP {response.status} {response.reason}")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit():
            check_size(int(declared), max_bytes, url)
        data = _read_limited(response, url, max_bytes)
    finally:
        response.release_conn()
    return Page(url=_final_url(url, response), content_type=response.headers.get("Content-Type", ""), data=data)


def _final_url(url: str, response: urllib3.BaseHTTPResponse) -> str:
    """The address the page was served from, after redirects."""
    history = response.retries.history if response.retries else ()
    location = history[-1].redirect_location if history else None
    return urljoin(url, location) if location else url


def _read_limited(response: urllib3.BaseHTTPResponse, url: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.stream(_CHUNK):
            size += len(chunk)
            check_size(size, max_bytes, url)
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as error:
        raise InputError(Errors.E007, url, url=url, detail=_reason(error)) from error
    return b"".join(chunks)


def _reason(error: Exception) -> str:
    """The innermost cause, which names what really went wrong (refused, DNS, timeout)."""
    reason = getattr(error, "reason", None) or error
    return str(reason).split(": ", 1)[-1] if ">: " in str(reason) else str(reason)
