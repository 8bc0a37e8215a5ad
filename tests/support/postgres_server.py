"""A throwaway Postgres server for the postgres test tier: Debian's server binaries, `initdb` into a temp dir,
started on a free loopback port with its unix socket in that dir, one fresh database per test, stopped after.

Postgres refuses to run as root. As root (CI containers) the server runs as the `postgres` account Debian's
package creates (else `nobody`) through `runuser`, and the temp dir is handed to that account."""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg

from models.vllm_server import find_free_port

SUPERUSER = "postgres"


class PostgresUnavailable(RuntimeError):
    """The machine cannot run a Postgres server (no binaries, no account to run it as, start failed)."""


def find_bindir() -> Path:
    """The newest installed server's bin dir: Debian keeps pg_ctl in /usr/lib/postgresql/<major>/bin, off PATH."""
    candidates = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")]
    candidates.sort(key=lambda p: int(re.sub(r"\D", "", p.parent.name) or 0), reverse=True)
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "postgres").exists():
            return bindir
    raise PostgresUnavailable(
        "no Postgres server binaries (initdb, pg_ctl, postgres); install Debian's `postgresql` package "
        "(`make test` does)"
    )


def _run_as() -> str | None:
    """The account to run the server as, or None to run it as ourselves (not root)."""
    if os.geteuid() != 0:
        return None
    for name in (SUPERUSER, "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        if shutil.which("runuser") is None:
            raise PostgresUnavailable("running as root without `runuser` to start Postgres as another account")
        return name
    raise PostgresUnavailable("running as root and no `postgres` or `nobody` account to run Postgres as")


@dataclass
class PostgresServer:
    bindir: Path
    root: Path
    port: int
    account: str | None

    @classmethod
    def start_new(cls, attempts: int = 3) -> PostgresServer:
        bindir = find_bindir()
        account = _run_as()
        root = Path(tempfile.mkdtemp(prefix="mc-postgres-"))
        if account is not None:
            entry = pwd.getpwnam(account)
            os.chown(root, entry.pw_uid, entry.pw_gid)
        server = cls(bindir, root, 0, account)
        try:
            server._command("initdb", "-D", str(root / "data"), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                            "--no-locale", "--no-sync")  # fmt: skip
            last_error = ""
            for _ in range(attempts):  # another process may take the free port before the server binds it
                server.port = find_free_port()
                try:
                    server._pg_ctl("start", "-w", "-t", "60", "-l", str(root / "server.log"), "-o", server._options())
                    return server
                except PostgresUnavailable as exc:
                    last_error = str(exc)
            raise PostgresUnavailable(f"the server did not start: {last_error} {server.log_tail()}")
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise

    def _options(self) -> str:
        # Durability off: a test server that loses data on a crash is fine, and it is several times faster.
        return (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")  # fmt: skip

    def _command(self, program: str, *args: str) -> None:
        argv = [str(self.bindir / program), *args]
        if self.account is not None:
            argv = ["runuser", "-u", self.account, "--", *argv]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=self.root)
        if done.returncode != 0:
            raise PostgresUnavailable(f"{program} failed ({done.returncode}): {(done.stderr or done.stdout)[-800:]}")

    def _pg_ctl(self, *args: str) -> None:
        self._command("pg_ctl", "-D", str(self.root / "data"), *args)

    def log_tail(self) -> str:
        log = self.root / "server.log"
        return log.read_text(errors="replace")[-800:] if log.exists() else ""

    def url(self, database: str = "postgres") -> str:
        # The plain form a merchant writes in MC_DATABASE_URL; Database maps it to psycopg 3.
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True)

    def create_database(self) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        with self._admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            self._pg_ctl("stop", "-m", "fast", "-w", "-t", "60")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
