#!/usr/bin/env bash
# Development-only figure, gated so it does not rot: 5-fold cross-validated logistic regression over the slant features
# and word n-grams on BABE (trained inside each fold, never shipped); floors in eval/floors/loaded-language-cv.json.
set -euo pipefail
$PX eval loaded-language "$SHARED/data/bias/babe" --cross-validate --gate
