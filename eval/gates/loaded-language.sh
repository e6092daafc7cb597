#!/usr/bin/env bash
# Quality gate: the shipped loaded-language detector (slant lexicon + markers) on BABE (macro F1), BASIL (lexical-bias
# F1 of the biased class) and PTC (Loaded_Language + Name_Calling,Labeling span F1); floors in eval/floors/loaded-language.json.
set -euo pipefail
$PX eval loaded-language "$SHARED/data/bias/babe" --gate
$PX eval loaded-language "$SHARED/data/bias/basil-2010-2016" --gate
$PX eval loaded-language "$SHARED/data/bias/ptc-train-80" --gate
