import Foundation

/// Plain sentences for the file-system failures a person can act on, instead of the C library's
/// terse `strerror` texts.
enum FileErrorText {
    /// What went wrong, for an `errno` value, as a clause that can follow "Cannot create X: ".
    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied; check the folder's owner and permissions"
        case ENOENT: "the folder does not exist"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case EISDIR: "it is a folder"
        case EROFS: "the disk is mounted read-only"
        case ENOSPC: "the disk is full"
        case EDQUOT: "the disk quota is used up"
        case ENAMETOOLONG: "the name is too long for this file system"
        case ELOOP: "the path is a symbolic link, which is not followed"
        case EMFILE, ENFILE: "too many files are open; close some programs and try again"
        case EIO: "the disk reported an input/output error"
        default: "the operating system refused (error \(code))"
        }
    }
}
