#!/usr/bin/env python3
"""Build planted-motif journals for `kapj review` from corpora read at run time.

    python3 make_planted.py CORPORA OUT_DIR --set dev|heldout [--seed N] [--per-size K]

A journal is filler (first-person texts by many people, so nothing in it is
one person's own) into which five personal motifs are planted, one of each
kind: a person's name, a place, a body sensation, a symbol, a feeling word.
Each motif is written in 5-6 entries across at least 3 of the 5 sessions, in
varied wording (several surface forms, each in its own sentence). A decoy
word is repeated in 3-4 entries of one session only: it must never be shown
as recurring. Sizes: 20, 40, 60, 100 and 200 entries, plus one null journal
(filler only) per size.

The two sets share nothing but the method, so choices made on `dev` are
judged on `heldout`:
- dev: ISEAR filler, motif pool A, decoy "saxophone", seed 11;
- heldout: Dreaddit filler, motif pool B, decoy "trampoline", seed 23;
- devdreams: DreamBank filler from the dreamers whose names sort in the
  first half (dream reports: long, and writing of another kind than
  GoEmotions), motif pool A, decoy "saxophone", seed 13;
- dreams: DreamBank filler from the other half of the dreamers, motif pool
  B, decoy "trampoline", seed 31.
- fresh: Dreaddit filler (another sample), motif pool C, decoy "xylophone",
  seed 61; freshdreams: DreamBank filler from the second half of the
  dreamers, pool C, seed 67. Pool C was written after the second round's
  ranking was chosen: these sets were never looked at while choosing.
dev and devdreams are for choosing; heldout and dreams only for reporting.

Writes OUT_DIR/NAME.json (a kapj journal) and OUT_DIR/NAME.motifs.json (the
motifs, their stems, the decoy). Score with eval_planted.py. Nothing made
from the corpora may be committed: OUT_DIR is outside the repository.
"""
import argparse
import datetime as dt
import json
import os
import random

from make_holdout import clean, load_dreaddit, load_dreams, load_isear, schedule, stem, terms

