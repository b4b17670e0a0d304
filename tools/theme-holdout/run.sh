#!/bin/bash
# Score a kapj binary on the dev journals and on held-out journals built by
# make_holdout.py (into /tmp, never into the repository), then on planted-motif
# journals from make_planted.py.
#   tools/theme-holdout/run.sh target/release/kapj [--baseline]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=${KAPJ_SHARED:-$here/../../../shared}
out=${KAPJ_HOLDOUT:-/tmp/kapj-holdout}
kapj=${1:?usage: run.sh KAPJ_BINARY [--baseline]}
base=()
if [[ ${2:-} == --baseline ]]; then base=(--baseline); fi
eval_=$shared/tools/theme-eval
"$eval_" "${base[@]}" "$kapj" >/dev/null 2>&1 || true   # makes the venv if needed
if [[ ! -f $out/isear-null.json ]]; then
  /tmp/kapj-eval-venv/bin/python "$here/make_holdout.py" "$shared/data/corpora" "$out"
fi
echo "== dev"; "$eval_" "${base[@]}" "$kapj"
echo "== holdout"; "$eval_" "${base[@]}" "$kapj" $(ls "$out"/*.json | grep -v gold)
# Planted-motif journals (make_planted.py): choose on dev and devdreams,
# report heldout, dreams and the fresh sets (motif pool C).
planted=${KAPJ_PLANTED:-/tmp/kapj-planted}
for set in dev devdreams heldout dreams fresh freshdreams; do
  if [[ ! -d $planted/$set ]]; then
    /tmp/kapj-eval-venv/bin/python "$here/make_planted.py" "$shared/data/corpora" "$planted/$set" --set "$set"
  fi
  echo "== planted $set"
  KAPJ_SHARED_TOOLS=$shared/tools /tmp/kapj-eval-venv/bin/python "$here/eval_planted.py" --quiet \
    --kapj "$kapj" "$planted/$set"/*.json
done
