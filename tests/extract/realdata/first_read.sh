#!/bin/bash
# First read of held-out real batches: `tests/extract/realdata/first_read.sh OUT next10a [next10b ...]`.
# Archives HEAD (so no uncommitted edit takes part) into OUT/src, scores each set under
# tests/extract/realdata/heldout/ and all of them together (OUT/eval_*.txt), then builds a warehouse
# from their documents (OUT/wh, OUT/dq_build.log) for judging the data-quality findings by hand.
set -u
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
OUT=$(realpath -m "$1"); shift
rm -rf "$OUT"; mkdir -p "$OUT/src" "$OUT/raw"
git -C "$REPO" archive HEAD | tar -x -C "$OUT/src"
ln -s "$REPO/.venv" "$OUT/src/.venv"
ln -s "$(realpath "$REPO/../shared")" "$OUT/shared"
git -C "$REPO" rev-parse --short HEAD > "$OUT/commit.txt"
date -u > "$OUT/date.txt"
cd "$OUT/src" || exit 1
(cd dbt_project && ../.venv/bin/dbt parse --quiet --profiles-dir . --target-path target) > "$OUT/parse.log" 2>&1
SETS=()
for s in "$@"; do
  d="$REPO/tests/extract/realdata/heldout/$s"
  SETS+=(--set "$d")
  PYTHONPATH="$OUT/src" .venv/bin/python -m nianbao.evaluation --set "$d" --max-misses 200 > "$OUT/eval_$s.txt" 2>&1
  cp "$d"/docs/*.txt "$OUT/raw/"
done
PYTHONPATH="$OUT/src" .venv/bin/python -m nianbao.evaluation "${SETS[@]}" --max-misses 300 > "$OUT/eval_all.txt" 2>&1
PYTHONPATH="$OUT/src" NIANBAO_RAW_DIR="$OUT/raw" NIANBAO_WAREHOUSE="$OUT/wh/nianbao.duckdb" \
  .venv/bin/python -m orchestration.cli run > "$OUT/dq_build.log" 2>&1
echo "rc=$?" >> "$OUT/dq_build.log"