# Each motif: the stems that identify it (a theme naming any of them finds
# it) and sentences, each holding one surface form; a journal uses 5-6 of them.
POOLS = {
    "dev": {
        "name": [
            (["tobia", "tobi"], ["I kept thinking about Tobias all evening.", "Tobias called, and I let it ring.",
                                 "Toby would have laughed at this.", "It reminded me of what Tobias said in June.",
                                 "I wanted to tell Tobias, but did not.", "Tobias's old jacket is still in my car.",
                                 "Somehow Toby was there in my head again."]),
            (["marguerit", "margo"], ["Marguerite wrote me a short note.", "I could hear Marguerite's voice saying it.",
                                      "Margo would understand, I think.", "Marguerite and I used to walk there.",
                                      "I dreamt that Marguerite was waiting.", "Margo's laugh came back to me.",
                                      "I owe Marguerite an answer."]),
            (["ezra"], ["Ezra was on my mind again.", "Ezra's silence still stings.", "I wonder whether Ezra knows.",
                        "Ezra used to say I worry too much.", "I nearly texted Ezra tonight.",
                        "When Ezra left, the room went quiet."]),
        ],
        "place": [
            (["orchard"], ["I pictured the orchard behind the school.", "We used to hide in the orchard.",
                           "The orchards smelled of rotting apples.", "In my mind I was back in the orchard.",
                           "The orchard gate was open.", "Somebody was calling from the far end of the orchard."]),
            (["harbour", "harbor"], ["I walked down to the harbour after dinner.", "The harbor lights came on.",
                                     "Boats knocked together in the harbour.", "I thought of the harbour at dawn.",
                                     "The old harbour wall was cold.", "Gulls circled over the harbor."]),
            (["attic"], ["The attic again, dusty and hot.", "I used to read in the attic.",
                         "Everything from then is boxed up in the attic.", "I climbed to the attic in my dream.",
                         "Rain on the attic roof.", "Attics always scared me as a kid."]),
        ],
        "body": [
            (["chest", "tight"], ["My chest went tight.", "That tightness in my chest came back.",
                                  "Chest tight, breathing shallow.", "I noticed my tight chest on the way home.",
                                  "The chest tightness eased a little.", "Again the tight feeling across my chest."]),
            (["jaw", "clench"], ["My jaw was clenched for hours.", "I caught myself clenching my jaw.",
                                 "A clenched jaw when I woke.", "My jaw ached from clenching.",
                                 "I tried to unclench my jaw.", "Jaw tight, teeth pressed together."]),
            (["tingl"], ["My hands were tingling.", "A tingling ran down my arms.", "The tingle in my fingers returned.",
                         "Tingling in my feet as I lay down.", "Tingling everywhere, then calm.",
                         "I noticed the tingling again."]),
        ],
        "symbol": [
            (["lighthous"], ["I saw a lighthouse in my mind.", "The lighthouse keeps coming up.",
                             "A lighthouse blinking far away.", "I drew a lighthouse on the margin.",
                             "Lighthouses mean something to me.", "The lighthouse was dark this time."]),
            (["wolf", "wolv"], ["The wolf was there again.", "A grey wolf watched from the trees.",
                                "I thought of the wolves.", "The wolf did not attack.",
                                "Wolves howling somewhere.", "I walked beside the wolf."]),
            (["thread"], ["A red thread ran through it.", "I followed the thread.", "The thread snapped.",
                          "Threads tying everything together.", "Holding the end of a thread.",
                          "The red thread again."]),
        ],
        "feeling": [
            (["homesick"], ["I felt homesick all day.", "Homesickness, out of nowhere.", "So homesick it hurt.",
                            "The homesickness faded by evening.", "A wave of being homesick.",
                            "Homesick for a place that is gone."]),
            (["restless"], ["Restless again tonight.", "The restlessness would not settle.", "I was restless at work.",
                            "A restless, buzzing evening.", "Restlessness in my legs.", "Still restless."]),
            (["tender"], ["A tenderness I did not expect.", "I felt tender toward myself.",
                          "Tenderness, for once.", "It left me tender and quiet.", "Such tenderness in that memory.",
                          "Tender, and a little raw."]),
        ],
    },
    "heldout": {
        "name": [
            (["anselm"], ["Anselm phoned while I was out.", "I thought about Anselm's hands.",
                          "Anselm would not have said that.", "I miss Anselm more than I admit.",
                          "Anselm came up in conversation.", "Writing to Anselm helped."]),
            (["rosalind", "ros"], ["Rosalind sent a photo of the garden.", "I could picture Rosalind frowning.",
                                   "Ros and I argued again.", "Rosalind's birthday is soon.",
                                   "I told Ros everything.", "Rosalind was kind about it."]),
            (["priya"], ["Priya texted me this morning.", "Priya's advice keeps coming back.",
                         "I had lunch with Priya.", "Priya noticed before I did.", "I wish Priya lived closer.",
                         "Priya laughed when I told her."]),
        ],
        "place": [
            (["quarri", "quarry"], ["We swam in the quarry as teenagers.", "The quarry was full of green water.",
                                    "I dreamt of the quarry.", "Old quarries frighten me.",
                                    "Standing at the quarry edge.", "The quarry road again."]),
            (["pier"], ["I walked to the end of the pier.", "The pier was empty.", "Waves under the pier.",
                        "We sat on the pier eating chips.", "Piers at night feel lonely.", "The old pier creaked."]),
            (["chapel"], ["The chapel on the hill.", "I sat in the chapel for a while.",
                          "Chapel bells in the distance.", "The cold chapel floor.", "I remembered the chapel.",
                          "Chapels make me quiet."]),
        ],
        "body": [
            (["shoulder", "ach"], ["My shoulders ached.", "Aching shoulders all afternoon.",
                                   "The shoulder ache came back.", "I rubbed my sore shoulders.",
                                   "Shoulders up by my ears, aching.", "My shoulders finally dropped."]),
            (["throat", "lump"], ["A lump in my throat.", "My throat closed up.", "Throat tight and dry.",
                                  "That lump in the throat again.", "I could not swallow past the lump.",
                                  "Something caught in my throat."]),
            (["leg", "heavi", "heavy"], ["My legs felt heavy.", "Heavy legs on the stairs.",
                                         "The heaviness in my legs.", "Legs like lead.",
                                         "I could barely lift my legs.", "Heavy, heavy legs."]),
        ],
        "symbol": [
            (["feather"], ["I found a feather on the step.", "A white feather floated down.",
                           "Feathers everywhere in the dream.", "I kept the feather.", "The feather again.",
                           "A single black feather."]),
            (["compass"], ["A compass spinning.", "I held a compass.", "The compass pointed home.",
                           "My grandfather's compass.", "Compass needle trembling.", "I lost the compass."]),
            (["owl"], ["An owl called outside.", "The owl watched me.", "Owls in the dream again.",
                       "I saw an owl on the fence.", "The owl flew off.", "An owl's face in the dark."]),
        ],
        "feeling": [
            (["numb"], ["I felt numb.", "Numbness, mostly.", "Numb all evening.", "The numbness lifted a little.",
                        "Strangely numb about it.", "Numb, then sad."]),
            (["dread"], ["A dread I could not name.", "Dreading tomorrow.", "The dread sat in me.",
                         "Full of dread.", "Dread, again.", "I woke with dread."]),
            (["awe"], ["A kind of awe.", "I was in awe of it.", "Awe, quiet awe.", "Pure awe for a moment.",
                       "It filled me with awe.", "Awe and a little fear."]),
        ],
    },
}
# Pool C: written after the ranking of issue 18's second round was chosen,
# for sets never looked at before it (fresh, freshdreams).
POOLS["fresh"] = {
    "name": [
        (["ottili", "tilli"], ["Ottilie rang just as I sat down.", "I kept seeing Ottilie's face.",
                                "Tilly would have known what to say.", "Ottilie and I fell out again.",
                                "A card from Ottilie came today.", "I nearly wrote to Tilly."]),
        (["benedikt"], ["Benedikt's voice on the message.", "I thought about Benedikt at the station.",
                        "Benedikt never answered.", "Somehow Benedikt was in it again.",
                        "I owe Benedikt an apology.", "Benedikt laughed, in the memory."]),
        (["imogen"], ["Imogen sat with me for a while.", "I miss Imogen's kitchen.", "Imogen said I was brave.",
                      "I dreamt Imogen was leaving.", "A photo of Imogen fell out.", "Imogen, again."]),
    ],
    "place": [
        (["greenhous"], ["The greenhouse at my grandmother's.", "Warm air in the greenhouse.",
                         "I stood in the greenhouse among tomatoes.", "Greenhouses fog up in winter.",
                         "The greenhouse door banged.", "Back in the greenhouse, in my mind."]),
        (["boathous"], ["The boathouse by the lake.", "We slept in the boathouse once.",
                        "The boathouse smelled of tar.", "I pictured the old boathouse.",
                        "Boathouses always feel abandoned.", "The boathouse roof leaked."]),
        (["tunnel"], ["The tunnel under the railway.", "Walking through a long tunnel.", "Tunnels frighten me.",
                      "At the end of the tunnel, light.", "The tunnel again.", "I ran through the tunnel."]),
    ],
    "body": [
        (["stomach", "knot"], ["A knot in my stomach.", "My stomach knotted up.", "Stomach in knots all morning.",
                               "The knot in the stomach loosened.", "Knots, deep in my stomach.",
                               "My stomach turned."]),
        (["dizzi"], ["Dizzy when I stood up.", "A dizziness came over me.", "Dizzy again at work.",
                              "The dizziness passed.", "Slightly dizzy, all day.", "I felt dizzy on the stairs."]),
        (["neck", "stiff"], ["My neck was stiff.", "A stiff neck this morning.", "Stiffness in my neck again.",
                             "I rubbed my stiff neck.", "Neck stiff from sleeping badly.", "The neck stiffness eased."]),
    ],
    "symbol": [
        (["hourglass"], ["An hourglass, running out.", "The hourglass again.", "I saw an hourglass on a shelf.",
                         "Sand in the hourglass.", "Hourglasses in the dream.", "The hourglass turned over."]),
        (["raven"], ["A raven on the wall.", "The raven watched me.", "Ravens circling.", "The raven spoke, I think.",
                     "A black raven again.", "I followed the raven."]),
        (["mirror"], ["The cracked mirror.", "I looked in a mirror and it was not me.", "Mirrors everywhere.",
                      "The mirror again.", "A mirror in the hall.", "I covered the mirror."]),
    ],
    "feeling": [
        (["yearn"], ["A yearning I cannot name.", "Yearning for something.", "I yearned for quiet.",
                     "That yearning again.", "Yearning, all evening.", "Such yearning."]),
        (["bewild"], ["Bewildered by it all.", "A bewildered feeling.", "I felt bewildered.",
                      "Bewilderment, mostly.", "Still bewildered.", "Bewildered and tired."]),
        (["relief", "reliev"], ["Relief, at last.", "Such relief.", "I felt relieved.", "A wave of relief.",
                                "Relieved, then sad.", "Relief came slowly."]),
    ],
}
POOLS["freshdreams"] = POOLS["fresh"]
POOLS["devdreams"] = POOLS["dev"]
POOLS["dreams"] = POOLS["heldout"]
DECOY = {"dev": "saxophone", "heldout": "trampoline", "devdreams": "saxophone", "dreams": "trampoline",
         "fresh": "xylophone", "freshdreams": "xylophone"}
