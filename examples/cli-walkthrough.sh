#!/usr/bin/env sh
# A walk through the command line on a shipped dataset. Run from the repository root after
# building once with: mvn -q -DskipTests package
set -eu
out=${1:-out/walkthrough}

# 1. Bin every variable: optimal bins, WOE and IV.
bin/scorecard bin --data datasets/germancredit/germancredit.csv \
  --config examples/configs/germancredit.yaml --out "$out/auto"

# 2. Edit the bins: here, merge duration's bins around 15.5 months by deleting that cut point.
sed 's/8.5, 11.5, 15.5, 26.5/8.5, 11.5, 26.5/' "$out/auto/bins.json" > "$out/edited-bins.json"

# 3. Bin again with the edited file: the tables show the merged bin.
bin/scorecard bin --data datasets/germancredit/germancredit.csv \
  --config examples/configs/germancredit.yaml --bins "$out/edited-bins.json" --out "$out/edited"

grep '^duration_in_month,' "$out/edited/bins.csv"
