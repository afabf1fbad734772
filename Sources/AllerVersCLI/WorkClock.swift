public import Foundation
import TrainingCore

/// The time commands take as now: the one seam through which tests set the clock.
///
/// ```swift
/// try await WorkClock.$fixed.withValue(Date(timeIntervalSince1970: 1_773_300_000)) {
///     try command.run()  // "now" is that instant for the attendance and closing rules
/// }
/// ```
public enum WorkClock {
    /// The instant commands run in this task take as now; `nil` for the system clock.
    @TaskLocal public static var fixed: Date?

    /// Now: the fixed instant, or the system clock's.
    static var now: Date { fixed ?? Date() }
}
