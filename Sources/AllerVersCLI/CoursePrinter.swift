import TrainingCore

/// A course as a trainer reads it on a terminal.
struct CoursePrinter {
    let course: Course
    /// How the course is run when offered (an LHEO file's actions).
    var templates: [SessionTemplate] = []

    func print() {
        say("\(course.title)")
        say("\(course.id) version \(course.version) · \(course.duration) · \(course.language)")
        say()
        section("Summary", course.summary)
        section("Audience", course.audience)
        say("Prerequisites")
        if course.prerequisites.isEmpty { say("  none") }
        for prerequisite in course.prerequisites {
            switch prerequisite {
            case .course(let id): say("  - course \(id) completed")
            case .experience(let months, let text): say("  - experience\(months.map { " (\($0) months)" as Text } ?? ""): \(text)")
            case .other(let text): say("  - \(text)")
            }
        }
        say()
        say("Objectives")
        for objective in course.objectives { say("  \(objective.id)  \(objective.text)") }
        say()
        say("Modules")
        printTable(
            header: ["  ID", "HOURS", "MODALITY", "OBJECTIVES", "TITLE"],
            rows: course.modules.map {
                ["  " + $0.id, $0.duration.decimal, $0.modality.words.description, $0.objectives.joined(separator: " "), $0.title]
            })
        say()
        section("Initial positioning", course.assessment.initialPositioning)
        say("Assessment")
        for method in course.assessment.methods { say("  - \(method)") }
        say()
        let rule = course.certification
        var certification: Text = "at least \(rule.minimumAttendancePercent)% of the hours attended"
        if !rule.requiredModules.isEmpty {
            certification = certification + "; modules \(rule.requiredModules.joined(separator: ", ")) completed"
        }
        if rule.requiresPassedAssessment { certification = certification + "; assessment passed" }
        section("Certificate", certification.description)
        if let validity = course.validity {
            let months: Text = "\(validity.months) months"
            section("Validity", (months + (validity.refresherCourse.map { ", renewed by \($0)" } ?? "")).description)
        } else {
            section("Validity", tr("does not expire"))
        }
        section("Group", tr("\(course.groupSize.minimum) to \(course.groupSize.maximum) participants"))
        section("Accessibility", course.accessibility)
        if let classification = course.classification {
            var lines = classification.nsf.map { code in "NSF \(code) \(NSF.label(of: code) ?? "")" }
            if let objective = classification.generalObjective {
                let level = classification.level.map { tr(", level \($0)").description } ?? ""
                lines.append(
                    tr("General objective: \(objective.words)").description + level
                        + (classification.certificationCode.map { " (\($0))" } ?? ""))
            }
            section("Classification", lines.joined(separator: "\n  "))
        }
        if let offer = course.offer {
            func versioned(_ code: CourseOffer.Code) -> String { code.version.isEmpty ? code.code : "\(code.code) (\(code.version))" }
            var lines = offer.formacodes.map { "FORMACODE \(versioned($0))" } + offer.romeCodes.map { "ROME \($0)" }
            if let results = offer.expectedResults { lines.append(tr("Expected results: \(results)").description) }
            for (label, level) in [(tr("Entry level"), offer.entryLevel), (tr("Exit level"), offer.exitLevel)] {
                if let level { lines.append("\(label): \(level) \(LHEODictionary.levels[level] ?? "")") }
            }
            lines += offer.publics.map { tr("Public \(versioned($0))").description }
            for place in offer.places {
                lines.append(
                    tr(
                        "Place: \(([place.name].compactMap { $0 } + place.lines + ["\(place.postcode) \(place.city)"]).joined(separator: ", "))"
                    )
                    .description + (place.inseeCode.map { " (INSEE \($0))" } ?? ""))
            }
            if !offer.funders.isEmpty {
                lines.append(
                    tr("Funders: \(offer.funders.map { "\($0) \(LHEODictionary.funders[$0] ?? "")" }.joined(separator: "; "))").description)
            }
            if let contact = offer.contact {
                lines.append(
                    tr("Contact: \([contact.name, contact.phone, contact.email, contact.web].compactMap { $0 }.joined(separator: ", "))")
                        .description)
            }
            section("Offer", lines.joined(separator: "\n  "))
        }
        for template in templates {
            var lines: [String] = []
            if let place = template.place {
                lines.append(tr("Place: \((place.lines + ["\(place.postcode) \(place.city)"]).joined(separator: ", "))").description)
            }
            if let rhythm = template.rhythm { lines.append(tr("Rhythm: \(rhythm)").description) }
            if let hours = template.hours {
                let centre = template.centreHours.map { tr(", \($0.decimal) in the centre").description } ?? ""
                let company = template.companyHours.map { tr(", \($0.decimal) in a company").description } ?? ""
                lines.append(tr("Hours: \(hours.decimal)").description + centre + company)
            }
            if !template.funders.isEmpty {
                lines.append(
                    tr("Funders: \(template.funders.map { "\($0) \(LHEODictionary.funders[$0] ?? "")" }.joined(separator: "; "))")
                        .description)
            }
            for period in template.periods {
                lines.append(tr("Session \(period.number ?? "—"): \(period.start.description) to \(period.end.description)").description)
            }
            section("Offered as action \(template.number)", lines.joined(separator: "\n  "))
        }
    }

    private func section(_ title: Text, _ text: String) {
        say(title)
        say(verbatim: "  \(text)")
        say()
    }
}
