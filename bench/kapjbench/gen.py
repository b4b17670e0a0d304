"""Deterministic generator of benchmark journals.

Writes, for one size, the same journal twice:
  * kapj journal JSON (design.md, "kapj journal JSON"), streamed entry by entry;
  * jrnl's plain-text format: "[YYYY-MM-DD HH:MM] Title line.\\nbody\\n\\n", tags as @tag.

Entry text is first-person sentences sampled from ../shared/data/corpora/ when
that folder exists (read at run time, never copied into the repository), or
from the phrase templates in words.py otherwise.

Structure: a medicine session every ~14 days; around each session an
intention (1-3 days before), an immediate reflection (3-9 h after), 0-2
meaning-making entries (24-72 h after), 0-3 embodiment entries (days 4-13,
each with one small action) and 0-5 free entries; moods 0-10 on some entries,
a few tags, answers keyed by the phase's prompt keys; 60-150 words an entry.
Journals end on 2025-11-30 (local time, UTC+01:00); larger journals simply
reach further back in time.
"""

import csv
import datetime as dt
import glob
import json
import os
import random
import re
import uuid

from . import words as W

GENERATOR_VERSION = 1
OFFSET = "+01:00"
TZ = dt.timezone(dt.timedelta(hours=1))
END_DAY = dt.datetime(2025, 11, 30, tzinfo=TZ)  # last entry falls on or before this day
KAPJ_NOW = "2025-12-01T12:00:00+01:00"  # after the last entry
NEXT_SESSION_AT = dt.datetime(2025, 12, 4, 10, 0, tzinfo=TZ)  # planned, in the future

DAY = 1440  # minutes

_BAD_CHARS = re.compile(r"[\[\]@#*\\<>|{}_~^`=]|https?:|www\.|&\w+;|/r/|/u/")
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
_FIRST_PERSON = re.compile(r"\b(I|my|me|I'm|I've|I'd|myself)\b")
_BODY = re.compile(
    r"\b(chest|throat|stomach|belly|shoulders?|jaw|hands?|heart|breath(e|ing)?|"
    r"legs?|neck|back|head|skin|body|muscles?|tears?|shaking|trembl\w*|tight\w*|"
    r"warm\w*|cold|numb\w*|dizzy|nause\w*|heavy|sweat\w*)\b",
    re.I,
)
_FEEL = re.compile(
    r"\b(feel\w*|felt|sad\w*|afraid|fear\w*|angry|anger|ashamed|shame|guilt\w*|"
    r"joy\w*|happy|happiness|lonely|loneliness|grief|griev\w*|scared|anxious|"
    r"anxiety|relie\w*|hope\w*|hurt|love\w*|cry\w*|cried|upset|calm\w*)\b",
    re.I,
)
_QUESTION_START = re.compile(r"^(Why|What|How|Is|Am|Do|Does|Should|Can|Could|Will|Would|Was|Where|When)\b")


# ---------------------------------------------------------------------------
# sentence pools


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _clean(s):
    w = s.split()
    if len(w) < 4 or len(w) > 40:
        return None
    s = " ".join(w)
    if not s.isascii():
        s = s.replace("\u00e1 ", "").replace(" \u00e1", "")  # ISEAR line-break artefacts
        if len(_NON_ASCII.findall(s)) > 2:
            return None
    if '""' in s or _BAD_CHARS.search(s):
        return None
    if s[0].islower():
        s = s[0].upper() + s[1:]
    if s[-1] not in ".!?":
        s += "."
    return s


def _sentences(text):
    for s in _SENT_SPLIT.split(text.replace("\n", " ")):
        c = _clean(s)
        if c:
            yield c


def _pool(items):
    seen = dict.fromkeys(items)
    return [(s, len(s.split())) for s in seen]


def corpora_dir(shared):
    d = os.path.join(shared, "data", "corpora")
    return d if os.path.isdir(d) else None


