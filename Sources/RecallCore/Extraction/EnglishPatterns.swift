/// English statements about the speaker, most specific first: the first rule matching a clause wins.
///
/// Confidence says how explicit a statement is: a stated name or home is near-certain; a
/// habit, an ongoing activity or a statement without a subject is weaker evidence.
enum EnglishPatterns {
    /// Shorthands used in the patterns below.
    static let macros: [String: String] = [
        "{I'M}": "i am",
        "{I'VE}": "i have",
        "{ADV}": "(?:(?:really|absolutely|truly|just|also|totally|honestly|definitely|still|actually|genuinely|particularly|especially|recently|finally|currently|now|always|usually|mostly|often|sometimes|already|even|so|kinda|kind of|pretty much|literally|seriously) )*",
        "{FAMILY}": "wife|husband|partner|girlfriend|boyfriend|fianc[eé]e?|spouse|son|daughter|kids|children|baby|twins|mom|mother|mum|dad|father|parents|brother|sister|siblings?|best friend|friends?|boss|grandmother|grandfather|grandma|grandpa|grandparents|aunt|uncle|cousin|niece|nephew|roommate|colleague|coworker|co-worker|manager|mentor|teacher|neighbou?r|family|cat|dog|puppy|kitten|pet|team|band|in-laws|stepson|stepdaughter|stepmom|stepdad",
        "{PAST}": "went to|went on|went|visited|traveled to|travelled to|flew to|drove to|hiked|ran|graduated from|graduated|started|began|finished|completed|bought|adopted|joined|quit|won|lost|met|moved to|moved into|signed up for|attended|got|received|made|built|created|painted|drew|wrote|published|launched|learned|learnt|tried|took up|took|picked up|read|watched|saw|played|performed|volunteered at|volunteered|hurt|broke|injured|celebrated|had|gave|organized|organised|hosted|baked|cooked|planted|opened|found|discovered|decided to|managed to|sold|rescued|applied for|applied to|enrolled in|switched to|returned to|came back from|got back from|spent|camped|climbed|explored|reconnected with|ran into|passed",
        "{PARTICIPLE}": "had|felt|loved|enjoyed|started|finished|completed|joined|bought|adopted|visited|read|watched|seen|played|tried|learned|learnt|won|lost|met|moved to|signed up for|taken up|picked up|decided to|volunteered at|built|made|written|painted|quit|begun|got|gotten|received|booked|saved|run|hiked|applied for|enrolled in|found|discovered|launched|created|published|gotten into",
        "{FAMILYVERB}": "is|are|was|were|works|worked|lives|lived|loves|love|likes|like|has|have|had|plays|play|studies|teaches|enjoys|enjoy|passed away|just|recently|also|quit|went|moved|got|started|bought|visited|joined|won|lost|made|took|graduated|retired|began|finished|adopted|married|turned",
        "{NOTGOAL}": "ask|know|see (?:it|that|this|them|your|some|if|what|how|more|you)|check|try (?:it|that|this)|share|paste|show|understand|make sure|say|tell|be honest|admit|think|let you know|clarify|mention|remind|thank|apologi[sz]e|help you|hear|point out|add|note|confirm|double-check|be clear|get back|go now|leave now|sleep|hang out with you|chat|talk|do that|do this|do it|be|keep (?:it|that|this|in touch)|hear from you|catch up",
        "{NOTGERUND}": "going|doing|thinking|wondering|feeling|trying|hoping|looking|getting|having|kidding|joking|saying|telling|asking|talking|loving|sending|guessing|assuming|missing|dying|freaking|waiting|sitting|wishing|meaning|glad|sorry|curious|happy|planning|saving|considering|reading up|counting|rooting|checking|taking care of you|seeing you|coming|leaving",
    ]

    /// Builds a rule with the English macros.
    private static func rule(
        _ pattern: String, _ type: MemoryType, _ confidence: Double, _ template: String, capitalized: [Int] = [],
        subjectGroups: [Int] = [], sentenceStartOnly: Bool = false
    ) -> ExtractionPattern {
        ExtractionPattern(
            pattern, type, confidence, template, macros: macros, capitalized: capitalized, subjectGroups: subjectGroups,
            sentenceStartOnly: sentenceStartOnly)
    }

