/// English statements about the speaker, most specific first: the first rule matching a clause wins.
///
/// Confidence says how explicit a statement is: a stated name or home is near-certain; a
/// habit, an ongoing activity or a statement without a subject is weaker evidence.
enum EnglishPatterns {
    /// Shorthands used in the patterns below.
    static let macros: [String: String] = [
        "{I'M}": "i am",
        "{I'VE}": "i have",
        "{ADV}":
            "(?:(?:really|absolutely|truly|just|also|totally|honestly|definitely|still|actually|genuinely|particularly|especially|recently|finally|currently|now|always|usually|mostly|often|sometimes|already|even|so|kinda|kind of|pretty much|literally|seriously) )*",
        "{FAMILY}":
            "wife|husband|partner|girlfriend|boyfriend|fianc[eé]e?|spouse|son|daughter|kids|children|baby|twins|mom|mother|mum|dad|father|parents|brother|sister|siblings?|best friend|friends?|boss|grandmother|grandfather|grandma|grandpa|grandparents|aunt|uncle|cousin|niece|nephew|roommate|colleague|coworker|co-worker|manager|mentor|teacher|neighbou?r|family|cat|dog|puppy|kitten|pet|team|band|in-laws|stepson|stepdaughter|stepmom|stepdad",
        "{PAST}":
            "failed|went to|went on|went|visited|traveled to|travelled to|flew to|drove to|hiked|ran|graduated from|graduated|started|began|finished|completed|bought|adopted|joined|quit|won|lost|met|moved to|moved into|signed up for|attended|got|received|made|built|created|painted|drew|wrote|published|launched|learned|learnt|tried|took up|took|picked up|read|watched|saw|played|performed|volunteered at|volunteered|hurt|broke|injured|celebrated|had|gave|organized|organised|hosted|baked|cooked|planted|opened|found|discovered|decided to|managed to|sold|rescued|applied for|applied to|enrolled in|switched to|returned to|came back from|got back from|spent|camped|climbed|explored|reconnected with|ran into|passed",
        "{PARTICIPLE}":
            "had|used|felt|loved|enjoyed|started|finished|completed|joined|bought|adopted|visited|read|watched|seen|played|tried|learned|learnt|won|lost|met|moved to|signed up for|taken up|picked up|decided to|volunteered at|built|made|written|painted|quit|begun|got|gotten|received|booked|saved|run|hiked|applied for|enrolled in|found|discovered|launched|created|published|gotten into",
        "{FAMILYVERB}":
            "is|are|was|were|works|work|worked|lives|live|lived|study|teach|go|goes|run|runs|own|owns|died|moved|speaks|speak|hates|hate|wants|want|needs|need|loves|love|likes|like|has|have|had|plays|play|studies|teaches|enjoys|enjoy|passed away|just|recently|also|quit|went|moved|got|started|bought|visited|joined|won|lost|made|took|graduated|retired|began|finished|adopted|married|turned",
        "{NOTGOAL}":
            "ask (?:you|about|if|whether|for help|a question|something)|know|see (?:it|that|this|them|your|some|if|what|how|more|you)|check|try (?:it|that|this)|share|paste|show|understand|make sure|say|tell|be honest|admit|think|let you know|clarify|mention|remind|thank|apologi[sz]e|help you|hear|point out|add|note|confirm|double-check|be clear|get back|go now|leave now|sleep|hang out with you|chat|talk|do that|do this|do it|be|keep (?:it|that|this|in touch)|hear from you|catch up",
        "{ROLE}":
            "engineer|developer|dev|programmer|coder|architect|scientist|analyst|designer|consultant|contractor|freelancer|manager|director|lead|founder|co-founder|ceo|cto|cfo|coo|owner|entrepreneur|student|researcher|professor|lecturer|teacher|tutor|instructor|coach|trainer|educator|nurse|doctor|physician|surgeon|dentist|pharmacist|therapist|physiotherapist|physio|psychologist|psychiatrist|paramedic|midwife|vet|veterinarian|lawyer|attorney|solicitor|paralegal|accountant|bookkeeper|banker|trader|broker|agent|realtor|writer|author|journalist|reporter|editor|copywriter|ghostwriter|translator|interpreter|artist|painter|illustrator|photographer|musician|composer|singer|songwriter|producer|filmmaker|actor|actress|dancer|chef|cook|baker|barista|bartender|waiter|waitress|pilot|flight attendant|driver|mechanic|electrician|plumber|carpenter|farmer|gardener|librarian|administrator|admin|assistant|secretary|clerk|cashier|officer|soldier|firefighter|guard|technician|specialist|executive|marketer|recruiter|representative|rep|salesperson|tester|sysadmin|devops|sre|intern|apprentice|resident|postdoc|retiree|homemaker|caregiver|carer|volunteer|priest|pastor|rabbi|imam|minister|athlete|player|professional|practitioner|expert|maintainer|contributor|streamer|youtuber|blogger|creator|principal|counsell?or|social worker|economist|statistician|mathematician|physicist|chemist|biologist|historian|linguist|philosopher|nutritionist|dietitian|surveyor|planner|strategist|master|scrum master|treasurer|president|chair|chairman|chairwoman|secretary",
        "{NOTGERUND}":
            "going|doing|thinking|wondering|feeling|trying|hoping|looking|getting|having|kidding|joking|saying|telling|asking|talking|loving|sending|guessing|assuming|missing|dying|freaking|waiting|sitting|wishing|meaning|glad|sorry|curious|happy|planning|saving|considering|reading up|counting|rooting|checking|taking care of you|seeing you|coming|leaving",
    ]

