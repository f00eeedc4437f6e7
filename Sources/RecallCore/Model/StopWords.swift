/// Words too common to help ranking.
///
/// Short on purpose: names and content words must survive.
enum StopWords {
    /// English function words.
    static let english: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "then", "of", "to", "in", "on", "at", "by", "for", "with",
        "about", "as", "from", "into", "over", "after", "before", "is", "am", "are", "was", "were", "be", "been",
        "being", "do", "does", "did", "have", "has", "had", "i", "me", "my", "we", "our", "you", "your", "he",
        "him", "his", "she", "her", "it", "its", "they", "them", "their", "this", "that", "these", "those",
        "what", "which", "who", "whom", "when", "where", "why", "how", "not", "no", "so", "than", "too", "very",
        "can", "could", "would", "should", "there", "here", "any", "some", "all", "just", "also", "s", "t",
        "don", "doesn", "didn", "ll", "ve", "re", "m", "d",
    ]
}
