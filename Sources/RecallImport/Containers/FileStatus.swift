// `struct stat` is declared by whichever of these modules the compiler loads first; member
// import visibility needs the declaring one imported, so all of them are, here and only here.
import CoreFoundation
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(CDispatch)
import CDispatch
#endif

/// What `stat`, `lstat` or `fstat` says about a file: the kind, the file system and the inode,
/// which is enough to decide whether something may be read without opening it.
struct FileStatus: Equatable {
    /// The kinds of file Recall tells apart.
    enum Kind: Equatable {
        case regular
        case directory
        case symbolicLink
        /// A FIFO, socket or device: never read.
        case special
    }

    /// The kind of file.
    var kind: Kind
    /// The file system it is on.
    var device: UInt64
    /// Its inode on that file system.
    var inode: UInt64
    /// Its size in bytes.
    var size: Int

    /// The status of what `path` names, following links; the `errno` of the failure otherwise.
    static func of(_ path: String) -> Result<FileStatus, POSIXError> {
        var info = stat()
        return stat(path, &info) == 0 ? .success(FileStatus(info)) : .failure(lastError)
    }

    /// The status of `path` itself, a link not followed.
    static func ofLink(_ path: String) -> Result<FileStatus, POSIXError> {
        var info = stat()
        return lstat(path, &info) == 0 ? .success(FileStatus(info)) : .failure(lastError)
    }

    /// The status of an open file.
    static func of(descriptor: Int32) -> Result<FileStatus, POSIXError> {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? .success(FileStatus(info)) : .failure(lastError)
    }

    /// Whether both name the same file.
    func isSameFile(as other: FileStatus) -> Bool {
        device == other.device && inode == other.inode
    }

    private init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .special
        }
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
        size = Int(truncatingIfNeeded: info.st_size)
    }

    private static var lastError: POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
