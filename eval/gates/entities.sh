#!/usr/bin/env bash
# Quality gate: named entities (PER/ORG/LOC exact-span micro F1, as ../shared/tools/score/ner.py); floors in
# eval/floors/entities.json. CoNLL-2003 dev and GUM dev score the shipped model (neither trained it). UNER English-EWT
# dev trained the shipped model, so it is gated held out: 5-fold cross-validation by document of the shipped recipe
# (dataset name "uner-ewt-dev-5fold"). $PX = the built CLI, $SHARED = ../shared.
set -euo pipefail
$PX eval entities "$SHARED/data/ner/conll2003" "$SHARED/data/ner/gum" --gate
$PX eval entities "$SHARED/data/ner/uner-ewt-dev" --cv 5 --gate
