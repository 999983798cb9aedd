"""The input guard reaches into Textual: these fail if Textual stops reading the patched attribute."""

from __future__ import annotations

import inspect

from textual.drivers import linux_driver, web_driver

from tui.terminal.input_decoder import SafeInputDecoder
from tui.terminal.textual_private import use_safe_input_decoder


def test_textual_drivers_build_their_decoder_from_the_module_global_getincrementaldecoder() -> None:
    for driver in (linux_driver.LinuxDriver, web_driver.WebDriver):
        source = inspect.getsource(driver.run_input_thread)
        assert 'getincrementaldecoder("utf-8")()' in source, driver


def test_the_guard_replaces_getincrementaldecoder_in_both_driver_modules() -> None:
    use_safe_input_decoder()
    for module in (linux_driver, web_driver):
        decoder = module.getincrementaldecoder("utf-8")()
        assert isinstance(decoder, SafeInputDecoder)
        assert decoder.decode(b"\xff") == "\ufffd"
