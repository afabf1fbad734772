import Foundation
public import TrainingCore

/// Makes a certificate's signed statements with the workspace's key: the short statement
/// its QR code carries, and the Open Badges 3.0 credential of an eligible participant.
public struct CertificateSigner: Sendable {
    /// The workspace's key.
    public let key: SigningKey

    /// A signer with `key`.
    public init(key: SigningKey) {
        self.key = key
    }

    /// Both statements for one certificate.
    public func signatures(for context: CertificateContext) -> CertificateSignatures {
        CertificateSignatures(
            payload: payload(for: context),
            credential: context.certificate.isEligible ? credential(for: context) : nil)
    }

    /// The QR code's statement: a compact JWS (EdDSA) whose claims name the certificate,
    /// its holder, the course, the dates and the hours. The issuer's `did:key` is the
    /// `iss` claim, so it verifies with no other information.
    public func payload(for context: CertificateContext) -> String {
        let certificate = context.certificate
        var claims: JSONValue = [
            "iss": .string(key.issuer.did),
            "jti": .string(certificate.number),
            "sub": .string(context.participant.displayName),
            "crs": "\(certificate.courseID) \(certificate.courseVersion)",
            "hrs": .string(certificate.attended.description),
            "from": .string(certificate.firstDay.description),
            "to": .string(certificate.lastDay.description),
            "iat": .string(certificate.issuedOn.description),
            "ok": .bool(certificate.isEligible),
        ]
        if let until = certificate.validUntil { claims["exp"] = .string(until.description) }
        return key.compactJWS(payload: claims.data, header: ["alg": "EdDSA", "typ": "JWT"])
    }

    /// The Open Badges 3.0 AchievementCredential, signed as a VC-JWT (the credential's
    /// members at the top of the payload, with `iss`, `jti`, `nbf` and `exp`).
    public func credential(for context: CertificateContext) -> String {
        let certificate = context.certificate
        let course = context.course
        let achievementID = "urn:allervers:course:\(course.id):\(course.version)"
        let objectives = course.objectives.map { "\($0.id). \($0.text)" }.joined(separator: "\n")
        let rule = course.certification
        var narrative =
            "Objectifs :\n\(objectives)\n\nCertification : au moins \(rule.minimumAttendancePercent) % des heures suivies"
        if !rule.requiredModules.isEmpty { narrative += ", modules \(rule.requiredModules.joined(separator: ", ")) accomplis" }
        if rule.requiresPassedAssessment { narrative += ", évaluation des acquis réussie" }
        narrative += "."

        var resultDescriptions: [JSONValue] = [
            [
                "id": "\(achievementID):hours", "type": ["ResultDescription"], "name": "Heures réalisées",
                "resultType": "ext:Hours", "valueMin": "0", "valueMax": .string(certificate.planned.decimal),
            ]
        ]
        var results: [JSONValue] = [
            ["type": ["Result"], "resultDescription": "\(achievementID):hours", "value": .string(certificate.attended.decimal)]
        ]
        for objective in course.objectives {
            let descriptionID = achievementID + ":objective:" + objective.id
            resultDescriptions.append([
                "id": .string(descriptionID), "type": ["ResultDescription"], "name": .string(objective.text),
                "resultType": "ext:AcquisitionLevel",
                "allowedValue": .strings(AcquisitionLevel.allCases.reversed().map(\.rawValue)),
            ])
            if let result = context.progress?.assessment(of: objective.id) {
                results.append([
                    "type": ["Result"], "resultDescription": .string(descriptionID),
                    "value": .string(result.level?.rawValue ?? "\(result.score ?? 0)/100"),
                ])
            }
        }
        var identifiers: [JSONValue] = [
            ["type": "IdentityObject", "hashed": false, "identityHash": .string(context.participant.displayName), "identityType": "name"]
        ]
        if let email = context.participant.email {
            let salt = Base64URL.encode(key.signature(for: Data((certificate.number + email).utf8)).prefix(12))
            identifiers.append([
                "type": "IdentityObject", "hashed": true, "salt": .string(salt),
                "identityHash": "sha256$\(Digest.sha256Hex(Data((email.lowercased() + salt).utf8)))", "identityType": "emailAddress",
            ])
        }
        let id = "urn:allervers:certificate:\(certificate.number)"
        let issuer: JSONValue = .string(key.issuer.did)
        let organisation: JSONValue = .string(context.organisation.name)
        var credential: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": .string(id),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": .string(course.title),
            "issuer": [
                "id": issuer, "type": ["Profile"], "name": organisation,
                "otherIdentifier": [
                    [
                        "type": "IdentifierEntry", "identifier": .string(context.organisation.declarationNumber),
                        "identifierType": "ext:DeclarationActivite",
                    ]
                ],
            ],
            "validFrom": "\(certificate.issuedOn)T00:00:00Z",
            "credentialSubject": [
                "type": ["AchievementSubject"],
                "identifier": .array(identifiers),
                "activityStartDate": "\(certificate.firstDay)T00:00:00Z",
                "activityEndDate": "\(certificate.lastDay)T23:59:59Z",
                "achievement": [
                    "id": .string(achievementID), "type": ["Achievement"], "achievementType": "Course", "name": .string(course.title),
                    "description": .string(course.summary), "humanCode": .string(course.id), "version": .string(course.version.description),
                    "inLanguage": .string(course.language), "criteria": ["narrative": .string(narrative)],
                    "resultDescription": .array(resultDescriptions),
                    "creator": ["id": issuer, "type": ["Profile"], "name": organisation],
                ],
                "result": .array(results),
            ],
            // The JWT's own claims beside the credential's members.
            "iss": issuer, "jti": .string(id), "nbf": .integer(Self.epoch(of: certificate.issuedOn, endOfDay: false)),
        ]
        if let status = Self.statusEntry(of: certificate, site: context.organisation.publicAddress) {
            credential["credentialStatus"] = status
        }
        if let until = certificate.validUntil {
            credential["validUntil"] = "\(until)T23:59:59Z"
            credential["exp"] = .integer(Self.epoch(of: until, endOfDay: true))
        }
        return key.compactJWS(
            payload: credential.data, header: ["alg": "EdDSA", "typ": "JWT", "kid": .string(key.issuer.verificationMethod)])
    }

    private static func epoch(of day: LocalDate, endOfDay: Bool) -> Int {
        day.ordinal * 86_400 + (endOfDay ? 86_399 : 0)
    }
}

/// The claims of a statement being verified, read by Foundation.
enum JSON {
    static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
