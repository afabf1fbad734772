import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TrainingCore
import TrainingPDF
import TrainingService
import TrainingStore

/// An employer's pages: its staff's obligations today (the report and the matrix, each also
/// as CSV and PDF) and its staff's certificates. An employer's account sees its own employer's
/// staff only: every page and download is drawn for the account's employer, never for one a
/// request names.
extension Site {
    func addEmployerPages(to router: Router<ServerContext>) {
        router.get("/employer") { request, _ in
            try await employer(request) { account, csrf in try await reportPage(account, csrf, request) }
        }
        router.get("/employer/matrix") { request, _ in
            try await employer(request) { account, csrf in try await matrixPage(account, csrf, request) }
        }
        router.get("/employer/certificates") { request, _ in
            try await employer(request) { account, csrf in try await certificatesPage(account, csrf, request) }
        }
        router.get("/employer/:file") { request, context in
            try await employer(request) { account, _ in try await download(try context.parameters.require("file"), account, request) }
        }
    }

    private func employer(_ request: Request, _ page: (Account, String) async throws -> Response) async throws -> Response {
        try await signedIn(request, as: .employer) { account, csrf in
            guard account.employerID != nil else { throw SigningError("this account names no employer") }
            return try await page(account, csrf)
        }
    }

    private func today() -> LocalDate { LocalDate.inParis(clock()) }

    private func links(_ language: Language) -> [[String: String]] {
        Language.$current.withValue(language) {
            [
                ["url": "/employer", "label": Pages.tr("Obligations")], ["url": "/employer/matrix", "label": Pages.tr("Matrix")],
                ["url": "/employer/certificates", "label": Pages.tr("Certificates")],
                ["url": "/employer/report.csv", "label": "CSV"], ["url": "/employer/report.pdf", "label": "PDF"],
                ["url": "/employer/matrix.csv", "label": Pages.tr("Matrix (CSV)")],
                ["url": "/employer/matrix.pdf", "label": Pages.tr("Matrix (PDF)")],
            ]
        }
    }

    private func reportPage(_ account: Account, _ csrf: String, _ request: Request) async throws -> Response {
        let language = Pages.language(of: request)
        let employerID = account.employerID ?? ""
        let name = try store.employer(employerID).summary.employer.name
        let report = try await ComplianceService(store: store).report(employer: employerID, asOf: today())
        return Language.$current.withValue(language) {
            pages.render(
                "table",
                [
                    "title": Pages.tr("\(name): obligations on \(today())"), "account": Self.account(account, csrf),
                    "links": links(language), "hasRows": !report.lines.isEmpty,
                    "empty": Pages.tr("Nobody has an obligation on \(today())."),
                    "headers": [
                        Pages.tr("Name"), Pages.tr("Profession"), Pages.tr("Obligation"), Pages.tr("Status"), Pages.tr("Due"),
                        Pages.tr("Since"), Pages.tr("Evidence"),
                    ],
                    "rows": report.lines.map { line in
                        [
                            "cells": [
                                line.name, line.profession ?? "", line.obligation, line.status.stateText.description,
                                line.status.due?.description ?? "", line.status.sinceText.description,
                                line.status.evidence?.evidence ?? Pages.tr("never trained"),
                            ].map { ["text": $0] }
                        ]
                    },
                ], language: language)
        }
    }

    private func matrixPage(_ account: Account, _ csrf: String, _ request: Request) async throws -> Response {
        let language = Pages.language(of: request)
        let employerID = account.employerID ?? ""
        let name = try store.employer(employerID).summary.employer.name
        let matrix = try await ComplianceService(store: store).matrix(employer: employerID, asOf: today())
        return Language.$current.withValue(language) {
            pages.render(
                "table",
                [
                    "title": Pages.tr("\(name): matrix on \(today())"), "account": Self.account(account, csrf), "links": links(language),
                    "hasRows": !matrix.rows.isEmpty, "empty": Pages.tr("Nobody has an obligation on \(today())."),
                    "headers": [Pages.tr("Name")] + matrix.obligations.map(\.title),
                    "rows": matrix.rows.map { row in
                        ["cells": ([row.name] + row.statuses.map { $0?.stateText.description ?? "" }).map { ["text": $0] }]
                    },
                ], language: language)
        }
    }

    private func certificatesPage(_ account: Account, _ csrf: String, _ request: Request) async throws -> Response {
        let language = Pages.language(of: request)
        let employerID = account.employerID ?? ""
        let name = try store.employer(employerID).summary.employer.name
        let certificates = try await CertificationService(store: store).certificates(
            matching: CertificateFilter(employer: employerID), state: nil, on: today())
        let holders = Dictionary(
            try store.employer(employerID).staff.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        return Language.$current.withValue(language) {
            pages.render(
                "table",
                [
                    "title": Pages.tr("\(name): certificates"), "account": Self.account(account, csrf), "links": links(language),
                    "hasRows": !certificates.isEmpty, "empty": Pages.tr("No certificate yet."),
                    "headers": [Pages.tr("Certificate"), Pages.tr("Holder"), Pages.tr("Course"), Pages.tr("Last day"), Pages.tr("Status")],
                    "rows": certificates.map { certificate in
                        [
                            "cells": [
                                [
                                    "text": certificate.number,
                                    "url": "/verify/\(certificate.number)?code=\(certificate.verificationCode)",
                                ],
                                ["text": holders[certificate.participantID] ?? certificate.participantID],
                                ["text": certificate.courseID], ["text": certificate.lastDay.description],
                                ["text": certificate.state(on: today()).words.description],
                            ]
                        ]
                    },
                ], language: language)
        }
    }

    private func download(_ file: String, _ account: Account, _ request: Request) async throws -> Response {
        let employerID = account.employerID ?? ""
        let service = ComplianceService(store: store)
        let language: DocumentLanguage = Pages.language(of: request) == .en ? .en : .fr
        let name = try store.employer(employerID).summary.employer.name
        let body: Data
        let type: String
        switch file {
        case "report.csv":
            (body, type) = (try await service.report(employer: employerID, asOf: today()).csv, "text/csv; charset=utf-8")
        case "report.pdf":
            let report = try await service.report(employer: employerID, asOf: today())
            (body, type) = (try service.reportPDF(report, employer: name, knownAt: nil, language: language), "application/pdf")
        case "matrix.csv":
            (body, type) = (try await service.matrix(employer: employerID, asOf: today()).csv, "text/csv; charset=utf-8")
        case "matrix.pdf":
            let matrix = try await service.matrix(employer: employerID, asOf: today())
            (body, type) = (try service.matrixPDF(matrix, employer: name, language: language), "application/pdf")
        default:
            throw HTTPError(.notFound)
        }
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(employerID)-\(today())-\(file)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
