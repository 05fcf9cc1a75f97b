"""Serving a reference app on loopback for the fidelity test.

The app listens on a port the kernel chooses and announces it on standard output as
``LISTENING <port>``, so the test never races another process for a port. It exits when its
standard input closes: a test JVM that dies takes its reference apps with it.
"""

import os
import socket
import sys
import threading

import uvicorn


def _exit_when_stdin_closes() -> None:
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)


def serve(app, host: str = "127.0.0.1") -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    sock.listen(128)
    threading.Thread(target=_exit_when_stdin_closes, name="stdin-watch", daemon=True).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    # Announced once the socket listens: connections queue until uvicorn accepts them.
    print(f"LISTENING {sock.getsockname()[1]}", flush=True)
    server.run(sockets=[sock])
