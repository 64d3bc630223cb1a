import Synchronization

extension SimulatorServer {
    /// The dataset as the server holds it now, including tickets created or closed by
    /// faults; compute expected answers from it.
    public var dataset: SimulatorDataset {
        store.withLock { $0.dataset }
    }

    /// Replaces the dataset; tokens already issued keep working for accounts that remain.
    public func replaceDataset(_ dataset: SimulatorDataset) {
        store.withLock { $0.replace(with: dataset) }
    }

    /// Changes the dataset in place, for tests that stage a change between two requests.
    public func updateDataset(_ change: (inout SimulatorDataset) -> Void) {
        store.withLock { store in
            var dataset = store.dataset
            change(&dataset)
            store.replace(with: dataset)
        }
    }

    /// Every request answered so far (when ``SimulatorConfiguration/recordsRequests`` is on),
    /// in the order the answers were made.
    public var requestLog: [LoggedRequest] {
        log.withLock { $0.entries }
    }

    /// Forgets the request log (arrival numbers keep counting).
    public func clearRequestLog() {
        log.withLock { $0.entries = [] }
    }
}
