"""A disk cache for the generator's binary outputs (share cards, photo copies) in
<project>/.cache/generator/media/, so a rebuild re-draws and re-encodes nothing that did not
change. Keyed by the SHA-256 of the generator's version and everything the bytes are made
from; each entry carries the digest of its own bytes, so a torn or damaged entry is made again,
never trusted. GENERATOR_CACHE=off bypasses it, like the analysis cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from .cache import CACHE_DIR, enabled, generator_version


class MediaCache:
    def __init__(self, root: Path | None) -> None:
        self.folder = root / CACHE_DIR / "media" if root is not None and enabled() else None

    @staticmethod
    def key(kind: str, *parts: bytes) -> str:
        digest = hashlib.sha256(f"{generator_version()}\0{kind}".encode())
        for part in parts:
            digest.update(len(part).to_bytes(8, "big") + part)
        return digest.hexdigest()

    def _path(self, key: str) -> Path | None:
        return self.folder / key[:2] / key if self.folder is not None else None

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        check, data = raw[:32], raw[32:]
        return data if len(raw) >= 32 and hashlib.sha256(data).digest() == check else None

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if path is None:
            return
        temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(hashlib.sha256(data).digest() + data)
            os.replace(temp, path)
        except OSError:  # a cache that cannot be written is skipped
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
