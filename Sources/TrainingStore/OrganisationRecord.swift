internal import GRDB
import TrainingCore

/// The single row of the `organisation` table.
struct OrganisationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "organisation"

    var id = 1
    var name: String
    var address: String
    var declarationNumber: String
    var signatoryName: String
    var signatoryTitle: String
    var certificatePrefix: String

    init(_ organisation: Organisation) {
        name = organisation.name
        address = organisation.address
        declarationNumber = organisation.declarationNumber
        signatoryName = organisation.signatoryName
        signatoryTitle = organisation.signatoryTitle
        certificatePrefix = organisation.certificatePrefix
    }

    var organisation: Organisation? {
        try? Organisation(
            name: name, address: address, declarationNumber: declarationNumber, signatoryName: signatoryName,
            signatoryTitle: signatoryTitle, certificatePrefix: certificatePrefix)
    }
}
