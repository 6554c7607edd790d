"""Bytes to text: size and binary checks, then encoding detection."""

from __future__ import annotations

import charset_normalizer

from newsprobe.errors import Errors, InputError

# Leading bytes of common non-text files, so the error can name what the file really is.
_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive or Office document",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
}
_SNIFF_BYTES = 8192
# Legacy encodings news sites still serve; limiting the detector to them avoids exotic near-misses
# (mac_cyrillic for cp1251) on short texts.
LEGACY_ENCODINGS = (
    "cp1251", "koi8_r", "koi8_u", "cp1256", "iso8859_6", "cp1252", "cp1253", "cp1254",
    "cp1255", "gb18030", "big5", "shift_jis", "euc_kr", "latin_1",
)
_TEXT_CONTROL = {9, 10, 12, 13, 27}
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"), (b"\xef\xbb\xbf", "utf-8"),
)


def check_size(size: int, limit: int, source: str) -> None:
    """Refuse input over the byte limit before reading it all."""
    if size > limit:
        raise InputError(Errors.E003, source, size=size, limit=limit)


def decode_bytes(data: bytes, source: str, limit: int) -> str:
    """Decode article bytes: UTF-8 when valid, else the encoding charset-normalizer finds most plausible."""
    check_size(len(data), limit, source)
    if not data.strip():
        raise InputError(Errors.E001, source)
    _reject_binary(data[:_SNIFF_BYTES], source)
    marked = _bom_encoding(data)
    try:
        # The BOM is dropped here so a JSON Lines file that starts with one keeps its first record.
        return data.decode(marked or "utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        # Odd-length UTF-16 or a lone surrogate: the BOM promised what the bytes break.
        if marked not in (None, "utf-8"):
            raise InputError(Errors.E004, source) from None
    best = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise InputError(Errors.E004, source)
    return str(best)


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces; UTF-32's marks first, as UTF-16's LE mark begins UTF-32's."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _reject_binary(head: bytes, source: str) -> None:
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            raise InputError(Errors.E002, source, detail=kind)
    if _bom_encoding(head) not in (None, "utf-8"):
        return
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROL)
    if b"\x00" in head or controls > len(head) * 0.05:
        raise InputError(Errors.E002, source, detail=f"{controls} control bytes in the first {len(head)}")