DECOY_SENTENCES = ["The {} came up again.", "I cannot stop thinking about the {}.", "Someone had a {}.",
                   "That {} again.", "A {}, of all things."]
SIZES = [20, 40, 60, 100, 200]
SESSIONS = 5


def filler_docs(corpora, which):
    if which == "dev":
        docs = [t for _, t in load_isear(corpora)]
    elif which in ("heldout", "fresh"):
        docs = [t for _, t in load_dreaddit(corpora)]
    else:
        docs = []
        files = [f for f in sorted(os.listdir(os.path.join(corpora, "dreambank", "dreams")))
                 if f != "ed.json" and ".de" not in f]  # ed: a dev journal's dreamer; .de: German
        half = len(files) // 2
        for f in files[:half] if which == "devdreams" else files[half:]:  # dreams, freshdreams: other half
            docs += [clean(d.get("content", "")) for d in load_dreams(corpora, f[:-5])["dreams"]]
    return [t for t in docs if len(terms(t)) >= 3]


def place(rng, sessions_of, k):
    """k entries across at least three sessions."""
    by_session = {}
    for i, s in enumerate(sessions_of):
        by_session.setdefault(s, []).append(i)
    while True:
        picks = rng.sample(range(len(sessions_of)), k)
        if len({sessions_of[i] for i in picks}) >= 3:
            return picks


