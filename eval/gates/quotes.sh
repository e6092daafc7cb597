#!/usr/bin/env bash
# Quality gate: quotes/attribution on PolNeAR dev (floors in eval/floors/quotes.json).
set -euo pipefail
$PX eval quotes "$SHARED/data/quotes/polnear/dev" --gate
