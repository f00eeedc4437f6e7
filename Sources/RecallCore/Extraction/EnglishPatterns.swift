/// English first-person statements, most specific first. A language is one more table like this.
enum EnglishPatterns {
    private static let likes = ["love": "loves", "like": "likes", "enjoy": "enjoys", "adore": "adores", "prefer": "prefers"]
    private static let dislikes = [
        "hate": "hates", "dislike": "dislikes", "detest": "detests", "can't stand": "can't stand",
        "cannot stand": "can't stand", "don't like": "doesn't like", "do not like": "doesn't like",
        "don't enjoy": "doesn't enjoy", "do not enjoy": "doesn't enjoy",
    ]
    private static let wants = [
        "want": "wants", "plan": "plans", "hope": "hopes", "intend": "intends", "aim": "aims",
        "am planning": "is planning", "'m planning": "is planning", "would like": "would like", "'d like": "would like",
        "am hoping": "is hoping", "'m hoping": "is hoping",
    ]
    private static let happened = [
        "went to": "went to", "visited": "visited", "traveled to": "traveled to", "travelled to": "travelled to",
        "graduated from": "graduated from", "started": "started", "finished": "finished", "completed": "completed",
        "bought": "bought", "adopted": "adopted", "joined": "joined", "quit": "quit", "won": "won", "ran": "ran",
        "moved to": "moved to", "got": "got", "lost": "lost", "met": "met", "signed up for": "signed up for",
    ]
    private static let family = "wife|husband|partner|girlfriend|boyfriend|fiancée?|son|daughter|mom|mother|dad|father|brother|sister|best friend|friend|boss|cat|dog|kid|child|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|roommate|colleague|coworker|manager"
    private static let never = "bit|little|lot|huge|big|total|real|bot|computer|language model|ai"

    /// The rules, tried in order; the first that matches a clause wins.
    static let all: [ExtractionPattern] = [
        ExtractionPattern(#"my name is ([\p{L}'-]+(?: [\p{L}'-]+){0,2})"#, .fact, 0.95, "The user's name is {1}.", capitalized: [1]),
        ExtractionPattern(#"(?:i am|i'm) (\d{1,3}) years old"#, .fact, 0.9, "The user is {1} years old."),
        ExtractionPattern(#"my goal is to (.+)"#, .goal, 0.9, "The user's goal is to {1}."),
        ExtractionPattern("my (\(family))(?:'s name is| is named| is called) ([\\p{L}'-]+)", .relationship, 0.9, "The user's {1} is named {2}.", capitalized: [2]),
        ExtractionPattern("my (\(family)) ([\\p{L}'-]+) (is|works|lives|loves|likes|has) (.+)", .relationship, 0.75, "The user's {1} {2} {3} {4}.", capitalized: [2]),
        ExtractionPattern(#"i have (a|an|one|two|three|four|five|\d+) (sons?|daughters?|kids|children|dogs?|cats?|brothers?|sisters?|grandchildren)(.*)"#, .relationship, 0.8, "The user has {1} {2}{3}."),
        ExtractionPattern(#"(?:i am|i'm) (married|divorced|engaged|single|widowed)(.*)"#, .relationship, 0.85, "The user is {1}{2}."),
        ExtractionPattern(#"(?:i am|i'm) (?:a |an )?(vegetarian|vegan|pescatarian|lactose intolerant|allergic to .+|gluten[- ]free)"#, .preference, 0.9, "The user is {1}."),
        ExtractionPattern(#"i (?:really |absolutely |truly |just |also )?(love|like|enjoy|adore|prefer) (.+)"#, .preference, 0.85, "The user {v1} {2}.", verbs: likes),
        ExtractionPattern(#"i (?:really |absolutely |truly |also )?(hate|dislike|detest|can't stand|cannot stand|don't like|do not like|don't enjoy|do not enjoy) (.+)"#, .preference, 0.85, "The user {v1} {2}.", verbs: dislikes),
        ExtractionPattern(#"i (?:don't|do not|never) (eat|drink|smoke|use|drive|watch|fly) (.+)"#, .preference, 0.85, "The user doesn't {1} {2}."),
        ExtractionPattern(#"i (?:mostly |usually |always )?use (.+) for (.+)"#, .preference, 0.75, "The user uses {1} for {2}."),
        ExtractionPattern(#"i (?:work|am working|'m working) (?:at|for) (.+)"#, .fact, 0.9, "The user works at {1}."),
        ExtractionPattern(#"i work as (?:a |an )?(.+)"#, .fact, 0.9, "The user works as {1}."),
        ExtractionPattern(#"i (?:live|am living|'m living) in (.+)"#, .fact, 0.9, "The user lives in {1}."),
        ExtractionPattern(#"(?:i am|i'm) (?:originally )?from (.+)"#, .fact, 0.9, "The user is from {1}."),
        ExtractionPattern(#"(?:i am|i'm) (?:a|an) (?!(?:\#(never))\b)([\p{L}-]+(?: [\p{L}-]+){0,3})"#, .fact, 0.7, "The user is a {1}."),
        ExtractionPattern(#"i (want|plan|hope|intend|aim|am planning|'m planning|would like|'d like|am hoping|'m hoping) to (?!(?:ask|know|see|check|try|share|paste|show|understand|make sure)\b)(.+)"#, .goal, 0.75, "The user {v1} to {2}.", verbs: wants),
        ExtractionPattern(#"i (?:just |recently |finally )?(went to|visited|traveled to|travelled to|graduated from|started|finished|completed|bought|adopted|joined|quit|won|ran|moved to|signed up for|met) (.+)"#, .experience, 0.75, "The user {v1} {2}.", verbs: happened),
        ExtractionPattern(#"i(?:'ve| have) been (\p{L}+ing) (.+)"#, .experience, 0.7, "The user has been {1} {2}."),
    ]
}
