"""Word lists and phrase templates written for this benchmark.

Used for every generated journal (prompts, sessions, actions, recurring
themes) and, when ../shared/data/corpora/ is absent, for all of the entry
text too. Nothing here comes from the shared corpora.
"""

PROMPTS = {
    "intention": [
        ("now", "How are you arriving at this session: body, mood, what is pressing?"),
        ("intention", "What is your intention or question for this session?"),
        ("concerns", "What worries or hopes do you bring with you?"),
    ],
    "reflection": [
        ("body", "What did you notice in your body?"),
        ("images", "What images, colours or scenes came up?"),
        ("feelings", "Which feelings were there?"),
        ("message", "Was there a message, a sentence or a word that stayed with you?"),
    ],
    "meaning": [
        ("threads", "Which threads connect this session to your life?"),
        ("memories", "Which memories or symbols came back?"),
        ("beliefs", "Did a belief about yourself shift?"),
        ("questions", "What questions do you want to bring to your therapist?"),
    ],
    "embodiment": [
        ("changed", "What has changed since the session, and what has not?"),
        ("body", "What is your body asking for?"),
        ("boundaries", "Where do you need a boundary?"),
        ("action", "One small concrete action for the coming days:"),
    ],
    "free": [
        ("text", ""),
    ],
}

# Which sentence pool feeds which answer key.
KEY_POOL = {
    "now": "general",
    "intention": "intention",
    "concerns": "general",
    "body": "body",
    "images": "images",
    "feelings": "feelings",
    "message": "message",
    "threads": "general",
    "memories": "images",
    "beliefs": "feelings",
    "questions": "questions",
    "changed": "general",
    "boundaries": "general",
    "action": "action",
    "text": "general",
}

TAGS = [
    "grief", "father", "mother", "body", "anxiety", "sleep", "work", "anger",
    "joy", "shame", "nature", "music", "breath", "childhood", "partner",
    "fear", "hope", "dream", "loneliness", "forgiveness",
]

SETTINGS = [
    "clinic room, eyeshades and headphones",
    "at home, therapist on video",
    "clinic, with my therapist in the room",
    "quiet room, blanket, music playlist",
    "group room, two facilitators",
]

DOSES = [
    "sublingual lozenge 200 mg", "sublingual lozenge 300 mg", "IM 0.5 mg/kg",
    "IM 0.75 mg/kg", "IV 0.5 mg/kg over 40 min", "IV 0.75 mg/kg over 40 min",
]

SESSION_NOTES = [
    "", "", "", "", "first session after the break",
    "felt rushed getting there", "booster session", "music felt too loud at first",
    "long integration talk afterwards",
]

# Recurring themes: a journal picks a few and they come and go over sessions.
THEMES = [
    "my father", "my mother", "a tight chest", "the ocean", "my grandmother's house",
    "falling", "a bright light", "forgiveness", "shame", "the river", "my sister",
    "the old apartment", "a locked door", "my brother", "the forest", "being held",
    "my partner", "the hospital", "a child version of me", "the garden", "my work",
    "dissolving", "the stars", "a wolf", "my teacher", "the kitchen table",
]

THEME_SENTENCES = [
    "I keep coming back to {t}.",
    "{T} showed up again, quieter this time.",
    "There was something about {t} that stayed with me all evening.",
    "When I think of {t} my breathing changes.",
    "I noticed {t} again and did not push it away.",
    "It was {t} again, and I let myself stay with it.",
    "I wrote about {t} before, but today it felt different.",
    "Somehow {t} is still here, even after all these weeks.",
]

# --- phrase grammar for the word-list fallback -----------------------------