def build(corpora, out, which, seed, per_size):
    rng = random.Random(f"{seed}:{which}")
    fill = filler_docs(corpora, which)
    rng.shuffle(fill)
    used = 0
    start = dt.datetime(2024, 1, 1, 10)
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        for j in range(per_size + 1):
            null = j == per_size
            texts = fill[used:used + n]
            used += n
            if used + 200 > len(fill):
                used = 0
            dates = sorted(start + dt.timedelta(days=rng.uniform(0.2, 14 * SESSIONS - 0.5)) for _ in range(n))
            sessions, sp = schedule(dates, rng)
            sessions_of = [s for s, _ in sp]
            extra = [[] for _ in range(n)]
            motifs = []
            decoy = None
            if not null:
                for kind, pool in POOLS[which].items():
                    stems, sentences = rng.choice(pool)
                    k = rng.choice([5, 6])
                    for i, sentence in zip(place(rng, sessions_of, k), rng.sample(sentences, k)):
                        extra[i].append(sentence)
                    motifs.append({"kind": kind, "stems": stems})
                # Decoy: 3-4 entries of the one session with most entries.
                biggest = max(set(sessions_of), key=sessions_of.count)
                inside = [i for i, s in enumerate(sessions_of) if s == biggest]
                k = min(len(inside), rng.choice([3, 4]))
                for i, sentence in zip(rng.sample(inside, k), rng.sample(DECOY_SENTENCES, k)):
                    extra[i].append(sentence.format(DECOY[which]))
                decoy = stem(DECOY[which])
            entries = []
            for i in range(n):
                body = clean(texts[i])
                for sentence in extra[i]:
                    # Into the entry, not always at its end.
                    parts = body.split(". ")
                    at = rng.randrange(len(parts) + 1)
                    parts.insert(at, sentence.rstrip("."))
                    body = ". ".join(parts)
                entries.append({"phase": sp[i][1], "at": dates[i].isoformat() + "+00:00",
                                "answers": [{"text": body}], "session": sessions_of[i]})
            name = f"planted-{which}-{n:03d}-{'null' if null else j}"
            journal = {"format": "kapj-journal", "version": 1, "sessions": sessions, "entries": entries}
            with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as fh:
                json.dump(journal, fh)
            with open(os.path.join(out, name + ".motifs.json"), "w", encoding="utf-8") as fh:
                json.dump({"size": n, "null": null, "motifs": motifs, "decoy": decoy, "set": which,
                           "seed": seed}, fh)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora")
    ap.add_argument("out")
    ap.add_argument("--set", choices=["dev", "heldout", "devdreams", "dreams", "fresh", "freshdreams"], required=True)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--per-size", type=int, default=6)
    a = ap.parse_args()
    seed = a.seed if a.seed is not None else {"dev": 11, "heldout": 23, "devdreams": 13, "dreams": 31, "fresh": 61, "freshdreams": 67}[a.set]
    build(a.corpora, a.out, a.set, seed, a.per_size)


if __name__ == "__main__":
    main()
