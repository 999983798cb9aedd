"""The smallest terminal the screens and pop-ups are drawn in; below it they say so instead."""

MIN_WIDTH = 80
MIN_HEIGHT = 24


def too_small_message(width: int, height: int, way_out: str) -> str:
    """Two lines: the size needed and the size there is, then what to do (``way_out``)."""
    return (
        f"Terminal too small: need {MIN_WIDTH}x{MIN_HEIGHT}, have {width}x{height}.\nMake the window larger, {way_out}."
    )
