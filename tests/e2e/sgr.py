"""Read the SGR (``CSI ... m``) sequences in a terminal byte stream and find the colour ones."""

from __future__ import annotations

import re

CSI = re.compile(rb"\x1b\[([0-?]*)([ -/]*)([@-~])")
"""A control sequence: parameter bytes, intermediate bytes, final byte (ECMA-48)."""

BASIC_COLOURS = {*range(30, 38), *range(40, 48), *range(90, 98), *range(100, 108)}


def sgr_parameters(raw: bytes) -> list[list[str]]:
    """The parameters of every SGR sequence, each a list of parameters (``38:2:...`` kept whole)."""
    found = []
    for params, intermediate, final in CSI.findall(raw):
        if final != b"m" or intermediate or params[:1] in (b"<", b">", b"?", b"="):
            continue
        found.append(params.decode().split(";") if params else ["0"])
    return found


def colour_codes(raw: bytes) -> list[str]:
    """Every colour-setting code: 30-37, 40-47, 90-97, 100-107, and 38/48 with their arguments."""
    codes = []
    for params in sgr_parameters(raw):
        index = 0
        while index < len(params):
            param = params[index]
            head = param.split(":")[0]
            if head in ("38", "48"):
                if ":" in param:  # 38:5:n or 38:2::r:g:b, one parameter
                    codes.append(param)
                else:  # 38;5;n or 38;2;r;g;b
                    kind = params[index + 1] if index + 1 < len(params) else ""
                    width = {"5": 2, "2": 4}.get(kind, 1)
                    codes.append(";".join(params[index : index + 1 + width]))
                    index += width
            elif head.isdigit() and int(head) in BASIC_COLOURS:
                codes.append(param)
            index += 1
    return codes


def extended_colour_codes(raw: bytes) -> list[str]:
    """The 256-colour and truecolor codes (38;5 / 38;2 / 48;5 / 48;2, either separator)."""
    return [code for code in colour_codes(raw) if re.split(r"[:;]", code)[0] in ("38", "48")]
