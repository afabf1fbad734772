import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingExport
import TrainingService
import TrainingStore
import TrainingTesting

@testable import AllerVersServer

/// Revocation published as a W3C Bitstring Status List that the credentials name, so that
/// a verifier holding the list sees a revocation offline.
@Suite struct StatusListTests {
    @Test func aRevokedCredentialIsSetInTheListItNamesAndFailsOffline() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let set = await allervers(
            "organisation", "set", "--name", "Institut Aller-Vers", "--address", "12 rue des Lices, 49100 Angers",
            "--declaration-number", "52490123449", "--signatory", "Claire Martin", "--signatory-title", "Directrice",
            "--public-address", "https://formation.example.org", "--store", store)
        try #require(set.exitCode == 0, "\(set.error)")
        #expect(await allervers("certify", "LYON", "--date", "2026-03-16", "--store", store).exitCode == 0)
        let opened = try Stores.open(Workspace(folder: workspace.url))
        let credentialed = try await CertificationService(store: opened).certificates(in: "LYON").filter { $0.credential != nil }
        try #require(credentialed.count >= 2)
        let (revoked, valid) = (credentialed[0], credentialed[1])
        let revokedIndex = try #require(CertificateSigner.statusPosition(of: revoked.number)?.index)
        let validIndex = try #require(CertificateSigner.statusPosition(of: valid.number)?.index)

        // The credential names its entry.
        let statement = try Verifier.verify(token: try #require(valid.credential))
        #expect(statement.status?.list == "https://formation.example.org/status/2026" && statement.status?.index == validIndex)
        #expect(await allervers("certificate", "revoke", revoked.number, "--reason", "signature contestée", "--store", store).exitCode == 0)

        // The list, served by the page's server, signed by the workspace's key.
        let app = try ServeTests.page(opened)
        let served = try await ServeTests.get(app, "/status/2026")
        #expect(served.status == .ok && served.headers[.contentType] == "application/vc+jwt")
        let list = try Verifier.verify(statusList: served.body)
        #expect(list.id == "https://formation.example.org/status/2026" && list.issuer == statement.issuer)
        #expect(list.list.isSet(revokedIndex) == true && list.list.isSet(validIndex) == false)
        #expect(list.list.count == BitstringStatusList.minimumBits)
        #expect(try await ServeTests.get(app, "/status/twenty").status == .notFound)

        // Read by another implementation: Python's gzip and base64 find the same bits.
        let folder = try TemporaryFolder()
        let listFile = try folder.file("2026.jwt", served.body)
        let python = """
            import base64, gzip, json, sys
            token = open(sys.argv[1]).read().strip()
            payload = json.loads(base64.urlsafe_b64decode(token.split('.')[1] + '=='))
            encoded = payload['credentialSubject']['encodedList']
            assert encoded[0] == 'u'
            bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + '=' * (-len(encoded[1:]) % 4)))
            print(len(bits), *[(bits[int(i) // 8] >> (7 - int(i) % 8)) & 1 for i in sys.argv[2:]])
            """
        let read = try execute(
            URL(fileURLWithPath: "/usr/bin/python3"), ["-c", python, listFile.path, String(revokedIndex), String(validIndex)])
        #expect(read.output == "16384 1 0\n", "\(read.output)")

        // Offline, with the list and no workspace: the revoked one fails, the other passes.
        let binary = try builtBinary
        let revokedFile = try folder.file("revoked.jwt", try #require(revoked.credential))
        let validFile = try folder.file("valid.jwt", try #require(valid.credential))
        let refused = try execute(binary, ["verify", revokedFile.path, "--status-list", listFile.path], in: folder.url)
        #expect(refused.status == 1 && refused.output.contains("revoked: its entry \(revokedIndex) is set"), "\(refused.output)")
        let passed = try execute(binary, ["verify", validFile.path, "--status-list", listFile.path], in: folder.url)
        #expect(passed.status == 0 && passed.output.contains("not revoked in the status list"), "\(passed.output)")
        // A list that is not the one the credential names proves nothing.
        let other = try folder.file(
            "2025.jwt", try #require(try await VerificationService(store: opened).statusList(year: 2025, at: Date())))
        let mismatched = try execute(binary, ["verify", validFile.path, "--status-list", other.path], in: folder.url)
        #expect(mismatched.status == 1 && mismatched.output.contains("/status/2025"), "\(mismatched.output)")
        // The list is no certificate, and --status-list alone checks nothing.
        let asCertificate = try execute(binary, ["verify", listFile.path], in: folder.url)
        #expect(
            asCertificate.status == 1 && asCertificate.output.contains("status list, not a certificate"), "\(asCertificate.output)")
        #expect(try execute(binary, ["verify", "--status-list", listFile.path], in: folder.url).status == 64)
        // It is valid from the moment it was made, never from a midnight ahead of the clock.
        let payload = try #require(Base64URL.decode(String(served.body.split(separator: ".")[1])))
        let claims = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        #expect(try #require(claims["nbf"] as? Int) == 1_780_000_000, "the page's clock: \(claims)")
        // And it is counted like the certificates' pages.
        let limited = try ServeTests.page(opened, limits: .init(verificationsPerMinute: 1))
        #expect(try await ServeTests.get(limited, "/status/2026").status == .ok)
        #expect(try await ServeTests.get(limited, "/status/2026").status == .tooManyRequests)
    }

    @Test func noListWithoutAPublicAddress() async throws {
        let workspace = try await closedWeekWorkspace()
        let opened = try Stores.open(Workspace(folder: workspace.url))
        #expect(try await ServeTests.get(try ServeTests.page(opened), "/status/2026").status == .notFound)
    }
}