    /// Builds a rule with the English macros.
    static func rule(
        _ pattern: String, _ type: MemoryType, _ kind: FactKind, _ confidence: Double, _ template: String,
        capitalized: [Int] = [],
        subjectGroups: [Int] = [], sentenceStartOnly: Bool = false
    ) -> ExtractionPattern {
        ExtractionPattern(
            pattern, type, kind, confidence, template, macros: macros, capitalized: capitalized,
            subjectGroups: subjectGroups,
            sentenceStartOnly: sentenceStartOnly)
    }

    /// The rules, tried in order: who the user is and what they do first, then what they like,
    /// want and did.
    static let all: [ExtractionPattern] = identity + life

    /// Who they are: name, age, home, work, studies, health, tools, people.
    static let identity: [ExtractionPattern] = [
        rule(
            #"my name is ([\p{L}'-]+(?: [\p{L}'-]+){0,2})"#, .fact, .name, 0.95, "The user's name is {1}.",
            capitalized: [1]),
        rule(
            #"(?:call me|people call me|everyone calls me) ([\p{L}'-]+)"#, .fact, .name, 0.8, "The user goes by {1}.",
            capitalized: [1]),
        rule(
            #"{I'M} (?:only |just |almost |nearly |about )?(\d{1,3}) (?:years old|year old|yo)"#, .fact, .age, 0.9,
            "The user is {1} years old."),
        rule(
            #"{I'M} (?:only |just |almost |nearly |about )?(\d{1,2})"#, .fact, .age, 0.75, "The user is {1} years old."),
        rule(
            #"{I'M} (?:an? )?(vegetarian|vegan|pescatarian|gluten[- ]free|plant[- ]based|keto)"#, .preference, .diet,
            0.9, "The user is {1}."),
        rule(
            #"{I'M} (?:an? )?(lactose intolerant|celiac|coeliac|diabetic|allergic to .+|intolerant to .+|colou?r[- ]?blind|dyslexic|autistic|deaf|hard of hearing|epileptic|asthmatic|pregnant(?: .+)?|left[- ]handed|neurodivergent|disabled|immunocompromised)"#,
            .fact, .health, 0.9, "The user is {1}."),
        rule(
            #"{I'M} (married|divorced|engaged|single|widowed|separated)(?: (.+))?"#, .relationship, .family, 0.85,
            "The user is {1} {2}."),
        rule(#"i (?:was born|grew up) in (.+)"#, .fact, .origin, 0.85, "The user grew up in {1}."),
        rule(
            #"i (?:currently |now |still )?(?:live|am living) in (.+)"#, .fact, .residence, 0.9,
            "The user lives in {1}."),
        rule(
            #"{I'M} (?:currently |now )?based (?:in|out of) (.+)"#, .fact, .residence, 0.85, "The user is based in {1}."
        ),
        rule(#"{I'M} (?:originally )?from (.+)"#, .fact, .origin, 0.85, "The user is from {1}."),
        rule(#"{I'VE} {ADV}lived in (.+)"#, .fact, .origin, 0.75, "The user has lived in {1}."),
        rule(
            #"i (?:currently |now |still )?(?:work|am working) ((?:remotely |full[- ]time |part[- ]time |freelance )?(?:at|for) .+)"#,
            .fact, .employer, 0.9, "The user works {1}."),
        rule(#"i (?:currently |now |still )?work as ((?:an? )?.+)"#, .fact, .profession, 0.9, "The user works as {1}."),
        rule(
            #"i {ADV}work ((?:mainly |mostly |primarily |mainly |daily |every day )?(?:in|with) .+)"#, .fact,
            .profession, 0.75, "The user works {1}."),
        rule(
            #"i {ADV}work ((?:\w+ (?:days|hours) a week|part[- ]time|full[- ]time|remotely|from home|nights|night shifts|weekends|shifts)(?: .+)?)"#,
            .fact, .profession, 0.75, "The user works {1}."),
        rule(
            #"{I'VE} {ADV}(?:worked|been working) ((?:as|in|at|for|with) .+)"#, .fact, .profession, 0.8,
            "The user has worked {1}."),
        rule(
            #"{I'M} {ADV}(part of|a member of|in charge of|responsible for|the (?:founder|owner|captain|leader|head|coach|president) of) (.+)"#,
            .fact, .membership, 0.8, "The user is {1} {2}."),
        rule(
            #"{I'M} ((?:an? )(?:[\p{L}\d+.'-]+ ){1,4}(?:user|subscriber|customer|member)\b.*)"#, .fact, .tool, 0.8,
            "The user is {1}."),
        rule(
            #"{I'M} ((?:an? |the )(?:[\p{L}\d'-]+,? (?:and )?){0,6}?(?:{ROLE})s?\b.*)"#, .fact, .profession, 0.8,
            "The user is {1}."),
        rule(
            #"as (an? (?:[\p{L}\d'-]+ ){0,4}(?:{ROLE}))"#, .fact, .profession, 0.75, "The user is {1}.",
            sentenceStartOnly: true),
        rule(
            #"{I'VE} {ADV}been ((?:an? )(?!(?:bit|little|lot|fan|huge fan|big fan)\b)(?:[\p{L}\d'-]+ ){0,4}(?:{ROLE}) .+)"#,
            .fact, .profession, 0.8, "The user has been {1}."),
        rule(
            #"i (?:currently |now )?(?:study|am studying|major in|am majoring in) (.+)"#, .fact, .education, 0.8,
            "The user studies {1}."),
        rule(
            #"{I'M} {ADV}(studying|training|preparing|practi[cs]ing|revising|cramming) for (.+)"#, .goal, .goal, 0.8,
            "The user is {1} for {2}."),
        rule(#"{I'M} {ADV}(learning|studying) (.+)"#, .fact, .education, 0.75, "The user is {1} {2}."),
        rule(
            #"{I'M} {ADV}(?:doing|taking|completing|finishing) ((?:a |an |my )?(?:part[- ]time |full[- ]time |online )?(?:master's|masters|phd|ph\.d\.|bachelor's|degree|doctorate|mba|apprenticeship|residency|internship|bootcamp|diploma|certificate|certification)\b.*)"#,
            .fact, .education, 0.8, "The user is doing {1}."),
        rule(
            #"i (?:have|hold|earned|got|completed) ((?:a |an |my )?(?:master's|masters|phd|ph\.d\.|bachelor's|ba|bsc|msc|ma|degree|doctorate|mba|diploma|certificate)(?: degree)? (?:in|from) .+)"#,
            .fact, .education, 0.85, "The user has {1}."),
        rule(
            #"my (thesis|dissertation|research|phd|major|minor|field|specialty|speciality|specialization|specialisation|background) (?:is|focuses|will be) ((?:on|in|about) .+)"#,
            .fact, .education, 0.8, "The user's {1} is {2}."),
        rule(
            #"i (?:have|suffer from|live with|was diagnosed with|got diagnosed with|have been diagnosed with) ((?:type [12] |chronic |severe |mild |early[- ]stage )?(?:[\p{L}'-]+ ){0,3}(?:diabetes|disease|syndrome|disorder|allergy|allergies|asthma|adhd|add|autism|migraines?|arthritis|cancer|ibs|anxiety|depression|epilepsy|hypothyroidism|hyperthyroidism|pcos|endometriosis|eczema|psoriasis|tinnitus|scoliosis|insomnia|sleep apnea|hypertension|high blood pressure|lupus|multiple sclerosis|colitis|fibromyalgia|long covid|ptsd|ocd|dyslexia|dyspraxia|a heart condition|a bad back|bad knees)\b.*)"#,
            .fact, .health, 0.85, "The user has {1}."),
        rule(
            #"i {ADV}(?:get|feel|suffer from) (claustrophobic|anxious in|seasick|carsick|airsick|motion sickness|migraines|panic attacks|overwhelmed in|cold easily|hay fever)(?: (.+))?"#,
            .fact, .health, 0.75, "The user gets {1} {2}."),
        rule(
            #"{I'VE} {ADV}been ((?:sober|clean|vegan|vegetarian|married|single|divorced|retired|self-employed|in remission|cancer-free|smoke-free) .*)"#,
            .fact, .identity, 0.8, "The user has been {1}."),
        rule(
            #"{I'M} {ADV}(?:(?:really|very|pretty|quite|super|so) )?(good|bad|terrible|great|hopeless|awful|decent|fluent|proficient|experienced|skilled|comfortable) (at|in|with) (.+)"#,
            .fact, .skill, 0.75, "The user is {1} {2} {3}."),
        rule(
            #"{I'M} (?:an? )?(introvert|extrovert|introverted|extroverted|ambivert|night owl|morning person|early bird|self[- ]taught|self[- ]employed|retired|unemployed|bilingual|trilingual|multilingual|native (?:english|spanish|french|german) speaker|catholic|christian|muslim|jewish|buddhist|hindu|sikh|mormon|atheist|agnostic|gay|lesbian|bisexual|transgender|non-?binary|(?:[\p{L}]+-)?(?:american|british|english|scottish|welsh|irish|canadian|australian|mexican|brazilian|argentinian|chilean|colombian|peruvian|spanish|portuguese|french|german|dutch|belgian|swiss|austrian|italian|greek|turkish|polish|czech|hungarian|romanian|ukrainian|russian|swedish|norwegian|danish|finnish|icelandic|indian|pakistani|bangladeshi|chinese|japanese|korean|vietnamese|thai|filipino|indonesian|malaysian|nigerian|kenyan|ghanaian|ethiopian|egyptian|moroccan|lebanese|iranian|israeli|palestinian|south african))\b(?:,? (.+))?"#,
            .fact, .identity, 0.8, "The user is {1} {2}."),
        // People and pets.
        rule(
            #"my ({FAMILY})(?:'s name is| is named| is called| goes by) ([\p{L}'-]+)"#, .relationship, .family, 0.9,
            "The user's {1} is named {2}.", capitalized: [2]),
        rule(
            #"my ({FAMILY}) ([\p{L}'-]+) ({FAMILYVERB}) (.+)"#, .relationship, .family, 0.75,
            "The user's {1} {2} {3} {4}.", capitalized: [2]),
        rule(
            #"my ({FAMILY}) ({FAMILYVERB}) (?!(?:named|called)\b)(.+)"#, .relationship, .family, 0.75,
            "The user's {1} {2} {3}."),
        rule(
            #"(?:i have|i have got|we have) (a|an|one|two|three|four|five|six|\d+) (sons?|daughters?|kids?|children|child|brothers?|sisters?|siblings?|grandchildren|grandkids|dogs?|cats?|puppy|puppies|kittens?|pets?|birds?|parrots?|rabbits?|hamsters?|horses?|fish|turtles?|snakes?|guinea pigs?|\d+-year-olds?|newborn|toddlers?|teenagers?|teens?)(?: (.+))?"#,
            .relationship, .family, 0.8, "The user has {1} {2} {3}."),
        rule(
            #"(?:my ({FAMILY})|me and my ({FAMILY})) and i {ADV}({PAST}) (.+)"#, .experience, .family, 0.7,
            "The user and their {1}{2} {3} {4}."),
        rule(
            #"(?:my ({FAMILY})|me and my ({FAMILY})) and i {ADV}(are|were|have been|have) (.+)"#, .relationship,
            .family, 0.7, "The user and their {1}{2} {3} {4}."),
        rule(
            #"{I'M} {ADV}(getting married|getting engaged|getting divorced|expecting a baby|expecting twins|having a baby|expecting (?:our|my|a|their) [\p{L} -]+)(?: (.+))?"#,
            .relationship, .family, 0.8, "The user is {1} {2}."),
        rule(
            #"i {ADV}(homeschool|raise|look after|take care of|care for|live with|support) (my .+)"#, .relationship,
            .family, 0.75, "The user {v1} {2}."),
        rule(
            #"we are (an? (?:[\p{L}\d-]+ ){0,4}(?:company|startup|team|agency|firm|nonprofit|shop|family|studio|band|couple|household)\b.*)"#,
            .fact, .membership, 0.7, "The user is part of {1}."),
        // Tools, platforms, workplaces, projects.
        rule(
            #"{I'M} on ((?:an? )?(?:windows|mac|macos|linux|ubuntu|debian|fedora|arch|ios|android|chromeos|iphone|pixel|macbook)\b.*)"#,
            .fact, .tool, 0.75, "The user is on {1}."),
        rule(
            #"my ((?:main |daily |work |personal |current |primary )?(?:machine|laptop|computer|pc|phone|editor|ide|os|operating system|setup|stack|car|bike|camera|keyboard|browser|distro|daily driver|tech stack)) is (.+)"#,
            .fact, .tool, 0.75, "The user's {1} is {2}."),
        rule(
            #"(?:our|my) (team|company|startup|workplace|org|organization|organisation|department|employer|office|school|lab|agency|firm) ({FAMILYVERB}|uses|runs on|is built on|works with|deploys to|relies on) (.+)"#,
            .fact, .employer, 0.7, "The user's {1} {2} {3}."),
        rule(
            #"we {ADV}(use|run on|deploy to|work with|build with|rely on) (.+)"#, .fact, .tool, 0.6,
            "The user's team {v1} {2}."),
        rule(#"i {ADV}use (.+) (?:for|to) (.+)"#, .fact, .tool, 0.75, "The user uses {1} for {2}."),
        rule(#"i {ADV}use (.+)"#, .fact, .tool, 0.7, "The user uses {1}."),
        rule(
            #"i {ADV}(maintain|run|own|manage|host|organi[sz]e|lead|edit|publish|co-own|co-run) ((?:a|an|my|our|two|three|several)\b.+)"#,
            .fact, .membership, 0.75, "The user {v1} {2}."),
        rule(
            #"{I'M} {ADV}(developing|building|writing|making|creating|designing|renovating|restoring|starting|launching|running|working on|coding|programming|recording|producing|directing|founding|co-founding|growing|self-publishing) ((?:a|an|my|our|two|three|several|the first draft of)\b.+)"#,
            .fact, .project, 0.75, "The user is {1} {2}."),
        rule(
            #"i {ADV}(?:have|own|have got) ((?:a|an|two|three|four|\d+) (?!(?:question|problem|issue|error|bug|doubt|quick question|idea)\b).+)"#,
            .fact, .possession, 0.65, "The user has {1}."),
        rule(
            #"i (?:don't|do not|dont) (have|own) ((?:a|an|any) (?!(?:idea|clue|time|access|permission|choice|problem|issue)\b).+)"#,
            .fact, .possession, 0.7, "The user doesn't {1} {2}."),
    ]
}
