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
                commandName: "add", abstract: tr("Add a trainer's account, or an employer's."),
                discussion: tr(
                    """
                    A trainer sees the sessions that list their name as a trainer (case, accents and \
                    spaces folded), opens their half-days for signing on phones and certifies their \
                    sheets. With --employer, the account is an employer's: it sees that employer's \
                    staff only, their obligations and their certificates. The password (at least 12 \
                    characters) is read from the standard input, one line, and kept as a bcrypt hash.

                    Examples:
                      echo "$PASSWORD" | allervers account add claire --name "Claire Martin"
                      echo "$PASSWORD" | allervers account add rh-ccas --name "Service RH" \\
                        --employer "CCAS de Villeurbanne"
                    """))
        }
        @Argument(help: tr("The login: lower case, without spaces.")) var login: String
        @Option(help: tr("The person's name, as sessions list their trainers.")) var name: String
        @Option(help: tr("For an employer's account: the employer (id or name) whose staff it sees.")) var employer: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let store = try storeOptions.openStore()
            let password = try readPassword()
            let account = Account(login: login, name: name, role: employer == nil ? .trainer : .employer, employerID: employer)
            try await AccountService(store: store).add(account, password: password)
            say("Added account \(login) (\(name), \(account.role.words))")
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list", abstract: tr("List the accounts."), discussion: tr("Example:\n  allervers account list"))
        }
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let accounts = try storeOptions.openStore().accounts()
            if format.json { return try printJSON(accounts) }
            guard !accounts.isEmpty else { return say("No account yet: add one with `allervers account add LOGIN --name NAME`.") }
            printTable(
                header: ["LOGIN", "NAME", "ROLE", "EMPLOYER", "STATE"],
                rows: accounts.map { account in
                    [
                        account.login, account.name, account.role.words.description, account.employerID ?? "",
                        tr(account.disabled ? "disabled" : "active"),
                    ]
                })
        }
    }

    struct Password: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "password",
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
                commandName: "disable", abstract: tr("Disable an account: it can no longer log in; what it signed stays."),
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
