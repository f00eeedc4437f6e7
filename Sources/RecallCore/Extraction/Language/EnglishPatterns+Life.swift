extension EnglishPatterns {
    /// What they like, want, did and do.
    static let life: [ExtractionPattern] = [
        // Likes and dislikes.
        rule(
            #"my (?:favorite|favourite|fave|fav) ([\p{L} -]{2,30}?) (?:is|are|has to be|would be) (.+)"#, .preference,
            .taste, 0.85, "The user's favorite {1} is {2}."),
        rule(
            #"(.{2,40}?) (?:is|are) (?:definitely |probably )?my (?:favorite|favourite|fave|fav) ([\p{L} -]{2,30})"#,
            .preference, .taste, 0.8, "The user's favorite {2} is {1}.", subjectGroups: [1]),
        rule(
            #"i {ADV}(hate|dislike|detest|loathe|can't stand|cannot stand|cant stand|don't like|do not like|dont like|don't enjoy|do not enjoy|don't really like|don't really enjoy) (.+)"#,
            .preference, .taste, 0.85, "The user {v1} {2}."),
        rule(#"i {ADV}(love|like|enjoy|adore|prefer|dig) (.+)"#, .preference, .taste, 0.85, "The user {v1} {2}."),
        rule(#"i would {ADV}rather (.+)"#, .preference, .taste, 0.7, "The user would rather {1}."),
        rule(#"i {ADV}learn (best|better|most) (.+)"#, .preference, .taste, 0.75, "The user learns {1} {2}."),
        rule(
            #"{I'M} not {ADV}((?:a (?:big |huge |real )?fan of)|into|keen on|interested in|fond of) (.+)"#, .preference,
            .taste, 0.8, "The user is not {1} {2}."),
        rule(
            #"{I'M} {ADV}((?:a (?:big |huge |real )?fan of)|into|keen on|interested in|passionate about|obsessed with|crazy about|fond of|addicted to|hooked on) (.+)"#,
            .preference, .taste, 0.8, "The user is {1} {2}."),
        rule(
            #"i (?:don't|do not|dont|never|no longer) (eat|drink|smoke|drive|use|watch|fly|play) (.+)"#, .preference,
            .diet, 0.85, "The user doesn't {1} {2}."),
        rule(
            #"i (?:can't|cannot|can not|cant) (have|eat|drink|tolerate|digest|stand) (.+)"#, .preference, .diet, 0.85,
            "The user can't {1} {2}."),
        rule(
            #"i {ADV}(only|never|always|usually|rarely|mostly|generally|normally|typically|seldom) (?!(?:been|had|did|was|were|went|got|thought|knew|felt|said|told|wanted|have|has|need|needs|want|get)\b)([\p{L}-]+(?<!ed)),? (.+)"#,
            .preference, .condition, 0.75, "The user {1} {v2} {3}."),
        rule(
            #"{I'VE} (?:(always|long|really) )?(loved|liked|enjoyed|hated|been into|been a fan of|been passionate about) (.+)"#,
            .preference, .taste, 0.8, "The user has {1} {2} {3}."),
        rule(
            #"(?!(?:it|that|this|which|what|he|she|they|you|nothing|everything|something|there|please)\b)([\p{L}][\p{L}' ,-]{2,60}?) (bring|brings|give|gives|keep|keeps|make|makes) me (?!(?:feel like|think|wonder|want)\b)(.+)"#,
            .preference, .feeling, 0.6, "{1} {2} the user {3}.", subjectGroups: [1]),
        rule(#"i {ADV}(loved|enjoyed|liked|hated) (.+)"#, .experience, .experience, 0.7, "The user {1} {2}."),
        rule(
            #"i {ADV}(believe in|value|care about|care deeply about) (.+)"#, .preference, .belief, 0.65,
            "The user {v1} {2}."),
        rule(
            #"(.{3,40}?) (?:is|are|has been|have been) {ADV}(?:so |very |really )?(?:important|special|precious|meaningful|dear) to me"#,
            .preference, .belief, 0.65, "{1} is important to the user.", subjectGroups: [1]),
        // What they want.
        rule(
            #"my (goal|aim|dream|plan|hope|wish|mission|resolution|ambition) (?:is|was) to (.+)"#, .goal, .goal, 0.9,
            "The user's {1} is to {2}."),
        rule(
            #"{I'VE} (?:always |long )?(wanted to|dreamed of|dreamt of|dreamed about) (.+)"#, .goal, .goal, 0.7,
            "The user has always {1} {2}."),
        rule(
            #"i {ADV}(want|plan|hope|intend|aim|am planning|am hoping|am aiming|would like|would love|am going|am gonna|am determined|am trying) to (?!(?:{NOTGOAL})\b)(.+)"#,
            .goal, .goal, 0.75, "The user {v1} to {2}."),
        rule(
            #"(?:gonna|going to) (?!(?:{NOTGOAL})\b)(.+)"#, .goal, .goal, 0.6, "The user is going to {1}.",
            sentenceStartOnly: true),
        rule(
            #"{I'M} {ADV}(planning|organi[sz]ing|booking) (?!(?:to|on|for|it|this|that)\b)(.+)"#, .goal, .plan, 0.75,
            "The user is {1} {2}."),
        rule(
            #"{I'M} {ADV}(excited|eager|determined|ready|thrilled|stoked|pumped) to (?!(?:{NOTGOAL})\b)(.+)"#, .goal,
            .plan, 0.65, "The user is {1} to {2}."),
        rule(#"{I'M} {ADV}looking forward to (.+)"#, .goal, .plan, 0.65, "The user is looking forward to {1}."),
        rule(
            #"{I'M} {ADV}(?:thinking (?:of|about)|considering) (\p{L}+ing .+)"#, .goal, .plan, 0.6,
            "The user is considering {1}."),
        rule(#"{I'M} {ADV}saving (?:up )?(?:money )?for (.+)"#, .goal, .goal, 0.75, "The user is saving for {1}."),
        // What happened to them, and what they are doing.
        rule(#"{I'VE} {ADV}(?:been|gone) to (.+)"#, .experience, .experience, 0.75, "The user has been to {1}."),
        rule(
            #"{I'VE} {ADV}been (?!(?:thinking|wondering|meaning|doing|waiting)\b)(\p{L}+ing) (.+)"#, .experience,
            .activity, 0.7, "The user has been {1} {2}."),
        rule(#"{I'VE} never (.+)"#, .experience, .experience, 0.7, "The user has never {1}."),
        rule(#"{I'VE} {ADV}({PARTICIPLE}) (.+)"#, .experience, .experience, 0.75, "The user has {1} {2}."),
        rule(#"i {ADV}({PAST}) (.+)"#, .experience, .experience, 0.75, "The user {1} {2}."),
        rule(#"we {ADV}({PAST}) (.+)"#, .experience, .experience, 0.6, "The user {1} {2}."),
        rule(
            #"{I'M} {ADV}(?!(?:{NOTGERUND})\b)(\p{L}+ing) (.+)"#, .experience, .activity, 0.65, "The user is {1} {2}."),
        rule(
            #"(?:just |recently |finally )?(started|joined|finished|went to|visited|bought|adopted|moved to|signed up for|took up|picked up|got back from|came back from|attended|lost|got|met|made|took|won|tried|quit|signed|booked|ran) (.+)"#,
            .experience, .experience, 0.6, "The user {1} {2}.", sentenceStartOnly: true),
        rule(
            #"(?:just |recently |also )?been (?!(?:thinking|wondering|meaning|doing|waiting)\b)(\p{L}+ing) (.+)"#,
            .experience, .activity, 0.6, "The user has been {1} {2}.", sentenceStartOnly: true),
        // Habits and who they are.
        rule(
            #"i {ADV}(play|practice|practise|volunteer at|volunteer|teach|tutor|coach|paint|draw|write|cook|bake|knit|sew|garden|swim|run|hike|surf|ski|climb|dance|sing|collect|meditate|train|go to|walk|cycle|bike|study|attend|own|drive|ride|speak|listen to|work out|do yoga|journal|compose|produce|mentor|foster|rescue|invest|sleep|commute|homeschool|travel|fish|hunt|brew|grow|follow|read|watch|shoot|blog|vlog|stream|code|program|program in|pray|fast|donate|babysit|lift)(?:,)? (.+)"#,
            .fact, .habit, 0.7, "The user {v1} {2}."),
        rule(
            #"i {ADV}keep ((?:a|an|my|bees|chickens|goats|a diary|kosher|halal)\b.+)"#, .fact, .habit, 0.7,
            "The user keeps {1}."),
        rule(
            #"{I'M} ((?:a|an) (?!(?:bit|little|lot|huge fan|big fan|total|real|bot|computer|language model|ai|fan|part|few|couple|means|way|kind|sort|type)\b)[\p{L}'-]+(?: [\p{L}\d'-]+){0,6})"#,
            .fact, .identity, 0.7, "The user is {1}."),
    ]
}
