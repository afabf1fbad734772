import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct AccountCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "account", abstract: tr("Who logs in to `allervers serve`: add, list, set a password, disable."),
                subcommands: [Add.self, List.self, Password.self, Disable.self])
        }
    }
}

extension AllerVers.AccountCommand {
    struct Add: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr("Add a trainer's account."),
                discussion: tr(
                    """
                    A trainer sees the sessions that list their name as a trainer (case, accents and \
                    spaces folded), opens their half-days for signing on phones and certifies their \
                    sheets. The password (at least 12 characters) is read from the standard input, \
                    one line, and kept as a bcrypt hash.

                    Example:
                      echo "$PASSWORD" | allervers account add claire --name "Claire Martin"
                    """))
        }
        @Argument(help: tr("The login: lower case, without spaces.")) var login: String
        @Option(help: tr("The person's name, as sessions list their trainers.")) var name: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let store = try storeOptions.openStore()
            let password = try readPassword()
            try await AccountService(store: store).add(Account(login: login, name: name, role: .trainer), password: password)
            say("Added account \(login) (\(name), trainer)")
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: tr("List the accounts."), discussion: tr("Example:\n  allervers account list"))
        }
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let accounts = try storeOptions.openStore().accounts()
            if format.json { return try printJSON(accounts) }
            guard !accounts.isEmpty else { return say("No account yet: add one with `allervers account add LOGIN --name NAME`.") }
            printTable(
                header: ["LOGIN", "NAME", "ROLE", "STATE"],
                rows: accounts.map { account in
                    [account.login, account.name, account.role.words.description, tr(account.disabled ? "disabled" : "active")]
                })
        }
    }

    struct Password: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr("Set an account's password, read from the standard input; its browsers are logged out."),
                discussion: tr("Example:\n  printf '%s\\n' \"$PASSWORD\" | allervers account password claire"))
        }
        @Argument(help: tr("The login.")) var login: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let store = try storeOptions.openStore()
            try await AccountService(store: store).setPassword(of: login, to: try readPassword())
            say("Password of \(login) changed")
        }
    }

    struct Disable: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr("Disable an account: it can no longer log in; what it signed stays."),
                discussion: tr("Example:\n  allervers account disable claire"))
        }
        @Argument(help: tr("The login.")) var login: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try storeOptions.openStore().disableAccount(login)
            say("Account \(login) disabled")
        }
    }
}

/// A password, from the first line of the standard input (never an option: options show in
/// the shell's history and in `ps`).
private func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw CLIError("give the password on the standard input (one line)")
    }
    return line
}
