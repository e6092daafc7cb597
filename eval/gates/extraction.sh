#!/usr/bin/env bash
# Quality gate for main-text extraction: AEB metric on both labelled sets, floors in eval/floors/extraction.json.
# Called by .ci/run with $PX (the built CLI) and $SHARED (../shared).
set -euo pipefail
: "${PX:?set PX to the parallax command}" "${SHARED:?set SHARED to the shared folder}"
$PX eval extraction "$SHARED/data/extraction/aeb" --gate
$PX eval extraction "$SHARED/data/extraction/cleanportaleval" --gate
