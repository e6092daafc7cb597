#!/usr/bin/env bash
# Story clustering quality gate: B-cubed and pairwise F1 on the clustering dev sets (floors in eval/floors/clustering.json).
set -euo pipefail
status=0
for set in ecbplus-dev neus-dev giveme5w1h basil-2010-2016 newswcl50-events-0-6; do
  $PX eval clustering "$SHARED/data/clustering/$set" --gate || status=1
done
exit $status
