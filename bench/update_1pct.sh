#!/usr/bin/env bash
# update_1pct.sh — change 1% of a corpus's files deterministically, for timing `update` (issue 13).
#
# Usage: bench/update_1pct.sh quote|append DOCS_DIR
#
# Takes every 100th regular file of DOCS_DIR in name order (the 1st, 101st, ...) and
#   quote:  inserts "Indeed, as we said before, " after the first opening double quote that
#           starts a capitalised sentence, so one quote's words change (files without one are
#           left alone and not counted);
#   append: appends a line of plain text, leaving every quote's words and offsets alone.
# Each file is written to a new file and renamed over the old name, so a corpus made with
# `cp -al` never writes through a hard link into the tree it was linked from. Prints how many
# files it changed. Timing is left to the caller, e.g.
#   flock /work/bench.lock /usr/bin/time -v broadsheet-indexer update DOCS --index COPY
set -euo pipefail

mode=${1:?usage: update_1pct.sh quote|append DOCS_DIR}
docs=${2:?usage: update_1pct.sh quote|append DOCS_DIR}
case "$mode" in quote | append) ;; *) echo "unknown mode: $mode" >&2 && exit 2 ;; esac

changed=0
index=0
while IFS= read -r -d '' file; do
    if ((index++ % 100 != 0)); then continue; fi
    tmp="$file.update_1pct.tmp"
    if [[ $mode == append ]]; then
        { cat "$file" && printf '\nThis line was added to the article by a later edit.\n'; } >"$tmp"
    else
        perl -0777 -pe 's/"(?=[A-Z])/"Indeed, as we said before, /' "$file" >"$tmp"
        if cmp -s "$file" "$tmp"; then
            rm -f "$tmp"
            continue
        fi
    fi
    mv -f "$tmp" "$file"
    changed=$((changed + 1))
done < <(find "$docs" -type f -print0 | LC_ALL=C sort -z)
echo "$changed files changed ($mode)"
