"""Qualified figures: shown with their qualifier, never added across units or as if exact."""

from __future__ import annotations

import pytest

from tui.data import formatting as fmt
from tui.data.quantity import NotAddable, Quantity, add


@pytest.mark.parametrize(
    ("quantity", "shown"),
    [
        (Quantity(412, "exact", "officers investigated"), "412"),
        (Quantity(999, "at_least", "officers reported"), "≥ 999"),
        (Quantity(1000, "more_than", "officers investigated"), "> 1000"),
        (Quantity(75, "approx", "percent"), "≈ 75 %"),
        (Quantity(26, "percent", "percent of officers investigated"), "26 %"),
        (Quantity(10, "approx", "times"), "≈ 10×"),
        (Quantity(None, "not_given", "officers"), "not given"),
        (Quantity(None, "suppressed", "officers"), "suppressed"),
    ],
)
def test_display_keeps_the_qualifier(quantity: Quantity, shown: str) -> None:
    assert quantity.display() == shown
    assert fmt.count(quantity.value, quantity.qualifier, quantity.unit) == shown


def test_describe_names_the_unit() -> None:
    assert Quantity(999, "at_least", "officers reported").describe() == "≥ 999 officers reported"
    assert Quantity(9, "percent", "percent of cases").describe() == "9 % of cases"


def test_exact_counts_of_one_unit_add_exactly() -> None:
    assert add([Quantity(14, "exact", "officers"), Quantity(16, "exact", "officers")]) == Quantity(
        30, "exact", "officers"
    )


def test_a_floor_makes_the_sum_a_floor() -> None:
    total = add([Quantity(195, "at_least", "investigations"), Quantity(175, "at_least", "investigations")])
    assert total.display() == "≥ 370" and total.qualifier == "at_least"
    assert add([Quantity(5, "exact", "x"), Quantity(1000, "more_than", "x")]).qualifier == "more_than"


def test_an_approximate_figure_makes_the_sum_approximate() -> None:
    assert add([Quantity(5, "exact", "x"), Quantity(10, "approx", "x")]).qualifier == "approx"


@pytest.mark.parametrize(
    ("items", "reason"),
    [
        ([Quantity(75, "exact", "officers"), Quantity(12, "exact", "staff")], "different units"),
        ([Quantity(9, "percent", "percent of cases"), Quantity(14, "percent", "percent of cases")], "percentages"),
        ([Quantity(3, "at_least", "x"), Quantity(4, "approx", "x")], "floor"),
        ([], "nothing"),
    ],
)
def test_refused_sums_say_why(items: list[Quantity], reason: str) -> None:
    with pytest.raises(NotAddable, match=reason):
        add(items)


def test_a_blank_count_makes_the_sum_unknown_not_smaller() -> None:
    total = add([Quantity(3, "exact", "x"), Quantity(None, "not_given", "x")])
    assert total.value is None and total.display() == "not given"
