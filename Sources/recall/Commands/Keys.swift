import ArgumentParser
import Foundation
import RecallCore
import RecallHTTP

extension RecallCommand {
    /// `recall keys`: API keys for `recall serve --http`.
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create, list and revoke API keys for `recall serve --http`.",
            discussion: "Each key acts as one user: it sees and changes only that user's chats and memories.",
            subcommands: [Create.self, List.self, Revoke.self]
        )

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Make a key for a user and print it once (only its hash is stored).",
                discussion: "`--user local` shares the memory the CLI and the stdio server use.")

            @OptionGroup var store: StoreOptions

            @Option(help: "The user the key acts as.")
            var user: String

            @Option(help: "read (search and list) or write (also import, add, change, forget).")
            var scope: APIKey.Scope = .write

            @Option(help: "Requests a minute for this key (default: the server's --rate-limit-minute).")
            var perMinute: Int?

            @Option(help: "Requests a month for this key (default: the server's --rate-limit-month).")
            var perMonth: Int?

            func validate() throws {
                if user.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw ValidationError("--user must not be empty.")
                }
                if let perMinute, perMinute < 1 { throw ValidationError("--per-minute must be at least 1.") }
                if let perMonth, perMonth < 1 { throw ValidationError("--per-month must be at least 1.") }
            }

            func run() throws {
                let made = try APIKeySecret.create(
                    in: store.makeRecall(), account: user, scope: scope, perMinute: perMinute, perMonth: perMonth)
                if store.json {
                    try Console.write(JSONOutput.string(CreatedKey(key: made.key, secret: made.secret)))
                } else {
                    Console.write(
                        """
                        \(made.secret)
                        Key \(made.key.id) for user \(user) (\(scope.rawValue)). Copy it now: it is not shown again.
                        Use it as `Authorization: Bearer \(made.secret)`.
                        """)
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List keys (ids, users, scopes; never the keys).")

            @OptionGroup var store: StoreOptions

            func run() throws {
                let keys = try store.makeRecall().apiKeys()
                if store.json {
                    try Console.write(JSONOutput.string(keys))
                    return
                }
                if keys.isEmpty {
                    Console.write("No API keys. Make one with `recall keys create --user NAME`.")
                    return
                }
                let formatter = ISO8601DateFormatter()
                for key in keys {
                    let state = key.revokedAt.map { "revoked \(formatter.string(from: $0))" } ?? "active"
                    Console.write(
                        "\(key.id)  \(key.account)  \(key.scope.rawValue)  created \(formatter.string(from: key.createdAt))  \(state)"
                    )
                }
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Revoke a key by its id; it is refused from the next request on.")

            @OptionGroup var store: StoreOptions

            @Argument(help: "The key's id, as `recall keys list` shows it.")
            var id: String

            func run() throws {
                let key = try store.makeRecall().revokeAPIKey(id: id)
                if store.json {
                    try Console.write(JSONOutput.string(key))
                } else {
                    Console.write("Revoked key \(key.id) of user \(key.account).")
                }
            }
        }
    }
}

/// What `recall keys create --json` prints.
private struct CreatedKey: Encodable {
    var key: APIKey
    var secret: String
}
