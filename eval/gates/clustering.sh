#!/usr/bin/env bash
# Story clustering quality gate: B-cubed and pairwise F1 on the clustering dev sets (floors in eval/floors/clustering.json).
set -euo pipefail
status=0
for set in ecbplus-dev neus-dev basil-2010-2016 newswcl50-events-0-6; do
  $PX eval clustering "$SHARED/data/clustering/$set" --gate || status=1
done
# giveme5w1h's gold stories are topics that span up to four years (docs/stories.md): scored without dates, as a topic set.
$PX eval clustering "$SHARED/data/clustering/giveme5w1h" --ignore-dates --gate || status=1
exit $status
