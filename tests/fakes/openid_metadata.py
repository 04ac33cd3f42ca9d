"""Bot Framework's OpenID metadata and signing keys, served on 127.0.0.1 from a thread of its own.

    with FakeOpenIdMetadata() as keys:
        settings: MICROSOFT_OPENID_URL=keys.url
        token = keys.token({"iss": ..., "aud": ...})  # signed with the published key

`GET /v1/.well-known/openidconfiguration` names `GET /keys`, which publishes one RSA key
(`KEY_ID`, endorsed for `msteams`). `hold()` makes every request wait until `release()` (at most
`MAX_HOLD_SECONDS`): a slow endpoint. It serves as the HTTP proxy too (`HTTP_PROXY=keys.url`):
a request for an absolute URL (`GET http://login.botframework.com/…`) is answered by its path,
and `requests` keeps the URL as asked. It runs in its own thread so that a bot blocking its event
loop on a request still gets an answer, late.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

KEY_ID = "fake-signing-key"
MAX_HOLD_SECONDS = 5.0


def new_key() -> rsa.RSAPrivateKey:
    """A fresh RSA key to sign tokens with."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeOpenIdMetadata:
    """The fake server; see the module docstring."""

    def __init__(self) -> None:
        self.key = new_key()
        self.requests: list[str] = []
        self._open = threading.Event()
        self._open.set()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        """The base URL to set as MICROSOFT_OPENID_URL."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def hold(self) -> None:
        """Make requests wait until `release()`."""
        self._open.clear()

    def release(self) -> None:
        """Answer the waiting requests and those to come."""
        self._open.set()

    def token(self, claims: dict[str, Any], key: rsa.RSAPrivateKey | None = None) -> str:
        """`claims` as a JWT with the published key's id, signed with `key` (default: it)."""
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": KEY_ID})

    def __enter__(self) -> FakeOpenIdMetadata:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()

    def _document(self, path: str) -> dict[str, Any] | None:
        if path == "/v1/.well-known/openidconfiguration":
            return {"issuer": "https://api.botframework.com", "jwks_uri": f"{self.url}keys"}
        if path == "/keys":
            jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
            return {"keys": [{**jwk, "kid": KEY_ID, "use": "sig", "endorsements": ["msteams"]}]}
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake.requests.append(self.path)
                fake._open.wait(MAX_HOLD_SECONDS)
                document = fake._document(urlsplit(self.path).path)
                body = json.dumps(document or {"error": "not found"}).encode()
                try:
                    self.send_response(200 if document else 404)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot gave up waiting on a held answer, as the test meant it to

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: tests read `requests` instead."""

        return Handler
