import Foundation

// Helpers that several test targets share: reading the parts of a written workbook.

/// Reads parts of a written .xlsx with /usr/bin/unzip.
public enum XLSXPackage {
    /// The text of one part, e.g. `xl/worksheets/sheet1.xml`.
    public static func part(_ name: String, of file: String) throws -> String {
        // unzip reads the name as a pattern; `[[]` is a literal `[`.
        let pattern = name.replacingOccurrences(of: "[", with: "[[]")
        let (status, output) = try run(["-p", file, pattern])
        guard status == 0 else { throw PackageError.missingPart(name, status: status) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The names of every part in the package.
    public static func partNames(of file: String) throws -> [String] {
        let (status, output) = try run(["-Z1", file])
        guard status == 0 else { throw PackageError.unreadable(file, status: status) }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private static func run(_ arguments: [String]) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}

public enum PackageError: Error {
    case missingPart(String, status: Int32)
    case unreadable(String, status: Int32)
}

/// The text of every `<t>` element in order (shared strings or inline strings), unescaped.
public func texts(in xml: String) -> [String] {
    var result: [String] = []
    var rest = xml[...]
    while let open = rest.range(of: "<t") {
        guard let close = rest[open.upperBound...].range(of: ">"),
            let end = rest[close.upperBound...].range(of: "</t>")
        else { break }
        let tagTail = rest[open.upperBound..<close.lowerBound]
        if tagTail.isEmpty || tagTail.first == " " {
            result.append(unescape(String(rest[close.upperBound..<end.lowerBound])))
        }
        rest = rest[end.upperBound...]
    }
    return result
}

private func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
}

/// The `<c>` element for a cell such as `B7`, or nil.
public func cellXML(_ reference: String, in sheet: String) -> String? {
    guard let start = sheet.range(of: "<c r=\"\(reference)\"") else { return nil }
    let tail = sheet[start.lowerBound...]
    if let selfClosing = tail.range(of: "/>"), let close = tail.range(of: "</c>") {
        let end =
            selfClosing.lowerBound < close.lowerBound
                && !tail[..<selfClosing.lowerBound].contains(">") ? selfClosing : close
        return String(tail[..<end.upperBound])
    }
    if let close = tail.range(of: "</c>") { return String(tail[..<close.upperBound]) }
    return nil
}

/// The `<v>` value of a cell, or nil.
public func cellValue(_ reference: String, in sheet: String) -> String? {
    guard let cell = cellXML(reference, in: sheet),
        let open = cell.range(of: "<v>"), let close = cell.range(of: "</v>")
    else { return nil }
    return String(cell[open.upperBound..<close.lowerBound])
}
