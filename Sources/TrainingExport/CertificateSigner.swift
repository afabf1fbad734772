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
        var claims: [String: Any] = [
            "iss": key.issuer.did,
            "jti": certificate.number,
            "sub": context.participant.displayName,
            "crs": "\(certificate.courseID) \(certificate.courseVersion)",
            "hrs": certificate.attended.description,
            "from": certificate.firstDay.description,
            "to": certificate.lastDay.description,
            "iat": certificate.issuedOn.description,
            "ok": certificate.isEligible,
        ]
        if let until = certificate.validUntil { claims["exp"] = until.description }
        return key.compactJWS(payload: JSON.data(claims), header: ["alg": "EdDSA", "typ": "JWT"])
    }

    /// The Open Badges 3.0 AchievementCredential, signed as a VC-JWT (the credential's
    /// members at the top of the payload, with `iss`, `jti`, `sub`, `nbf` and `exp`).
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

        var resultDescriptions: [[String: Any]] = [
            [
                "id": achievementID + ":hours", "type": ["ResultDescription"], "name": "Heures réalisées",
                "resultType": "ext:Hours", "valueMin": "0", "valueMax": certificate.planned.decimal,
            ]
        ]
        var results: [[String: Any]] = [
            ["type": ["Result"], "resultDescription": achievementID + ":hours", "value": certificate.attended.decimal]
        ]
        for objective in course.objectives {
            let descriptionID = achievementID + ":objective:" + objective.id
            resultDescriptions.append([
                "id": descriptionID, "type": ["ResultDescription"], "name": objective.text,
                "resultType": "ext:AcquisitionLevel",
                "allowedValue": AcquisitionLevel.allCases.reversed().map(\.rawValue),
            ])
            if let result = context.progress?.assessment(of: objective.id) {
                results.append([
                    "type": ["Result"], "resultDescription": descriptionID,
                    "value": result.level?.rawValue ?? "\(result.score ?? 0)/100",
                ])
            }
        }
        var identifiers: [[String: Any]] = [
            ["type": "IdentityObject", "hashed": false, "identityHash": context.participant.displayName, "identityType": "name"]
        ]
        if let email = context.participant.email {
            let salt = Base64URL.encode(key.signature(for: Data((certificate.number + email).utf8)).prefix(12))
            identifiers.append([
                "type": "IdentityObject", "hashed": true, "salt": salt,
                "identityHash": "sha256$" + Digest.sha256Hex(Data((email.lowercased() + salt).utf8)), "identityType": "emailAddress",
            ])
        }
        let validFrom = "\(certificate.issuedOn)T00:00:00Z"
        var credential: [String: Any] = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": "urn:allervers:certificate:\(certificate.number)",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": course.title,
            "issuer": [
                "id": key.issuer.did, "type": ["Profile"], "name": context.organisation.name,
                "otherIdentifier": [
                    [
                        "type": "IdentifierEntry", "identifier": context.organisation.declarationNumber,
                        "identifierType": "ext:DeclarationActivite",
                    ]
                ],
            ],
            "validFrom": validFrom,
            "credentialSubject": [
                "type": ["AchievementSubject"],
                "identifier": identifiers,
                "activityStartDate": "\(certificate.firstDay)T00:00:00Z",
                "activityEndDate": "\(certificate.lastDay)T23:59:59Z",
                "achievement": [
                    "id": achievementID, "type": ["Achievement"], "achievementType": "Course", "name": course.title,
                    "description": course.summary, "humanCode": course.id, "version": course.version.description,
                    "inLanguage": course.language, "criteria": ["narrative": narrative], "resultDescription": resultDescriptions,
                    "creator": ["id": key.issuer.did, "type": ["Profile"], "name": context.organisation.name],
                ],
                "result": results,
            ],
        ]
        var claims: [String: Any] = [
            "iss": key.issuer.did, "jti": credential["id"]!, "nbf": Self.epoch(of: certificate.issuedOn, endOfDay: false),
        ]
        if let status = Self.statusEntry(of: certificate, site: context.organisation.publicAddress) {
            credential["credentialStatus"] = status
        }
        if let until = certificate.validUntil {
            credential["validUntil"] = "\(until)T23:59:59Z"
            claims["exp"] = Self.epoch(of: until, endOfDay: true)
        }
        claims.merge(credential) { claim, _ in claim }
        return key.compactJWS(
            payload: JSON.data(claims), header: ["alg": "EdDSA", "typ": "JWT", "kid": key.issuer.verificationMethod])
    }

    private static func epoch(of day: LocalDate, endOfDay: Bool) -> Int {
        day.ordinal * 86_400 + (endOfDay ? 86_399 : 0)
    }
}

/// JSON as the signed statements write it: keys sorted, slashes unescaped.
enum JSON {
    static func data(_ object: [String: Any]) -> Data {
        // Only strings, numbers, booleans, arrays and dictionaries go in: serialising cannot fail.
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
