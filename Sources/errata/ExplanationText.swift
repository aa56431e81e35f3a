import Foundation
import ErrataCore

/// The human-readable explanation of one error that `errata explain` and `errata parse` print.
///
/// The catalog's texts are in the language negotiated for them, and so are the words around them.
/// For example:
///
/// ```
/// NoSuchKey (HTTP 404, object)
/// The object you asked for does not exist in this bucket.
///
/// What to do:
///   1. Check the object key for typos, including letter case, folder path and URL
///      encoding of special characters.
///   2. List the bucket to confirm the object exists, since it may have been deleted
///      or renamed.
///
/// For developers:
///   Object keys are case-sensitive and must be URL-encoded in the request path.
///
/// Retry:            No: the request or the account must change first.
/// Service message:  The specified key does not exist.
/// Locale:           en, catalog revision 0
/// ```
struct ExplanationText {
    let output: TerminalOutput
    let strings: CLIStrings

    /// The labels of the lines after the steps, in catalog-key form (the English text).
    ///
    /// All of them, printed or not, set the column the values start in, so the values of
    /// `explain` and `parse` line up the same way in one language.
    enum Label: String, CaseIterable {
        case origin = "Origin:"
        case retry = "Retry:"
        case serviceMessage = "Service message:"
        case requestID = "Request ID:"
        case hostID = "Host ID:"
        case bucket = "Bucket:"
        case key = "Key:"
        case resource = "Resource:"
        case locale = "Locale:"
    }

    /// The column the labeled values start in: two spaces after the widest label.
    private let valueColumn: Int

    init(output: TerminalOutput, strings: CLIStrings) {
        self.output = output
        self.strings = strings
        valueColumn = (Label.allCases.map { TextWrapping.columns(strings($0.rawValue)) }.max() ?? 0) + 2
    }

    /// The lines explaining `description`, each at most ``TerminalOutput/width`` columns.
    ///
    /// - Parameters:
    ///   - description: The catalog's explanation.
    ///   - details: What the storage response carried (request ID, bucket, key…), when explaining one.
    func lines(for description: ErrorDescription, details: [(label: Label, value: String)] = []) -> [String] {
        let width = TerminalOutput.width
        let key = EntryKey(code: description.code, variant: description.variant)
        var lines = [output.bold("\(key) (HTTP \(description.httpStatus), \(description.category))")]
        if let note = requestedCodeNote(for: description) { lines += TextWrapping.wrap(note, width: width) + [""] }
        lines += TextWrapping.wrap(description.message, width: width)
        lines += ["", output.bold(strings("What to do:"))]
        let steps = Self.steps(of: description.remediation)
        for (index, step) in steps.enumerated() {
            let number = steps.count == 1 ? "" : "\(index + 1). "
            lines += TextWrapping.wrap(
                step, width: width, firstPrefix: "  " + number, prefix: String(repeating: " ", count: 2 + number.count)
            )
        }
        if let hint = description.developerHint {
            lines += ["", output.bold(strings("For developers:"))]
            lines += TextWrapping.wrap(hint, width: width, firstPrefix: "  ", prefix: "  ")
        }
        lines.append("")
        lines += labeled(.origin, origin(description.origin))
        lines += labeled(.retry, advice(for: description.retry))
        lines += labeled(.serviceMessage, description.serviceMessage)
        lines += self.lines(for: details)
        let served =
            description.fallback
            ? strings("%1$@ (no text in the language asked for), catalog revision %2$lld", description.locale, description.revision)
            : strings("%1$@, catalog revision %2$lld", description.locale, description.revision)
        lines += labeled(.locale, served)
        return lines
    }

    /// Labeled values, one after the other.
    func lines(for details: [(label: Label, value: String)]) -> [String] {
        details.flatMap { labeled($0.label, $0.value) }
    }

    /// A label and its value, wrapped so that continuation lines align with the value.
    private func labeled(_ label: Label, _ value: String) -> [String] {
        let text = strings(label.rawValue)
        let padded = text + String(repeating: " ", count: valueColumn - TextWrapping.columns(text))
        let lines = TextWrapping.wrap(
            value, width: TerminalOutput.width, firstPrefix: padded, prefix: String(repeating: " ", count: valueColumn)
        )
        return [output.bold(text) + lines[0].dropFirst(text.count)] + lines.dropFirst()
    }

    /// The remediation split into its sentences, each a step.
    ///
    /// A sentence ends at `。！？`, or at `.!?` followed by a space or the end of the text.
    static func steps(of remediation: String) -> [String] {
        var steps: [String] = []
        var current = ""
        let characters = Array(remediation)
        for (index, character) in characters.enumerated() {
            current.append(character)
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let ends = "。！？".contains(character) || (".!?".contains(character) && (next?.isWhitespace ?? true))
            if ends {
                let step = current.trimmingCharacters(in: .whitespaces)
                if !step.isEmpty { steps.append(step) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { steps.append(rest) }
        return steps
    }

    /// Why the entry shown is not the code asked for: an alias of it, or a generic answer; `nil` when it is.
    private func requestedCodeNote(for description: ErrorDescription) -> String? {
        switch (description.origin, description.requestedCode) {
        case (.generic, let code?): strings("%@ is not in the catalog: this is the generic explanation for its HTTP status.", code)
        case (.generic, nil): strings("The response names no error code: this is the generic explanation for its HTTP status.")
        case (_, let code?): strings("%1$@ is another spelling of %2$@.", code, description.code)
        case (_, nil): nil
        }
    }

    /// Where the code comes from, in words.
    private func origin(_ origin: EntryOrigin) -> String {
        switch origin {
        case .service: strings("The storage service's own error code.")
        case .s3: strings("An S3-standard error code, which the service's own list lacks.")
        case .generic: strings("Generic: Errata does not know this error code.")
        }
    }

    /// What to do about retrying, from the catalog's retry class.
    func advice(for retry: RetryClass) -> String {
        switch retry {
        case .never: strings("No: the request or the account must change first.")
        case .retryable: strings("Yes, with exponential backoff: it is usually transient.")
        case .throttling: strings("Yes, after backing off with jitter: send fewer requests.")
        }
    }
}
