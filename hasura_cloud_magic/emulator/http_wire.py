"""Just enough HTTP/1.1 framing for the fault proxy: read whole messages, write canned ones.

Messages are kept as raw bytes (forwarded unchanged); only the start line and the framing
headers (``Content-Length``, ``Transfer-Encoding: chunked``, ``Connection``) are interpreted.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

_HEAD_END = b"\r\n\r\n"
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
#: Added by the proxy to every request from a peer that is not loopback (see proxy.py).
REMOTE_PEER_HEADER = "x-emulator-remote-peer"
_REASONS = {
    200: "OK",
    413: "Payload Too Large",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


class FramingError(Exception):
    """A message the proxy cannot frame; the connection is closed."""


class TooLarge(FramingError):
    """A request body over the limit: answered 413, then the connection is closed."""


@dataclass(frozen=True)
class Message:
    start_line: str
    headers: dict[str, str]  # lower-case names; the last value wins
    head: bytes  # start line and headers, up to and including the blank line
    body: bytes  # as received (still chunk-encoded if it was)

    @property
    def informational(self) -> bool:
        """A 1xx response: a final one follows."""
        return _status(self.start_line).startswith("1")

    @property
    def raw(self) -> bytes:
        return self.head + self.body

    @property
    def wants_close(self) -> bool:
        connection = self.headers.get("connection", "").lower()
        if "close" in connection:
            return True
        return self.start_line.endswith("HTTP/1.0") and "keep-alive" not in connection


async def read_message(
    reader: asyncio.StreamReader,
    *,
    response_to: str | None = None,
    send_continue: Callable[[], None] | None = None,
    max_body: int | None = None,
) -> Message | None:
    """The next whole message, or None if the peer closed before sending anything.

    ``response_to``: the request method when reading a response (a HEAD response has no body).
    ``send_continue``: called before reading the body of a request that expects
    ``100-continue`` (curl does for bodies over 1 KiB, and would otherwise wait a second).
    ``max_body``: refuse (TooLarge) a body over this many bytes before reading it.
    """
    try:
        head = await reader.readuntil(_HEAD_END)
    except asyncio.IncompleteReadError as error:
        if not error.partial.strip():
            return None
        raise FramingError("the peer closed in the middle of a message head") from error
    except asyncio.LimitOverrunError as error:
        raise FramingError("message head too large") from error
    lines = head[: -len(_HEAD_END)].decode("latin-1").split("\r\n")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep:
            raise FramingError(f"malformed header line {line!r}")
        headers[name.strip().lower()] = value.strip()
    start_line = lines[0]
    length = headers.get("content-length", "")
    if max_body is not None and length.isdigit() and int(length) > max_body:
        raise TooLarge(f"a body of {length} bytes; the limit is {max_body}")
    if send_continue is not None and headers.get("expect", "").lower() == "100-continue":
        send_continue()
    body = await _read_body(reader, start_line, headers, response_to, max_body)
    return Message(start_line, headers, head, body)


async def _read_body(
    reader: asyncio.StreamReader,
    start_line: str,
    headers: dict[str, str],
    response_to: str | None,
    max_body: int | None,
) -> bytes:
    if response_to is not None and _bodiless_response(start_line, response_to):
        return b""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        return await _read_chunked(reader, max_body)
    length = headers.get("content-length")
    if length is not None:
        if not length.isdigit():
            raise FramingError(f"bad Content-Length {length!r}")
        return await reader.readexactly(int(length))
    # A request without a length has no body; a response without one runs to the close.
    return b"" if response_to is None else await reader.read()


def _status(start_line: str) -> str:
    parts = start_line.split(" ", 2)
    return parts[1] if len(parts) > 1 else ""


def _bodiless_response(start_line: str, method: str) -> bool:
    status = _status(start_line)
    return method == "HEAD" or status.startswith("1") or status in ("204", "304")


async def _read_chunked(reader: asyncio.StreamReader, max_body: int | None) -> bytes:
    parts: list[bytes] = []
    received = 0
    while True:
        size_line = await reader.readuntil(b"\r\n")
        parts.append(size_line)
        size_text = size_line.split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise FramingError(f"bad chunk size {size_text!r}") from None
        if size == 0:
            break
        received += size
        if max_body is not None and received > max_body:
            raise TooLarge(f"a chunked body over {max_body} bytes")
        parts.append(await reader.readexactly(size + 2))
    while True:  # trailers, up to the blank line
        line = await reader.readuntil(b"\r\n")
        parts.append(line)
        if line == b"\r\n":
            return b"".join(parts)


def with_header(message: Message, name: str, value: str) -> Message:
    """``message`` with one more header line (added last; earlier ones are kept)."""
    line = f"{name}: {value}\r\n".encode("latin-1")
    head = message.head[: -len(b"\r\n")] + line + b"\r\n"
    return Message(message.start_line, {**message.headers, name.lower(): value}, head, message.body)


def request_method(request: Message) -> str:
    return request.start_line.split(" ", 1)[0].upper()


def response_bytes(status: int, content_type: str, body: bytes) -> bytes:
    """A complete keep-alive HTTP/1.1 response."""
    head = (
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
        f"content-type: {content_type}\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def truncated_response(response: Message) -> bytes:
    """``response`` declaring its full ``Content-Length`` but carrying only half its body."""
    body = _dechunk(response.body) if "transfer-encoding" in response.headers else response.body
    lines = [response.start_line]
    for line in response.head.decode("latin-1").split("\r\n")[1:]:
        name = line.partition(":")[0].strip().lower()
        if line and name not in ("content-length", "transfer-encoding", "connection"):
            lines.append(line)
    lines += [f"content-length: {len(body)}", "connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1") + body[: len(body) // 2]


def _dechunk(raw: bytes) -> bytes:
    body, rest = b"", raw
    while True:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";", 1)[0].strip(), 16)
        if size == 0:
            return body
        body, rest = body + rest[:size], rest[size + 2 :]
