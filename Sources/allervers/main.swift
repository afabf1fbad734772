import AllerVersCLI
import ArgumentParser

do {
    try await AllerVers.run()
} catch {
    AllerVers.exit(withError: error)
}
