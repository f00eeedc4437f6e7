"""The fixed sample of texts the Swift transformer is checked against.

Deterministic: the same list on every run (seeded generator, no clock, no network). It covers
what a memory store holds and what breaks tokenizers: plain English facts and questions,
accented Latin scripts, CJK, other scripts, emoji, code, URLs, numbers, empty and
punctuation-only text, control and zero-width characters, a word longer than 100 characters,
and texts longer than the 256-token window.
"""

import random

FACTS = [
    "I moved to Lisbon in March and started working remotely for a design studio.",
    "My sister Anna is allergic to peanuts and shellfish.",
    "We adopted a grey cat called Pixel from the shelter last spring.",
    "The quarterly report is due on the 14th; Marco owns the revenue section.",
    "I prefer window seats on long flights and always pack noise-cancelling headphones.",
    "Our team switched from Jenkins to GitHub Actions because builds kept timing out.",
    "Caroline went to the LGBTQ support group on Tuesday and said it felt welcoming.",
    "Melanie painted a sunrise over the lake and hung it in her kitchen.",
    "The database migration failed because the index name was longer than 63 characters.",
    "I run 5 km every morning before work, except on Sundays.",
    "My daughter's piano recital is on June 3rd at 6 pm in the school hall.",
    "Dr. Patel recommended physiotherapy twice a week for my left knee.",
    "The Wi-Fi password for the cabin is written on the back of the fridge magnet.",
    "I am learning Japanese and can read about 300 kanji so far.",
    "Our landlord agreed to fix the leaking bathroom tap by Friday.",
    "Tom thinks the new logo looks too corporate and wants warmer colours.",
    "The production server runs Debian 12 with 2 vCPUs and 24 GB of memory.",
    "I stopped drinking coffee after 2 pm because it ruins my sleep.",
    "Grandma's lasagne recipe uses nutmeg in the béchamel.",
    "We are saving for a house deposit and hope to buy in the next two years.",
    "The hamster escaped twice last week; the cage door latch is broken.",
    "Jon lost his job at the bank and is opening a dance studio.",
    "I booked the dentist for a cleaning on the first Monday of next month.",
    "The invoice from Acme Corp was paid late because the PO number was missing.",
    "My favourite book is The Left Hand of Darkness by Ursula K. Le Guin.",
    "She volunteers at the food bank every second Saturday.",
    "The API returns HTTP 429 when more than 100 requests arrive per minute.",
    "I'm vegetarian but I still eat fish occasionally.",
    "Our wedding anniversary is on the 22nd of September.",
    "The kids want a trampoline, but the garden is too small for one.",
]

QUESTIONS = [
    "What did Caroline research after the support group?",
    "When is my daughter's piano recital?",
    "Which cat did we adopt?",
    "What is my sister allergic to?",
    "Where did I move to this year?",
    "Why did the database migration fail?",
    "How often do I go running?",
    "Who owns the revenue section of the quarterly report?",
    "What does the API do when there are too many requests?",
    "Which seat do I like on planes?",
    "what's the wifi password at the cabin",
    "did the landlord fix the tap",
    "Is Jon still working at the bank?",
    "How many kanji can I read?",
    "What colour should the new logo be?",
    "Do I eat meat?",
    "When do we celebrate our anniversary?",
    "What's in grandma's lasagne?",
    "feline pet adopted from a shelter",
    "rodent escaped from its enclosure",
]

SUBJECTS = ["I", "My brother", "Our manager", "The landlord", "Sofia", "My doctor", "The team",
            "Grandpa", "Our neighbour", "The client", "My partner", "Ravi", "The school", "Lena"]
VERBS = ["prefers", "bought", "cancelled", "recommended", "forgot", "planned", "fixed", "loves",
         "hates", "scheduled", "borrowed", "painted", "reviewed", "sold", "visited"]
OBJECTS = ["a second-hand bicycle", "the trip to Kyoto", "green tea over coffee", "the kitchen sink",
           "a new laptop with 32 GB of RAM", "the blue sofa", "yoga classes on Thursday evenings",
           "the contract renewal", "a vegan birthday cake", "the museum in Porto",
           "the flaky integration test", "an electric car", "the garden fence", "a mortgage advisor",
           "the budget spreadsheet", "a puppy named Biscuit"]
TAILS = ["", " last week", " yesterday", " in 2023", " because it was cheaper", " for the holidays",
         " after the meeting", " without telling anyone", " on the 5th of May", " twice"]

ACCENTS = [
    "Café crème, naïve façade, déjà vu, São Paulo, Zürich, Ångström.",
    "Je m'appelle Élodie et j'habite à Montréal depuis l'été dernier.",
    "El señor Muñoz compró una cámara fotográfica en León.",
    "Die Straße in München war gesperrt, weil die Brücke repariert wurde.",
    "O coração da cidade é a praça, onde as crianças brincam à noite.",
    "Tiếng Việt có nhiều dấu: người, được, những, nước.",
    "Łódź, Kraków and Gdańsk are cities in Poland.",
    "İstanbul'da çay içmeyi çok seviyorum.",
    "ÀÉÎÕÜ àéîõü ÇÑ çñ",
    "Crème brûlée or tarte tatin? Both, s'il vous plaît!",
    "Smørrebrød og æbleskiver er dansk mad.",
    "résumé vs resume, coöperate vs cooperate",
    "e\u0301 composed with a combining accent, n\u0303 and a\u0308 too",
]

