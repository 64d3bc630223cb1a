import Foundation

extension MaxCloudClient {
    /// Checks the HTTP status and the body's `status`, then decodes `data`.
    func decode<Payload: Decodable>(
        _ response: HTTPResponse, _ call: APICall, _ context: RequestContext
    ) throws -> (Payload, String?) {
        let headerID = response.headers["x-request-id"]
        let envelope = try? JSONDecoder().decode(Envelope<Payload>.self, from: response.body)
        let requestID = envelope?.requestID ?? headerID

        guard response.status == 200 else {
            let message = envelope?.message ?? Self.describeBody(response)
            throw MaxCloudError.httpStatus(
                call, context, status: response.status, message: message, requestID: requestID)
        }
        guard let envelope else {
            throw MaxCloudError.badResponse(
                call, context, reason: Self.whyNotJSON(response), requestID: requestID)
        }
        guard let status = envelope.status else {
            throw MaxCloudError.badResponse(
                call, context,
                reason: "the body is JSON but not the documented envelope (no status)",
                requestID: requestID)
        }
        guard status == 200 else {
            throw MaxCloudError.apiStatus(
                call, context, status: status, message: envelope.message ?? "", requestID: requestID
            )
        }
        switch envelope.data {
        case .success(let data?):
            return (data, requestID)
        case .success(nil):
            throw MaxCloudError.badResponse(
                call, context, reason: "the envelope has no data", requestID: requestID)
        case .failure(let error):
            throw MaxCloudError.badResponse(
                call, context,
                reason: "data is not in the documented shape: \(TicketPageData.brief(error))",
                requestID: requestID)
        }
    }

    /// Why a 200 body could not be read as JSON, in words a person can act on.
    static func whyNotJSON(_ response: HTTPResponse) -> String {
        let body = response.body
        if body.isEmpty { return "the body is empty" }
        if let described = describeBody(response), described.hasPrefix("an HTML page") {
            return "the server sent \(described) instead of JSON"
        }
        let parserSays: String?
        do {
            _ = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
            return "the body is JSON but not the documented envelope"
        } catch {
            // Foundation's reader tells where and why, e.g. "Too many nested arrays or
            // dictionaries around character 518." for nesting deeper than it reads.
            parserSays = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
        let text = String(decoding: body, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") && !trimmed.hasSuffix("}") {
            return "the body is cut short (\(body.count) bytes, JSON not closed)"
        }
        let why =
            parserSays.map { ": " + $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            ?? ""
        return "the body is not valid JSON\(why) (\(body.count) bytes, starting \(snippet(text)))"
    }

    /// A short, printable description of an error body: an HTML page's title, or its start.
    static func describeBody(_ response: HTTPResponse) -> String? {
        guard !response.body.isEmpty else { return nil }
        let text = String(decoding: response.body.prefix(4096), as: UTF8.self)
        let lower = text.lowercased()
        if lower.contains("<html") || lower.contains("<!doctype") {
            if let start = lower.range(of: "<title>"), let end = lower.range(of: "</title>"),
                start.upperBound <= end.lowerBound
            {
                let title = text[start.upperBound..<end.lowerBound]
                return "an HTML page titled \(snippet(String(title)))"
            }
            return "an HTML page"
        }
        return nil
    }

    /// The first characters of a text, quoted, with control characters shown as spaces.
    static func snippet(_ text: String, limit: Int = 60) -> String {
        let cleaned = text.prefix(limit).map { $0.isNewline || $0 == "\t" ? " " : String($0) }
            .joined()
        return "'\(cleaned)\(text.count > limit ? "…" : "")'"
    }
}
