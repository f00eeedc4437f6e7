#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves paths the way the kernel will follow them, to decide what an import may read
/// before anything is opened.
///
/// Unlike `realpath`, a path that does not exist still resolves: links are followed as far as
/// the path exists and the rest is kept as written. So "outside the allowed folders" is decided
/// the same way whether the target exists or not, and the answer reveals nothing about it.
enum PathResolver {
    /// Links followed before giving up (the kernel's own limit is 40).
    static let maxLinks = 40

    /// Top-level folders that hold no exports: kernel and device files, where a read can block
    /// forever (`/proc/kmsg`, a terminal) or never end (`/dev/zero`).
    static let systemFolders: Set<String> = ["proc", "sys", "dev"]

    /// The absolute `path` with `.`, `..` and every symbolic link resolved, as far as it exists.
    static func resolve(_ path: String) -> String {
        var pending = Array(components(of: path).reversed())
        var resolved: [String] = []
        var links = 0
        while let name = pending.popLast() {
            if name == "." || name.isEmpty { continue }
            if name == ".." {
                _ = resolved.popLast()
                continue
            }
            let candidate = "/" + (resolved + [name]).joined(separator: "/")
            if links < maxLinks, let target = linkTarget(candidate) {
                links += 1
                if target.hasPrefix("/") { resolved = [] }
                pending.append(contentsOf: components(of: target).reversed())
            } else {
                resolved.append(name)
            }
        }
        return "/" + resolved.joined(separator: "/")
    }

    /// Whether `path` is `folder` or lies inside it; both must be resolved.
    static func contains(_ folder: String, _ path: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Whether a resolved path lies in `/proc`, `/sys` or `/dev`.
    static func isSystem(_ path: String) -> Bool {
        guard let first = components(of: path).first(where: { !$0.isEmpty }) else { return false }
        return systemFolders.contains(first)
    }

    /// The target of the symbolic link at `path`; nil when it is not one (or does not exist).
    private static func linkTarget(_ path: String) -> String? {
        guard case .success(let status) = FileStatus.ofLink(path), status.kind == FileStatus.Kind.symbolicLink else {
            return nil
        }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func components(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
