import Foundation
import Testing

@testable import RecallCore

@Suite struct PostgresSettingsTests {
    private let noFile = ["HOME": "/nonexistent", "USER": "ada"]

    @Test func fullURLIsParsed() throws {
        let settings = try PostgresSettings(
            url: "postgres://recall:s3cret@db.example:6543/memories?sslmode=require&pool=4", environment: noFile)
        #expect(settings.host == "db.example")
        #expect(settings.port == 6543)
        #expect(settings.user == "recall")
        #expect(settings.password == "s3cret")
        #expect(settings.database == "memories")
        #expect(settings.sslMode == .require)
        #expect(settings.poolSize == 4)
    }

    @Test func defaultsComeFromTheEnvironment() throws {
        let settings = try PostgresSettings(url: "postgresql://db.example", environment: noFile)
        #expect(settings.port == 5432)
        #expect(settings.user == "ada")
        #expect(settings.database == "ada")
        #expect(settings.sslMode == .prefer)
        #expect(settings.poolSize == 8)
        #expect(settings.password == nil)
        let pgUser = try PostgresSettings(
            url: "postgres://db.example/", environment: noFile.merging(["PGUSER": "bob"]) { $1 })
        #expect(pgUser.user == "bob")
        #expect(pgUser.database == "bob")
    }

    @Test func percentEscapesAreDecoded() throws {
        let settings = try PostgresSettings(
            url: "postgres://us%40er:p%3Aa%2Fss%40@db.example/my%20db", environment: noFile)
        #expect(settings.user == "us@er")
        #expect(settings.password == "p:a/ss@")
        #expect(settings.database == "my db")
        #expect(settings.redacted == "postgres://us%40er@db.example:5432/my%20db?sslmode=prefer&pool=8")
    }

    @Test func ipv6HostsGoInBrackets() throws {
        let settings = try PostgresSettings(url: "postgres://u@[::1]:5433/d", environment: noFile)
        #expect(settings.host == "::1")
        #expect(settings.port == 5433)
        #expect(settings.endpoint == "[::1]:5433")
        #expect(settings.redacted.hasPrefix("postgres://u@[::1]:5433/d"))
        let noPort = try PostgresSettings(url: "postgres://u@[fe80::2]/d", environment: noFile)
        #expect(noPort.host == "fe80::2")
        #expect(noPort.port == 5432)
    }

