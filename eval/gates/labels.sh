#!/usr/bin/env bash
# Quality gate: labels and name mentions of each event's main actors on NewsWCL50 events 0-6 (protocol in
# docs/language.md, "Evaluation on NewsWCL50"); floors in eval/floors/labels.json. $PX = the built CLI, $SHARED = ../shared.
set -euo pipefail
$PX eval labels "$SHARED/data/bias/newswcl50-events-0-6" --gate
