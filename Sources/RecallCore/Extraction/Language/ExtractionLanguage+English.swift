import Foundation

extension ExtractionLanguage {
    /// English: the reference table.
    static let english = ExtractionLanguage(
        code: "en",
        markers: [
            "the", "and", "i", "i'm", "my", "is", "to", "a", "of", "in", "you", "it", "that", "was", "for", "with",
            "this",
            "have", "but", "not", "are", "so", "just", "me", "we", "at", "be",
        ],
        openers: [
            "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "my", "me", "we", "we're", "we've", "our", "gonna", "going",
            "started", "joined", "finished", "went", "visited", "bought", "adopted", "signed", "took", "picked",
            "tried",
            "attended", "just", "moved", "got", "been", "call", "people", "as",
        ],
        patterns: EnglishPatterns.all,
        hypotheticals: [
            "if ", "if,", "what if", "suppose", "supposing", "imagine", "let's say", "lets say", "pretend", "unless ",
            "in case", "i wish", "wish i", "would have", "would've", "could have", "could've", "should have",
            "should've",
            "as if", "i wonder", "i dreamt", "i dreamed", "in my dream", "roleplay", "role-play", "role play",
        ],
        hedgeOpenings: [
            "i think ", "i guess ", "i suppose ", "i believe that ", "i feel like ", "maybe ", "probably ", "perhaps ",
            "i'm pretty sure ", "im pretty sure ", "i'm not sure but ",
        ],
        hedgeWords: ["maybe", "probably", "perhaps", "kinda", "sorta", "possibly", "might"],
        clauseStarts: [
            ", ", "; ", ": ", " - ", " – ", " — ", " and ", " but ", " so ", " because ", " cause ", " since ",
            " although ",
            " though ", " while ", " realized that ", " realised that ", " realized ", " realised ", " found out that ",
            " found out ", " figured out ", " discovered that ",
        ],
        // Reasons and relative clauses ("because …", "who …") stay with the statement they explain.
        clauseEnds: [
            " although ", " though ", " but ", " so i ", " so we ", ", so ", ";", ": ", " - ", " – ", " — ", " (",
            ", and ",
            ", but ", " and i ", " and i'm ", " and im ", " and i've ", " and my ", " and we ", " and it ",
            " and it's ",
            " and its ", " and that ", " and they ", " and he ", " and she ", " and you ", " and then ", ", it ",
            ", it's ",
            ", i ", ", i'm ", ", im ", ", my ", ", we ", ", you ", ", they ", ", he ", ", she ", ", that ",
            ", this is ",
            ", here's ", ", here is ", " so the ", " so my ", " so it ", " so it's ", " so please ", " if ", " plus i ",
            " plus my ", " plus it ", " plus we ", " plus the ",
            // A comment on the statement ("…, which is pretty exciting") is not part of it.
            ", which is ", ", which was ", ", which has been ", " which was ", ", such a ",
        ],
        fillers: [
            "well", "so", "actually", "honestly", "also", "btw", "oh", "and", "but", "yeah", "yes", "yep", "no", "nope",
            "hi", "hey", "hello", "fyi", "ok", "okay", "anyway", "anyways", "personally", "basically", "plus", "wow",
            "haha", "lol", "omg", "um", "uh", "hmm", "sure", "true", "right", "now", "then", "still", "totally", "tbh",
            "ah", "aw", "aww", "oops", "luckily", "sadly", "unfortunately", "fortunately", "thankfully", "guess",
            "funny",
            "recently", "lately", "finally", "seriously", "definitely", "absolutely", "exactly",
        ],
        trailingFillers: [
            " too", " as well", " lol", " haha", " hahaha", " though", " anyway", " anyways", " tbh", " btw",
            " for sure",
            " honestly", " now", " again", " right", " all of that", " and stuff", " and all that", " etc",
            " and so on",
            " or something", " or so", ", that's it", " that's it", " that's all",
            // A clause cut short leaves a dangling function word ("a library for").
            " for", " to", " with", " and", " or", " of", " at", " in", " on", " about", " from", " by", " the", " a",
            " an", " my", " so", " but", " as", " like",
        ],
        vagueStarts: [
            "it", "it's", "its", "that's", "them", "they", "how", "what", "when", "where", "why", "which", "who",
            "whom",
            "whatever", "whoever", "so", "too", "one", "ones", "there", "here", "him", "her", "he", "she", "to",
            "everything", "something", "anything", "nothing", "stuff", "things", "doing", "being", "the way",
            "the fact",
            "the idea", "the same", "a lot", "such", "same", "do", "be", "me", "myself", "us", "well", "yes", "no",
            "not",
            "like", "really", "good", "great", "more", "is", "was", "are", "were", "kind", "sort", "way", "thing",
        ],
        demonstratives: ["this", "that", "these", "those"],
        secondPerson: [
            "you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll", "u", "ur", "ya",
        ],
        firstPerson: ["i", "i'm", "im", "i've", "ive", "i'd", "my", "me", "we", "our", "mine", "myself"],
        listBreakers: [
            "it", "it's", "its", "they", "they're", "he", "she", "you", "that", "that's", "this", "there", "then", "so",
            "now", "also", "yes", "no", "we're", "he's", "she's", "i'll", "we'll",
        ],
        questionWords: [
            "how", "what", "what's", "which", "who", "where", "when", "why", "can", "could", "should", "would", "will",
            "do", "does", "did", "is", "are", "was", "any", "anything", "have", "has", "shall", "may", "might", "isn't",
            "aren't", "don't", "doesn't", "wouldn't", "got",
        ],
        contractions: [
            "i'm": "I am", "im": "I am", "i've": "I have", "ive": "I have", "i'd": "I would", "i'll": "I will",
            "we're": "we are", "we've": "we have", "we'd": "we would", "we'll": "we will",
        ],
        userPhrases: ["the user"],
        thirdPerson: ThirdPerson(
            pronouns: [
                "i": "they", "me": "them", "my": "their", "mine": "theirs", "myself": "themselves", "i'm": "they're",
                "i've": "they've", "i'd": "they'd", "i'll": "they'll", "we": "they", "our": "their", "ours": "theirs",
                "us": "them", "ourselves": "themselves", "we're": "they're", "we've": "they've",
            ],
            verbs: [
                "am": "is", "'m": "is", "im": "is", "i'm": "is", "have": "has", "'ve": "has", "ive": "has",
                "do": "does",
                "don't": "doesn't", "do not": "does not", "'d": "would", "would": "would", "can't": "can't",
                "cannot": "cannot",
                "can": "can", "will": "will", "'ll": "will", "must": "must", "should": "should", "go": "goes",
                "'m gonna": "is going", "am gonna": "is going", "im gonna": "is going",
            ],
            agreement: ["was": "were", "am": "are"],
            addsEnglishEnding: true),
        restatement: Restatement(
            markers:
                #"as you (?:mentioned|said|told me|noted|shared|pointed out)(?: before| earlier)?,? |you (?:mentioned|said|told me|noted|shared)(?: before| earlier)?,? (?:that )?|(?:since|given that|because|now that|knowing) (?=you(?:'re| are|'ve| have| live| work| love| like| hate|r ))|i remember (?:that )?(?=you)|i know (?:that )?(?=you(?:'re| are| have| live| work| love| like))"#,
            needles: [
                "you mentioned", "you said", "you told", "you noted", "you shared", "you pointed", "since you",
                "given that you",
                "because you", "now that you", "knowing you", "remember you", "remember that you", "know you",
                "know that you",
            ],
            words: ["your": "my", "yours": "mine", "yourself": "myself", "you": "me"],
            subject: ["you": "I", "you're": "I'm", "you've": "I've", "you'd": "I'd", "you'll": "I'll", "your": "my"],
            verbs: ["are": "am", "were": "was"]),
        time: TimeVocabulary(
            phrases: [
                TimePhrase(#"the day before yesterday"#, .step(.day, -2)),
                TimePhrase(#"yesterday(?: morning| afternoon| evening)?|last night"#, .step(.day, -1)),
                TimePhrase(#"(?:earlier )?today|this morning|this afternoon|this evening|tonight"#, .step(.day, 0)),
                TimePhrase(#"the day after tomorrow"#, .step(.day, 2)),
                TimePhrase(#"tomorrow(?: morning| afternoon| evening| night)?"#, .step(.day, 1)),
                TimePhrase(#"last weekend|over the weekend"#, .step(.weekend, -1)),
                TimePhrase(#"this weekend"#, .step(.weekend, 0)),
                TimePhrase(#"next weekend"#, .step(.weekend, 1)),
                TimePhrase(#"last week"#, .step(.week, -1)),
                TimePhrase(#"this week|earlier this week"#, .step(.week, 0)),
                TimePhrase(#"next week"#, .step(.week, 1)),
                TimePhrase(#"last month"#, .step(.month, -1)),
                TimePhrase(#"this month|earlier this month"#, .step(.month, 0)),
                TimePhrase(#"next month"#, .step(.month, 1)),
                TimePhrase(#"last year"#, .step(.year, -1)),
                TimePhrase(#"this year|earlier this year"#, .step(.year, 0)),
                TimePhrase(#"next year"#, .step(.year, 1)),
                TimePhrase(
                    #"(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a couple|couple of) (days?|weeks?|months?|years?) ago"#,
                    .counted(sign: -1)),
                TimePhrase(
                    #"in (\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of) (days?|weeks?|months?|years?)(?! ago)"#,
                    .counted(sign: 1)),
                TimePhrase(#"last (monday|tuesday|wednesday|thursday|friday|saturday|sunday)"#, .weekday(.past)),
                TimePhrase(#"next (monday|tuesday|wednesday|thursday|friday|saturday|sunday)"#, .weekday(.future)),
                TimePhrase(#"on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)"#, .weekday(.byTense)),
                TimePhrase(
                    #"last (january|february|march|april|may|june|july|august|september|october|november|december)"#,
                    .month(.past)),
                TimePhrase(
                    #"(?:back )?in (january|february|march|april|june|july|august|september|october|november|december|May)(?:,? (\d{4}))?"#,
                    .month(.byTense)),
                TimePhrase(#"(?:back )?in (\d{4})"#, .year),
            ],
            units: [
                "day": .day, "days": .day, "week": .week, "weeks": .week, "month": .month, "months": .month,
                "year": .year, "years": .year,
            ],
            numbers: [
                "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
            ],
            weekdays: [
                "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
            ],
            months: [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ],
            monthAliases: ["sept": 9],
            formats: [
                .day: "on {d} {m} {y}", .week: "in the week of {d} {m} {y}", .weekend: "on the weekend of {d} {m} {y}",
                .month: "in {m} {y}", .year: "in {y}",
            ],
            keywords: [
                "yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening", "weekend",
            ]),
        slots: [
            SlotRule(#"the user s name is (.+)"#, slot: "name", value: "{1}"),
            SlotRule(#"the user goes by (.+)"#, slot: "name", value: "{1}"),
            SlotRule(#"the user is (\d+) years old"#, slot: "age", value: "{1}"),
            SlotRule(#"the user (?:currently |now )?lives in (.+)"#, slot: "residence", value: "{1}"),
            SlotRule(#"the user (?:currently |now )?works (?:at|for) (.+)"#, slot: "employer", value: "{1}"),
            SlotRule(#"the user (?:currently |now )?works as (.+)"#, slot: "occupation", value: "{1}"),
            SlotRule(
                #"the user is (married|divorced|engaged|single|widowed|separated)(?: .*)?"#, slot: "marital status",
                value: "{1}"),
            SlotRule(#"the user is (?:an? )?(vegetarian|vegan|pescatarian)(?: .*)?"#, slot: "diet", value: "{1}"),
            SlotRule(
                #"the user s (wife|husband|partner|girlfriend|boyfriend|fiancee?|spouse) is named (.+)"#,
                slot: "{1} name", value: "{2}"),
            SlotRule(#"the user s (?:favorite|favourite) (.+?) (?:is|are) (.+)"#, slot: "favorite {1}", value: "{2}"),
            SlotRule(
                #"the user (?:really )?(?:loves|likes|enjoys|adores|prefers|is into|is a fan of|is a big fan of|is a huge fan of|is keen on|is fond of|is passionate about|is obsessed with|is crazy about) (.+)"#,
                slot: "likes {1}", value: "+"),
            SlotRule(
                #"the user (?:really )?(?:hates|dislikes|detests|loathes|can t stand|cannot stand|doesn t like|does not like|doesn t enjoy|does not enjoy|is not a fan of|is not into|isn t into|no longer likes|no longer loves|no longer enjoys) (.+)"#,
                slot: "likes {1}", value: "-"),
            SlotRule(#"the user (?:doesn t|does not) (eat|drink|smoke|drive) (.+)"#, slot: "{1}s {2}", value: "-"),
            SlotRule(#"the user (eat|drink|smoke|drive)s (.+)"#, slot: "{1}s {2}", value: "+"),
            // A long-lived project told again in other words is the same project, kept once.
            SlotRule(
                #"the user is (?:developing|building|writing|making|creating|designing|working on|coding|programming|recording|producing|launching|starting|renovating|restoring) (?:a|an|my|their) (?:new |small |little |side |personal |hobby )?(.+?)(?: (?:for|that|which|called|named|about|set|with|where|to|on|in) .*)?"#,
                slot: "project {1}", value: "+"),
        ],
        slotQualifiers: [
            "these days", "nowadays", "lately", "anymore", "any more", "at the moment", "right now", "for now", "now",
            "currently", "at present", "still", "too", "as well", "again", "honestly", "actually", "really", "truly",
            "genuinely", "absolutely", "totally", "definitely", "in general", "a lot", "so much", "very much",
            "more and more",
            "more than ever", "these past few months", "these past few weeks", "since then", "by now", "also",
            "kind of",
            "sort of", "pretty much", "just",
        ],
        gistStopWords: [
            "the", "a", "an", "really", "very", "so", "just", "also", "quite", "truly", "absolutely", "actually",
            "totally",
            "definitely", "genuinely", "currently", "now", "his", "her", "their", "its", "too", "much", "lot", "of",
        ],
        durability: .english)
}
