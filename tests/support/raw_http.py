"""A tiny real HTTP peer on loopback that misbehaves on purpose (for transport-failure tests)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class ScriptedServer:
    endpoint: str
    requests: list[bytes] = field(default_factory=list)


@contextmanager
def scripted_server(replies: Sequence[bytes | None]) -> Iterator[ScriptedServer]:
    """Answer the n-th request with ``replies[n]`` (the last one repeats).

    A reply is raw bytes; ``None`` reads the request and never answers. Every connection is
    closed when the block ends.
    """
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    stop = threading.Event()
    connections: list[socket.socket] = []
    served = ScriptedServer(f"http://127.0.0.1:{listener.getsockname()[1]}/v1/graphql")

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            connections.append(connection)
            served.requests.append(connection.recv(65536))
            reply = replies[min(len(served.requests), len(replies)) - 1]
            if reply is not None:
                connection.sendall(reply)
                connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        stop.set()
        thread.join(timeout=2)
        for connection in connections:
            connection.close()
        listener.close()


@contextmanager
def misbehaving_server(reply: bytes | None) -> Iterator[str]:
    """Serve ``reply`` to every request (``None``: never answer); yields the endpoint URL."""
    with scripted_server([reply]) as served:
        yield served.endpoint


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
