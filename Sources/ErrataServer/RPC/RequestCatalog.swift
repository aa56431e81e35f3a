import NIOConcurrencyHelpers

/// The catalog one `POST /rpc` request reads: the one served at its first read, for all its calls.
///
/// A batch's answers then name one revision, as a REST response does, even when a publish lands
/// while it is answered: by another client, or by an `admin.publish` earlier in the same batch
/// (a read after that publish sees it, unless a read before it fixed the revision already).
package final class RequestCatalog: Sendable {
    private let first = NIOLockedValueBox<ServedCatalog?>(nil)

    package init() {}

    /// The catalog this request reads: `live`'s current one, the first time.
    func served(from live: LiveCatalog) -> ServedCatalog {
        first.withLockedValue { first in
            if let first { return first }
            let current = live.served
            first = current
            return current
        }
    }
}
