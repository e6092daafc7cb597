#!/usr/bin/env bash
# Rebuilds src/Parallax.Language/Resources/lexicon/english-words.txt.gz: the lower-case English words (letters a-z only)
# of Debian's wamerican word list (SCOWL, by Kevin Atkinson; proper nouns are capitalised there, so they are left out).
# Used by the entity rules to tell common words from unknown names (docs/models.md). Needs `apt-get install wamerican`.
# Usage: bash tools/build-english-words.sh [WORD_FILE (default /usr/share/dict/american-english)]
set -euo pipefail
src="${1:-/usr/share/dict/american-english}"
out="$(dirname "$0")/../src/Parallax.Language/Resources/lexicon/english-words.txt.gz"
{
  echo "# Lower-case English words from SCOWL as packaged by Debian (wamerican); rebuilt by tools/build-english-words.sh."
  echo "# Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these word lists,"
  echo "# the associated scripts, the output created from the scripts, and its documentation for any purpose is hereby"
  echo "# granted without fee, provided that the above copyright notice appears in all copies and that both that copyright"
  echo "# notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no representations"
  echo "# about the suitability of this array for any purpose. It is provided \"as is\" without express or implied warranty."
  grep -x '[a-z]\+' "$src" | LC_ALL=C sort -u
} | gzip -9n > "$out"
echo "wrote $out: $(stat -c %s "$out") bytes, $(zcat "$out" | grep -vc '^#') words, sha256 $(sha256sum "$out" | cut -c1-64)"
