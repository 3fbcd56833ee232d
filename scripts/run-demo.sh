#!/usr/bin/env bash
# The main job: set up and build Metis; on the first run fill the default database with the
# demo phantom cohort (synthetic patients, generated here, never real data) and register the
# embedded demo model (models/packages/mtsa-net-demo, trained on phantom data); then open the
# workstation on a patient, running MTSA-Net on it first when it has no AI result, so predicted
# and manual GTVs show side by side. Without a display the same pipeline runs headless and says so.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$METIS_ROOT/scripts/install-deps.sh"
METIS_TARGETS="metis metis-cli" metis_build "$METIS_ROOT/build"

cli="$METIS_ROOT/build/app/metis-cli"
db="${METIS_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/Metis/metis.db}"
model="$METIS_ROOT/models/packages/mtsa-net-demo"
"$cli" db init --db "$db"
patients=$("$cli" db stats --db "$db" --json | sed -n 's/.*"patients":\([0-9]*\).*/\1/p')
if [[ "${patients:-0}" == 0 ]]; then
    cohort="$(dirname "$db")/demo-cohort"
    echo "First run: generating the demo phantom cohort in $cohort"
    echo "(synthetic patients on the Colin27 anatomy; figures on them are phantom figures)"
    "$cli" phantom --out "$cohort" --preset demo --seed 1
    echo "Importing it into $db"
    "$cli" import "$cohort" --db "$db" --user admin
fi
if ! sqlite3 "$db" "SELECT 1 FROM models WHERE active = 1" | grep -q 1; then
    echo "Registering the demo model (phantom-trained, research use only) as the active model"
    "$cli" model register "$model" --db "$db" --user physicist --activate
fi
first=$(sqlite3 "$db" "SELECT p.patient_id FROM patients p JOIN clinical_labels c ON c.patient_ref = p.id ORDER BY p.patient_id LIMIT 1")

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    echo "Opening the workstation on patient $first (database $db)"
    exec "$METIS_ROOT/build/app/metis" --db "$db" --user oncologist --open "$first" \
        --panel inference "$@"
fi
echo "No display found: running the pipeline headless instead of opening the window."
"$cli" self-check
"$cli" db check --db "$db"
"$cli" db stats --db "$db"
report="$(dirname "$db")/report-$first.pdf"
screenshot="$(dirname "$db")/workstation-$first.png"
# The workstation loads the patient as it would on screen (the viewer needs an X server for its
# offscreen OpenGL, hence Xvfb); MTSA-Net runs on the patient when it has no AI result yet.
metis_ensure_display
echo "Running MTSA-Net on patient $first and saving the workstation view"
"$METIS_ROOT/build/app/metis" --db "$db" --user oncologist --open "$first" --panel inference \
    --screenshot "$screenshot"
echo "Workstation view: $screenshot"
echo "Writing the PDF report of patient $first"
"$METIS_ROOT/build/app/metis" --db "$db" --user oncologist --open "$first" --report "$report"
echo "Patient report: $report"
echo "Database with the demo cohort: $db (open it with build/app/metis --db $db on a machine with a display)"
