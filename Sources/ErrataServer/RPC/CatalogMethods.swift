import ErrataCore
import Foundation
import HTTPTypes

/// The public read methods: `errors.describe`, `errors.match`, `errors.list`, `catalog.get`,
/// `catalog.snapshot`, `catalog.changes`, `locales.list`.
///
/// Every method answers from the served snapshot; the locale is the `locale` param when given,
/// else negotiated from the HTTP request's `Accept-Language`.
struct CatalogMethods: Sendable {
    static let maximumCodeLength = 128

    let live: LiveCatalog
    let access: AccessControl

    var methods: [RPCMethod] {
        [
            RPCMethod("errors.describe", parameters: ["code", "variant", "locale", "params"], handler: describe),
            RPCMethod("errors.match", parameters: ["code", "serviceMessage", "locale"], handler: match),
            RPCMethod("errors.list", parameters: ["locale", "category", "httpStatus"], handler: list),
            RPCMethod("catalog.get", parameters: ["locale"], handler: catalog),
            RPCMethod("catalog.snapshot", handler: snapshot),
            RPCMethod("catalog.changes", parameters: ["since", "locale"], handler: changes),
            RPCMethod("locales.list", handler: locales),
        ]
    }

    // MARK: - Methods

    @Sendable func describe(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.read, context)
        let served = live.served
        let code = try Self.code(params)
        // An empty variant counts as none, as `?variant=` does over REST.
        let variant = try params.string("variant", maximumLength: 64).flatMap { $0.isEmpty ? nil : VariantName($0) }
        let negotiation = try Self.negotiate(params, context, served)
        let values = try params.stringMap("params")
        return try Self.answering { () throws(CatalogLookupError) -> Data in
            let entry = try served.snapshot.entry(code: code, variant: variant)
            return try served.describeBody(entry, negotiation: negotiation, parameters: values)
        }
    }

    @Sendable func match(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.read, context)
        let served = live.served
        let code = try Self.code(params)
        let message = try params.string("serviceMessage", maximumLength: TextRules.maximumLength)
        let negotiation = try Self.negotiate(params, context, served)
        return try Self.answering { () throws(CatalogLookupError) -> Data in
            let entry = try served.snapshot.matchEntry(code: code, serviceMessage: message)
            return try served.describeBody(entry, negotiation: negotiation)
        }
    }

    @Sendable func list(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.read, context)
        let served = live.served
        return served.listingBody(
            negotiation: try Self.negotiate(params, context, served),
            category: try params.string("category", maximumLength: 64).map { ErrorCategory($0) },
            httpStatus: try params.integer("httpStatus", in: 100...999)
        )
    }

    @Sendable func catalog(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.read, context)
        let served = live.served
        return served.listingBody(negotiation: try Self.negotiate(params, context, served))
    }

    @Sendable func snapshot(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.read, context)
        return live.served.document.identity
    }

    @Sendable func changes(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.read, context)
        let since = try params.integer("since", required: true)!
        let locale = try AdminMethods.locale(params, required: false)
        do {
            return try live.served.changes(since: since, locale: locale).canonicalJSON
        } catch {
            throw JSONRPCErrorObject(error)
        }
    }

    @Sendable func locales(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.read, context)
        return live.served.localesBody
    }

    // MARK: - Params

    private static func code(_ params: RPCParams) throws(JSONRPCErrorObject) -> ErrorCode {
        let code = try params.string("code", required: true, maximumLength: maximumCodeLength)!
        guard !code.isEmpty else { throw .invalidParams("param 'code' must not be empty", field: "code") }
        return ErrorCode(code)
    }

    private static func negotiate(
        _ params: RPCParams, _ context: RPCCallContext, _ served: ServedCatalog
    ) throws(JSONRPCErrorObject) -> LocaleNegotiation {
        served.negotiate(
            explicit: try params.string("locale", maximumLength: LanguageTag.maximumLength),
            acceptLanguage: context.headers[.acceptLanguage]
        )
    }

    /// Runs a catalog lookup, turning its failure into the JSON-RPC error that answers it.
    private static func answering<T>(_ body: () throws(CatalogLookupError) -> T) throws(JSONRPCErrorObject) -> T {
        do {
            return try body()
        } catch {
            throw JSONRPCErrorObject(error)
        }
    }
}
