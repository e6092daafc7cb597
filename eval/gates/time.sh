#!/usr/bin/env bash
# Quality gate: temporal expressions (TIMEX3) on TempEval-3 TBAQ; floors in eval/floors/time.json.
set -euo pipefail
$PX eval time "$SHARED/data/time/tempeval3-tbaq" --gate
