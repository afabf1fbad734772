import AllerVersServer
import ArgumentParser
import Hummingbird
import TrainingCore

extension AllerVers {
    struct Serve: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr("Serve the workspace on the web: the public page where anyone checks a certificate."),
                discussion: tr(
                    """
                    A certificate's page is /verify/NUMBER?code=CODE (`certificate show` prints it): \
                    its state today (valid, expired, revoked and why, replaced by which), its holder, \
                    course, dates, hours and the organisation, in French or English as the browser asks. \
                    The number alone finds nothing; one address may ask 30 pages a minute. The server \
                    listens on the loopback by default: put it behind a reverse proxy that holds the \
                    TLS certificate to publish it, and name the proxy with --trust-proxy. It stops on SIGTERM or Ctrl-C once the requests under \
                    way are answered.

                    Example:
                      allervers serve --port 8080
                    """))
        }
        @Option(help: tr("The address to listen on.", valueName: "address")) var host = "127.0.0.1"
        @Option(help: tr("The port; 0 takes a free one.", valueName: "port")) var port = 8080
        @Option(
            help: tr(
                "A reverse proxy's address, whose X-Forwarded-For names the client the limit counts; repeat for several.",
                valueName: "address"))
        var trustProxy: [String] = []
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError(tr("--port \(port) is not a port: 0 to 65535")) }
        }

        func run() async throws {
            let store = try storeOptions.openStore()
            let language = Language.current
            let app = try Server.application(
                store: store, host: host, port: port, limits: Server.Limits(trustedProxies: Set(trustProxy)),
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
