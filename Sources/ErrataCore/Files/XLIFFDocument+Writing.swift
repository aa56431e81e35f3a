extension XLIFFDocument {
    /// The document as XLIFF 1.2 in UTF-8, indented the way Xcode writes it.
    ///
    /// Output is deterministic (units in their order, attributes in a fixed order), so exports diff cleanly.
    package func xml() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="\(Self.namespace)" xmlns:errata="\(Self.errataNamespace)" version="1.2">
              <file original="\(Self.original.xmlEscaped)" source-language="\(sourceLanguage)" target-language="\(targetLanguage)" datatype="plaintext"
            """
        if let revision { xml += " errata:revision=\"\(revision)\"" }
        xml += """
            >
                <header>
                  <tool tool-id="errata-server" tool-name="errata-server"/>
                </header>
                <body>\n
            """
        for unit in units {
            xml += "      <trans-unit id=\"\(unit.id.xmlEscaped)\" xml:space=\"preserve\">\n"
            xml += "        <source>\(unit.source.xmlEscaped)</source>\n"
            if let target = unit.target {
                let state = unit.state.map { " state=\"\($0.rawValue.xmlEscaped)\"" } ?? ""
                xml += "        <target\(state)>\(target.xmlEscaped)</target>\n"
            }
            for note in unit.notes {
                xml += "        <note>\(note.xmlEscaped)</note>\n"
            }
            xml += "      </trans-unit>\n"
        }
        xml += """
                </body>
              </file>
            </xliff>\n
            """
        return xml
    }
}

extension String {
    /// The string as XML character data or an attribute value in double quotes.
    ///
    /// Markup characters and line breaks and tabs (which attribute values would otherwise turn into
    /// spaces, and line ends into LF) become references; characters XML 1.0 cannot carry at all
    /// (the other C0 controls, U+FFFE, U+FFFF) become U+FFFD.
    var xmlEscaped: String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(unicodeScalars.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\t": escaped += "&#9;"
            case "\n": escaped += "&#10;"
            case "\r": escaped += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                escaped.unicodeScalars.append("\u{FFFD}")
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
