"""Content-addressed file storage: bytes on disk under their sha256, a row in stored_files.

Validation (type by content, size limits, EXIF stripping) happens before ``put`` in the upload service;
this layer only guarantees that a stored file is never duplicated or overwritten.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.store.db import Database
from app.store.tables import StoredFileRow


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    mime: str
    kind: str
    size_bytes: int
    path: Path


class FileStore:
    def __init__(self, db: Database, root: Path) -> None:
        self._db = db
        self._root = root

    def _relative_path(self, sha256: str, suffix: str) -> str:
        return f"{sha256[:2]}/{sha256}{suffix}"

    def put(self, data: bytes, *, mime: str, kind: str, suffix: str = "") -> StoredFile:
        sha256 = hashlib.sha256(data).hexdigest()
        relative = self._relative_path(sha256, suffix)
        target = self._root / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # Write to a temp file and rename so a crash never leaves a half file under a valid hash.
            fd, tmp = tempfile.mkstemp(dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        with self._db.session() as session:
            row = session.get(StoredFileRow, sha256)
            if row is None:
                session.add(
                    StoredFileRow(sha256=sha256, mime=mime, kind=kind, size_bytes=len(data), relative_path=relative)
                )
            else:
                relative = row.relative_path
        return StoredFile(sha256=sha256, mime=mime, kind=kind, size_bytes=len(data), path=self._root / relative)

    def get(self, sha256: str) -> StoredFile | None:
        with self._db.session() as session:
            row = session.get(StoredFileRow, sha256)
            if row is None:
                return None
            return StoredFile(
                sha256=row.sha256,
                mime=row.mime,
                kind=row.kind,
                size_bytes=row.size_bytes,
                path=self._root / row.relative_path,
            )
