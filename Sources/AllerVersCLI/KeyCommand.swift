import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingService
import TrainingStore

extension AllerVers {
    struct KeyCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "key", abstract: tr("The workspace's signing key, which certificates and credentials are signed with."),
                subcommands: [Show.self, Create.self])
        }
    }
}

extension AllerVers.KeyCommand {
    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("Print the issuer's did:key, which anyone can check signatures against."),
                discussion: tr("Example:\n  allervers key show"))
        }
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let workspace = try storeOptions.workspace()
            say(verbatim: try SigningKey.load(from: workspace.signingKeyURL).issuer.did)
        }
    }

    struct Create: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "create", abstract: tr("Create the signing key of a workspace that has none (init makes one)."),
                discussion: tr(
                    """
                    The key is written to .allervers/signing-key.pem, readable by its owner only, with the \
                    PDF signing key and certificate that name it. An existing key is never replaced: \
                    certificates already issued verify against it; and a workspace that has issued \
                    certificates gets no new key (put its own back from a snapshot taken with --with-key).

                    Example:
                      allervers key create
                    """))
        }
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let issuer = try await WorkspaceService(store: try storeOptions.openStore()).createSigningKey()
            say("Signing key: \(issuer.did)")
        }
    }
}
