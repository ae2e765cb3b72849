#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one libFuzzer target the way the issue 17 runs were made:
#   build-aux/fuzz.sh NAME [MINUTES] [WORKDIR]
# NAME is statement, import, front-matter, council, template or session.
# Needs the _fuzz build (README.md). New inputs go to WORKDIR/corpus, never
# into tests/fuzz-corpus (the seeds); crashes, leaks, timeouts and OOMs to
# WORKDIR/art. One fuzzer at a time, at the lowest priority, so that it
# shares the machine with builds.
set -eu

name=${1:?usage: fuzz.sh NAME [MINUTES] [WORKDIR]}
minutes=${2:-20}
top=$(cd "$(dirname "$0")/.." && pwd)
work=${3:-"$top/_fuzz/work/$name"}
target="$top/_fuzz/tests/fuzz-$name"

case $name in
  statement)
    # The statement seeds are the files at the top of tests/fuzz-corpus
    # and the real statements of tests/corpus, in all six languages.
    seeds="$work/seeds"
    mkdir -p "$seeds"
    find "$top/tests/fuzz-corpus" -maxdepth 1 -type f -exec cp {} "$seeds" \;
    find "$top/tests/corpus" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) \
      ! -name README.md -exec cp {} "$seeds" \; ;;
  *) seeds="$top/tests/fuzz-corpus/$name" ;;
esac
dict=
[ -f "$top/tests/fuzz-$name.dict" ] && dict="-dict=$top/tests/fuzz-$name.dict"

mkdir -p "$work/corpus" "$work/art"
cd "$work"
LSAN_OPTIONS="suppressions=$top/tests/lsan.supp" \
  nice -n 19 "$target" -jobs=1 -workers=1 -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -max_total_time=$((minutes * 60)) -print_final_stats=1 $dict \
    -artifact_prefix="$work/art/" "$work/corpus" "$seeds"
# -jobs runs the fuzzer in a child whose output is fuzz-0.log.
tail -n 8 "$work/fuzz-0.log"
