import ErrataCore
import Foundation
import HTTPTypes
import NIOFoundationCompat
import ErrataStore

/// The public read methods: `errors.describe`, `errors.match`, `errors.explain`, `errors.list`, `catalog.get`,
/// `catalog.snapshot`, `catalog.changes`, `locales.list`.
///
/// Every method answers from the catalog served at the request's first read (``RequestCatalog``),
/// but the feed, which waits for newer revisions; the locale is the `locale` param when given,
/// else negotiated from the HTTP request's `Accept-Language`. When reads are public, all but the
/// snapshot and the feed are immediate (answered without suspending, so also on the event loop).
struct CatalogMethods: Sendable {
    let live: LiveCatalog
    let access: AccessControl

    var methods: [RPCMethod] {
        [
            read("errors.describe", parameters: ["code", "variant", "locale", "params"], describe),
            read("errors.match", parameters: ["code", "serviceMessage", "locale"], match),
            read("errors.explain", parameters: ExplainInput.names, explain),
            read("errors.list", parameters: ["locale", "category", "httpStatus"], list),
            read("catalog.get", parameters: ["locale"], catalog),
            // Not immediate: the whole-catalog document can take long to build, and a feed call may wait.
            RPCMethod("catalog.snapshot", handler: snapshot),
            RPCMethod("catalog.changes", parameters: ["since", "locale", "wait"], handler: changes),
            read("locales.list", locales),
        ]
    }

    // MARK: - Methods

    @Sendable func describe(_ input: InputMembers, _ call: RPCCall) throws -> Data {
        let served = servedCatalog(for: call)
        let code = try Self.code(input)
        // An empty variant counts as none, as `?variant=` does over REST.
        let variant = try input.string("variant", maximumLength: VariantName.maximumLength).flatMap { $0.isEmpty ? nil : VariantName($0) }
        let locale = try input.string("locale", maximumLength: LanguageTag.maximumLength)
        let values = try input.stringMap("params")
        guard !values.isEmpty else {
            return try served.describeBody(.init(code: code, variant: variant, locale: locale, acceptLanguage: call.context.acceptLanguage))
        }
        let negotiation = served.negotiate(explicit: locale, acceptLanguage: call.context.acceptLanguage)
        let entry = try served.snapshot.entry(code: code, variant: variant)
        return try served.describeBody(entry, negotiation: negotiation, parameters: values, requestedCode: code)
    }

    @Sendable func match(_ input: InputMembers, _ call: RPCCall) throws -> Data {
        let served = servedCatalog(for: call)
        let code = try Self.code(input)
        let message = try input.string("serviceMessage", maximumLength: TextRules.maximumLength)
        let negotiation = try Self.negotiate(input, call, served)
        let entry = try served.snapshot.matchEntry(code: code, serviceMessage: message)
        return try served.describeBody(entry, negotiation: negotiation, requestedCode: code)
    }

    @Sendable func explain(_ input: InputMembers, _ call: RPCCall) throws -> Data {
        let input = try ExplainInput(input)
        return try servedCatalog(for: call).explain(input, acceptLanguage: call.context.acceptLanguage).body
    }

    @Sendable func list(_ input: InputMembers, _ call: RPCCall) throws -> Data {
        let served = servedCatalog(for: call)
        return served.listingBody(
            negotiation: try Self.negotiate(input, call, served),
            category: try input.string("category", maximumLength: 64).map { ErrorCategory($0) },
            httpStatus: try input.integer("httpStatus", in: 100...999)
        )
    }

    @Sendable func catalog(_ input: InputMembers, _ call: RPCCall) throws -> Data {
        let served = servedCatalog(for: call)
        return served.listingBody(negotiation: try Self.negotiate(input, call, served))
    }

    @Sendable func snapshot(_ call: RPCCall) async throws -> Data {
        _ = try await readInput(call)
        return Data(buffer: try GzipStream.inflate(try servedCatalog(for: call).gzipDocument()))
    }

    @Sendable func changes(_ call: RPCCall) async throws -> Data {
        let input = try await readInput(call)
        let since = try input.integer("since", required: true)!
        let locale = try input.string("locale", maximumLength: LanguageTag.maximumLength).map { (raw) throws(InvalidInput) in
            try AdminInput.languageTag(raw, field: "locale")
        }
        let wait = try input.integer("wait", in: 0...RevisionFeed.maximumWaitSeconds) ?? 0
        return try await live.served(since: since, waitingAtMost: .seconds(wait)).changes(since: since, locale: locale).canonicalJSON
    }

    @Sendable func locales(_ input: InputMembers, _ call: RPCCall) throws -> Data {
        servedCatalog(for: call).localesBody
    }

    /// The catalog `call`'s request reads.
    private func servedCatalog(for call: RPCCall) -> ServedCatalog {
        call.context.catalog.served(from: live)
    }

    // MARK: - Params

    /// A read of the served snapshot: immediate when reads are public, else answered once the caller's token is checked.
    private func read(_ name: String, parameters: [String] = [], _ answer: @escaping @Sendable (InputMembers, RPCCall) throws -> Data) -> RPCMethod {
        guard access.requireReadToken else {
            return RPCMethod(name, parameters: parameters, immediate: { call in try answer(try call.input(), call) })
        }
        return RPCMethod(name, parameters: parameters) { call in try answer(try await readInput(call), call) }
    }

    /// Authorizes the read, then reads the params: a caller without a needed token learns nothing more.
    private func readInput(_ call: RPCCall) async throws -> InputMembers {
        _ = try await access.authorize(.read, headers: call.context.headers, peer: call.context.peer)
        return try call.input()
    }

    private static func code(_ input: InputMembers) throws(InvalidInput) -> ErrorCode {
        let code = try input.string("code", required: true, maximumLength: ErrorCode.maximumLength)!
        guard !code.isEmpty else { throw InvalidInput("param 'code' must not be empty", field: "code") }
        return ErrorCode(code)
    }

    private static func negotiate(_ input: InputMembers, _ call: RPCCall, _ served: ServedCatalog) throws(InvalidInput) -> LocaleNegotiation {
        served.negotiate(
            explicit: try input.string("locale", maximumLength: LanguageTag.maximumLength),
            acceptLanguage: call.context.acceptLanguage
        )
    }
}