def load_corpus_pools(cdir):
    """Sentence pools from the shared corpora (read-only, in memory only)."""
    general, images, questions, body, feelings = [], [], [], [], []

    def take(s, is_dream=False):
        if is_dream:
            images.append(s)
            return
        if not _FIRST_PERSON.search(s):
            return
        general.append(s)
        if s.endswith("?") and _QUESTION_START.match(s):
            questions.append(s)
        if _BODY.search(s):
            body.append(s)
        if _FEEL.search(s):
            feelings.append(s)

    csv.field_size_limit(1 << 28)
    for f in sorted(glob.glob(os.path.join(cdir, "dreaddit", "*.csv"))):
        with open(f, encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh):
                for s in _sentences(row.get("text") or ""):
                    take(s)
    f = os.path.join(cdir, "isear", "isear.csv")
    if os.path.exists(f):
        with open(f, encoding="utf-8", errors="replace") as fh:
            header = fh.readline().rstrip("\n").split("|")
            col = header.index("SIT") if "SIT" in header else None
            if col is not None:
                for line in fh:
                    parts = line.split("|")
                    if len(parts) > col:
                        for s in _sentences(parts[col]):
                            take(s)
    for f in sorted(glob.glob(os.path.join(cdir, "goemotions", "data_original_*.tsv"))):
        with open(f, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                for s in _sentences(line.split("\t", 1)[0]):
                    take(s)
    for f in sorted(glob.glob(os.path.join(cdir, "dreambank", "dreams", "*.json"))):
        if ".de." in os.path.basename(f):
            continue  # German collections
        try:
            with open(f, encoding="utf-8") as fh:
                d = json.load(fh)
        except (OSError, ValueError):
            continue
        # every 4th dream is plenty (about 60,000 sentences) and keeps this fast
        for dream in d.get("dreams", [])[::4]:
            for s in _sentences(dream.get("content") or ""):
                take(s, is_dream=True)
    pools = {
        "general": _pool(general),
        "images": _pool(images),
        "questions": _pool(questions),
        "body": _pool(body),
        "feelings": _pool(feelings),
    }
    if min(len(p) for p in pools.values()) < 50:
        return None  # corpora present but unusable: fall back to the word list
    return pools


def _fill(template, rng):
    def sub(m):
        name = m.group(1)
        if name == "time_c":
            v = rng.choice(W.SLOTS["time"])
            return v[0].upper() + v[1:]
        return rng.choice(W.SLOTS[name])

    s = re.sub(r"\{(\w+)\}", sub, template)
    return s[0].upper() + s[1:]


def template_pools(rng, per_category=1500):
    pools = {}
    for cat, temps in W.TEMPLATES.items():
        pools[cat] = _pool(_fill(rng.choice(temps), rng) for _ in range(per_category))
    return pools


def build_pools(shared, seed):
    """Returns (pools, source-description)."""
    rng = random.Random(f"pools-{seed}")
    pools = template_pools(rng)
    cdir = corpora_dir(shared) if shared else None
    source = "word list (bench/kapjbench/words.py)"
    if cdir:
        cp = load_corpus_pools(cdir)
        if cp:
            pools.update(cp)
            source = f"corpora ({cdir}) + word list"
    return pools, source


# ---------------------------------------------------------------------------
# journal structure


def _uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def schedule(n, rng):
    """Returns (sessions, entries) with times in minutes from an arbitrary origin.

    sessions: list of minute offsets (session k+1 at sessions[k]);
    entries: sorted list of (minute, phase, session_number).
    """
    sessions, entries = [], []
    c = 0
    while len(entries) < n:
        s_at = (c * 14 + rng.randint(-1, 1)) * DAY + 9 * 60 + rng.choice((0, 30, 60, 90, 120, 240, 300))
        sessions.append(s_at)
        num = c + 1
        day0 = s_at - s_at % DAY
        if rng.random() < 0.9:
            d = rng.randint(1, 3)
            entries.append((day0 - d * DAY + rng.randint(19 * 60, 22 * 60 + 59), "intention", num))
        if rng.random() < 0.95:
            entries.append((s_at + rng.randint(3 * 60, 9 * 60), "reflection", num))
        r = rng.random()
        for _ in range(2 if r < 0.3 else 1 if r < 0.9 else 0):
            entries.append((s_at + rng.randint(24 * 60, 72 * 60), "meaning", num))
        for _ in range(rng.randint(0, 3)):
            d = rng.randint(4, 13)
            entries.append((day0 + d * DAY + rng.randint(7 * 60, 22 * 60), "embodiment", num))
        for _ in range(rng.randint(0, 5)):
            d = rng.randint(0, 13)
            m = day0 + d * DAY + rng.randint(7 * 60, 23 * 60 + 30)
            if m > s_at:
                entries.append((m, "free", num))
        c += 1
    entries.sort(key=lambda e: e[0])
    entries = entries[:n]
    last_session = max(e[2] for e in entries)
    return sessions[:last_session], entries


class Writer:
    """Builds entry texts from the pools."""

    def __init__(self, pools, rng):
        self.pools = pools
        self.rng = rng

    def sentence(self, cat):
        return self.rng.choice(self.pools[cat])

    def answer_texts(self, phase, themes):
        rng = self.rng
        prompts = W.PROMPTS[phase]
        target = rng.randint(60, 150)
        keys = [k for k, _ in prompts if k == "action" or rng.random() < 0.8] or [prompts[0][0]]
        parts = {k: [] for k in keys}
        total = 0
        if "action" in keys:
            s, n = self.sentence("action")
            parts["action"].append(s)
            total += n
        text_keys = [k for k in keys if k != "action"] or keys
        if themes and rng.random() < 0.45:
            t = rng.choice(themes)
            s = rng.choice(W.THEME_SENTENCES).format(t=t, T=t[0].upper() + t[1:])
            parts[rng.choice(text_keys)].append(s)
            total += len(s.split())
        i = rng.randrange(len(text_keys))
        while total < target:
            k = text_keys[i % len(text_keys)]
            s, n = self.sentence(W.KEY_POOL[k])
            parts[k].append(s)
            total += n
            i += 1
        prompt_of = dict(prompts)
        return [(k, prompt_of[k], " ".join(parts[k])) for k in keys if parts[k]], total


def _fmt(base, minute):
    t = base + dt.timedelta(minutes=minute)
    return t.strftime("%Y-%m-%dT%H:%M:00") + OFFSET, t.strftime("%Y-%m-%d %H:%M")


def _mood(phase, level, rng):
    p = {"reflection": 0.8, "meaning": 0.7, "embodiment": 0.6, "intention": 0.5, "free": 0.25}[phase]
    if rng.random() >= p:
        return None
    return max(0, min(10, round(level + rng.gauss(0, 1.5))))


def _jrnl_entry(local, answers, tags):
    text = "\n".join(a[2] for a in answers)
    first, _, rest = text.partition("\n")
    m = re.search(r"(?<=[.!?])\s", first)
    if m:
        title, body0 = first[: m.start()], first[m.end():]
    else:
        title, body0 = first, ""
    body = "\n".join(x for x in (body0, rest) if x)
    if tags:
        body = (body + "\n" if body else "") + " ".join("@" + t for t in tags)
    return f"[{local}] {title}\n{body}\n\n" if body else f"[{local}] {title}\n\n"


def generate(n, out_dir, pools, seed=20240917, source="", search_word="father"):
    """Writes journal-N.json, journal-N.txt (jrnl), add-entry.txt and meta-N.json.

    Returns the meta dict.
    """
    rng = random.Random(f"journal-{seed}-{n}")
    os.makedirs(out_dir, exist_ok=True)
    sess_min, sched = schedule(n, rng)
    last_min = sched[-1][0]
    base = END_DAY - dt.timedelta(days=last_min // DAY)
    writer = Writer(pools, rng)

    json_path = os.path.join(out_dir, f"journal-{n}.json")
    txt_path = os.path.join(out_dir, f"journal-{n}.txt")
    word_re = re.compile(r"\b" + re.escape(search_word) + r"\b", re.I) if search_word else None
    word_hits = 0
    total_words = 0
    actions = []
    theme_list = list(W.THEMES)
    active = rng.sample(theme_list, 3)
    mood_level = 5.0
    cur_session = 0
    last_entry_at = None
    sess_objs = []
    for i, m in enumerate(sess_min):
        sess_objs.append({
            "id": _uuid(rng),
            "number": i + 1,
            "at": _fmt(base, m)[0],
            "note": rng.choice(W.SESSION_NOTES),
            "setting": rng.choice(W.SETTINGS),
            "dose": rng.choice(W.DOSES),
        })
    planned = {
        "id": _uuid(rng),
        "number": len(sess_objs) + 1,
        "at": NEXT_SESSION_AT.strftime("%Y-%m-%dT%H:%M:00") + OFFSET,
        "note": "planned",
        "setting": rng.choice(W.SETTINGS),
        "dose": rng.choice(W.DOSES),
    }
    sess_objs.append(planned)
    recent_cut = last_min - 60 * DAY

    with open(json_path, "w", encoding="utf-8") as fj, open(txt_path, "w", encoding="utf-8") as ft:
        fj.write('{\n"format": "kapj-journal",\n"version": 1,\n')
        fj.write(f'"exported_at": "{KAPJ_NOW}",\n"sessions": [\n')
        fj.write(",\n".join(json.dumps(s, ensure_ascii=False) for s in sess_objs))
        fj.write('\n],\n"entries": [\n')
        first = True
        for minute, phase, snum in sched:
            if snum != cur_session:
                cur_session = snum
                # themes drift: now and then one fades and another arrives
                if rng.random() < 0.25:
                    active[rng.randrange(len(active))] = rng.choice(theme_list)
                mood_level = max(1.0, min(9.0, mood_level + rng.gauss(0.05, 0.8)))
            answers, nwords = writer.answer_texts(phase, active)
            total_words += nwords
            at, local = _fmt(base, minute)
            last_entry_at = at
            r = rng.random()
            tags = [] if r < 0.45 else rng.sample(W.TAGS, 1 if r < 0.8 else 2 if r < 0.95 else 3)
            eid = _uuid(rng)
            entry = {
                "id": eid,
                "phase": phase,
                "session": snum,
                "at": at,
                "mood": _mood(phase, mood_level, rng),
                "tags": tags,
                "private": rng.random() < 0.05,
                "answers": [{"key": k, "prompt": p, "text": t} for k, p, t in answers],
            }
            if word_re and any(word_re.search(a[2]) for a in answers):
                word_hits += 1
            for k, _, t in answers:
                if k == "action":
                    if minute >= recent_cut:
                        state = "open"
                    else:
                        x = rng.random()
                        state = "done" if x < 0.65 else "dropped" if x < 0.97 else "open"
                    done_at = None
                    if state == "done":
                        done_at = _fmt(base, minute + rng.randint(1, 10) * DAY)[0]
                    actions.append({"id": _uuid(rng), "entry": eid, "text": t, "state": state,
                                    "at": at, "done_at": done_at})
            fj.write(("" if first else ",\n") + json.dumps(entry, ensure_ascii=False))
            first = False
            ft.write(_jrnl_entry(local, answers, tags))
        fj.write('\n],\n"actions": [\n')
        fj.write(",\n".join(json.dumps(a, ensure_ascii=False) for a in actions))
        fj.write("\n]\n}\n")

    # the text added by the "add one entry" benchmark (one line: also used as jrnl's argument)
    add_answers, _ = writer.answer_texts("free", active)
    add_text = " ".join(a[2] for a in add_answers)
    add_path = os.path.join(out_dir, f"add-entry-{n}.txt")
    with open(add_path, "w", encoding="utf-8") as fa:
        fa.write(add_text + "\n")

    meta = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "entries": len(sched),
        "sessions": len(sess_objs),
        "actions": len(actions),
        "first_entry": _fmt(base, sched[0][0])[0],
        "last_entry": last_entry_at,
        "kapj_now": KAPJ_NOW,
        "words_per_entry": round(total_words / len(sched), 1),
        "search_word": search_word,
        "entries_with_search_word": word_hits,
        "source": source,
        "json": json_path,
        "jrnl": txt_path,
        "add_entry": add_path,
        "json_bytes": os.path.getsize(json_path),
        "jrnl_bytes": os.path.getsize(txt_path),
    }
    with open(os.path.join(out_dir, f"meta-{n}.json"), "w", encoding="utf-8") as fm:
        json.dump(meta, fm, indent=1)
    return meta
