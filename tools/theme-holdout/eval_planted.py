#!/usr/bin/env python3
"""Score `kapj review --json` on planted-motif journals from make_planted.py.

    python3 eval_planted.py --kapj target/release/kapj DIR/planted-*.json

Per journal, on the first ten themes review shows:
- recall: share of the five planted motifs that a theme names (any content
  word of the theme stems to one of the motif's stems);
- precision: share of the themes shown that name a motif, 0 when none is
  shown (silence is not rewarded: every planted journal has five motifs);
- decoy: whether the word repeated inside one session only is shown (must
  never be).
Null journals (filler only): the number of themes shown.
Where DIR/twins holds a planted journal's twin (make_planted.py; skip with
--no-twins), its filler is also reviewed alone, and a second precision is
printed: a theme shown that names no motif but shares a content word with a
theme shown for the filler alone is the filler's own recurrence and counts
neither way (0 when nothing else is shown). The first, strict precision
stays the headline.
Means are printed by size and over all journals.
"""
import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "tools"))
shared_tools = os.environ.get("KAPJ_SHARED_TOOLS")
if shared_tools:
    sys.path.insert(0, shared_tools)
from theme_eval import STOP, run_kapj, stem, tokenize  # noqa: E402


def words_of(theme):
    return {stem(w) for w in tokenize(theme) if w not in STOP}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kapj", required=True)
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    ap.add_argument("journals", nargs="+")
    ap.add_argument("--no-twins", action="store_true", help="skip the filler-alone reviews")
    a = ap.parse_args()
    by_size = collections.defaultdict(lambda: {"r": [], "p": [], "decoy": 0, "null": [], "p_own": [], "own": []})
    for path in sorted(a.journals):
        if path.endswith(".motifs.json"):
            continue
        name = os.path.basename(path)[:-5]
        meta = json.load(open(path[:-5] + ".motifs.json", encoding="utf-8"))
        themes, err, _ = run_kapj(a.kapj, path)
        if err:
            print(f"{name}: ERROR {err}")
            themes = []
        top = themes[:10]
        row = by_size[meta["size"]]
        if meta["null"]:
            row["null"].append(len(themes))
            if not a.quiet:
                print(f"{name:28s} null themes={len(themes):2d}  {', '.join(top)}")
            continue
        found = set()
        hits = 0
        for t in top:
            ws = words_of(t)
            match = [i for i, m in enumerate(meta["motifs"]) if ws & set(m["stems"])]
            found.update(match)
            hits += bool(match)
        r = len(found) / len(meta["motifs"])
        p = hits / len(top) if top else 0.0
        twin = os.path.join(os.path.dirname(path), "twins", os.path.basename(path))
        own = []
        if not a.no_twins and os.path.exists(twin):
            twin_themes, terr, _ = run_kapj(a.kapj, twin)
            twin_words = set().union(*(words_of(t) for t in twin_themes)) if not terr else set()
            own = [t for t in top if words_of(t) & twin_words
                   and not any(words_of(t) & set(m["stems"]) for m in meta["motifs"])]
            rest = len(top) - len(own)
            row["p_own"].append(hits / rest if rest else 0.0)
            row["own"].append(len(own))
        decoy = any(meta["decoy"] in words_of(t) for t in themes)
        row["r"].append(r)
        row["p"].append(p)
        row["decoy"] += decoy
        if not a.quiet:
            missed = [m["stems"][0] for i, m in enumerate(meta["motifs"]) if i not in found]
            print(f"{name:28s} recall={r:.2f} precision={p:.2f} shown={len(top):2d}"
                  f"{' DECOY' if decoy else ''}  missed={','.join(missed)}  top: {', '.join(top)}"
                  f"{'  filler-own: ' + ', '.join(own) if own else ''}")
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0  # noqa: E731
    all_r, all_p, decoys, nulls, all_po, all_own = [], [], 0, [], [], []
    for n in sorted(by_size):
        row = by_size[n]
        all_r += row["r"]
        all_p += row["p"]
        decoys += row["decoy"]
        nulls += row["null"]
        all_po += row["p_own"]
        all_own += row["own"]
        twins = (f"  [filler-own neutral: precision {mean(row['p_own']):.2f}, filler-own shown {row['own']}]"
                 if row["p_own"] else "")
        print(f"size {n:3d}: recall@10 {mean(row['r']):.2f}  precision {mean(row['p']):.2f}  "
              f"decoy shown {row['decoy']}  null themes {row['null']}{twins}")
    twins = (f"  [filler-own neutral: precision {mean(all_po):.2f}, filler-own mean {mean(all_own):.1f}]"
             if all_po else "")
    print(f"all: recall@10 {mean(all_r):.2f}  precision {mean(all_p):.2f}  decoy shown {decoys}  "
          f"null themes mean {mean(nulls):.1f}{twins}")


if __name__ == "__main__":
    main()
