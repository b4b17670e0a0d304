#!/usr/bin/env python3
"""Regenerate wordfreq.tsv (see README.md here): the general-English rate of
every content-word stem, from wordfreq.

    python3 build_wordfreq.py /path/to/shared/data [OUT]

Reads backgrounds/wordfreq-en.tsv (word<TAB>share of all tokens, from
wordfreq 3.1.1 `large_en`, CC BY-SA 4.0). Each word is normalised and
stemmed as stage 1 does (build_data.py); words that are not content words
are dropped; the rest are summed by stem and scaled to a rate per content
word. Written as `stem<TAB>count per 1e8 content words` (stems below one
per 1e8 dropped), with `#total 100000000`, most frequent first.

review uses it twice (src/themes/rank.rs): as the background of words
GoEmotions never has, and as a second bar every single word must clear.
"""
import collections
import os
import sys

from build_data import HERE, kind, normalise, stem

SCALE = 100_000_000
# The first line of the file (it has no tab, so kapj skips it).
ATTRIBUTION = ("# Adapted from wordfreq 3.1.1 by Robyn Speer (https://github.com/rspeer/wordfreq), "
               "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/): stemmed, summed by stem, "
               "rescaled to content words. Built from Wikipedia, OpenSubtitles, SUBTLEX, Google Books Ngrams, "
               "ParaCrawl, the Leeds Internet Corpus, Reddit and Twitter. This file keeps that licence.")


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "wordfreq.tsv")
    by_stem, content = collections.Counter(), 0.0
    path = os.path.join(data, "backgrounds", "wordfreq-en.tsv")
    for i, line in enumerate(open(path, encoding="utf-8")):
        if i == 0:
            continue
        word, _, f = line.rstrip("\n").partition("\t")
        w = normalise(word.lower().replace("\u2019", "'"))
        if not w or not all(c.isalnum() for c in w) or kind(w) != "content":
            continue
        f = float(f)
        content += f
        by_stem[stem(w)] += f
    rows = []
    for s, f in by_stem.items():
        n = round(f / content * SCALE)
        if n >= 1:
            rows.append((s, n))
    rows.sort(key=lambda r: (-r[1], r[0]))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(ATTRIBUTION + "\n")
        fh.write(f"#total\t{SCALE}\n")
        for s, n in rows:
            fh.write(f"{s}\t{n}\n")
    print(f"{out}: {len(rows)} stems", file=sys.stderr)


if __name__ == "__main__":
    main()
