import ArgumentParser
import Foundation

/// The `--target-steps` value: a range of sub-pathway lengths written `MIN-MAX` (`3-5`) or one length (`4`).
struct TargetSteps: ExpressibleByArgument, Hashable {
    var range: ClosedRange<Int>

    init(_ range: ClosedRange<Int> = 3...5) { self.range = range }

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
            let low = Int(parts[0].trimmingCharacters(in: .whitespaces)),
            let high = Int(parts[parts.count - 1].trimmingCharacters(in: .whitespaces)), low >= 1, high >= low,
            high <= 10_000
        else { return nil }
        range = low...high
    }

    var defaultValueDescription: String { "\(range.lowerBound)-\(range.upperBound)" }
}
