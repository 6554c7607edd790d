"""What the tests' local HTTP servers send back."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler


def send_reply(handler: BaseHTTPRequestHandler, status: int, kind: str, body: bytes) -> None:
    """One whole response: status, content type and length, body."""
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
