#!/usr/bin/env sh
# Makes the peers' synthetic benchmark files (../shared/bench/gen_synth.py), so that our timings can
# be compared with ../shared/reference/peer-timings.md on the very same data. Needs Debian's numpy
# and pandas; installs them when missing (as root, as on the project's machines).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
gen="$here/../shared/bench/gen_synth.py"
out="$here/bench-data"
mkdir -p "$out"
# Debian's python (not a pyenv shim), because numpy and pandas come from Debian's packages.
py=/usr/bin/python3
if ! "$py" -c 'import numpy, pandas' 2>/dev/null; then
  apt-get update -q && apt-get install -y -q python3-numpy python3-pandas
fi
for rows in 100000 1000000; do
  f="$out/peer_synth_$rows.csv"
  [ -f "$f" ] || "$py" "$gen" "$rows" "$f"
done
md5sum "$out/peer_synth_1000000.csv"
echo "expected md5 (numpy 1.24.2, Debian 12): d91197334140b2fa05005531f567b007"
# With --ten-million: the memory target's file, 10M rows x 20 features (target, x00..x14, c0..c4 of the
# generator's 10M rows; 1.6 GB, about 8 minutes).
if [ "${1:-}" = "--ten-million" ]; then
  f="$out/peer_synth_10000000x20.csv"
  if [ ! -f "$f" ]; then
    "$py" "$gen" 10000000 "$out/.peer_synth_10000000.csv"
    cut -d, -f1-16,32-36 "$out/.peer_synth_10000000.csv" > "$f.tmp" && mv "$f.tmp" "$f"
    rm -f "$out/.peer_synth_10000000.csv"
  fi
  md5sum "$f"
fi
