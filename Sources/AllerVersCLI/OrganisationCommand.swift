import ArgumentParser
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct OrganisationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "organisation",
            abstract: "Show or set the organisation identity printed on documents.",
            subcommands: [Show.self, Set.self])
    }
}

extension AllerVers.OrganisationCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the organisation identity.",
            discussion: "Example:\n  allervers organisation show --json")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            guard let organisation = try await WorkspaceService(store: try storeOptions.openStore()).identity() else {
                throw CLIError("the workspace has no organisation identity yet: set it with `allervers organisation set`")
            }
            if format.json { return try printJSON(organisation) }
            printTable([
                ["Name", organisation.name],
                ["Address", organisation.address],
                ["Déclaration d'activité", organisation.declarationNumber],
                ["Signatory", "\(organisation.signatoryName), \(organisation.signatoryTitle)"],
                ["Certificate numbers", "\(organisation.certificatePrefix)-YEAR-NNNNNN"],
            ])
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the organisation identity (all five parts).",
            discussion: """
                Example:
                  allervers organisation set --name "Institut Aller-Vers" \\
                    --address "12 rue des Lices, 49100 Angers" \\
                    --declaration-number 52490123449 --signatory "Claire Martin" \\
                    --signatory-title Directrice
                """)

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var identity: IdentityOptions

        func validate() throws {
            _ = try identity.organisation(required: true)
        }

        func run() async throws {
            guard let organisation = try identity.organisation(required: true) else { return }
            try await WorkspaceService(store: try storeOptions.openStore()).setIdentity(organisation)
            say("Organisation identity set: \(organisation.name)")
        }
    }
}

/// A command-line failure that is neither the library's nor the arguments' own.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
