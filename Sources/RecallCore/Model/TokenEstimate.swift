/// How Recall estimates tokens without a tokenizer: one token per four ASCII characters, and one
/// per non-ASCII character (CJK and emoji take about one token each in current models).
///
/// The estimate errs high for non-Latin text, so a block that fits the estimate fits the model.
public enum TokenEstimate {
    /// Estimated tokens in a text.
    public static func tokens(in text: String) -> Int {
        var ascii = 0
        var other = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCII { ascii += 1 } else { other += 1 }
        }
        return (ascii + 3) / 4 + other
    }
}