SLOTS = {
    "feeling": [
        "sad", "tired", "calm", "restless", "hopeful", "scared", "angry", "tender",
        "numb", "grateful", "lonely", "ashamed", "relieved", "raw", "open",
        "heavy", "light", "uneasy", "safe", "small", "curious", "flat", "soft",
    ],
    "feeling_noun": [
        "grief", "fear", "relief", "anger", "shame", "joy", "sadness", "warmth",
        "loneliness", "tenderness", "hope", "guilt", "peace", "panic", "longing",
    ],
    "body_part": [
        "chest", "throat", "stomach", "shoulders", "jaw", "hands", "belly",
        "back", "neck", "legs", "heart", "forehead", "feet", "lower back",
    ],
    "body_sense": [
        "tight", "warm", "heavy", "buzzing", "cold", "loose", "tingling",
        "sore", "hollow", "soft", "shaky", "numb", "open",
    ],
    "person": [
        "my mother", "my father", "my sister", "my brother", "my partner",
        "my friend", "my therapist", "my boss", "my grandmother", "my son",
        "my daughter", "an old friend", "my neighbour", "my ex",
    ],
    "place": [
        "the kitchen", "the car", "the office", "the park", "my bedroom",
        "the beach", "the bus", "the garden", "my parents' house", "the shop",
        "the hallway", "the woods", "the train",
    ],
    "image": [
        "a field of blue light", "a long corridor", "waves folding over each other",
        "a house with no roof", "a small boat", "colours moving like smoke",
        "a door that kept opening", "a staircase going down", "a huge tree",
        "my childhood bedroom", "a desert at night", "a circle of faces",
        "a river made of glass", "geometric shapes", "a dark cave",
    ],
    "activity": [
        "walking", "cooking", "sleeping", "working", "talking", "reading",
        "running", "crying", "breathing", "driving", "waiting", "listening",
        "cleaning", "stretching", "resting",
    ],
    "time": [
        "this morning", "last night", "today", "yesterday", "all week",
        "after the session", "at work", "before bed", "on the way home",
        "over the weekend", "in the afternoon",
    ],
    "need": [
        "rest", "quiet", "space", "movement", "water", "sleep", "company",
        "time alone", "a long walk", "a warm bath", "fresh air", "stillness",
    ],
    "want": [
        "feel less afraid", "be kinder to myself", "understand my anger",
        "let go of the old story", "stay with the grief", "trust my body",
        "see my father more clearly", "stop rushing", "forgive myself",
        "listen to what the fear wants", "feel at home in my body",
        "find out what I actually need",
    ],
    "small_action": [
        "Walk by the river on Sunday morning", "Call my sister this week",
        "Go to bed before eleven", "Write three lines every evening",
        "Say no to the extra shift", "Stretch for ten minutes after work",
        "Cook a real dinner on Thursday", "Leave my phone in the hallway at night",
        "Sit outside for five minutes each day", "Ask my partner for a hug",
        "Book the dentist appointment", "Take the stairs and notice my legs",
        "Tell my therapist about the dream", "Drink a glass of water each morning",
    ],
}

TEMPLATES = {
    "general": [
        "I felt {feeling} {time} and I did not know why.",
        "{time_c} I was {activity} and suddenly felt {feeling}.",
        "I keep thinking about {person} and what they said.",
        "It is hard to explain, but I feel more {feeling} than before.",
        "I talked with {person} {time} and it went better than I expected.",
        "There is a lot of {feeling_noun} around {person} right now.",
        "I noticed I was {activity} just to avoid feeling {feeling}.",
        "I am trying not to judge myself for feeling {feeling}.",
        "Most of the day I felt {feeling}, with moments of {feeling_noun}.",
        "I was in {place} and remembered something from when I was small.",
        "My sleep has been {body_sense} and broken {time}.",
        "I want to be honest here: I feel {feeling} and a bit {feeling}.",
        "Work was a lot {time}, and I came home {feeling}.",
        "I do not have to fix anything today.",
        "I let myself cry {time}, and afterwards I felt {feeling}.",
    ],
    "body": [
        "My {body_part} felt {body_sense} for most of the session.",
        "There was a {body_sense} feeling in my {body_part}.",
        "I noticed my {body_part} letting go, slowly.",
        "When I breathed into my {body_part} it became {body_sense}.",
        "My {body_part} was {body_sense} and I could not stop noticing it.",
        "Afterwards my whole body felt {body_sense}.",
    ],
    "images": [
        "I saw {image}.",
        "There was {image}, and then {image}.",
        "At one point I was inside {image}.",
        "I remember {image} and a feeling of {feeling_noun}.",
        "Everything turned into {image}.",
    ],
    "feelings": [
        "Mostly {feeling_noun}, then {feeling_noun}.",
        "I felt {feeling} and {feeling} at the same time.",
        "A wave of {feeling_noun} came and went.",
        "I think it was {feeling_noun} underneath the {feeling_noun}.",
    ],
    "message": [
        "The sentence that stayed was: you are allowed to rest.",
        "Something said: you do not have to carry all of it.",
        "I heard the word {feeling_noun}, very clearly.",
        "The message was simple: slow down.",
        "It felt like being told that {person} was doing their best.",
    ],
    "questions": [
        "Why do I feel {feeling} around {person}?",
        "What does the {feeling_noun} want from me?",
        "Is it normal to feel {feeling} days after a session?",
        "How do I hold on to this when work starts again?",
        "What was {image} about?",
    ],
    "intention": [
        "I want to {want}.",
        "My intention is to {want}.",
        "I would like to {want}, if that is possible.",
        "The question I bring: how can I {want}?",
    ],
    "action": [
        "{small_action}.",
    ],
}
