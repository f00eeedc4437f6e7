import Foundation

/// The one error RecallCore throws: a stable code the adapters map, and a message a person or
/// a model can act on (what happened, where, what to do).
///
/// ```swift
/// throw RecallError(.notFound, "No chat with id chat_9. Use list_chats or search to find ids.")
/// ```
public struct RecallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable category; adapters switch on it, never on the message.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidArgument, notFound, unreadableFile, unrecognizedFormat, tooLarge
            case storeUnavailable, storeTooNew, conflict, cancelled, internalError
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// An argument was missing, of the wrong type or out of range.
        public static let invalidArgument = Code(.invalidArgument)
        /// An id named nothing stored.
        public static let notFound = Code(.notFound)
        /// A file could not be opened or read.
        public static let unreadableFile = Code(.unreadableFile)
        /// A file was readable but is not an export Recall knows.
        public static let unrecognizedFormat = Code(.unrecognizedFormat)
        /// Input or output went past a limit.
        public static let tooLarge = Code(.tooLarge)
        /// The store could not be opened or written.
        public static let storeUnavailable = Code(.storeUnavailable)
        /// The store was written by a newer Recall.
        public static let storeTooNew = Code(.storeTooNew)
        /// The change conflicts with what is stored (e.g.
        ///
        /// editing a superseded memory).
        public static let conflict = Code(.conflict)
        /// The caller cancelled the work.
        public static let cancelled = Code(.cancelled)
        /// A bug: something that should not happen did.
        public static let internalError = Code(.internalError)

        /// The code's stable name, e.g.
        ///
        /// `invalid_argument`.
        public var description: String {
            base.rawValue.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1_$2", options: .regularExpression)
                .lowercased()
        }
    }

    /// The category.
    public var code: Code
    /// One line: what happened, where, and what to do.
    public var message: String
    /// Per-argument problems, keyed by argument name, for invalid arguments.
    public var fieldErrors: [String: String]

    /// Creates an error.
    public init(_ code: Code, _ message: String, fieldErrors: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.fieldErrors = fieldErrors
    }

    /// The message.
    public var description: String { message }
}

extension RecallError {
    /// An invalid-argument error naming one field.
    public static func invalid(_ field: String, _ problem: String) -> RecallError {
        RecallError(.invalidArgument, "Invalid argument `\(field)`: \(problem)", fieldErrors: [field: problem])
    }
}
