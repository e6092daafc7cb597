#!/usr/bin/env bash
# Quality gate: named entities (PER/ORG/LOC exact-span micro F1, as ../shared/tools/score/ner.py) on the dev files of
# CoNLL-2003, UNER English-EWT and GUM; floors in eval/floors/entities.json. $PX = the built CLI, $SHARED = ../shared.
set -euo pipefail
$PX eval entities "$SHARED/data/ner/conll2003" "$SHARED/data/ner/uner-ewt-dev" "$SHARED/data/ner/gum" --gate
