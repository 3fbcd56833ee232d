#!/usr/bin/env bash
# Regenerates the screenshots in docs/ from the demo cohort (phantom patient PHANTOM-0013) with
# the committed demo model. Needs a built tree (build/) and the demo cohort made by the main job
# (default /work/data/demo/cohort, or pass its folder).
set -euo pipefail
cd "$(dirname "$0")/.."
cohort=${1:-/work/data/demo/cohort}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
cli=build/app/metis-cli
gui=build/app/metis
$cli db init --db "$work/metis.db" >/dev/null
$cli import "$cohort" --db "$work/metis.db" --user admin >/dev/null
$cli model register models/packages/mtsa-net-demo --db "$work/metis.db" --user physicist --activate
source scripts/common.sh
metis_ensure_display
shot() { $gui --db "$work/metis.db" --user oncologist --open PHANTOM-0013 "$@"; }
shot --panel inference --screenshot docs/inference-panel.png
shot --panel inference --screenshot docs/workstation.png
shot --panel comparison --screenshot docs/comparison-panel.png
shot --report "$work/report.pdf"
pdftoppm -r 80 -f 1 -l 1 -png "$work/report.pdf" "$work/report80"
cp "$work/report80-1.png" docs/report-page.png
METIS_DOCS_DIR=$PWD/docs METIS_DOCS_DB=$work/metis.db \
    build/tests/ui/test_ui_contour_editor documentationScreenshots
METIS_DOCS_DIR=$PWD/docs METIS_SOURCE_DIR=$PWD build/tests/ui/test_ui_training_wizard
