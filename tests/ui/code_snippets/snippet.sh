#!/usr/bin/env bash
set -euo pipefail

# Back up every file given; "then" in a comment is no keyword.
backup_dir="${HOME}/backups"
mkdir -p "$backup_dir"

for f in "$@"; do
    if [ -f "$f" ]; then
        cp -- "$f" "$backup_dir/$(basename "$f").bak"
        echo 'copied: '"$f"
    else
        echo "skipped $f (not a file)" >&2
    fi
done
count=${#@}
exit 0
