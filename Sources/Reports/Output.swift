import Foundation

/// Files of one report, written to temporary names in the output folder and renamed into
/// place only when every one of them is ready, so a reader never sees half a file and a
/// failed run leaves the previous report as it was.
public final class OutputBatch {
    /// The output folder.
    public let directory: URL
    private var staged: [(temporary: URL, final: URL)] = []
    private var committed = false

    /// Creates the folder if needed.
    /// - Throws: `ReportError.write` when the folder cannot be made.
    /// What an earlier run left when it was killed is cleared (`TemporaryFiles.sweep`).
    public init(directory: URL) throws(ReportError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true)
        } catch {
            throw .write(
                path: directory.path, reason: FileProblem.describe(error, path: directory.path))
        }
        TemporaryFiles.sweep(directory)
    }

    deinit { if !committed { discard() } }

    /// A temporary path for the file `name`, to be renamed by `commit()`.
    public func stage(_ name: String) -> URL {
        let temporary = directory.appendingPathComponent(
            ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        staged.append((temporary, directory.appendingPathComponent(name)))
        TemporaryFiles.shared.register(temporary.path)
        return temporary
    }

    /// Writes `data` to the staged file for `name`.
    public func write(_ name: String, data: Data) throws(ReportError) {
        let url = stage(name)
        do {
            try data.write(to: url)
        } catch {
            throw .write(path: url.path, reason: FileProblem.describe(error, path: url.path))
        }
    }

    /// Writes the staged file for `name` through a CSV writer.
    public func writeCSV(_ name: String, bom: Bool, _ body: (inout CSVWriter) throws -> Void)
        throws
    {
        let url = stage(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: url.path)
        else {
            throw ReportError.write(path: url.path, reason: FileProblem.text(errno))
        }
        defer { try? handle.close() }
        var writer = CSVWriter(bom: bom) { bytes in
            try handle.write(contentsOf: Data(bytes))
        }
        do {
            try body(&writer)
            try writer.flush()
            try handle.synchronize()
        } catch let error as ReportError {
            throw error
        } catch {
            // A full disk, say: Foundation's own words say nothing a person can act on.
            throw ReportError.write(
                path: url.path, reason: FileProblem.describe(error, path: url.path))
        }
    }

    /// Renames every staged file into place, all or none: each previous file is first
    /// moved aside, and if any rename fails every file already moved is put back, so the
    /// folder holds either the whole new report or the whole previous one.
    public func commit() throws(ReportError) {
        // A signal arriving during the renames waits for them (see `TemporaryFiles`).
        try TemporaryFiles.shared.holding { () throws(ReportError) in try renameAll() }
    }

    private func renameAll() throws(ReportError) {
        // A folder where a file should go would fail half-way; refuse before touching any.
        for (_, final) in staged {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: final.path, isDirectory: &isFolder),
                isFolder.boolValue
            {
                discard()
                throw .write(path: final.path, reason: "a folder is in the way of the file")
            }
        }
        var moved: [(final: URL, previous: URL?)] = []
        for (temporary, final) in staged {
            var previous: URL?
            if FileManager.default.fileExists(atPath: final.path) {
                let aside = directory.appendingPathComponent(
                    ".\(final.lastPathComponent).old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                )
                guard rename(final.path, aside.path) == 0 else {
                    throw failed(final, moved)
                }
                previous = aside
            }
            guard rename(temporary.path, final.path) == 0 else {
                let error = failed(final, moved)
                if let previous { rename(previous.path, final.path) }
                throw error
            }
            moved.append((final, previous))
        }
        for case (_, let previous?) in moved { unlink(previous.path) }
        for (temporary, _) in staged { TemporaryFiles.shared.forget(temporary.path) }
        committed = true
        staged = []
    }

    /// Puts back the files already replaced, removes the staged ones, and returns the error.
    private func failed(_ path: URL, _ moved: [(final: URL, previous: URL?)]) -> ReportError {
        let reason = String(cString: strerror(errno))
        for (final, previous) in moved.reversed() {
            unlink(final.path)
            if let previous { rename(previous.path, final.path) }
        }
        discard()
        return .write(path: path.path, reason: reason)
    }

    /// Removes every staged file that is still there.
    public func discard() {
        for (temporary, _) in staged {
            try? FileManager.default.removeItem(at: temporary)
            TemporaryFiles.shared.forget(temporary.path)
        }
        staged = []
    }

    /// The final paths, in the order staged.
    public var finalNames: [String] { staged.map(\.final.lastPathComponent) }
}
