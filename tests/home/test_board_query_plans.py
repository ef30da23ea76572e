"""The board and the navigation read only the rows they show, however many notices hang:
their orders and conditions are served by indexes (timings: ``make bench``)."""

import pytest
from django.db import connection, transaction

from ..factories import NoticePageFactory


def plan(queryset):
    """The database's plan for ``queryset``, as text; on PostgreSQL with sequential scans
    discouraged, because a test database holds too few rows for the planner to care."""
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


@pytest.fixture
def board(pinnwand):
    for number in range(3):
        NoticePageFactory(parent=pinnwand, pinned=number == 0)
    return pinnwand


@pytest.mark.parametrize(
    ("archive", "index_name", "columns"),
    [
        (False, "notice_board_order_idx", ["pinned", "valid_from", "page_ptr_id"]),
        (True, "notice_archive_order_idx", ["valid_until", "page_ptr_id"]),
    ],
    ids=["board", "archive"],
)
def test_board_and_archive_are_ordered_exactly_by_an_index(board, archive, index_name, columns):
    """PostgreSQL then reads a page of the board straight from the index and stops after
    it (make bench: 12 of 10,000 notices); a column from another table, such as the
    first publication date, would make it sort every hanging notice."""
    sql = str(board.notices(archive=archive).query)
    order = sql[sql.index("ORDER BY ") + len("ORDER BY ") :]
    assert order == ", ".join(f'"home_noticepage"."{column}" DESC' for column in columns)
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "home_noticepage")
    assert constraints[index_name]["columns"] == columns
    assert constraints[index_name]["orders"] == ["DESC"] * len(columns)


def test_children_of_the_home_page_are_an_index_range(home, board):
    text = plan(home.get_children().live().in_menu())
    assert "kupferstadt_page_depth_path_idx" in text, text


def test_counting_the_board_can_read_indexes_only(db):
    """The number of hanging notices ("801 Aushänge") and the API's total need the page's
    language, place in the tree and state, and the notice's days: two covering indexes
    hold them, so PostgreSQL counts without reading page or notice rows (make bench)."""
    with connection.cursor() as cursor:
        pages = connection.introspection.get_constraints(cursor, "wagtailcore_page")
        notices = connection.introspection.get_constraints(cursor, "home_noticepage")
    assert pages["kupferstadt_page_live_tree_idx"]["columns"] == [
        "locale_id",
        "path",
        "depth",
        "id",
    ]
    assert notices["notice_current_idx"]["columns"] == ["valid_from", "valid_until", "page_ptr_id"]
