import Foundation

extension ExtractionLanguage {
    /// Spanish: a deliberately small table showing how a language is added.
    ///
    /// Memories are written in Spanish ("El usuario vive en Madrid."); its slots share the English slot names, so a
    /// Spanish statement can supersede an English one about the same thing.
    static let spanish = ExtractionLanguage(
        code: "es",
        markers: [
            "el", "la", "de", "que", "y", "en", "los", "las", "por", "con", "una", "un", "es", "mi", "me", "yo", "muy",
            "pero", "para", "mis",
        ],
        openers: [
            "yo", "vivo", "trabajo", "me", "mi", "amo", "adoro", "odio", "quiero", "tengo", "no", "soy", "estoy",
        ],
        patterns: [
            ExtractionPattern(
                #"(?:me llamo|mi nombre es) ([\p{L}'-]+(?: [\p{L}'-]+){0,2})"#, .fact, .name, 0.95,
                "El usuario se llama {1}.", capitalized: [1]),
            ExtractionPattern(#"tengo (\d{1,3}) años"#, .fact, .age, 0.9, "El usuario tiene {1} años."),
            ExtractionPattern(#"(?:yo )?vivo en (.+)"#, .fact, .residence, 0.9, "El usuario vive en {1}."),
            ExtractionPattern(
                #"(?:yo )?trabajo (?:en|para) (.+)"#, .fact, .employer, 0.9, "El usuario trabaja en {1}."),
            ExtractionPattern(
                #"(?:yo )?soy (vegetariano|vegetariana|vegano|vegana)"#, .preference, .diet, 0.9, "El usuario es {1}."),
            ExtractionPattern(#"no me gustan? (.+)"#, .preference, .taste, 0.85, "Al usuario no le gusta {1}."),
            ExtractionPattern(#"me (encantan?|gustan?) (.+)"#, .preference, .taste, 0.85, "Al usuario le {1} {2}."),
            ExtractionPattern(#"(?:yo )?(?:odio|detesto) (.+)"#, .preference, .taste, 0.85, "El usuario odia {1}."),
            ExtractionPattern(#"(?:yo )?(?:quiero|espero|pienso) (.+)"#, .goal, .goal, 0.7, "El usuario quiere {1}."),
        ],
        hypotheticals: ["si ", "imagina", "supongamos", "ojalá", "quizás si"],
        hedgeOpenings: ["creo que ", "quizás ", "tal vez ", "a lo mejor "],
        hedgeWords: ["quizás", "quizá", "probablemente"],
        clauseStarts: [", ", "; ", " y ", " pero ", " porque "],
        clauseEnds: [
            " porque ", " pero ", ", y ", " y yo ", " y me ", " y mi ", " y no ", " y tengo ", " y vivo ",
            " y trabajo ",
            " y quiero ", " y soy ", " aunque ", ";", " - ", " (", ", que ", " que es ",
        ],
        fillers: ["bueno", "pues", "oye", "hola", "sí", "si", "no", "y", "pero", "además", "también", "ahora", "vale"],
        trailingFillers: [" también", " ahora"],
        vagueStarts: ["eso", "esto", "lo", "la", "que", "como", "cuando", "algo", "todo", "nada"],
        demonstratives: ["este", "esta", "ese", "esa", "estos", "esas"],
        secondPerson: ["tú", "tu", "tus", "usted", "ustedes", "te", "ti", "contigo"],
        firstPerson: ["yo", "mi", "mis", "me", "nosotros", "nuestro", "nuestra"],
        listBreakers: ["él", "ella", "ellos", "eso", "esto", "entonces"],
        questionWords: [
            "qué", "que", "cómo", "como", "cuál", "cuándo", "dónde", "por", "puedes", "podrías", "hay", "es",
        ],
        contractions: [:],
        userPhrases: ["el usuario", "al usuario", "del usuario"],
        thirdPerson: ThirdPerson(
            pronouns: [
                "mi": "su", "mis": "sus", "mío": "suyo", "mía": "suya", "míos": "suyos", "mías": "suyas",
                "conmigo": "con él", "nuestro": "su", "nuestra": "su",
            ],
            verbs: [:],
            agreement: [:],
            addsEnglishEnding: false),
        restatement: nil,
        time: TimeVocabulary(
            phrases: [
                TimePhrase(#"anteayer|antes de ayer"#, .step(.day, -2)),
                TimePhrase(#"ayer|anoche"#, .step(.day, -1)),
                TimePhrase(#"hoy|esta mañana|esta tarde|esta noche"#, .step(.day, 0)),
                TimePhrase(#"pasado mañana"#, .step(.day, 2)),
                TimePhrase(#"la semana pasada"#, .step(.week, -1)),
                TimePhrase(#"la semana que viene|la próxima semana"#, .step(.week, 1)),
                TimePhrase(#"el mes pasado"#, .step(.month, -1)),
                TimePhrase(#"el mes que viene|el próximo mes"#, .step(.month, 1)),
                TimePhrase(#"el año pasado"#, .step(.year, -1)),
                TimePhrase(#"el año que viene|el próximo año"#, .step(.year, 1)),
                TimePhrase(
                    #"hace (\d{1,3}|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) (días?|semanas?|mes|meses|años?)"#,
                    .counted(sign: -1)),
                TimePhrase(#"en (\d{4})"#, .year),
            ],
            units: [
                "día": .day, "días": .day, "semana": .week, "semanas": .week, "mes": .month, "meses": .month,
                "año": .year, "años": .year,
            ],
            numbers: [
                "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
                "nueve": 9, "diez": 10,
            ],
            weekdays: ["domingo": 1, "lunes": 2, "martes": 3, "miércoles": 4, "jueves": 5, "viernes": 6, "sábado": 7],
            months: [
                "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                "noviembre", "diciembre",
            ],
            monthAliases: ["setiembre": 9],
            formats: [
                .day: "el {d} de {m} de {y}", .week: "la semana del {d} de {m} de {y}",
                .weekend: "el fin de semana del {d} de {m} de {y}",
                .month: "en {m} de {y}", .year: "en {y}",
            ],
            keywords: [
                "ayer", "anteayer", "anoche", "hoy", "mañana", "tarde", "noche", "pasado", "pasada", "próximo",
                "próxima", "viene", "hace",
            ]),
        slots: [
            SlotRule(#"el usuario se llama (.+)"#, slot: "name", value: "{1}"),
            SlotRule(#"el usuario tiene (\d+) años"#, slot: "age", value: "{1}"),
            SlotRule(#"el usuario vive en (.+)"#, slot: "residence", value: "{1}"),
            SlotRule(#"el usuario trabaja (?:en|para) (.+)"#, slot: "employer", value: "{1}"),
            SlotRule(#"al usuario le (?:encantan?|gustan?) (.+)"#, slot: "likes {1}", value: "+"),
            SlotRule(#"(?:al usuario no le gustan?|el usuario odia) (.+)"#, slot: "likes {1}", value: "-"),
        ],
        slotQualifiers: [
            "ahora", "últimamente", "estos días", "hoy en día", "ya", "mucho", "también", "todavía", "aún", "realmente",
        ],
        gistStopWords: [
            "el", "la", "los", "las", "un", "una", "muy", "realmente", "también", "de", "del", "su", "sus",
        ],
        durability: .spanish)
}
