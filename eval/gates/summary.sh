#!/usr/bin/env bash
# Quality gate: neutral summary on NeuS dev (all 2,759 stories), ROUGE F1 x100 (floors in eval/floors/summary.json).
# The lead and LexRank baselines are printed to stderr by the same run.
set -euo pipefail
$PX eval summary "$SHARED/data/summary/neus-dev" --gate
