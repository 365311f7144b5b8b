"""The socket clients connect to: an asyncio HTTP/1.1 proxy in front of uvicorn that injects faults.

ASGI cannot drop a connection without answering, so faults live here, where the sockets are.
Each client connection gets its own upstream connection to uvicorn (on loopback); requests are
framed, checked against the ``FaultRegistry`` and forwarded unchanged. Without armed faults the
only work per request is framing and copying bytes.

It also bounds what strangers can make it hold, before any request reaches the API: a body
over ``MAX_BODY_BYTES`` is answered 413; a request not received within ``REQUEST_SECONDS``
(or a keep-alive connection idle that long) is closed; past ``MAX_CONNECTIONS`` a new
connection makes room by closing the one idle longest.

uvicorn only ever sees the proxy as its peer, so every request from a peer that is not loopback
gets a ``REMOTE_PEER_HEADER`` line added here: the admin route refuses such requests. A client
can send that header itself, but cannot remove the one the proxy adds.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import socket
import struct
import time
import uuid

from .errors import GENERIC_SERVER_ERROR, GENERIC_SERVER_MESSAGE
from .faults import FaultKind, FaultRegistry
from .http_wire import (
    CONTINUE,
    REMOTE_PEER_HEADER,
    FramingError,
    Message,
    TooLarge,
    read_message,
    request_method,
    response_bytes,
    truncated_response,
    with_header,
)

_NOT_PROCESSED_STATUS = {FaultKind.HTTP500: 500, FaultKind.HTTP502: 502, FaultKind.HTTP503: 503}
#: The limits on what a client can make the emulator hold (see the module docstring).
MAX_BODY_BYTES = 1024 * 1024
REQUEST_SECONDS = 30.0
MAX_CONNECTIONS = 256
TOO_LARGE_BODY = json.dumps(
    {"errors": [{"extensions": {"code": "bad-request"}, "message": "request body too large"}]}
).encode()
NOT_JSON_BODY = b"<html><body><p>not JSON (fault injected by the emulator)</p></body></html>"


def _error_page(status: int) -> bytes:
    page = f"<html><body><h1>{status}</h1><p>fault injected by the emulator</p></body></html>"
    return page.encode()


def _generic_server_error() -> bytes:
    error = {
        "errors": [
            {
                "extensions": {"code": GENERIC_SERVER_ERROR, "id": str(uuid.uuid4())},
                "message": GENERIC_SERVER_MESSAGE,
            }
        ]
    }
    return json.dumps(error, separators=(",", ":")).encode()


def is_loopback(peer: object) -> bool:
    """Whether a ``peername`` is this machine (IPv4-mapped IPv6 included); unknown is not."""
    if not isinstance(peer, tuple) or not peer or not isinstance(peer[0], str):
        return False
    try:
        address = ipaddress.ip_address(peer[0].partition("%")[0])
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return bool(address.is_loopback or (mapped is not None and mapped.is_loopback))


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with SO_LINGER 0: the kernel sends RST instead of FIN, dropping anything unsent."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class _Upstream:
    """One keep-alive connection to uvicorn, opened on first use and reopened if it closed."""

    def __init__(self, address: tuple[str, int]) -> None:
        self._address = address
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def exchange(self, request: Message) -> Message | None:
        if self._reader is None or self._writer is None or self._reader.at_eof():
            self.close()
            self._reader, self._writer = await asyncio.open_connection(*self._address)
        self._writer.write(request.raw)
        method = request_method(request)
        response = await read_message(self._reader, response_to=method)
        while response is not None and response.informational:
            # The client already had its 100 Continue from the proxy.
            response = await read_message(self._reader, response_to=method)
        if response is None or response.wants_close:
            self.close()
        return response

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None


class FaultProxy:
    """Accepts clients on a listening socket and relays to uvicorn at ``upstream``."""

    def __init__(self, faults: FaultRegistry, upstream: tuple[str, int]) -> None:
        self._faults = faults
        self._upstream = upstream
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()
        #: Connections waiting for their next request, and since when (monotonic seconds).
        self._idle_since: dict[asyncio.Task[None], float] = {}

    async def start(self, sock: socket.socket) -> None:
        self._server = await asyncio.start_server(self._serve_connection, sock=sock)

    async def close(self) -> None:
        """Stop accepting, end every connection (hanging faults included) and wait for them."""
        if self._server is not None:
            self._server.close()
        for task in list(self._connections):
            task.cancel()
        if self._connections:
            await asyncio.gather(*self._connections, return_exceptions=True)

    async def _serve_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        assert task is not None
        if not self._make_room():
            writer.close()
            return
        self._connections.add(task)
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        upstream = _Upstream(self._upstream)
        remote = not is_loopback(writer.get_extra_info("peername"))
        try:
            while await self._serve_request(reader, writer, upstream, remote):
                pass
        except TooLarge:
            writer.write(response_bytes(413, "application/json", TOO_LARGE_BODY))
            with contextlib.suppress(ConnectionError):
                await writer.drain()
        except (ConnectionError, FramingError, asyncio.IncompleteReadError, asyncio.TimeoutError):
            pass  # A peer went away, was too slow or spoke something we cannot frame.
        except asyncio.CancelledError:
            # Only close() cancels; ending normally keeps asyncio's stream callback quiet.
            pass
        finally:
            upstream.close()
            if not writer.transport.is_closing():
                writer.close()
            self._connections.discard(task)
            self._idle_since.pop(task, None)

    def _make_room(self) -> bool:
        """Whether a new connection may be served: under the bound, or after closing the
        connection that has been waiting longest for a request."""
        if len(self._connections) < MAX_CONNECTIONS:
            return True
        if not self._idle_since:
            return False
        oldest = min(self._idle_since, key=self._idle_since.__getitem__)
        del self._idle_since[oldest]
        oldest.cancel()
        return True

    async def _next_request(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> Message | None:
        """The next request, read within REQUEST_SECONDS (idle time included)."""
        task = asyncio.current_task()
        assert task is not None
        self._idle_since[task] = time.monotonic()
        try:
            return await asyncio.wait_for(
                read_message(
                    reader,
                    send_continue=lambda: writer.write(CONTINUE),
                    max_body=MAX_BODY_BYTES,
                ),
                REQUEST_SECONDS,
            )
        finally:
            self._idle_since.pop(task, None)

    async def _serve_request(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        upstream: _Upstream,
        remote: bool,
    ) -> bool:
        """Serve one request; returns whether the connection stays open."""
        request = await self._next_request(reader, writer)
        if request is None:
            return False
        if remote:
            request = with_header(request, REMOTE_PEER_HEADER, "1")
        plan = self._faults.plan(request.body)
        if plan.latency:
            await asyncio.sleep(plan.latency)
        kind = None if plan.fault is None else plan.fault.kind
        seconds = 0.0 if plan.fault is None else plan.fault.seconds
        if kind in _NOT_PROCESSED_STATUS:
            status = _NOT_PROCESSED_STATUS[kind]
            writer.write(response_bytes(status, "text/html", _error_page(status)))
            return await self._drained(writer, request)
        if kind is FaultKind.GRAPHQL_ERROR:
            writer.write(response_bytes(200, "application/json", _generic_server_error()))
            return await self._drained(writer, request)
        if kind is FaultKind.RESET_BEFORE:
            _reset(writer)
            return False
        if kind is FaultKind.TIMEOUT:
            await asyncio.sleep(seconds)
            return False
        response = await upstream.exchange(request)
        if response is None:
            return False  # uvicorn closed without answering: so does the proxy.
        if kind is FaultKind.RESET_AFTER:
            _reset(writer)
            return False
        if kind is FaultKind.TIMEOUT_AFTER:
            await asyncio.sleep(seconds)
            return False
        if kind is FaultKind.TRUNCATED:
            writer.write(truncated_response(response))
            await writer.drain()
            return False
        if kind is FaultKind.NOT_JSON:
            writer.write(response_bytes(200, "text/html", NOT_JSON_BODY))
        else:
            writer.write(response.raw)
        return await self._drained(writer, request) and not response.wants_close

    @staticmethod
    async def _drained(writer: asyncio.StreamWriter, request: Message) -> bool:
        await writer.drain()
        return not request.wants_close
