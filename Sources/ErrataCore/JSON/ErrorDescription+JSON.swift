package import Foundation

extension ErrorDescription {
    /// The description as canonical JSON, identical to `CanonicalJSON.encode(self)`.
    package var canonicalJSON: Data {
        var writer = JSONWriter(capacity: 256 + (docsUrl?.utf8.count ?? 0) + serviceMessage.utf8.count + message.utf8.count + remediation.utf8.count + (developerHint?.utf8.count ?? 0))
        write(to: &writer)
        return writer.data
    }

    /// Writes the description as a canonical JSON object (members in sorted order).
    package func write(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.member("category", first: true)
        writer.string(category.rawValue)
        writer.member("code")
        writer.string(code.rawValue)
        if let developerHint {
            writer.member("developerHint")
            writer.string(developerHint)
        }
        if let docsUrl {
            writer.member("docsUrl")
            writer.string(docsUrl)
        }
        writer.member("fallback")
        writer.bool(fallback)
        writer.member("fault")
        writer.string(fault.rawValue)
        writer.member("httpStatus")
        writer.integer(httpStatus)
        writer.member("locale")
        writer.string(locale.rawValue)
        writer.member("message")
        writer.string(message)
        writer.member("origin")
        writer.string(origin.rawValue)
        writer.member("remediation")
        writer.string(remediation)
        if let requestedCode {
            writer.member("requestedCode")
            writer.string(requestedCode.rawValue)
        }
        writer.member("retry")
        writer.string(retry.rawValue)
        if let retryPolicy {
            writer.member("retryPolicy")
            retryPolicy.write(to: &writer)
        }
        writer.member("revision")
        writer.integer(revision)
        writer.member("serviceMessage")
        writer.string(serviceMessage)
        writer.member("variant")
        writer.string(variant?.rawValue)
        writer.raw("}")
    }
}

extension RetryPolicy {
    /// Writes the policy as a canonical JSON object (members in sorted order).
    package func write(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.member("baseDelayMs", first: true)
        writer.integer(baseDelayMs)
        writer.member("honorRetryAfter")
        writer.bool(honorRetryAfter)
        writer.member("maxAttempts")
        writer.integer(maxAttempts)
        writer.member("maxDelayMs")
        writer.integer(maxDelayMs)
        writer.raw("}")
    }
}
