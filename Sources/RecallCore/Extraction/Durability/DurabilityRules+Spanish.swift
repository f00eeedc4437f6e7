extension DurabilityRules {
    /// Spanish: a small table, as the Spanish patterns are.
    static let spanish = DurabilityRules(
        requestOpenings: ["ayúdame", "ayudame", "dame", "dime", "explícame", "muéstrame", "escríbeme"],
        requestPhrases: [
            "puedes", "podrías", "podrias", "ayúdame", "ayudame", "dame", "dime", "necesito que", "quiero que",
            "explícame",
            "muéstrame", "escríbeme", "tengo una pregunta",
        ],
        instructionPhrases: ["por favor", "porfa"],
        instructionOpenings: ["no me des", "no uses", "no pongas", "nunca"],
        vagueWords: ["esto", "eso", "aquí", "aqui", "esta", "este"],
        vaguePhrases: ["lo siguiente", "lo mismo"],
        personPronouns: ["ellos", "ellas"],
        reactionSubjects: ["esos", "esas", "estos", "estas", "ese", "esa"],
        codeWords: ["función", "funcion", "código", "codigo", "variable", "bucle", "consulta", "api"],
        weakCodeWords: ["clase", "script", "tabla", "columna", "archivo", "lista", "botón", "servidor"],
        errorWords: ["error", "errores", "falla", "fallo", "excepción"],
        deliverables: ["correo", "carta", "ensayo", "resumen", "presentación", "discurso", "mensaje", "informe"],
        conversationWords: ["versión", "opción", "respuesta", "ejemplo", "párrafo"],
        genericWords: ["bien", "genial", "tiempo", "día", "algo", "cosas", "mucho", "poco", "bueno", "positivo"],
        lifeGoals: [
            "ser", "aprender", "mudarme", "viajar", "visitar", "correr", "perder", "comprar una casa", "ahorrar",
            "estudiar",
            "trabajar", "vivir", "tener hijos", "jubilarme", "abrir", "empezar mi", "terminar mi", "publicar",
        ],
        taskVerbs: ["arreglar", "implementar", "traducir", "corregir", "resumir", "entender", "saber"],
        projectNouns: [
            "aplicación", "app", "novela", "libro", "tesis", "empresa", "negocio", "proyecto", "blog", "tienda",
        ],
        passingTimes: ["esta noche", "hoy", "mañana"],
        passingEndings: ["ahora mismo", "luego", "más tarde"],
        setupVerbs: [],
        passingStates: ["reunión", "cita", "entrevista"],
        ailments: ["un resfriado", "gripe", "dolor de cabeza", "fiebre"],
        // Spanish names kinds of things with the article ("me encanta el flamenco"): it says nothing here.
        definiteArticles: [],
        definiteExceptions: [],
        pointerArticles: [:],
        pointerStops: [],
        timeNouns: ["días", "semana", "año", "mes", "mañana", "tarde", "noche", "verano", "invierno"],
        anBeforeVowel: false,
        ordinals: [])
}
