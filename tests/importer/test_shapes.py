"""One spreadsheet per shape, each imported and every count checked against what the file holds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.importer import files
from tui.data import DataService, load_dataset
from tui.importer import ImportOptions, import_file, parse_maps, write_package


def counts(result, dimension: str) -> dict[tuple[str, str], object]:
    """{(category, period): count or qualifier} of one dimension of an import."""
    figures = result.dataset.figures
    rows = figures[figures["dimension"] == dimension]
    return {
        (r.category, r.period): (
            int(r.count) if r.qualifier == "exact" else (r.qualifier, None if pd.isna(r.count) else int(r.count))
        )
        for r in rows.itertuples()
    }


def flat(result, dimension: str) -> dict[str, object]:
    return {category: value for (category, _), value in counts(result, dimension).items()}


@pytest.fixture
def per_case_csv(tmp_path: Path) -> Path:
    return files.write_csv(tmp_path / "cases.csv", files.PER_CASE)


def check_per_case(result) -> None:
    log = result.log
    assert (log.read, log.imported, len(log.skipped)) == (9, 6, 3)
    assert log.summary() == "9 rows: 6 imported, 3 skipped"
    assert [(s.row, s.reason.split(",")[0]) for s in log.skipped] == [
        (8, "blank row"),
        (11, "a total line"),
        (12, "a note"),
    ]
    assert flat(result, "total") == {"cases": 6}
    assert flat(result, "year") == {"2019": 1, "2019/20": 1, "2020": 2, "2021": 2}
    assert flat(result, "rank") == {"police constable": 2, "sergeant": 1, "inspector and above": 2, "not stated": 1}
    assert flat(result, "finding") == {"case to answer": 3, "no case to answer": 1, "undecided": 2}
    assert flat(result, "sanction") == {
        "written warning": 3,
        "management advice": 1,
        "final written warning": 2,
        "not stated": 3,
    }
    assert sum(flat(result, "platform").values()) == 6
    assert flat(result, "platform")["facebook"] == 2
    cases = result.dataset.cases
    assert len(cases) == 6
    assert cases["row"].tolist() == [4, 5, 6, 7, 9, 10]
    assert cases["sanction"].tolist()[0] == "2× written warning"
    assert cases["Rank (as given)"].tolist()[:2] == ["PC", "DC"]


def test_per_case_csv_with_title_blank_total_and_note_rows(per_case_csv: Path) -> None:
    result = import_file(per_case_csv)
    assert result.imported.shape == "per-case"
    check_per_case(result)
    assert any("header on row 3" in n for n in result.imported.notes)


@pytest.mark.parametrize(
    ("encoding", "delimiter", "described"),
    [("utf-8-sig", "\t", "utf-8-sig, tab"), ("cp1252", ";", "cp1252, semicolon"), ("utf-8", "|", "utf-8, bar")],
)
def test_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str, described: str) -> None:
    rows = [list(r) for r in files.PER_CASE]
    rows[5] = ["C3", "2020", "PS", "live", "", "Facebook – Café"]  # a character cp1252 and UTF-8 write differently
    path = files.write_csv(tmp_path / "cases.csv", rows, encoding=encoding, delimiter=delimiter)
    result = import_file(path)
    assert described in result.read_as
    assert flat(result, "platform")["facebook – café"] == 1
    assert result.log.summary() == "9 rows: 6 imported, 3 skipped"


def test_per_case_xlsx_with_merged_cells(tmp_path: Path) -> None:
    rows = [list(r) for r in files.PER_CASE]
    rows[4][1] = None  # C2's year is merged into C1's cell below: both 2019
    path = files.write_xlsx(tmp_path / "cases.xlsx", {"Cover": [["Response"]], "Cases": rows}, {"Cases": ["B4:B5"]})
    result = import_file(path, ImportOptions(sheet="Cases"))
    assert 'sheet "Cases"' in result.read_as
    assert flat(result, "year") == {"2019": 2, "2020": 2, "2021": 2}
    assert result.log.summary() == "9 rows: 6 imported, 3 skipped"


def test_per_case_ods(tmp_path: Path) -> None:
    path = files.write_ods(tmp_path / "cases.ods", {"Cases": files.PER_CASE})
    result = import_file(path)
    assert result.read_as.startswith("ODS")
    check_per_case(result)


def test_aggregate_with_total_row_suppressed_and_missing(tmp_path: Path) -> None:
    result = import_file(files.write_csv(tmp_path / "agg.csv", files.AGGREGATE))
    assert result.imported.shape == "aggregate"
    assert flat(result, "sanction") == {
        "written warning": 7,
        "final written warning": 4,
        "management advice": ("suppressed", None),
        "reflective practice": ("not_given", None),
        "dismissal": 1,
    }
    assert flat(result, "total") == {"total": 17}
    assert result.imported.checks == [
        "Total row: stated 17, the cells add up to 12 plus suppressed cells: cannot be checked"
    ]
    assert result.log.summary() == "6 rows: 5 imported, 1 skipped"


def test_aggregate_by_year_is_a_cross_tab(tmp_path: Path) -> None:
    result = import_file(files.write_csv(tmp_path / "agg.csv", files.AGGREGATE_BY_YEAR))
    assert result.imported.shape == "aggregate by year"
    assert counts(result, "allegation") == {
        ("discriminatory behaviour", "2018"): 1,
        ("sexual conduct", "2018"): 2,
        ("discriminatory behaviour", "2022"): 15,
        ("sexual conduct", "2022"): ("suppressed", None),
    }
    assert flat(result, "year") == {"2018": 3, "2022": ("suppressed", None)}
    info = result.dataset.metadata["dimensions"]["allegation"]
    assert info["crosstab"] == {"by": "period", "title": "year", "values": ["2018", "2022"]}


def test_wide_table_by_year_total_row_suppressed_and_several_items(tmp_path: Path) -> None:
    path = files.write_xlsx(tmp_path / "wide.xlsx", {"Sheet1": files.WIDE}, {"Sheet1": ["A1:E1"]})
    result = import_file(path)
    assert result.imported.shape == "wide"
    assert counts(result, "sanction") == {
        ("written warning", "2019"): 4,
        ("written warning", "2020"): ("suppressed", None),
        ("written warning", "2021"): 1,
        ("final written warning", "2019"): 1,
        ("final written warning", "2020"): 0,
        ("final written warning", "2021"): 2,
        ("management advice", "2020"): 3,
        ("reflective practice", "2021"): 1,
    }
    assert counts(result, "finding") == {
        ("no case to answer", "2019"): 4,
        ("no case to answer", "2020"): ("not_given", None),
        ("no case to answer", "2021"): 6,
    }
    assert flat(result, "year") == {"2019": 9, "2020": 8, "2021": 10}
    assert flat(result, "total") == {"total": 27}  # the Total row's Total column
    checks = result.imported.checks
    assert "Total row, 2019: stated 9, the cells add up to 9: holds" in checks
    assert any(c.startswith("Total row, 2020") and c.endswith("cannot be checked") for c in checks)
    assert "Total row, 2021: stated 10, the cells add up to 10: holds" in checks
    assert result.log.summary() == "5 rows: 4 imported, 1 skipped"
    assert result.log.skipped[0].row == 7


def test_cross_tab_rank_by_sanction(tmp_path: Path) -> None:
    result = import_file(files.write_csv(tmp_path / "x.csv", files.CROSSTAB))
    assert result.imported.shape == "cross-tab"
    assert flat(result, "rank") == {"police constable": 10, "sergeant": 2, "inspector and above": 2}
    assert flat(result, "sanction") == {"written warning": 6, "final written warning": 4, "management advice": 4}
    assert flat(result, "total") == {"total": 14}
    checks = result.imported.checks
    assert "Total row, WW: stated 6, the cells add up to 6: holds" in checks
    assert any(c.startswith("Total row, FWW") and c.endswith("cannot be checked") for c in checks)
    assert result.log.summary() == "4 rows: 3 imported, 1 skipped"


def test_map_names_a_column_and_extends_the_vocabulary(tmp_path: Path) -> None:
    rows = [["Ref", "Grade of officer", "Misc"], ["1", "PC", "x"], ["2", "Chief Constable", "y"], ["3", "CC", "z"]]
    path = files.write_csv(tmp_path / "m.csv", rows)
    headers, vocabulary = parse_maps(["Grade of officer=rank", "rank:CC=chief constable"])
    result = import_file(path, ImportOptions(headers=headers, vocabulary=vocabulary))
    assert flat(result, "rank") == {"police constable": 1, "chief constable": 2}
    assert result.imported.unrecognised == ["Misc"]
    assert result.imported.mapping[("rank", "CC")] == ("chief constable", "--map")


def test_written_package_loads_and_serves_the_same_figures(per_case_csv: Path, tmp_path: Path) -> None:
    result = import_file(per_case_csv, ImportOptions(title="Test force cases", publisher="Test publisher"))
    out = write_package(result, tmp_path / "out" / "test-cases")
    assert sorted(p.name for p in out.iterdir()) == [
        "cases.csv",
        "datapackage.json",
        "definitions.csv",
        "figures.csv",
        "skipped.csv",
        "vocabulary.csv",
    ]
    loaded = load_dataset(out)
    pd.testing.assert_frame_equal(loaded.figures, result.dataset.figures, check_dtype=False)
    service = DataService(loaded)
    assert service.provenance.publisher == "Test publisher"
    assert service.provenance.force == "not stated"
    assert service.provenance.foi_reference is None
    assert service.trend("year").total == 6
    vocabulary = pd.read_csv(out / "vocabulary.csv")
    assert {"PC", "DC", "Inspector +"} <= set(vocabulary["original"])
    assert len(pd.read_csv(out / "cases.csv")) == 6
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_rows_that_do_not_fit_are_skipped_with_their_row_number(tmp_path: Path) -> None:
    path = tmp_path / "messy.csv"
    path.write_text(
        "Year,Rank,Outcome\n2019,PC,live\n2020,PS,live,extra,cells\nYear,Rank,Outcome\n2021,DS,NFA\n", encoding="utf-8"
    )
    result = import_file(path)
    assert result.log.summary() == "4 rows: 2 imported, 2 skipped"
    reasons = {s.row: s.reason for s in result.log.skipped}
    assert reasons[3].startswith("cannot be split into the table's columns")
    assert reasons[4] == "the header row repeated"
    assert flat(result, "rank") == {"police constable": 1, "sergeant": 1}


def test_a_cp1252_byte_after_the_sample_still_reads(tmp_path: Path) -> None:
    rows = [["Year", "Rank", "Allegation"]] + [["2019", "PC", "Discreditable conduct"]] * 5000
    rows.append(["2020", "PS", "Caf\xe9 post"])
    path = files.write_csv(tmp_path / "late.csv", rows, encoding="cp1252")
    assert path.stat().st_size > 64 * 1024
    result = import_file(path)
    assert flat(result, "allegation")["caf\xe9 post"] == 1
    assert result.log.summary() == "5001 rows: 5001 imported, 0 skipped"


def test_text_is_kept_as_written(tmp_path: Path) -> None:
    rows = [["Case ref", "Year", "Rank"], ["007", "2019", "PC"], ["010", "2020", "PS"]]
    result = import_file(files.write_csv(tmp_path / "refs.csv", rows))
    assert result.dataset.cases["Case ref"].tolist() == ["007", "010"]
    assert flat(result, "year") == {"2019": 1, "2020": 1}


def test_control_characters_never_reach_the_dataset(tmp_path: Path) -> None:
    rows = [["Year", "Rank", "Allegation"], ["2019", "PC", "posted \x1b]52;c;aGk=\x07 memes"], ["2020", "PS", "ok"]]
    result = import_file(files.write_csv(tmp_path / "esc.csv", rows))
    shown = " ".join(result.dataset.figures["category"]) + " ".join(result.dataset.metadata["caveats"])
    assert "\x1b" not in shown and "\x07" not in shown
    assert any("memes" in c for c in result.dataset.figures["category"])


def test_per_case_ods_with_merged_cells(tmp_path: Path) -> None:
    rows = [
        ["Year", "Rank", "Outcome"],
        ["2019", "PC", "live"],
        ["", "PS", "NFA"],
        ["", "DC", "WW"],
        ["2020", "PS", "MA"],
    ]
    path = files.write_ods_merged(tmp_path / "merged.ods", rows, (1, 0, 3))  # 2019 merged over three rows
    result = import_file(path)
    assert flat(result, "year") == {"2019": 3, "2020": 1}
    assert result.log.summary() == "4 rows: 4 imported, 0 skipped"


def test_free_text_long_labels_and_wide_sheets_stay_within_the_loader_limits(tmp_path: Path) -> None:
    from tui.importer.package import MAX_CATEGORIES, MAX_LABEL

    extra = [f"Extra {i}" for i in range(70)]
    rows = [["Year", "Allegation", *extra]]
    rows += [["2019", f"free text number {i}", *["x"] * 70] for i in range(MAX_CATEGORIES + 200)]
    rows += [["2020", "y" * 300, *["x"] * 70], ["2020", "y" * 300 + "z", *["x"] * 70]]
    result = import_file(files.write_csv(tmp_path / "free.csv", rows))
    allegations = flat(result, "allegation")
    assert len(allegations) == MAX_CATEGORIES
    assert sum(allegations.values()) == MAX_CATEGORIES + 202
    assert allegations["other values"] == 203
    assert all(len(label) <= MAX_LABEL for label in result.dataset.figures["category"])
    assert len(result.dataset.cases.columns) == 64
    out = write_package(result, tmp_path / "pkg")
    assert len(load_dataset(out).figures) == len(result.dataset.figures)