    /// The rules, tried in order.
    static let all: [ExtractionPattern] = [
        // Who they are.
        rule(#"my name is ([\p{L}'-]+(?: [\p{L}'-]+){0,2})"#, .fact, 0.95, "The user's name is {1}.", capitalized: [1]),
        rule(#"(?:call me|people call me|everyone calls me) ([\p{L}'-]+)"#, .fact, 0.8, "The user goes by {1}.", capitalized: [1]),
        rule(#"{I'M} (\d{1,3}) (?:years old|year old|yo)"#, .fact, 0.9, "The user is {1} years old."),
        rule(#"{I'M} (\d{1,2})"#, .fact, 0.75, "The user is {1} years old."),
        rule(#"{I'M} (?:an? )?(vegetarian|vegan|pescatarian|lactose intolerant|gluten[- ]free|celiac|coeliac|diabetic|allergic to .+)"#, .preference, 0.9, "The user is {1}."),
        rule(#"{I'M} (married|divorced|engaged|single|widowed|separated)(?: (.+))?"#, .relationship, 0.85, "The user is {1} {2}."),
        rule(#"i (?:was born|grew up) in (.+)"#, .fact, 0.85, "The user grew up in {1}."),
        rule(#"i (?:currently |now |still )?(?:live|am living) in (.+)"#, .fact, 0.9, "The user lives in {1}."),
        rule(#"{I'M} (?:originally )?from (.+)"#, .fact, 0.85, "The user is from {1}."),
        rule(#"i (?:currently |now |still )?(?:work|am working) (?:at|for) (.+)"#, .fact, 0.9, "The user works at {1}."),
        rule(#"i (?:currently |now |still )?work as ((?:an? )?.+)"#, .fact, 0.9, "The user works as {1}."),
        rule(#"{I'M} {ADV}(part of|a member of|in charge of|responsible for|the (?:founder|owner|captain|leader|head|coach|president) of) (.+)"#, .fact, 0.8, "The user is {1} {2}."),
        rule(#"i (?:currently |now )?(?:study|am studying|major in|am majoring in) (.+)"#, .fact, 0.8, "The user studies {1}."),
        // People and pets.
        rule(#"my ({FAMILY})(?:'s name is| is named| is called| goes by) ([\p{L}'-]+)"#, .relationship, 0.9, "The user's {1} is named {2}.", capitalized: [2]),
        rule(#"my ({FAMILY}) ([\p{L}'-]+) ({FAMILYVERB}) (.+)"#, .relationship, 0.75, "The user's {1} {2} {3} {4}.", capitalized: [2]),
        rule(#"my ({FAMILY}) ({FAMILYVERB}) (?!(?:named|called)\b)(.+)"#, .relationship, 0.75, "The user's {1} {2} {3}."),
        rule(#"(?:i have|i have got|we have) (a|an|one|two|three|four|five|six|\d+) (sons?|daughters?|kids?|children|child|brothers?|sisters?|siblings?|grandchildren|grandkids|dogs?|cats?|puppy|puppies|kittens?|pets?|birds?|parrots?|rabbits?|hamsters?|horses?|fish|turtles?|snakes?|guinea pigs?)(?: (.+))?"#, .relationship, 0.8, "The user has {1} {2} {3}."),
        rule(#"(?:my ({FAMILY})|me and my ({FAMILY})) and i {ADV}({PAST}) (.+)"#, .experience, 0.7, "The user and their {1}{2} {3} {4}."),
        // Likes and dislikes.
        rule(#"my (?:favorite|favourite|fave|fav) ([\p{L} -]{2,30}?) (?:is|are|has to be|would be) (.+)"#, .preference, 0.85, "The user's favorite {1} is {2}."),
        rule(#"(.{2,40}?) (?:is|are) (?:definitely |probably )?my (?:favorite|favourite|fave|fav) ([\p{L} -]{2,30})"#, .preference, 0.8, "The user's favorite {2} is {1}.", subjectGroups: [1]),
        rule(#"i {ADV}(hate|dislike|detest|loathe|can't stand|cannot stand|cant stand|don't like|do not like|dont like|don't enjoy|do not enjoy|don't really like|don't really enjoy) (.+)"#, .preference, 0.85, "The user {v1} {2}."),
        rule(#"i {ADV}(love|like|enjoy|adore|prefer|dig) (.+)"#, .preference, 0.85, "The user {v1} {2}."),
        rule(#"{I'M} not {ADV}((?:a (?:big |huge |real )?fan of)|into|keen on|interested in|fond of) (.+)"#, .preference, 0.8, "The user is not {1} {2}."),
        rule(#"{I'M} {ADV}((?:a (?:big |huge |real )?fan of)|into|keen on|interested in|passionate about|obsessed with|crazy about|fond of|addicted to|hooked on) (.+)"#, .preference, 0.8, "The user is {1} {2}."),
        rule(#"i (?:don't|do not|dont|never|no longer) (eat|drink|smoke|drive|use|watch|fly|play) (.+)"#, .preference, 0.85, "The user doesn't {1} {2}."),
        rule(#"i (?:can't|cannot|can not|cant) (have|eat|drink|tolerate|digest|stand) (.+)"#, .preference, 0.85, "The user can't {1} {2}."),
        rule(#"{I'VE} (?:(always|long|really) )?(loved|liked|enjoyed|hated|been into|been a fan of|been passionate about) (.+)"#, .preference, 0.8, "The user has {1} {2} {3}."),
        rule(#"(?!(?:it|that|this|which|what|he|she|they|you|nothing|everything|something|there)\b)([\p{L}][\p{L}' ,-]{2,60}?) (bring|brings|give|gives|keep|keeps|make|makes) me (?!(?:feel like|think|wonder|want)\b)(.+)"#, .preference, 0.6, "{1} {2} the user {3}.", subjectGroups: [1]),
        rule(#"i {ADV}use (.+) for (.+)"#, .preference, 0.75, "The user uses {1} for {2}."),
        rule(#"i {ADV}(loved|enjoyed|liked|hated) (.+)"#, .experience, 0.7, "The user {1} {2}."),
        rule(#"i {ADV}(believe in|value|care about|care deeply about) (.+)"#, .preference, 0.65, "The user {v1} {2}."),
        rule(#"(.{3,40}?) (?:is|are|has been|have been) {ADV}(?:so |very |really )?(?:important|special|precious|meaningful|dear) to me"#, .preference, 0.65, "{1} is important to the user.", subjectGroups: [1]),
        // What they want.
        rule(#"my (goal|aim|dream|plan|hope|wish|mission|resolution|ambition) (?:is|was) to (.+)"#, .goal, 0.9, "The user's {1} is to {2}."),
        rule(#"{I'VE} (?:always |long )?(wanted to|dreamed of|dreamt of|dreamed about) (.+)"#, .goal, 0.7, "The user has always {1} {2}."),
        rule(#"i {ADV}(want|plan|hope|intend|aim|am planning|am hoping|am aiming|would like|would love|am going|am gonna|am determined|am trying) to (?!(?:{NOTGOAL})\b)(.+)"#, .goal, 0.75, "The user {v1} to {2}."),
        rule(#"(?:gonna|going to) (?!(?:{NOTGOAL})\b)(.+)"#, .goal, 0.6, "The user is going to {1}.", sentenceStartOnly: true),
        rule(#"{I'M} {ADV}(planning|organi[sz]ing|booking) (?!(?:to|on|for|it|this|that)\b)(.+)"#, .goal, 0.75, "The user is {1} {2}."),
        rule(#"{I'M} {ADV}(excited|eager|determined|ready|thrilled|stoked|pumped) to (?!(?:{NOTGOAL})\b)(.+)"#, .goal, 0.65, "The user is {1} to {2}."),
        rule(#"{I'M} {ADV}looking forward to (.+)"#, .goal, 0.65, "The user is looking forward to {1}."),
        rule(#"{I'M} {ADV}(?:thinking (?:of|about)|considering) (\p{L}+ing .+)"#, .goal, 0.6, "The user is considering {1}."),
        rule(#"{I'M} {ADV}saving (?:up )?(?:money )?for (.+)"#, .goal, 0.75, "The user is saving for {1}."),
        // What happened to them, and what they are doing.
        rule(#"{I'VE} {ADV}(?:been|gone) to (.+)"#, .experience, 0.75, "The user has been to {1}."),
        rule(#"{I'VE} {ADV}been (?!(?:thinking|wondering|meaning|doing|waiting)\b)(\p{L}+ing) (.+)"#, .experience, 0.7, "The user has been {1} {2}."),
        rule(#"{I'VE} {ADV}({PARTICIPLE}) (.+)"#, .experience, 0.75, "The user has {1} {2}."),
        rule(#"i {ADV}({PAST}) (.+)"#, .experience, 0.75, "The user {1} {2}."),
        rule(#"we {ADV}({PAST}) (.+)"#, .experience, 0.6, "The user {1} {2}."),
        rule(#"{I'M} {ADV}(?!(?:{NOTGERUND})\b)(\p{L}+ing) (.+)"#, .experience, 0.65, "The user is {1} {2}."),
        rule(#"(?:just |recently |finally )?(started|joined|finished|went to|visited|bought|adopted|moved to|signed up for|took up|picked up|got back from|came back from|attended|lost|got|met|made|took|won|tried|quit|signed|booked|ran) (.+)"#, .experience, 0.6, "The user {1} {2}.", sentenceStartOnly: true),
        rule(#"(?:just |recently |also )?been (?!(?:thinking|wondering|meaning|doing|waiting)\b)(\p{L}+ing) (.+)"#, .experience, 0.6, "The user has been {1} {2}.", sentenceStartOnly: true),
        // Habits and who they are.
        rule(#"i {ADV}(play|practice|practise|volunteer at|volunteer|teach|coach|paint|draw|write|cook|bake|knit|sew|garden|swim|run|hike|surf|ski|climb|dance|sing|collect|meditate|train|go to|walk|cycle|bike|study|attend|own|drive|ride|speak|listen to|work out|do yoga|journal|compose|produce|mentor|foster|rescue) (.+)"#, .fact, 0.7, "The user {v1} {2}."),
        rule(#"{I'M} ((?:a|an) (?!(?:bit|little|lot|huge fan|big fan|total|real|bot|computer|language model|ai|fan|part|few|couple|means|way|kind|sort|type)\b)[\p{L}'-]+(?: [\p{L}\d'-]+){0,6})"#, .fact, 0.7, "The user is {1}."),
    ]
}