    @Test func passwordComesFromURLThenPGPASSWORDThenFile() throws {
        let file = try PassFile("db.example:5432:d:u:from-file\n")
        defer { file.remove() }
        var environment = ["PGPASSFILE": file.path, "PGPASSWORD": "from-env"]
        #expect(
            try PostgresSettings(url: "postgres://u:from-url@db.example/d", environment: environment).password
                == "from-url")
        #expect(try PostgresSettings(url: "postgres://u@db.example/d", environment: environment).password == "from-env")
        environment["PGPASSWORD"] = nil
        #expect(
            try PostgresSettings(url: "postgres://u@db.example/d", environment: environment).password == "from-file")
        #expect(try PostgresSettings(url: "postgres://u:@db.example/d", environment: environment).password == "")
    }

    @Test func passFileFollowsLibpqRules() throws {
        let text = """
            # comment:line:d:u:never
            other:5432:d:u:wrong-host
            db.example:5432:d:u:first\\:match\\\\
            db.example:5432:d:u:second
            *:*:*:*:wildcard
            """
        #expect(PostgresPassFile.match(text, ["db.example", "5432", "d", "u"]) == "first:match\\")
        #expect(PostgresPassFile.match(text, ["db.other", "6000", "x", "y"]) == "wildcard")
        #expect(PostgresPassFile.match("a\\:b:1:d:u:escaped", ["a:b", "1", "d", "u"]) == "escaped")
        #expect(PostgresPassFile.match("a*:1:d:u:literal", ["ab", "1", "d", "u"]) == nil)
        #expect(PostgresPassFile.match("h:1:d:u:p\r\n", ["h", "1", "d", "u"]) == "p")
    }

    @Test func passFileOthersMayReadIsIgnoredWithANote() throws {
        let file = try PassFile("*:*:*:*:open-secret\n", mode: 0o644)
        defer { file.remove() }
        let settings = try PostgresSettings(url: "postgres://u@h/d", environment: ["PGPASSFILE": file.path])
        #expect(settings.password == nil)
        #expect(settings.notes.count == 1)
        #expect(settings.notes.first?.contains("0644") == true)
        #expect(settings.notes.first?.contains("open-secret") == false)
    }

    @Test func passFileDefaultsToHome() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.appendingPathComponent(".pgpass").path
        #expect(
            FileManager.default.createFile(
                atPath: path, contents: Data("h:*:*:u:home-pass\n".utf8), attributes: [.posixPermissions: 0o600]))
        let settings = try PostgresSettings(url: "postgres://u@h/d", environment: ["HOME": home.path])
        #expect(settings.password == "home-pass")
    }

    @Test func nothingPrintableShowsThePassword() throws {
        let settings = try PostgresSettings(url: "postgres://u:hunter2-xyz@h:1/d?pool=2", environment: noFile)
        #expect(settings.redacted == "postgres://u@h:1/d?sslmode=prefer&pool=2")
        for text in [settings.redacted, "\(settings)", String(reflecting: settings), dumped(settings)] {
            #expect(!text.contains("hunter2"))
        }
        #expect(settings.hasPassword)
    }

    @Test(arguments: [
        ("mysql://u@h/d", "postgres://"),
        ("postgres://u@/d", "no host"),
        ("postgres://u@h:99999/d", "port"),
        ("postgres://u@h:abc/d", "port"),
        ("postgres://u@[::1/d", "bracket"),
        ("postgres://u@::1/d", "brackets"),
        ("postgres://u@h/d?sslmode=verify-none", "sslmode"),
        ("postgres://u@h/d?sslrootcert=", "sslrootcert"),
        ("postgres://u@h/d?pool=0", "pool"),
        ("postgres://u@h/d?pool=65", "pool"),
        ("postgres://u@h/d?application_name=x", "application_name"),
        ("postgres://u@h/d?sslmode", "no value"),
        ("postgres://u:p%zz@h/d", "percent"),
        ("postgres://a@h1,h2/d", "several hosts"),
    ])
    func badURLsSayWhatIsWrong(url: String, mentions: String) {
        let error = #expect(throws: RecallError.self) { _ = try PostgresSettings(url: url, environment: noFile) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains(mentions) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("zz") == false)
    }

    @Test func theRootCertificateFileComesFromTheURLTheEnvironmentOrTheHome() throws {
        let url = try PostgresSettings(
            url: "postgres://u@h/d?sslmode=verify-ca&sslrootcert=%2Fetc%2Fca.pem",
            environment: noFile.merging(["PGSSLROOTCERT": "/elsewhere.pem"]) { $1 })
        #expect(url.sslMode == .verifyCA)
        #expect(url.sslRootCert == "/etc/ca.pem")
        #expect(url.redacted == "postgres://u@h:5432/d?sslmode=verify-ca&sslrootcert=%2Fetc%2Fca.pem&pool=8")
        let environment = try PostgresSettings(
            url: "postgres://u@h/d", environment: noFile.merging(["PGSSLROOTCERT": "/elsewhere.pem"]) { $1 })
        #expect(environment.sslRootCert == "/elsewhere.pem")
        #expect(try PostgresSettings(url: "postgres://u@h/d", environment: noFile).sslRootCert == nil)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("recall-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent(".postgresql")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let root = folder.appendingPathComponent("root.crt")
        #expect(FileManager.default.createFile(atPath: root.path, contents: Data("pem".utf8)))
        #expect(
            try PostgresSettings(url: "postgres://u@h/d", environment: ["HOME": home.path]).sslRootCert == root.path)
    }

    @Test func missingUserIsAnError() {
        #expect(throws: RecallError.self) { _ = try PostgresSettings(url: "postgres://h/d", environment: [:]) }
    }

    private func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}

/// A password file in the temporary folder with the given mode.
private struct PassFile {
    let path: String

    init(_ text: String, mode: Int = 0o600) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        else { throw RecallError(.unreadableFile, "could not write \(path)") }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
