"""Several server processes on one port, each with its own listening socket (SO_REUSEPORT).

uvicorn's own `--workers` shares one socket between processes, and the kernel then often hands every
keep-alive connection of a client to the same process: one core busy, the other idle (measured in
bench/load_api.py: 8+0 connections in most rounds). With a socket per process the kernel spreads new
connections over the processes.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _die_with_parent() -> None:
    """On Linux, ask the kernel to stop this worker when the parent dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker(host: str, port: int, log_level: str) -> None:
    import uvicorn

    _die_with_parent()
    sock = _listen(host, port)
    config = uvicorn.Config("marsad.serve.app:app_from_env", factory=True, log_level=log_level, access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


def run_workers(host: str, port: int, workers: int, log_level: str) -> None:
    """Start `workers` server processes and wait; Ctrl-C or SIGTERM stops them all."""
    if not hasattr(socket, "SO_REUSEPORT"):  # not on this platform: fall back to uvicorn's shared socket
        import uvicorn

        uvicorn.run("marsad.serve.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level=log_level)  # fmt: skip
        return
    context = multiprocessing.get_context("spawn")
    procs = [context.Process(target=_worker, args=(host, port, log_level), daemon=False) for _ in range(workers)]
    for proc in procs:
        proc.start()

    def stop(_signum: int, _frame: object) -> None:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        for proc in procs:
            proc.join()
    except KeyboardInterrupt:
        stop(signal.SIGINT, None)
        for proc in procs:
            proc.join(timeout=10)
