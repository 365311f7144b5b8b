"""A tiny real HTTP peer on loopback that misbehaves on purpose (for transport-failure tests)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def misbehaving_server(reply: bytes | None) -> Iterator[str]:
    """Serve ``reply`` (raw bytes) to every request; ``None`` reads the request and never answers.

    Yields the endpoint URL. Every connection is closed when the block ends.
    """
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    stop = threading.Event()
    connections: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            connections.append(connection)
            connection.recv(65536)
            if reply is not None:
                connection.sendall(reply)
                connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1/graphql"
    finally:
        stop.set()
        thread.join(timeout=2)
        for connection in connections:
            connection.close()
        listener.close()


def closed_port_endpoint() -> str:
    """An endpoint on a loopback port nothing listens on."""
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/v1/graphql"


def http_response(status: str, body: bytes, content_type: str = "application/json") -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body
