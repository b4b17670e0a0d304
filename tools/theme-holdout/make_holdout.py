#!/usr/bin/env python3
"""Build held-out theme journals for `kapj review`, the way the dev journals
in shared/data/dev-journals were built, from corpora read at run time.

    python3 make_holdout.py /path/to/shared/data/corpora OUT_DIR [--seed N] [--dreamers a,b,...]

Writes OUT_DIR/NAME.json (a kapj journal) and OUT_DIR/NAME.gold.json for
every journal in JOURNALS below, then score them with

    shared/tools/theme-eval target/release/kapj OUT_DIR/*.json

Why: constants in src/themes/rank.rs must not be fitted to the four dev
journals alone; these are journals of the same kind that the dev set does
not contain (other subreddits, other ISEAR emotions, other dreamers).

Method (from the dev journals' `args`, `schedule` and `gold_method`):
- planted: 80 entries over 180 days, each from the focus label with
  p = 0.5, else from the rest of the corpus; null: 80 entries drawn at random;
  person: up to 80 dated reports of one dreamer, in date order.
- sessions every 14 days; each entry belongs to the latest session (or the
  next one if it is less than a day away) and gets the phase its timing
  suggests (intention, reflection, meaning, embodiment).
- gold: Monroe, Colaresi & Quinn (2008) log-odds with an informative
  Dirichlet prior, z > 1.96, top 50, on held-out focus documents (none of them
  in the journal) against the rest of the corpus; Snowball stems, unigrams
  and bigrams of adjacent content words.

Needs `snowballstemmer` (theme-eval's venv has it). Output goes outside the
repository: nothing generated from these corpora may be committed.
"""
import argparse
import collections
import csv
import datetime as dt
import json
import math
import os
import random
import re

import snowballstemmer

_ST = snowballstemmer.stemmer("english")
_cache = {}


def stem(w):
    s = _cache.get(w)
    if s is None:
        s = _cache[w] = _ST.stemWord(w)
    return s


# Same tokenising and stop list as theme_eval.py, so gold keys match its scoring.
STOP = set("""a about above after again against all am an and any are as at be because been before being below
between both but by can cannot could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself me more most my myself no
nor not of off on once only or other ought our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very was
we were what when where which while who whom why with would you your yours yourself yourselves im ive id ill
dont didnt doesnt cant couldnt wouldnt shouldnt isnt wasnt arent werent wont thats theres youre theyre lets
also just like really get got go going gone went one two us much many well even still back way thing things
something anything nothing everything someone anyone everyone lot bit s t d ll m re ve n""".split())
TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


def content(w):
    # "i'm", "it's": stop words with a clitic are stop words too.
    return w not in STOP and w.split("'")[0] not in STOP and len(w) >= 3 and not w.isdigit()


def terms(text):
    toks = TOKEN.findall(text.lower().replace("\u2019", "'"))
    out = []
    for i, w in enumerate(toks):
        if not content(w):
            continue
        out.append(stem(w))
        if i + 1 < len(toks) and content(toks[i + 1]):
            out.append(stem(w) + " " + stem(toks[i + 1]))
    return out


def gold_terms(focus, contrast, top=50, min_docs=3):
    """Monroe et al. log-odds z of focus vs contrast, prior = pooled rates."""
    yf, yc, df = collections.Counter(), collections.Counter(), collections.Counter()
    for t in focus:
        ts = terms(t)
        yf.update(ts)
        df.update(set(ts))
    for t in contrast:
        yc.update(terms(t))
    pooled = yf + yc
    total = sum(pooled.values())
    a0 = 1000.0
    nf, nc = sum(yf.values()), sum(yc.values())
    out = []
    for w, c in yf.items():
        if df[w] < min_docs:
            continue
        a = a0 * pooled[w] / total
        d = math.log((c + a) / (nf + a0 - c - a)) - math.log((yc[w] + a) / (nc + a0 - yc[w] - a))
        z = d / math.sqrt(1 / (c + a) + 1 / (yc[w] + a))
        if z > 1.96:
            out.append((z, w))
    out.sort(reverse=True)
    return [{"stem": w, "z": round(z, 2)} for z, w in out[:top]]


def clean(t):
    return re.sub(r"\s+", " ", t.replace("\u00e1", " ")).strip()


