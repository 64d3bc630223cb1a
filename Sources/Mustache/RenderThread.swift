import Foundation

/// Runs a render on a thread of its own whose stack is large enough for
/// `TemplateLibrary.levelLimit` levels, whatever thread the caller is on.
///
/// Rendering recurses once per nested section, block, partial and parent. The caller's
/// stack may be small (a Swift concurrency thread, a debug build's large frames), so a
/// deep but legitimate template is rendered where the depth is known to fit.
enum RenderThread {
    /// Bytes of stack for the render thread. A level takes under 5 KB in a debug build
    /// and far less optimised; the memory is reserved, and only the part used is touched.
    static let stackSize = 96 << 20

    /// Runs `body` on a new thread and waits for its result.
    static func run(
        _ body: @escaping @Sendable () throws(MustacheError) -> String
    ) throws(MustacheError) -> String {
        let outcome = Outcome()
        let thread = Thread {
            do throws(MustacheError) {
                outcome.finish(.success(try body()))
            } catch {
                outcome.finish(.failure(error))
            }
        }
        thread.stackSize = stackSize
        thread.start()
        return try outcome.wait().get()
    }
}

/// The result of the render thread, handed to the waiting caller once.
private final class Outcome: @unchecked Sendable {
    // Written once by the render thread before `done` is signalled, read only after.
    private var result: Result<String, MustacheError> = .success("")
    private let done = DispatchSemaphore(value: 0)

    func finish(_ result: Result<String, MustacheError>) {
        self.result = result
        done.signal()
    }

    func wait() -> Result<String, MustacheError> {
        done.wait()
        return result
    }
}
