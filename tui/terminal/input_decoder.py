"""Terminal input, decoded so that no byte sequence can crash the app or act as keys from a paste.

- Bytes that are not UTF-8 (a Latin-1 ``é``, a stray ``\\xff``, the column byte of an old X10
  mouse report beyond column 95) become U+FFFD instead of raising UnicodeDecodeError.
- Inside a bracketed paste (``ESC [ 200 ~`` ... ``ESC [ 201 ~``) every ESC is dropped, so pasted
  text reaches the app as text: ``ESC q`` in a paste is the letters, never alt+q or escape, q.

Pure Python, no Textual: the driver's input thread uses it in place of the UTF-8 decoder.
"""

from __future__ import annotations

import codecs

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class SafeInputDecoder:
    """An incremental decoder (same ``decode(data, final)`` as :mod:`codecs`') for terminal input."""

    def __init__(self, errors: str = "replace") -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.in_paste = False
        """Between a paste's start and end markers."""
        self._start_matched = 0
        self._end_candidate = ""

    def decode(self, data: bytes, final: bool = False) -> str:
        """Decode the next bytes; never raises for any input."""
        return self._guard_pastes(self._utf8.decode(data, final))

    def _guard_pastes(self, text: str) -> str:
        if not self.in_paste and ESC not in text and not self._start_matched:
            return text
        out: list[str] = []
        for char in text:
            if self.in_paste:
                self._in_paste_char(char, out)
            else:
                out.append(char)
                self._track_start(char)
        return "".join(out)

    def _track_start(self, char: str) -> None:
        if char == PASTE_START[self._start_matched]:
            self._start_matched += 1
        else:
            self._start_matched = 1 if char == ESC else 0
        if self._start_matched == len(PASTE_START):
            self._start_matched = 0
            self.in_paste = True

    def _in_paste_char(self, char: str, out: list[str]) -> None:
        if self._end_candidate or char == ESC:
            candidate = self._end_candidate + char
            if PASTE_END.startswith(candidate):
                if candidate == PASTE_END:
                    out.append(PASTE_END)
                    self._end_candidate = ""
                    self.in_paste = False
                else:
                    self._end_candidate = candidate
                return
            # Not the end marker: its ESC is dropped, what followed stays pasted text.
            rest = candidate[1:]
            if char == ESC:  # perhaps the start of the real end marker
                out.append(rest[:-1])
                self._end_candidate = ESC
            else:
                out.append(rest)
                self._end_candidate = ""
            return
        out.append(char)

    def reset(self) -> None:
        """Forget any partial input."""
        self.__init__()  # type: ignore[misc]

    def getstate(self) -> tuple[bytes, int]:
        """The UTF-8 decoder's state (for the :mod:`codecs` interface)."""
        return self._utf8.getstate()

    def setstate(self, state: tuple[bytes, int]) -> None:
        """Restore the UTF-8 decoder's state."""
        self._utf8.setstate(state)


def safe_incremental_decoder(encoding: str = "utf-8") -> type[SafeInputDecoder]:
    """A stand-in for :func:`codecs.getincrementaldecoder` in Textual's drivers (the input is UTF-8)."""
    return SafeInputDecoder
