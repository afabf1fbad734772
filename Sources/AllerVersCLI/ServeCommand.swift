import AllerVersServer
import ArgumentParser
import Foundation
import Hummingbird
import TrainingCore
import TrainingService

extension AllerVers {
    struct Serve: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "serve",
                abstract: tr(
                    "Serve the workspace on the web: signing on phones, the trainers' and employers' pages, the certificates' public pages."
                ),
                discussion: tr(
                    """
                    Trainers and employers log in at /login (accounts: `allervers account add`); \
                    participants sign a half-day at /sign with the code on the trainer's screen; a \
                    certificate's page is /verify/NUMBER?code=CODE (`certificate show` prints it), and \
                    the revocation status list of a year /status/YEAR. One client may ask 30 \
                    certificate pages and 120 signing pages a minute (--verify-limit, --sign-limit), and \
                    try 10 logins. Participants sign from 15 minutes before a half-day starts to 30 \
                    minutes after it ends (--sign-before, --sign-after). The server listens on the loopback by default: put it behind a \
                    reverse proxy that holds the TLS certificate to publish it, and name the proxy with \
                    --trust-proxy. It stops on SIGTERM or Ctrl-C once the requests under way are answered.

                    Example:
                      allervers serve --port 8080 --trust-proxy 127.0.0.1
                    """))
        }
        @Option(help: tr("The address to listen on.", valueName: "address")) var host = "127.0.0.1"
        @Option(help: tr("The port; 0 takes a free one.", valueName: "port")) var port = 8080
        @Option(
            help: tr(
                "A reverse proxy's address, whose X-Forwarded-For names the client the limit counts; repeat for several.",
                valueName: "address"))
        var trustProxy: [String] = []
        @Option(help: tr("Certificate pages one client may ask for in a minute.", valueName: "count")) var verifyLimit = 30
        @Option(help: tr("Signing pages and signatures one client may send in a minute.", valueName: "count")) var signLimit = 120
        // The defaults are the signing policy's own.
        @Option(help: tr("How many minutes before a half-day starts its participants may sign.", valueName: "minutes"))
        var signBefore = Int(SigningPolicy().before / 60)
        @Option(help: tr("How many minutes after a half-day ends they still may.", valueName: "minutes"))
        var signAfter = Int(SigningPolicy().after / 60)
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError(tr("--port \(port) is not a port: 0 to 65535")) }
            guard verifyLimit > 0, signLimit > 0 else { throw ValidationError(tr("a limit lets at least one request through a minute")) }
            guard (0...720).contains(signBefore), (0...720).contains(signAfter) else {
                throw ValidationError(tr("--sign-before and --sign-after are minutes, from 0 to 720"))
            }
        }

        /// What the server lets through, as the options set it.
        var limits: Server.Limits {
            Server.Limits(
                verificationsPerMinute: verifyLimit, signingRequestsPerMinute: signLimit, trustedProxies: Set(trustProxy),
                signing: SigningPolicy(before: TimeInterval(signBefore * 60), after: TimeInterval(signAfter * 60)))
        }

        func run() async throws {
            // A reader for each core, so that pages are read while a signature's commit
            // waits for the disk.
            let store = try storeOptions.openStore(readers: ProcessInfo.processInfo.activeProcessorCount)
            let language = Language.current
            let app = try Server.application(
                store: store, host: host, port: port, limits: limits,
                running: { address in
                    Language.$current.withValue(language) {
                        say("Serving on http://\(address?.ipAddress ?? host):\(address?.port ?? port) — stop with Ctrl-C")
                    }
                })
            try await app.runService()
            say("Stopped.")
        }
    }
}
