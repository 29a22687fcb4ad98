import TestSupport
import Testing

@testable import PathwayKit

/// Patients reached by many sets of steps, swept together, are what one sweep per set gives, bit for bit.
@Suite struct BatchedReachTests {
    @Test("batched hitting counts equal one sweep per set on every pilot pathway with volumes")
    func batchedEqualsOneByOne() throws {
        let projects = try ProjectFolders.bundled.map {
            try ProjectLoader().loadProject(at: Fixtures.path("projects/\($0)")).project
        }
        var checked = 0
        for pathway in GapReport(analysing: projects).projects.flatMap(\.pathways) {
            guard let flow = pathway.flow else { continue }
            let count = pathway.steps.count
            // Sets of every size and spread, more than one batch of them, some empty, some repeating a node.
            var random = SeededGenerator(seed: UInt64(count))
            let sets: [[Int32]] = (0..<(3 * PatientFlow.lanes + 5)).map { index in
                let size = index % 7 == 0 ? 0 : 1 + Int(random.next() % UInt64(max(count / 3, 1)))
                return (0..<size).map { _ in Int32(random.next() % UInt64(count)) }
            }
            let batched = flow.patientsReaching(sets: sets)
            #expect(batched.count == sets.count)
            for (set, result) in zip(sets, batched) {
                let single = flow.patientsReaching(set)
                #expect(result.patients.bitPattern == single.patients.bitPattern, "\(set)")
                #expect(result.estimated == single.estimated, "\(set)")
            }
            checked += 1
        }
        #expect(checked >= 2, "pilots with volumes")
    }
}
