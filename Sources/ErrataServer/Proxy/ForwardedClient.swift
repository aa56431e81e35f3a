import ErrataCore
package import HTTPTypes

/// Finds the client behind trusted proxies from `X-Forwarded-For` or `Forwarded` (RFC 7239).
///
/// The forwarding headers are written by whoever sent the request, so they are believed only as
/// far as trusted proxies vouch for them: starting from the socket peer, each hop that is a trusted
/// proxy hands over to the address it says it received the request from (the rightmost remaining
/// entry), and the first hop that is not trusted is the client. Entries further left were written
/// by that client and are ignored; a hop a trusted proxy could not name (`unknown`, an obfuscated
/// identifier, anything malformed) leaves the client at the last address known.
///
/// A proxy appends to `X-Forwarded-For` (nginx, most load balancers and CDNs) or to `Forwarded`.
/// When a request has both, `X-Forwarded-For` is used, so a client cannot pick its address by
/// sending a `Forwarded` header through a proxy that only maintains `X-Forwarded-For`; a proxy that
/// writes `Forwarded` must remove any `X-Forwarded-For` it receives.
package struct ForwardedClient: Sendable {
    /// The proxies whose forwarding headers are believed.
    package let trustedProxies: [IPAddressRange]

    package init(trustedProxies: [IPAddressRange]) {
        self.trustedProxies = trustedProxies
    }

    /// The client's address for a request from `peer` with `headers`.
    package func address(peer: IPAddress, headers: HTTPFields) -> IPAddress {
        var client = peer
        guard isTrusted(client) else { return client }
        var hops = Self.hops(headers)
        while isTrusted(client), let hop = hops.popLast() {
            guard let hop else { break }
            client = hop
        }
        return client
    }

    func isTrusted(_ address: IPAddress) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }

    /// The forwarded-for addresses, client first; `nil` for an entry that names no address.
    static func hops(_ headers: HTTPFields) -> [IPAddress?] {
        let xForwardedFor = headers[values: .xForwardedFor]
        if !xForwardedFor.isEmpty {
            return xForwardedFor.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { node($0.trimmingOptionalWhitespace()) }
        }
        return headers[values: .forwarded].flatMap(forwardedFor).map { $0.flatMap(node) }
    }

    /// A node as proxies write it: `192.0.2.1`, `192.0.2.1:8080`, `2001:db8::1`, `[2001:db8::1]` or `[2001:db8::1]:8080`.
    static func node(_ text: Substring) -> IPAddress? {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || Self.isPort(rest.dropFirst()) && rest.hasPrefix(":") else { return nil }
            return IPAddress(text[text.index(after: text.startIndex)..<close])
        }
        let colons = text.count(where: { $0 == ":" })
        if colons == 1, let colon = text.firstIndex(of: ":") {
            guard isPort(text[text.index(after: colon)...]) else { return nil }
            return IPAddress(text[..<colon]).flatMap { $0.bytes.count == 4 ? $0 : nil }
        }
        return IPAddress(text)
    }

    private static func isPort(_ text: Substring) -> Bool {
        (1...5).contains(text.count) && text.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The `for` parameter of each element of one `Forwarded` field value (RFC 7239 §4): elements
    /// are separated by `,`, their `name=value` pairs by `;`, and a value is a token or a quoted
    /// string (in which `,` and `;` are text and `\` escapes the next character). `nil` for an
    /// element without one.
    static func forwardedFor(_ value: String) -> [Substring?] {
        var elements: [Substring?] = []
        var text = Substring(value)
        repeat {
            var forValue: Substring?
            while let first = text.first, first != "," {
                let pair = nextPair(&text)
                if pair.name.lowercased() == "for" { forValue = pair.value }
            }
            elements.append(forValue)
        } while text.popFirst() == ","
        return elements
    }

    /// Reads one `name=value` pair (or anything up to the next `;`) and the `;` after it from the
    /// front of `text`; stops before a `,` that ends the element.
    private static func nextPair(_ text: inout Substring) -> (name: Substring, value: Substring) {
        let name = text.prefix { $0 != "=" && $0 != ";" && $0 != "," }
        text = text[name.endIndex...]
        var value = ""
        if text.first == "=" {
            text = text.dropFirst()
            if text.first == "\"" {
                text = text.dropFirst()
                var escaped = false, closed = false
                while !closed, let character = text.popFirst() {
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        closed = true
                    } else {
                        value.append(character)
                    }
                }
                if !closed { value = "\"" }  // unterminated: names no address
            }
            // A token, or whatever follows a quoted string (which makes the value malformed).
            let rest = text.prefix { $0 != ";" && $0 != "," }
            value += rest
            text = text[rest.endIndex...]
        }
        if text.first == ";" { text = text.dropFirst() }
        return (name.trimmingOptionalWhitespace(), Substring(value).trimmingOptionalWhitespace())
    }
}

extension HTTPField.Name {
    /// `X-Forwarded-For`: the addresses a request was forwarded for, client first.
    static let xForwardedFor = Self("X-Forwarded-For")!
    /// `Forwarded` (RFC 7239).
    static let forwarded = Self("Forwarded")!
}
