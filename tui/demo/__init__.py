"""The demo: a keyboard tour of the app read from a data file, and a recorder that makes a cast of it.

Only the UI-free tour reader is exported here; the player (Textual) and the recorder (a pty) are
imported where they are used.
"""

from tui.demo.tour import Step, Tour, TourError, default_tour_path, load_tour, parse_tour

__all__ = ["Step", "Tour", "TourError", "default_tour_path", "load_tour", "parse_tour"]
