"""Bytes to text: the encoding guessed (BOM, UTF-8, cp1252), line endings made ``\\n``, terminal escapes and control
characters removed (article text is hostile)."""

from __future__ import annotations

import codecs
import re

# C0 and C1 control characters except tab and newline, and DEL.
_CONTROL_CHARS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
# Lone UTF-16 surrogates (from JSON "\\ud800" escapes): not text, and not encodable as UTF-8.
_SURROGATE_CHARS = r"\ud800-\udfff"
_SURROGATE = re.compile(f"[{_SURROGATE_CHARS}]")
_UNWANTED = re.compile(f"[{_CONTROL_CHARS}{_SURROGATE_CHARS}]")
# Terminal escape sequences, removed whole (not just their ESC): CSI (``ESC [`` or 8-bit 0x9B, then
# parameters, intermediates, a final byte); the string sequences OSC, DCS, SOS, PM and APC (``ESC ]``,
# ``ESC P``, ``ESC X``, ``ESC ^``, ``ESC _`` or their 8-bit forms) up to BEL or ST (``ESC \`` or 0x9C),
# or to the end of the line when unterminated, so a hyperlink's visible text stays and its target
# goes; and any other ``ESC`` sequence (intermediates, a final byte).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)


def decode(data: bytes) -> str:
    """Decode article bytes: BOM first, then UTF-8, then cp1252 with Latin-1 for its holes.

    Never raises. Control characters (C0 except tab and newline, DEL, C1) are removed, line
    endings become ``\\n``.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_damaged(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_controls(text)


def _decode_damaged(data: bytes) -> str:
    """Bytes that are not valid UTF-8: mostly UTF-8 with a few bad bytes, or a legacy encoding.

    UTF-8 with a few broken bytes keeps its good characters (the bad ones become U+FFFD): at least as many
    valid multi-byte characters as broken sequences, so one stray byte beside one "£" does not turn every
    "£" into "Â£"; text in cp1252 or Latin-1 has next to no valid multi-byte UTF-8 sequences, and is
    decoded as such.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(_NON_ASCII.findall(text)) - bad
    return text if good >= bad and good > 0 else _decode_legacy(data)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _decode_legacy(data: bytes) -> str:
    """cp1252 where it defines a byte, Latin-1 where it does not (0x81, 0x8d, 0x8f, 0x90, 0x9d)."""
    return data.decode("latin-1").translate(_CP1252_FROM_LATIN1)


_CP1252_FROM_LATIN1 = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences whole, then C0 (but tab and newline), DEL and C1 control
    characters; lone surrogates become U+FFFD."""
    if _UNWANTED.search(text) is None:  # the usual case: one scan, no copy
        return text
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", _ESCAPES.sub("", text)))

