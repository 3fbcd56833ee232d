#!/usr/bin/env bash
# The main job: set up and build Metis; on the first run fill the default database with the
# demo phantom cohort (synthetic patients, generated here, never real data) and open the
# workstation on a patient. Without a display the same pipeline runs headless and says so.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$METIS_ROOT/installer/install-deps.sh"
METIS_TARGETS="metis metis-cli" metis_build "$METIS_ROOT/build"

cli="$METIS_ROOT/build/app/metis-cli"
db="${METIS_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/Metis/metis.db}"
patients=$("$cli" db stats --db "$db" --json | sed -n 's/.*"patients":\([0-9]*\).*/\1/p')
if [[ "${patients:-0}" == 0 ]]; then
    cohort="$(dirname "$db")/demo-cohort"
    echo "First run: generating the demo phantom cohort in $cohort"
    echo "(synthetic patients on the Colin27 anatomy; figures on them are phantom figures)"
    "$cli" phantom --out "$cohort" --preset demo --seed 1
    echo "Importing it into $db"
    "$cli" import "$cohort" --db "$db" --user setup
fi
first=$(sqlite3 "$db" "SELECT p.patient_id FROM patients p JOIN clinical_labels c ON c.patient_ref = p.id ORDER BY p.patient_id LIMIT 1")

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    echo "Opening the workstation on patient $first (database $db)"
    exec "$METIS_ROOT/build/app/metis" --db "$db" --user oncologist --open "$first" "$@"
fi
echo "No display found: running the pipeline headless instead of opening the window."
"$cli" self-check
"$cli" db check --db "$db"
"$cli" db stats --db "$db"
report="$(dirname "$db")/report-$first.pdf"
echo "Writing the PDF report of patient $first"
# The workstation loads the patient as it would on screen (the viewer needs an X server for its
# offscreen OpenGL, hence Xvfb); no window is shown.
metis_ensure_display
"$METIS_ROOT/build/app/metis" --db "$db" --user oncologist --open "$first" --report "$report"
echo "Patient report: $report"
echo "Database with the demo cohort: $db (open it with build/app/metis --db $db on a machine with a display)"
