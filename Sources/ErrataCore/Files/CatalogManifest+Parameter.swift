extension CatalogManifest {
    /// A placeholder of an entry as written in `catalog.json`: its default value and, for translators,
    /// a note saying what it means and its unit.
    ///
    /// Written as the default alone when there is no note, else as an object; both forms are read,
    /// so files written before notes existed stay valid and `formatVersion` stays 1:
    ///
    /// ```json
    /// "parameters": {"maxPartNumber": "10000",
    ///                "maxObjectSize": {"default": "5 GiB", "note": "The largest object size the service accepts, with its unit."}}
    /// ```
    public struct Parameter: Codable, Hashable, Sendable {
        /// The value shown when a caller gives none.
        public var defaultValue: String
        /// What the placeholder means and its unit, for translators.
        public var note: String?

        public init(defaultValue: String, note: String? = nil) {
            self.defaultValue = defaultValue
            self.note = note
        }

        private enum CodingKeys: String, CodingKey {
            case defaultValue = "default"
            case note
        }

        public init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if let defaultValue = try? single.decode(String.self) {
                self.init(defaultValue: defaultValue)
                return
            }
            guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
                throw DecodingError.dataCorruptedError(
                    in: single, debugDescription: "expected the default value as a string, or an object with \"default\" and \"note\""
                )
            }
            self.init(
                defaultValue: try container.decode(String.self, forKey: .defaultValue),
                note: try container.decodeIfPresent(String.self, forKey: .note)
            )
        }

        public func encode(to encoder: any Encoder) throws {
            guard let note else {
                var single = encoder.singleValueContainer()
                try single.encode(defaultValue)
                return
            }
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(defaultValue, forKey: .defaultValue)
            try container.encode(note, forKey: .note)
        }
    }
}
