import ArgumentParser
import Foundation
import RecallCore

extension RecallCommand {
    /// `recall embed TEXT…` (hidden): the static vectors of some texts (or, with `--transformer`,
    /// the transformer's) and how close each is to the first.
    ///
    /// A diagnostic for the models compiled
    /// into this executable; it needs no store.
    struct Embed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Embed texts with the built-in static model and compare each with the first.",
            shouldDisplay: false
        )

        @Argument(help: "The texts to embed.")
        var texts: [String]

        @Flag(help: "Print JSON: the model id and each text's token count, vector and cosine to the first.")
        var json = false

        @Flag(help: "Use the built-in transformer (all-MiniLM-L6-v2, 384 dimensions) instead of the static model.")
        var transformer = false

        /// One text's result.
        struct Embedding: Encodable {
            var tokens: Int
            /// The storage form (260 bytes, or 388 for the transformer), base64; absent when the
            /// text has no vector.
            var vector: String?
            var cosineToFirst: Float?
        }

        /// What `--json` prints.
        struct Report: Encodable {
            var model: String
            var dimensions: Int
            var embeddings: [Embedding]
        }

        func run() throws {
            let (model, dimensions, embeddings) = try transformer ? transformerEmbeddings() : staticEmbeddings()
            if json {
                let report = Report(model: model, dimensions: dimensions, embeddings: embeddings)
                Console.write(try JSONOutput.string(report))
                return
            }
            var lines = ["model \(model), \(dimensions) dimensions"]
            for (text, embedding) in zip(texts, embeddings) {
                let cosine = embedding.cosineToFirst.map { String(format: "%.3f", $0) } ?? "  -  "
                let shown = text.count > 60 ? String(text.prefix(57)) + "..." : text
                lines.append(
                    "\(cosine)  \(embedding.tokens) tokens  \(embedding.vector == nil ? "(no vector) " : "")\(shown)")
            }
            Console.write(lines.joined(separator: "\n"))
        }

        private func staticEmbeddings() throws -> (String, Int, [Embedding]) {
            let encoder = StaticEncoder.shared
            if let problem = encoder.problem { throw problem }
            let vectors = texts.map { encoder.encode($0).flatMap { PackedVector(bytes: $0.bytes) } }
            return (StaticEncoder.modelID, EmbeddingVector.dimensions, embeddings(vectors, tokens: encoder.tokenIDs))
        }

        private func transformerEmbeddings() throws -> (String, Int, [Embedding]) {
            let encoder = TransformerEncoder.shared
            if let problem = encoder.problem { throw problem }
            // Every text has a vector here, the empty one too ([CLS] and [SEP] alone).
            let vectors = texts.map { encoder.encode($0).flatMap(PackedVector.init(components:)) }
            return (
                TransformerEncoder.modelID, TransformerEncoder.dimensions, embeddings(vectors, tokens: encoder.tokenIDs)
            )
        }

        /// Each text's token count, vector and cosine to the first text's vector.
        private func embeddings(_ vectors: [PackedVector?], tokens: (String) -> [Int32]) -> [Embedding] {
            zip(texts, vectors).map { text, vector in
                Embedding(
                    tokens: tokens(text).count,
                    vector: vector.map { Data($0.bytes).base64EncodedString() },
                    cosineToFirst: vectors.first.flatMap { first in first.flatMap { vector?.cosine($0) } })
            }
        }
    }
}
