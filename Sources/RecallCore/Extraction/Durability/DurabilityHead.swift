import Foundation
import RecallModels

/// The learned second opinion on a statement the rules kept: a logistic regression over the
/// memory's sentence vector that gives the probability it is worth keeping.
///
/// The rules catch requests, code and pointers at the chat by their words; what they let through
/// can still be the task of the moment in other words, or a remark nobody would keep. The head
/// was trained by `scripts/durability/train_head.py` on the labelled set's tune half and LoCoMo
/// conversations 0–4, and is compiled into the executable (`durable-head-v2.bin`).
///
/// ```swift
/// if let head = DurabilityHead.embedded, let p = head.probability(of: "The user is a nurse.") {
///     print(p >= head.threshold ? "keep" : "drop")
/// }
/// ```
public struct DurabilityHead: Sendable {
    /// The sentence vectors the head reads.
    public enum Model: UInt32, Sendable {
        /// The static table's 256-d vectors.
        case staticTable = 1
        /// The transformer's 384-d vectors.
        case transformer = 2
    }

    /// Which vectors the weights apply to.
    public let model: Model
    /// Memories whose probability is below this are dropped.
    public let threshold: Double
    private let bias: Float
    private let weights: [Float]

    /// The head compiled into the executable; nil only in a broken build.
    public static let embedded: DurabilityHead? = try? DurabilityHead(bytes: Array(embeddedBytes))

    /// The bytes of `durable-head-v2.bin` as compiled in (read-only, live as long as the process).
    static var embeddedBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: recall_durable_head_bytes(), count: recall_durable_head_size())
    }

    /// Reads a head in the format of `Sources/RecallModels/README.md`; throws when the bytes are not one.
    public init(bytes: [UInt8]) throws {
        func word(_ offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
        guard bytes.count >= 28, bytes.prefix(8).elementsEqual("RCLDURHD".utf8), word(8) == 1,
            let model = Model(rawValue: word(16))
        else {
            throw RecallError(
                .internalError,
                "the durability head is not a version 1 head (magic RCLDURHD); rebuild it with scripts/durability/train_head.py"
            )
        }
        let dimensions = Int(word(12))
        guard dimensions == (model == .staticTable ? EmbeddingVector.dimensions : TransformerEncoder.dimensions),
            bytes.count == 28 + 4 * dimensions
        else {
            throw RecallError(
                .internalError,
                "the durability head has \(bytes.count) bytes for \(dimensions) weights; rebuild it with scripts/durability/train_head.py"
            )
        }
        self.model = model
        self.threshold = Double(Float(bitPattern: word(20)))
        self.bias = Float(bitPattern: word(24))
        self.weights = (0..<dimensions).map { Float(bitPattern: word(28 + 4 * $0)) }
    }

    /// The probability that a memory is worth keeping, or nil when the text has no vector.
    public func probability(of text: String) -> Double? {
        let vector =
            model == .staticTable
            ? StaticEncoder.shared.encode(text)?.components : TransformerEncoder.shared.encode(text)
        return vector.map(probability(vector:))
    }

    /// The probability for a vector of the head's model.
    public func probability(vector: [Float]) -> Double {
        var sum = Double(bias)
        for (weight, value) in zip(weights, vector) { sum += Double(weight) * Double(value) }
        return 1 / (1 + exp(-sum))
    }

    /// The reason given for a memory the head drops: "not durable (classifier 0.23)".
    static func reason(_ probability: Double) -> String {
        "not durable (classifier " + String(format: "%.2f", probability) + ")"
    }
}
