"""Helper for the kill -9 test of the report site: publish with a report, over and over.

    python site_loop.py MARTS_DB WORKING PUBLISHED ITERATIONS

Each iteration rebuilds the working file (`publish_loop.build`, build number =
iteration), writes the quality report of MARTS_DB into a staged site with the
iteration as its run id (plus a Data Docs page naming it), and publishes the
working file with that site. Starts with `recover`, like a pipeline run.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from publish_loop import REQUIRED, build  # noqa: E402

from nianbao.publish import publish, recover, stage_site  # noqa: E402
from nianbao.report import build_report  # noqa: E402


def main() -> None:
    marts, working, published = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    start = int(sys.argv[4])
    recover(working, published)
    for it in range(start, start + int(sys.argv[5])):
        build(working, it, 2000)
        site = stage_site(published, f"it{it}")
        build_report(marts, site / "quality_report", run={"published": str(published), "time": "now", "id": f"it{it}"})
        (site / "data_docs").mkdir()
        (site / "data_docs" / "index.html").write_text(f"run it{it}", encoding="utf-8")
        publish(working, published, REQUIRED, site=site)
        print(it, flush=True)


if __name__ == "__main__":
    main()
