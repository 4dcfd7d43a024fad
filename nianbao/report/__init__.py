"""The readable quality report: a static HTML site built from the DuckDB marts.

`build_report(db_path, out_dir)` writes `out_dir/index.html` (totals, charts,
library-year table) and one page per library-year under `out_dir/ly/`, with every
finding's competing figures side by side and the number highlighted in its
evidence. Run `python -m nianbao.report [--db PATH] [--out DIR]`.
"""

from nianbao.report.build import build_report

__all__ = ["build_report"]
