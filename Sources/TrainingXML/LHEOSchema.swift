import TrainingCore

/// LHEO (*Langage harmonisé d'échange d'informations sur l'offre de formation*), the format
/// French training offers circulate in: the versions the tool reads, told apart by the
/// namespace of the root element, each with the XSD the binary carries.
public enum LHEOVersion: String, Sendable, Hashable, CaseIterable {
    case version22 = "2.2"
    case version23 = "2.3"

    /// The namespace of the version's elements.
    public var namespace: String {
        switch self {
        case .version22: "http://www.lheo.org/2.2"
        case .version23: "http://lheo.gouv.fr/2.3"
        }
    }

    /// The version's XSD, byte for byte the file under `Courses/schema/lheo/`.
    public var xsd: String {
        switch self {
        case .version22: lheo22SchemaText
        case .version23: lheo23SchemaText
        }
    }

    /// The version whose namespace this is.
    init?(namespace: String) {
        guard let version = Self.allCases.first(where: { $0.namespace == namespace }) else { return nil }
        self = version
    }

    /// Each schema compiled once per process, the first time a file of its version is read.
    var compiled: CompiledSchema {
        switch self {
        case .version22: Self.compiled22
        case .version23: Self.compiled23
        }
    }

    private static let compiled22 = CompiledSchema(xsd: lheo22SchemaText)
    private static let compiled23 = CompiledSchema(xsd: lheo23SchemaText)
}
