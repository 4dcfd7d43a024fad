"""A raw table made by an older version gains the columns the current DDL adds."""

from nianbao import warehouse
from nianbao.schema import RAW_DDL
from tests.dbt_support import make_figure
from tests.support.db import duckdb_file


def test_old_raw_figures_table_gains_new_columns(tmp_path):
    db = duckdb_file(
        tmp_path / "old.duckdb",
        "create schema raw",
        "create table raw.figures (figure_id varchar, document_id varchar, value double)",
        "insert into raw.figures values ('f1', 'd1', 3.0)",
    )

    with warehouse.connect(db) as con:
        cols = {
            r[0]
            for r in con.execute(
                "select column_name from duckdb_columns() where schema_name='raw' and table_name='figures'"
            ).fetchall()
        }
        kept = con.execute("select figure_id, value from raw.figures").fetchall()
        temps = con.execute("select count(*) from duckdb_tables() where table_name like '_expected_%'").fetchone()[0]

    assert {"confidence", "metric", "table_id"} <= cols
    assert kept == [("f1", 3.0)]
    assert temps == 0


def test_fresh_database_has_every_raw_table(tmp_path):
    with warehouse.connect(tmp_path / "new.duckdb") as con:
        tables = {
            r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name='raw'").fetchall()
        }
    assert set(RAW_DDL) <= tables


def test_one_statement_about_two_libraries_gives_two_figure_ids():
    from nianbao.schema import figure_id

    def fig(lib):
        kw = {"qualifier": "at_least", "scope": "region", "year": 2022, "unit_raw": "万册", "start": 10, "end": 16}
        return make_figure("collection.total", 9e6, evidence="甲市和乙市馆藏均在900万册以上", library_name=lib, **kw)

    assert figure_id("d", fig("甲市全市公共图书馆")) != figure_id("d", fig("乙市全市公共图书馆"))
    assert figure_id("d", fig(None)) == figure_id("d", fig(None))


def test_old_documents_table_gains_the_simplified_text_filled_at_the_next_sync(tmp_path):
    """raw.documents made before text_simplified (issue 9) gains the column; the next sync stores
    the simplified copy of a traditional text (same length) and nothing for a simplified one."""
    from tests.dbt_support import make_document

    db = duckdb_file(
        tmp_path / "old.duckdb",
        "create schema raw",
        "create table raw.documents (document_id varchar, source_file varchar primary key, status varchar, text varchar)",
        "insert into raw.documents values ('d1', 'a.txt', 'loaded', '全年接待讀者約3萬餘人次')",
    )
    trad = make_document("a.txt", text="全年接待讀者約3萬餘人次")
    simp = make_document("b.txt", text="全年接待读者约3万人次")
    with warehouse.connect(db) as con:
        before = con.execute("select text_simplified from raw.documents").fetchall()
        warehouse.sync_documents(con, [trad, simp])
        after = dict(con.execute("select source_file, text_simplified from raw.documents").fetchall())

    assert before == [(None,)]
    assert after == {"a.txt": "全年接待读者约3万余人次", "b.txt": None}
    assert len(after["a.txt"]) == len(trad.text)