def load_dreaddit(corpora):
    docs = []
    for f in ("dreaddit-train.csv", "dreaddit-test.csv"):
        with open(os.path.join(corpora, "dreaddit", f), encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                docs.append((r["subreddit"], clean(r["text"])))
    return docs


def load_isear(corpora):
    docs = []
    with open(os.path.join(corpora, "isear", "isear.csv"), encoding="utf-8", errors="replace") as fh:
        rows = [line.rstrip("\n").split("|") for line in fh]
    head = rows[0]
    emo, sit = head.index("Field1"), head.index("SIT")
    for r in rows[1:]:
        if len(r) == len(head) and r[sit].strip():
            docs.append((r[emo], clean(r[sit])))
    return docs


def parse_date(head):
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", head or "")
    if m:
        mo, d, y = map(int, m.groups())
        if y < 100:
            y += 1900
        try:
            return dt.datetime(y, mo, d)
        except ValueError:
            return None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", head or "")
    if m:
        try:
            return dt.datetime(*map(int, m.groups()))
        except ValueError:
            return None
    return None


def load_dreams(corpora, name):
    with open(os.path.join(corpora, "dreambank", "dreams", name + ".json"), encoding="utf-8") as fh:
        return json.load(fh)


def schedule(dates, rng):
    """Sessions every 14 days from the first date; entries get session and phase."""
    start = min(dates).replace(hour=10, minute=0)
    sessions = []
    entries = []
    for d in dates:
        k = int((d - start).total_seconds() // (14 * 86400))
        s_at = start + dt.timedelta(days=14 * k)
        nxt = s_at + dt.timedelta(days=14)
        if (nxt - d).total_seconds() < 86400:
            k, since, phase = k + 1, None, "intention"
        else:
            since = (d - s_at).total_seconds() / 86400
            phase = "reflection" if since < 1 else "meaning" if since < 3 else "embodiment"
        entries.append((k + 1, phase))
    last = max(e[0] for e in entries)
    for k in range(last):
        sessions.append({"number": k + 1, "at": (start + dt.timedelta(days=14 * k)).isoformat() + "+00:00"})
    return sessions, entries


def write(out, name, texts, dates, gold, meta, rng):
    order = sorted(range(len(texts)), key=lambda i: dates[i])
    texts = [texts[i] for i in order]
    dates = [dates[i] for i in order]
    sessions, sp = schedule(dates, rng)
    entries = [
        {"phase": ph, "at": d.isoformat() + "+00:00", "answers": [{"text": t}], "session": s}
        for t, d, (s, ph) in zip(texts, dates, sp)
    ]
    journal = {"format": "kapj-journal", "version": 1, "sessions": sessions, "entries": entries}
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as fh:
        json.dump(journal, fh)
    meta = dict(meta, n_entries=len(entries), gold=gold, stemmer="snowball-english")
    with open(os.path.join(out, name + ".gold.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh)


def spread_dates(n, rng, days=180, start=dt.datetime(2024, 1, 1)):
    return sorted(
        start + dt.timedelta(days=rng.uniform(2, days), hours=rng.uniform(0, 1)) for _ in range(n)
    )


def planted(docs, focus, n, p, rng):
    """Journal of n docs, each from `focus` with probability p; the rest held out."""
    f = [t for lab, t in docs if lab == focus and len(terms(t)) >= 3]
    o = [t for lab, t in docs if lab != focus and len(terms(t)) >= 3]
    rng.shuffle(f)
    rng.shuffle(o)
    k = sum(rng.random() < p for _ in range(n))
    journal = f[:k] + o[: n - k]
    rng.shuffle(journal)
    rest_o = o[n - k:]
    # Contrast: half of the other documents left over (as the dev set did).
    return journal, f[k:], rest_o[: len(rest_o) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=101)
    ap.add_argument("--dreamers", default="alta,arlie,bea1,david,merri,pegasus,madeline3-offcampus",
                    help="comma-separated DreamBank dreamers to build person journals for")
    ap.add_argument("--n", type=int, default=80)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    dreaddit = load_dreaddit(a.corpora)
    isear = load_isear(a.corpora)
    base = {"gold_method": "Monroe et al. 2008 log-odds, informative Dirichlet prior, z>1.96, held-out text"}

    # Dev set uses ptsd, shame, ed: none of them here.
    for src, docs, labels in (
        ("dreaddit", dreaddit, ["anxiety", "relationships", "domesticviolence", "survivorsofabuse", "homeless"]),
        ("isear", isear, ["joy", "fear", "anger", "sadness", "disgust", "guilt"]),
    ):
        for lab in labels:
            rng = random.Random(f"{a.seed}:{src}:{lab}")
            journal, held, contrast = planted(docs, lab, a.n, 0.5, rng)
            gold = {lab: {"terms": gold_terms(held, contrast), "heldout_docs": len(held),
                          "contrast_docs": len(contrast)}}
            write(a.out, f"{src}-{lab}", journal, spread_dates(len(journal), rng), gold,
                  dict(base, source=src, mode="planted", focus=lab, seed=a.seed), rng)
        # Null journals: no planted theme, gold empty (only the theme count matters).
        rng = random.Random(f"{a.seed}:{src}:null")
        pick = rng.sample([t for _, t in docs if len(terms(t)) >= 3], a.n)
        write(a.out, f"{src}-null", pick, spread_dates(a.n, rng), {},
              dict(base, source=src, mode="null", seed=a.seed), rng)

    dreamers = a.dreamers.split(",")
    others = []
    for f in sorted(os.listdir(os.path.join(a.corpora, "dreambank", "dreams"))):
        nm = f[:-5]
        if nm in ("ed",) or ".de" in nm:
            continue
        d = load_dreams(a.corpora, nm)
        others.append((nm, [clean(x.get("content", "")) for x in d["dreams"]]))
    for who in dreamers:
        rng = random.Random(f"{a.seed}:dream:{who}")
        d = load_dreams(a.corpora, who)
        dated = [(parse_date(x.get("head")), clean(x.get("content", ""))) for x in d["dreams"]]
        dated = [(t, c) for t, c in dated if t and len(terms(c)) >= 3]
        rng.shuffle(dated)
        n = min(a.n, len(dated) // 2)
        journal, held = dated[:n], [c for _, c in dated[n:]]
        contrast = [c for nm, cs in others if nm != who for c in cs]
        contrast = rng.sample(contrast, min(6000, len(contrast)))
        # Dated over years: keep the real dates, at an afternoon hour.
        dates = [t + dt.timedelta(hours=15, minutes=rng.randrange(300)) for t, _ in journal]
        gold = {f"dreamer:{who}": {"terms": gold_terms(held, contrast), "heldout_docs": len(held),
                                   "contrast_docs": len(contrast), "description": d["description"]}}
        write(a.out, f"dreambank-{who}", [c for _, c in journal], dates, gold,
              dict(base, source="dreambank", mode="person", dreamer=who, seed=a.seed), rng)


if __name__ == "__main__":
    main()
