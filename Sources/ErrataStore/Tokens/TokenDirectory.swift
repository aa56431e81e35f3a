import Foundation
import Crypto

/// The stored tokens and their SHA-256 digests, as read at one moment.
package struct TokenDirectory: Sendable {
    private let tokens: [(info: TokenInfo, digest: Data)]

    init(tokens: [(info: TokenInfo, digest: Data)]) {
        self.tokens = tokens
    }

    /// The token a caller presented, if it is one of these.
    ///
    /// The presented token's digest is compared with every stored digest in constant time
    /// (swift-crypto's digest comparison), so timing reveals nothing about near matches.
    package func authenticate(_ token: String) -> TokenInfo? {
        let presented = SHA256.hash(data: Data(token.utf8))
        var match: TokenInfo?
        for token in tokens where presented == token.digest {
            match = token.info
        }
        return match
    }
}
