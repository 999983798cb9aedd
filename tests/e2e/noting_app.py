"""The app, run with a note of what it does, in order, to a file: a script for ``python -c SCRIPT EVENTS FIGURES``.

Notes: ``package PATH`` (where ``tui`` was imported from), ``cache SCREEN`` (a screen's answers written to the
cache), ``frame, pandas imported: BOOL`` (a write to the terminal holding the text ``FIGURES``).
"""

NOTING_APP = """
import sys
import tui
import tui.cli as cli
import tui.data.answer_cache as cache

events = open(sys.argv[1], "a", encoding="utf-8")
figures = sys.argv[2]


def note(event):
    events.write(event + "\\n")
    events.flush()


note("package " + tui.__file__)
write_answers = cache.write_answers


def noting_cache_write(folder, key, screen, answers):
    note("cache " + screen)
    return write_answers(folder, key, screen, answers)


cache.write_answers = noting_cache_write
terminal_app = cli._terminal_app


def noting_terminal_app(*args, **kwargs):
    app = terminal_app(*args, **kwargs)
    from textual.drivers.linux_driver import LinuxDriver  # Textual is imported by now, as the app imports it

    write = LinuxDriver.write

    def noting_write(self, data):
        write(self, data)
        if figures in data:
            note("frame, pandas imported: " + str("pandas" in sys.modules))

    LinuxDriver.write = noting_write
    return app


cli._terminal_app = noting_terminal_app
sys.argv = ["foi-explorer"]
sys.exit(cli.main())
"""
