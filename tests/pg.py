"""A real PostgreSQL server for the tests: Debian's binaries, initdb into a temporary folder, 127.0.0.1 only.

As root (CI), initdb and postgres refuse to run, so they run as the `postgres` user (or `nobody`) via runuser.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/N/bin holding initdb, or the folder of initdb on PATH."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_user() -> tuple[list[str], str | None]:
    """The prefix that runs a command unprivileged, and that user's name (None when we are not root)."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], name
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


class PostgresServer:
    """initdb + postgres on a free port; `url(name)` creates databases on demand."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.prefix, user = _as_user()
        self.root = Path(tempfile.mkdtemp(prefix="newsprobe-pg-"))
        if user:
            record = pwd.getpwnam(user)
            os.chown(self.root, record.pw_uid, record.pw_gid)
        self.data = self.root / "data"
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.count = 0

    def _run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True, cwd=self.root)

    def start(self) -> None:
        self._run(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", "newsprobe", "--auth=trust",
                  "-E", "UTF8", "--locale=C")
        log = open(self.root / "server.log", "wb")  # noqa: SIM115 (kept open while the server runs)
        self.process = subprocess.Popen(
            [*self.prefix, str(self.bin_dir / "postgres"), "-D", str(self.data), "-p", str(self.port),
             "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.root}",
             "-c", "fsync=off", "-c", "max_connections=200"], stdout=log, stderr=subprocess.STDOUT, cwd=self.root)
        self._wait_ready()

    def _wait_ready(self, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            ready = subprocess.run([str(self.bin_dir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                                   capture_output=True, check=False)
            if ready.returncode == 0:
                return
            if self.process is not None and self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError(f"PostgreSQL did not start: {(self.root / 'server.log').read_text()[-2000:]}")

    def url(self, name: str | None = None) -> str:
        """A new, empty database's URL."""
        self.count += 1
        name = name or f"test_{self.count}"
        subprocess.run([str(self.bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "newsprobe",
                        name], check=True, capture_output=True)
        return f"postgresql://newsprobe@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
        shutil.rmtree(self.root, ignore_errors=True)


def start_or_skip() -> PostgresServer:
    """A running server; skip when the binaries are missing, except in CI where that is a failure."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL binaries (initdb) are missing in CI: install Debian's postgresql package")
        pytest.skip("PostgreSQL binaries (initdb) are not installed: apt-get install postgresql")
    server = PostgresServer(bin_dir)
    server.start()
    return server
