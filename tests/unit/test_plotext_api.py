"""Every plotext call the charts make works on the pinned plotext (guards against version drift)."""

from __future__ import annotations

from textual_plotext.plot import Plot


def test_plot_calls_used_by_the_charts() -> None:
    plot = Plot()
    plot.plotsize(60, 10)
    plot.title("t")
    plot.bar([1], [5], color="cyan", marker="sd", width=0.5)
    plot.bar([2], [3], orientation="horizontal", color="magenta", marker="#", width=0.1)
    plot.text("5", 1, 5, alignment="center", style="bold", color="default", background="default")
    plot.text("3", 3, 2, alignment="left", style="bold", color=(224, 224, 224), background=(30, 30, 30))
    plot.xlabel("* worked out here")
    plot.yaxes(False, False)
    plot.xaxes(False, False)
    plot.xticks([1, 2], ["a", "b"])
    plot.yticks([])
    plot.xlim(0, 3)
    plot.ylim(0, 6)
    plot.theme("clear")
    out = plot.build()
    assert "a" in out and "b" in out
    plot.clear_figure()
