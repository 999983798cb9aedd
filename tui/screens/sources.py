"""Sources & checks: the metadata in full, whether the figures add up, and the source's claims tested."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.data.catalog import Related, UnknownDataset
from tui.data.errors import DatasetError
from tui.data.formatting import provenance_lines
from tui.data.model import Check, ClaimResult, Definition, Provenance, Source
from tui.data.views import TableView, checks_table, claims_table, related_table
from tui.screens.base import FoiScreen
from tui.widgets import FigureTable
from tui.widgets.label_table import label_table
from tui.widgets.reading_scroll import ReadingScroll
from tui.widgets.report_view import ReportView
from tui.widgets.url_text import url_text

STATUS_STYLE = {
    "holds": "bold green",
    "supported": "bold green",
    "does not hold": "bold red reverse",
    "contradicted": "bold red reverse",
    "cannot be checked": "bold yellow",
    "not checkable": "bold yellow",
}


@dataclass(frozen=True)
class SourcesData:
    """What the sources screen shows."""

    provenance: Provenance
    checks: tuple[Check, ...]
    claims: tuple[ClaimResult, ...]
    definitions: tuple[Definition, ...]
    tables: tuple[TableView, TableView, TableView]
    related: tuple[Related, ...] = ()
    """Other datasets on the same force over an overlapping period."""
    related_note: str = ""
    """Why the other datasets could not be listed, if they could not."""


class SourcesScreen(FoiScreen[SourcesData]):
    """Readable report first (``t``: the same checks and claims as sortable tables)."""

    BINDINGS = [
        Binding("t", "toggle_view", "Report/table", tooltip="Switch between the readable report and sortable tables"),
    ]

    def compose_chart(self) -> ComposeResult:
        """The readable report: provenance, checks, claims."""
        with ReadingScroll(id="report"):
            yield ReportView(id="sources-text")

    def compose_table(self) -> ComposeResult:
        """Checks and claims as tables."""
        with VerticalScroll(id="sources-tables", can_focus=False):
            yield Static("Do the figures add up?", classes="section-title")
            yield FigureTable(id="checks-table")
            yield Static("The source's claims, tested", classes="section-title")
            yield FigureTable(id="claims-table")
            yield Static("Other datasets on this force and period", classes="section-title")
            yield FigureTable(id="related-table")
            yield Static("", id="related-note", classes="table-note", markup=False)

    def gather(self) -> SourcesData:
        """Ask the service for provenance, checks and claims, and the catalog for related datasets."""
        related, note = self._related()
        return SourcesData(
            self.service.provenance,
            self.service.checks,
            self.service.claims,
            self.service.definitions,
            (checks_table(self.service), claims_table(self.service), related_table(related)),
            related,
            note,
        )

    def _related(self) -> tuple[tuple[Related, ...], str]:
        host = self.host
        if host is None:
            return (), "No catalog of other datasets here."
        try:
            related = host.catalog.related(host.dataset_name)
        except (UnknownDataset, DatasetError) as exc:
            return (), f"Other datasets cannot be listed: {exc}"
        if related:
            return related, ""
        entry = host.catalog.get(host.dataset_name)
        if not (entry.forces or entry.national):
            return (), "This dataset states no force, so none can be matched to it; c compares it with any other."
        return (), "No other dataset covers this force over an overlapping period."

    def show(self, data: SourcesData) -> None:
        """Fill the report and the tables."""
        self.query_one("#sources-text", ReportView).show(_report(data))
        self.query_one("#checks-table", FigureTable).show(data.tables[0])
        self.query_one("#claims-table", FigureTable).show(data.tables[1])
        self.query_one("#related-table", FigureTable).show(data.tables[2])
        self.query_one("#related-note", Static).update(data.related_note or data.tables[2].note)


def _verdict_summary(data: SourcesData) -> Text:
    """Two lines counting the verdicts, so the contradictions show before any scrolling."""

    def tally(statuses: list[str]) -> str:
        return " · ".join(f"{status} {statuses.count(status)}" for status in dict.fromkeys(statuses)) or "none"

    others = ", ".join(r.entry.name for r in data.related)
    return Text.assemble(
        ("Checks  ", "bold"),
        tally([c.status for c in data.checks]),
        ("\nClaims  ", "bold"),
        tally([c.status for c in data.claims]),
        *((("\nAlso on this force and period  ", "bold"), f"{others} (how they differ: after the caveats; c compares)")
          if others else ()),
        ("\nScroll with the arrows or j/k; t shows the same as tables; source and caveats below.", "dim"),
    )


def _status(status: str) -> Text:
    return Text(f" {status} ", style=STATUS_STYLE.get(status, "bold"))


def _source_lines(source: Source) -> tuple[Text, Text]:
    """A source's citation, then its URL whole on a line of its own (a link)."""
    cited = f"{source.title} ({source.publisher}, {source.published})"
    return Text.assemble(("Source ", "bold"), cited), url_text(source.url)


def _report(data: SourcesData) -> Group:
    meta = Group(
        label_table((label, value) for label, value in provenance_lines(data.provenance) if label != "Source"),
        *(part for source in data.provenance.sources for part in _source_lines(source)),
    )
    caveats = Text("\n".join(f"- {c}" for c in data.provenance.caveats))
    terms = label_table((d.term, d.meaning) for d in data.definitions)

    checks = Table(box=None, show_header=False, padding=(0, 1), expand=True)
    checks.add_column("status", no_wrap=True)
    checks.add_column("check", ratio=1)
    for check in data.checks:
        checks.add_row(_status(check.status), Text.assemble((check.title, "bold"), "\n", check.detail))

    claims = Table(box=None, show_header=False, padding=(0, 1), expand=True)
    claims.add_column("status", no_wrap=True)
    claims.add_column("claim", ratio=1)
    for claim in data.claims:
        claims.add_row(
            _status(claim.status),
            Text.assemble(
                (f"{claim.id} {claim.claim}", "bold"),
                "\n",
                f"computed: {claim.computed}",
                "\n",
                (f"where: {claim.location}", "dim"),
            ),
        )
    return Group(
        _verdict_summary(data),
        Text("\nDo the figures add up?", style="bold underline"),
        checks,
        Text("\nThe source's claims, tested (paraphrased)", style="bold underline"),
        claims,
        Text("\nSource", style="bold underline"),
        meta,
        Text("\nCaveats", style="bold underline"),
        caveats,
        *((Text("\nOther datasets on this force and period", style="bold underline"), _related(data))
          if data.related else ()),
        Text("\nWhat the terms mean", style="bold underline"),
        terms,
    )


def _related(data: SourcesData) -> Table:
    """Each other dataset on the same force and period: what it is, and how its period and unit differ."""
    table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
    table.add_column("dataset", ratio=1)
    for related in data.related:
        entry = related.entry
        table.add_row(
            Text.assemble(
                (entry.name, "bold"),
                f" · {entry.publisher} · {entry.title}\n",
                ("how: ", "dim"),
                f"{related.relation}\n",
                ("period: ", "dim"),
                f"{related.period}\n",
                ("unit: ", "dim"),
                related.unit,
            )
        )
    return table
