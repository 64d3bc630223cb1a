import CXlsxWriter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns the C workbook and every piece of C memory handed to it.
///
/// `Workbook`, `Worksheet`, `Format` and `Chart` all hold this object strongly, so the C
/// workbook lives as long as any Swift face of it. libxlsxwriter copies most strings it is
/// given, but not all of them in every version, so every string and struct passed to it
/// outside cell writes is duplicated here and freed only when the last reference goes,
/// which is always after `workbook_close` (or `lxw_workbook_free` if it was never closed).
final class WorkbookHandle {
    /// The C workbook; nil once closed or freed.
    private(set) var pointer: UnsafeMutablePointer<lxw_workbook>?

    /// Whether the workbook was opened with `constant_memory`.
    let constantMemory: Bool

    /// The output path, for messages.
    let path: String

    /// Strings kept alive for the library until the handle dies.
    private var strings: [UnsafeMutablePointer<CChar>] = []

    /// Other raw allocations (table column structs and arrays) kept until the handle dies.
    private var blocks: [UnsafeMutableRawPointer] = []

    init(pointer: UnsafeMutablePointer<lxw_workbook>, constantMemory: Bool, path: String) {
        self.pointer = pointer
        self.constantMemory = constantMemory
        self.path = path
    }

    deinit {
        if let pointer {
            // Never closed: free without writing a file.
            lxw_workbook_free(pointer)
        }
        for string in strings { free(string) }
        for block in blocks { free(block) }
    }

    /// The live C workbook, or an error naming the call made too late.
    func workbook(for call: @autoclosure () -> String) throws(XLSXError)
        -> UnsafeMutablePointer<lxw_workbook>
    {
        guard let pointer else { throw XLSXError.workbookClosed(call: call()) }
        return pointer
    }

    /// Whether `close()` has run.
    var isClosed: Bool { pointer == nil }

    /// Closes the C workbook, writing the file; the handle is unusable afterwards.
    func close() -> lxw_error {
        guard let pointer else { return LXW_NO_ERROR }
        self.pointer = nil
        // workbook_close frees the workbook whatever it returns.
        return workbook_close(pointer)
    }

    /// A C copy of `string` that stays valid until the handle dies.
    func keep(_ string: String) -> UnsafeMutablePointer<CChar> {
        let copy = strdup(string)!
        strings.append(copy)
        return copy
    }

    /// A C copy of an optional string; nil stays nil.
    func keep(_ string: String?) -> UnsafeMutablePointer<CChar>? {
        guard let string else { return nil }
        return keep(string)
    }

    /// Zeroed memory for `count` values of `T`, kept until the handle dies.
    func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let raw = calloc(max(count, 1), MemoryLayout<T>.stride)!
        blocks.append(raw)
        return raw.bindMemory(to: T.self, capacity: max(count, 1))
    }
}
