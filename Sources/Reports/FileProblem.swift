import Foundation

/// A file system error in words a person can act on ("permission denied", "is a folder,
/// not a file"), in place of Foundation's "The operation could not be completed.
/// (NSCocoaErrorDomain error 256.)".
public enum FileProblem {
    /// What went wrong with `path`, without the path itself.
    public static func describe(_ error: any Error, path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
            isFolder.boolValue, !path.hasSuffix("/")
        {
            // Reading a folder as a file gives no reason worth showing.
            if let code = posixCode(error), code != EISDIR, code != EINVAL, code != 0 {
                return text(code)
            }
            return "it is a folder, not a file"
        }
        if let code = posixCode(error) { return text(code) }
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return text(ENOENT)
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return text(EACCES)
            case NSFileWriteOutOfSpaceError: return text(ENOSPC)
            case NSFileWriteVolumeReadOnlyError: return text(EROFS)
            case NSFileReadInapplicableStringEncodingError:
                return "it is not UTF-8 text"
            case NSFileReadCorruptFileError: return "it is not in the expected format"
            default: break
            }
            if !FileManager.default.fileExists(atPath: path) { return text(ENOENT) }
            if !FileManager.default.isReadableFile(atPath: path) { return text(EACCES) }
        }
        let description = nsError.localizedDescription
        return description.contains("NSCocoaErrorDomain")
            ? "it could not be read or written" : description
    }

    /// A JSON decoding error in words, with where in the JSON it is:
    /// `sources[0]: missing key 'company'`, or "not valid JSON".
    public static func json(_ error: any Error) -> String {
        TicketBlockDecoder.describe(error)
    }

    /// The error number behind a Foundation error, when there is one.
    private static func posixCode(_ error: any Error) -> Int32? {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return Int32(underlying.code)
        }
        return nil
    }

    /// `strerror` in lower case: "permission denied", "no such file or directory".
    static func text(_ code: Int32) -> String {
        let message = String(cString: strerror(code))
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}
