#!/usr/bin/env python3
"""Regenerate the data files embedded in src/themes/ (see README.md here).

    python3 build_data.py /path/to/shared/data

needs `pip install snowballstemmer` (the Snowball English stemmer, the same
algorithm as stem.rs; build time only). Writes, beside this script:

  background.tsv  stem counts of GoEmotions comments (Apache-2.0): what
                  first-person emotional writing usually contains. Tokenised
                  exactly as stage 1 (analysis.rs) does, so keys match: content
                  unigrams and the same 2-3 word phrases.
  categories.tsv  stem -> emotion | body | relationship | transpersonal, from
                  Empath (MIT), the GoEmotions-derived lexicon (Apache-2.0) and
                  VADER (MIT), plus the short lists in extra_categories.txt.
"""
import collections
import json
import os
import re
import sys
import unicodedata

import snowballstemmer

HERE = os.path.dirname(os.path.abspath(__file__))
STEM = snowballstemmer.stemmer("english").stemWord

# Keep in step with analysis.rs / text.rs.
POSSESSIVES = {"my", "your", "his", "her", "our", "their"}
PARTICLES = {"up", "out", "down", "off", "away", "back", "go"}
MIN_UNIGRAM = 2    # background rows kept: unigrams seen at least this often
MIN_PHRASE = 3     # phrases seen at least this often
# GoEmotions masks personal names as [NAME]; spread over about this many
# common first names, that gives the background count of any one name.
NAME_SPREAD = 1000


def word_list(name):
    words = set()
    for line in open(os.path.join(HERE, name), encoding="utf-8"):
        line = line.split("#", 1)[0]
        words.update(line.split())
    return words


STOP = word_list("stopwords.txt")
GENERIC = word_list("generic.txt")

_stem_cache = {}


def stem(w):
    s = _stem_cache.get(w)
    if s is None:
        # stem.rs leaves non-ASCII words alone; so do we.
        s = STEM(w) if w.isascii() else w
        _stem_cache[w] = s
    return s


def is_word_char(c):
    return c.isalnum()


def clauses(text):
    """Split lower-cased text into clauses of normalised words (see text.rs)."""
    text = text.lower()
    for q in "\u2019\u2018\u02bc":
        text = text.replace(q, "'")
    out, cur, i, n = [], [], 0, len(text)
    while i < n:
        c = text[i]
        if is_word_char(c):
            j = i
            while j < n and (is_word_char(text[j]) or (text[j] == "'" and j + 1 < n and is_word_char(text[j + 1]) and j > i)):
                j += 1
            cur.append(normalise(text[i:j]))
            i = j
            continue
        if not (c.isspace() or c == "-" or c == "'"):
            if cur:
                out.append(cur)
            cur = []
        i += 1
    if cur:
        out.append(cur)
    return out


def normalise(tok):
    if "'" not in tok:
        return tok
    joined = tok.replace("'", "")
    if joined in STOP:
        return joined
    if tok.endswith("'s"):
        return tok[:-2].replace("'", "")
    return joined


def kind(w):
    """'stop', 'generic' or 'content' (text.rs: WordKind)."""
    if w in STOP or len(w) < 3 or any(ch.isnumeric() for ch in w):
        return "stop"
    if w in GENERIC:
        return "generic"
    return "content"


def terms(clause):
    """Unigram and phrase keys of one clause (analysis.rs: terms_of_clause)."""
    kinds = [kind(w) for w in clause]
    stems = [stem(w) for w in clause]
    out = []
    for i, w in enumerate(clause):
        if kinds[i] == "content":
            out.append(stems[i])
        if i + 1 < len(clause):
            a, b = i, i + 1
            head_ok = kinds[a] == "content" or clause[a] in POSSESSIVES
            if head_ok and kinds[b] == "content":
                out.append(stems[a] + " " + stems[b])
            elif kinds[a] == "content" and clause[b] in PARTICLES:
                out.append(stems[a] + " " + stems[b])
        if i + 2 < len(clause):
            a, m, b = i, i + 1, i + 2
            head_ok = kinds[a] == "content" or clause[a] in POSSESSIVES
            mid_ok = kinds[m] == "content" or (clause[m] == "of" and kinds[a] == "content")
            if head_ok and mid_ok and kinds[b] == "content":
                out.append(" ".join((stems[a], stems[m], stems[b])))
    return out


