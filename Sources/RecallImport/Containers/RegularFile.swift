import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file opened for reading in a way that can never block the import.
///
/// A name is only a promise: a link inside an export folder can lead to a FIFO, a terminal,
/// another process's pipe, the server's own stdin (`/proc/self/fd/0`), or `/proc/kmsg`, which
/// passes a regular-file check and then blocks. So the file is checked after resolving its
/// links (not in `/proc`, `/sys` or `/dev`, a regular file, on the import's file system),
/// opened with `O_NONBLOCK` (opening a FIFO then returns at once instead of waiting for a
/// writer), and checked again with `fstat` on the open descriptor, which is what will really be
/// read, whatever was swapped in meanwhile.
public struct RegularFile {
    /// Why a file was not opened; phrased to follow "name: ".
    struct Refusal: Error, Equatable {
        /// What is wrong, without quoting anything from the file.
        var reason: String
        /// True when the file does not exist, so a caller can say "no file" rather than "refused".
        var isMissing = false
    }

    /// The open file; closed when the handle goes away.
    let handle: FileHandle
    /// Its size in bytes when it was opened.
    let size: Int
    /// The file system it is on.
    let device: UInt64
    /// The path it was opened by, links resolved.
    let resolvedPath: String

    /// Opens `path` for reading.
    ///
    /// `device` is the file system of the folder being imported; a
    /// file elsewhere (through a mount point or a link) is refused.
    static func open(_ path: String, device expected: UInt64? = nil) throws(Refusal) -> RegularFile {
        let resolved = PathResolver.resolve(path)
        if PathResolver.isSystem(resolved) {
            throw Refusal(
                reason: "it is in /proc, /sys or /dev, which hold no exports (reading there can block or never end)")
        }
        let before = try status(resolved)
        try check(before, expected: expected)
        let descriptor = systemOpen(resolved, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw refusal(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        do throws(Refusal) {
            let after: FileStatus
            switch FileStatus.of(descriptor: descriptor) {
            case .success(let status): after = status
            case .failure(let error): throw refusal(error.code)
            }
            try check(after, expected: expected)
            guard after.isSameFile(as: before) else {
                throw Refusal(reason: "it changed while it was being opened; try again")
            }
            if case .success(let input) = FileStatus.of(descriptor: STDIN_FILENO), input.isSameFile(as: after) {
                throw Refusal(reason: "it is this program's own input, which must not be read as a file")
            }
            return RegularFile(
                handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), size: after.size,
                device: after.device, resolvedPath: resolved)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// What a resolved path names, following links; opens nothing.
    static func status(_ resolved: String) throws(Refusal) -> FileStatus {
        switch FileStatus.of(resolved) {
        case .success(let status): return status
        case .failure(let error): throw refusal(error.code)
        }
    }

    /// Whether an open descriptor is a regular file (not a FIFO, device or socket).
    public static func isRegular(descriptor: Int32) -> Bool {
        (try? FileStatus.of(descriptor: descriptor).get())?.kind == .regular
    }

    /// The first bytes of the file, leaving the handle at the start again.
    func head(_ count: Int) -> Data {
        defer { try? handle.seek(toOffset: 0) }
        return (try? handle.read(upToCount: count)) ?? Data()
    }

    private static func check(_ status: FileStatus, expected: UInt64?) throws(Refusal) {
        guard status.kind == .regular else {
            throw Refusal(reason: "it is not a regular file (it is a folder, device, pipe or socket)")
        }
        if let expected, status.device != expected {
            throw Refusal(reason: "it is on another file system than the folder being imported")
        }
    }

    private static func refusal(_ code: POSIXErrorCode) -> Refusal {
        switch code {
        case .ENOENT, .ENOTDIR:
            return Refusal(reason: "it does not exist", isMissing: true)
        case .EACCES, .EPERM:
            return Refusal(reason: "permission denied; check its permissions")
        case .ELOOP:
            return Refusal(reason: "its symbolic links form a loop")
        default:
            return Refusal(reason: "it could not be opened (\(String(cString: strerror(code.rawValue))))")
        }
    }
}

/// The C library's `open(2)`, named apart from `RegularFile.open`.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
