/// How a course is run when it is offered: an LHEO *action*. Its place, rhythm, hours and
/// funders are what each of its sessions shares; its periods are the sessions the offer
/// announces. Sessions are planned from it (`course import` of an LHEO file plans those
/// whose dates are complete).
public struct SessionTemplate: Sendable, Hashable, Codable {
    /// A date of an offer, as precise as the offer states it: LHEO writes `AAAAMMJJ`, with
    /// `00` for a day it does not know (`20170900`, some day of September 2017) and
    /// `00000000` for a date it does not know at all.
    public enum OfferDate: Sendable, Hashable, Codable, CustomStringConvertible {
        case day(LocalDate)
        case month(year: Int, month: Int)
        case unknown

        /// `2017-09-04`, `2017-09`, or `unknown`.
        public var description: String {
            switch self {
            case .day(let date): date.description
            case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
            case .unknown: "unknown"
            }
        }

        /// The day, when the offer states one.
        public var day: LocalDate? {
            if case .day(let date) = self { date } else { nil }
        }

        /// The first and the last day the date may be.
        public var range: ClosedRange<LocalDate>? {
            switch self {
            case .day(let date): date...date
            case .month(let year, let month):
                LocalDate(year: year, month: month, day: 1).flatMap { first in
                    LocalDate(year: year, month: month, day: LocalDate.days(inMonth: month, of: year)).map { first...$0 }
                }
            case .unknown: nil
            }
        }

        /// Whether this date is certainly after `other`.
        public func isAfter(_ other: OfferDate) -> Bool {
            guard let mine = range, let theirs = other.range else { return false }
            return mine.lowerBound > theirs.upperBound
        }
    }

    /// A session the offer announces: its number in the offer, and its period.
    public struct Period: Sendable, Hashable, Codable {
        /// The offer's number for the session (LHEO `session/@numero`), when it has one.
        public var number: String?
        public var start: OfferDate
        public var end: OfferDate

        /// Creates a period.
        public init(number: String?, start: OfferDate, end: OfferDate) {
            self.number = number
            self.start = start
            self.end = end
        }
    }

    /// The offer's number for the action (LHEO `action/@numero`), or its rank in the course.
    public var number: String
    /// Where it is held.
    public var place: CourseOffer.Place?
    /// Its rhythm in words (*temps plein*, *2 jours par semaine*).
    public var rhythm: String?
    /// Hours in the training centre, in a company, and in all.
    public var centreHours: Hours?
    public var companyHours: Hours?
    public var totalHours: Hours?
    /// Who funds it: LHEO's funder codes (``LHEODictionary/funders``).
    public var funders: [Int]
    /// The sessions it announces.
    public var periods: [Period]

    /// Creates a template.
    public init(
        number: String, place: CourseOffer.Place? = nil, rhythm: String? = nil, centreHours: Hours? = nil,
        companyHours: Hours? = nil, totalHours: Hours? = nil, funders: [Int] = [], periods: [Period] = []
    ) {
        self.number = number
        self.place = place
        self.rhythm = rhythm
        self.centreHours = centreHours
        self.companyHours = companyHours
        self.totalHours = totalHours
        self.funders = funders
        self.periods = periods
    }

    /// The action's hours: the total it states, or the centre's and the company's added.
    public var hours: Hours? {
        if let totalHours { return totalHours }
        switch (centreHours, companyHours) {
        case (nil, nil): return nil
        case let (centre, company): return (centre ?? Hours(minutes: 0)) + (company ?? Hours(minutes: 0))
        }
    }
}
