import Testing
import TrainingCore

@Suite struct HoursTests {
    @Test(arguments: [("7", 420), ("3.5", 210), ("0.25", 15), ("1.75", 105), ("0.1", 6), ("12.50", 750)])
    func parsesDecimalHours(text: String, minutes: Int) throws {
        #expect(try #require(Hours(decimal: text)).minutes == minutes)
    }

    @Test(arguments: ["", "abc", "1.", ".5", "-1", "0.01", "1,5", "1.5.2", "٣", "1234567", "1.1234567", " 1"])
    func refusesWhatIsNotWholeMinutes(text: String) {
        #expect(Hours(decimal: text) == nil)
    }

    @Test(arguments: [420, 210, 15, 105, 6, 750, 1])
    func decimalFormReadsBack(minutes: Int) throws {
        let hours = Hours(minutes: minutes)
        if minutes == 1 {
            // One minute has no finite decimal number of hours: the form is refused on reading.
            #expect(Hours(decimal: hours.decimal) == nil)
        } else {
            #expect(try #require(Hours(decimal: hours.decimal)) == hours)
        }
    }

    @Test func printsAsTrainersWrite() {
        #expect(Hours(minutes: 210).description == "3 h 30")
        #expect(Hours(minutes: 425).description == "7 h 05")
        #expect(Hours(hours: 14).description == "14 h")
    }
}

@Suite struct CourseVersionTests {
    @Test func ordersNumerically() throws {
        let versions = ["1.10", "1.9", "2", "1", "1.0.1"].compactMap(CourseVersion.init)
        #expect(versions.sorted().map(\.description) == ["1", "1.0.1", "1.9", "1.10", "2"])
    }

    @Test(arguments: ["", "1.02", "01", "a", "1..2", "1.2.3.4.5", "-1"])
    func refusesAmbiguousSpellings(text: String) {
        #expect(CourseVersion(text) == nil)
    }
}
