/// Text that a feed wrote as HTML and then escaped into an XML field (`&lt;br /&gt;`),
/// which the XML parser hands back as tags and entities.
enum HTMLText {
    /// `text` without its tags and with its entities decoded, whitespace collapsed; `nil`
    /// when `text` holds neither a tag nor an entity.
    static func plain(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("<") || scalars.contains("&") else { return nil }
        var output = String.UnicodeScalarView()
        var changed = false
        var index = 0
        func space() {
            if let last = output.last, last != " " { output.append(" ") }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let end = scalars[index...].firstIndex(of: ">"), index + 1 < scalars.count,
                scalars[index + 1].properties.isAlphabetic || scalars[index + 1] == "/" || scalars[index + 1] == "!"
            {
                space()
                index = end + 1
                changed = true
                continue
            }
            if scalar == "&", let end = scalars[index...].prefix(12).firstIndex(of: ";"),
                let decoded = entity(String(String.UnicodeScalarView(scalars[index + 1..<end])))
            {
                if decoded == " " { space() } else { output.append(decoded) }
                index = end + 1
                changed = true
                continue
            }
            if scalar == " " { space() } else { output.append(scalar) }
            index += 1
        }
        guard changed else { return nil }
        var plain = String(output)
        while plain.hasSuffix(" ") { plain.removeLast() }
        while plain.hasPrefix(" ") { plain.removeFirst() }
        return plain
    }

    /// The character an entity stands for; `nil` for one a text must not hold (a control
    /// character: NUL, ESC… would reach terminals and stores).
    private static func entity(_ name: String) -> Unicode.Scalar? {
        let scalar: Unicode.Scalar?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if name.hasPrefix("#") {
            scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
        } else {
            scalar = named[name]
        }
        guard let scalar, scalar.value >= 0x20, !(0x7F...0x9F).contains(scalar.value), scalar.value != 0xFFFE, scalar.value != 0xFFFF
        else { return nil }
        return scalar
    }

    /// The named entities French catalogues use.
    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "eacute": "é", "egrave": "è",
        "ecirc": "ê", "euml": "ë", "agrave": "à", "acirc": "â", "auml": "ä", "ccedil": "ç", "icirc": "î", "iuml": "ï",
        "ocirc": "ô", "ouml": "ö", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "Eacute": "É", "Egrave": "È", "Ecirc": "Ê",
        "Agrave": "À", "Ccedil": "Ç", "oelig": "œ", "OElig": "Œ", "laquo": "«", "raquo": "»", "rsquo": "’", "lsquo": "‘",
        "ldquo": "“", "rdquo": "”", "hellip": "…", "ndash": "–", "mdash": "—", "euro": "€", "deg": "°", "bull": "•",
        "middot": "·",
    ]
}
