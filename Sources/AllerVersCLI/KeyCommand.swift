import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingStore

extension AllerVers {
    struct KeyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key", abstract: "The workspace's signing key, which certificates and credentials are signed with.",
            subcommands: [Show.self, Create.self])
    }
}

extension AllerVers.KeyCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the issuer's did:key, which anyone can check signatures against.",
            discussion: "Example:\n  allervers key show")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let workspace = try storeOptions.workspace()
            say(try SigningKey.load(from: workspace.signingKeyURL).issuer.did)
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the signing key of a workspace that has none (init makes one).",
            discussion: """
                The key is written to .allervers/signing-key.pem, readable by its owner only. An existing \
                key is never replaced: certificates already issued verify against it.

                Example:
                  allervers key create
                """)
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let workspace = try storeOptions.workspace()
            say("Signing key: \(try SigningKey.create(at: workspace.signingKeyURL).issuer.did)")
        }
    }
}
