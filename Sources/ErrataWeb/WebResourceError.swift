/// A resource of the pages that is missing or unreadable: a broken build, reported as such.
package struct WebResourceError: Error, CustomStringConvertible, Sendable {
    package var description: String

    init(_ description: String) {
        self.description = description
    }
}