def content_tokens(clause):
    return sum(1 for w in clause if kind(w) == "content")


def goemotions_texts(data):
    folder = os.path.join(data, "corpora", "goemotions")
    for name in ("data_original_train.tsv", "data_original_dev.tsv", "data_original_test.tsv"):
        for line in open(os.path.join(folder, name), encoding="utf-8"):
            yield line.split("\t", 1)[0]


def build_background(data):
    counts, total, names = collections.Counter(), 0, 0
    for text in goemotions_texts(data):
        names += text.count("[NAME]")
        for cl in clauses(text):
            total += content_tokens(cl)
            counts.update(terms(cl))
    rows = [(k, c) for k, c in counts.items() if c >= (MIN_PHRASE if " " in k else MIN_UNIGRAM)]
    rows.sort(key=lambda kc: (-kc[1], kc[0]))
    with open(os.path.join(HERE, "background.tsv"), "w", encoding="utf-8") as f:
        f.write(f"#total\t{total}\n")
        f.write(f"#name\t{max(1, round(names / NAME_SPREAD))}\n")
        for k, c in rows:
            f.write(f"{k}\t{c}\n")
    print(f"background.tsv: {len(rows)} rows, {total} content tokens", file=sys.stderr)


# Empath categories that feed each kapj category.
EMPATH = {
    "body": ["body"],
    "relationship": ["family", "friends"],
    "transpersonal": ["divine", "religion", "worship"],
    "emotion": ["sadness", "fear", "nervousness", "shame", "anger", "joy", "love", "affection",
                "suffering", "torment", "negative_emotion", "positive_emotion", "cheerfulness",
                "envy", "hate", "rage", "disgust", "disappointment", "contentment", "optimism",
                "pride", "irritability", "exasperation", "confusion", "timidity", "sympathy",
                "horror", "emotional", "surprise"],
}
# Where a word sits in several kapj categories, the more specific wins.
PRIORITY = ["body", "relationship", "transpersonal", "emotion"]


def build_categories(data):
    lex = os.path.join(data, "lexicons")
    empath = {}
    for line in open(os.path.join(lex, "empath_categories.tsv"), encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        empath[cells[0]] = set(cells[1:])
    vader = {}
    for line in open(os.path.join(lex, "vader_lexicon.txt"), encoding="utf-8"):
        cells = line.split("\t")
        vader[cells[0]] = float(cells[1])
    goemo = json.load(open(os.path.join(lex, "goemotions_derived_lexicon.json"), encoding="utf-8"))

    votes = collections.defaultdict(collections.Counter)
    for cat, sources in EMPATH.items():
        for src in sources:
            for w in empath.get(src, ()):
                if " " in w or "_" in w or kind(w) != "content":
                    continue
                # Empath's emotion lists hold many neutral words ("face",
                # "intention"): an emotion word must also carry clear valence.
                if cat == "emotion" and abs(vader.get(w, 0.0)) < 1.0:
                    continue
                votes[stem(w)][cat] += 1
    for emotion, rows in goemo.items():
        for w, _z, _n in rows:
            if kind(w) == "content" and abs(vader.get(w, 0.0)) >= 1.5:
                votes[stem(w)]["emotion"] += 1
    # Emotion names themselves ("grief", "remorse") are emotion words.
    for emotion in goemo:
        votes[stem(emotion)]["emotion"] += 2

    extra = {}
    for line in open(os.path.join(HERE, "extra_categories.txt"), encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cat, words = line.split(":", 1)
        for w in words.split():
            extra[stem(w)] = cat.strip()

    out = {}
    for s, c in votes.items():
        best = max(c.values())
        out[s] = next(cat for cat in PRIORITY if c[cat] == best)
    out.update(extra)
    with open(os.path.join(HERE, "categories.tsv"), "w", encoding="utf-8") as f:
        for s in sorted(out):
            f.write(f"{s}\t{out[s]}\n")
    print(f"categories.tsv: {len(out)} stems", file=sys.stderr)


if __name__ == "__main__":
    data = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
    build_background(data)
    build_categories(data)