CJK = [
    "我喜欢在周末去公园散步。",
    "明天下午三点开会，请准时参加。",
    "東京で寿司を食べました。とても美味しかったです。",
    "私の猫の名前はミケです。",
    "카페에서 친구를 만났어요.",
    "한국어를 공부하고 있습니다.",
    "北京烤鸭 and Peking duck are the same dish.",
    "漢字とひらがなとカタカナ",
    "中文 English 日本語 한국어 mixed",
    "（全角の括弧）と「かぎ括弧」",
    "ｆｕｌｌｗｉｄｔｈ ｌｅｔｔｅｒｓ １２３",
    "𠀀𠀁 rare ideographs beyond the basic plane",
]

OTHER_SCRIPTS = [
    "Привет, как дела? Я живу в Москве.",
    "Γειά σου κόσμε, καλημέρα!",
    "مرحبا بالعالم، كيف حالك؟",
    "שלום עולם, מה שלומך?",
    "नमस्ते, आप कैसे हैं?",
    "สวัสดีครับ ยินดีที่ได้รู้จัก",
    "ሰላም ለዓለም",
]

EMOJI = [
    "I love pizza 🍕🍕🍕",
    "😀😃😄😁😆",
    "Great job team! 🎉👏 Ship it 🚀",
    "👨‍👩‍👧‍👦 family emoji with zero-width joiners",
    "🇵🇹 🇯🇵 🇺🇸 flags",
    "❤️ red heart with a variation selector",
    "thumbs up 👍🏽 with a skin tone",
    "🙂",
]

CODE = [
    "def fibonacci(n):\n    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)",
    "SELECT id, title FROM chats WHERE platform = 'claude' ORDER BY updated_at DESC LIMIT 10;",
    "let vector = encoder.encode(\"hello\") // 384 floats",
    "for (int i = 0; i < n; ++i) { sum += a[i] * b[i]; }",
    "git rebase -i HEAD~3 && git push --force-with-lease",
    "{\"role\": \"user\", \"content\": \"hi\", \"id\": 42}",
    "<div class=\"card\"><span>Price: $19.99</span></div>",
    "fn main() { println!(\"Hello, world!\"); }",
    "npm ERR! code ERESOLVE unable to resolve dependency tree",
    "Traceback (most recent call last):\n  File \"app.py\", line 12, in <module>\n    main()\nKeyError: 'user_id'",
    "x = [i**2 for i in range(10) if i % 2 == 0]",
    "#include <stdio.h>\nint main(void) { return 0; }",
    "curl -s https://example.com/api/v1/items?limit=20&offset=40 | jq '.items[].name'",
    "C:\\Users\\ana\\Documents\\report_final_v2 (1).docx",
]

MISC = [
    "Call me at +44 20 7946 0958 or email jane.doe@example.org.",
    "https://www.example.com/path/to/page?query=semantic+search#section-2",
    "3.14159 2.71828 1.41421 1,000,000 42% $5.99 €12,50",
    "The meeting is at 09:30 on 2024-03-15 (UTC+01:00).",
    "UPPERCASE TEXT SHOULD BE LOWERCASED BY THE TOKENIZER",
    "MiXeD cAsE wOrDs",
    "don't can't won't shouldn't y'all",
    "hello-world foo_bar baz.qux",
    "a",
    "I",
    "the",
    "ok",
    "Hello",
    "hello hello hello hello hello hello hello hello",
    "unbelievably antidisestablishmentarianism supercalifragilisticexpialidocious",
    "TL;DR: use int8 weights with per-channel scales.",
    "Q: What's 2+2? A: 4.",
    "#hashtag @mention $CASHTAG",
    "...and then?!",
    "\"quoted\" 'single' «guillemets» „German“ ‘curly’",
]

EDGE = [
    "",
    " ",
    "   \t\n  ",
    "!!!",
    "?!.,;:",
    "...",
    "—–-",
    "()[]{}<>",
    "@#$%^&*",
    "\u0000",
    "before\u0000after",
    "tab\tseparated\tvalues",
    "line one\nline two\r\nline three",
    "bell\u0007 and escape\u001b[31m red \u001b[0m",
    "zero\u200bwidth\u200cjoiner\u200dtext",
    "\ufeffbyte order mark at the start",
    "soft\u00adhyphen",
    "replacement \ufffd character",
    "private use \ue000\uf8ff characters",
    "\u00a0non-breaking\u00a0spaces\u3000ideographic space",
    "right-to-left \u202eoverride\u202c mark",
    "x" * 101,
    "y" * 100,
    "pneumonoultramicroscopicsilicovolcanoconiosis" * 3,
    "🍕" * 50,
    "!" * 300,
]


def long_texts(rng):
    """Texts past the 256-token window: the encoder must cut them exactly where Python does."""
    words = [w for s in FACTS for w in s.split()]
    out = []
    for n in (150, 255, 400, 2000):
        out.append(" ".join(rng.choice(words) for _ in range(n)))
    out.append("测试" * 400)
    out.append(" ".join(FACTS) * 4)
    return out


def sample_texts():
    """Every text of the sample, in a fixed order."""
    rng = random.Random(20240601)
    texts = []
    texts += FACTS + QUESTIONS
    for _ in range(160):
        sentence = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."
        texts.append(sentence)
    texts += ACCENTS + CJK + OTHER_SCRIPTS + EMOJI + CODE + MISC + EDGE
    texts += long_texts(rng)
    # Drop exact duplicates from the generator while keeping the order.
    seen, unique = set(), []
    for t in texts:
        if t not in seen:
            seen.add(t)
            unique.append(t)
    return unique


if __name__ == "__main__":
    print(len(sample_texts()))
