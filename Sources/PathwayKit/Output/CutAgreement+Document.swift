import Foundation

extension CutAgreement {
    /// The agreements as a document (for JSON and YAML): `{"agreements": [...], "meanAdjustedRandIndex": x}`.
    public static func documentTree(for agreements: [CutAgreement]) -> OrderedTree {
        .compactMap([
            ("agreements", .list(agreements.map(\.documentTree))),
            ("meanAdjustedRandIndex", mean(agreements).map { .number(rounded($0)) }),
        ])
    }

    /// The mean adjusted Rand index, or `nil` for no agreements.
    public static func mean(_ agreements: [CutAgreement]) -> Double? {
        agreements.isEmpty ? nil : agreements.map(\.adjustedRandIndex).reduce(0, +) / Double(agreements.count)
    }

    /// This agreement's entry in ``documentTree(for:)``.
    public var documentTree: OrderedTree {
        .compactMap([
            ("pathway", .string(pathway.rawValue)),
            ("strategy", .string(strategy.rawValue)),
            ("steps", .integer(stepCount)),
            ("unknownSteps", .list(unknownSteps.map { .string($0.rawValue) })),
            ("adjustedRandIndex", .number(Self.rounded(adjustedRandIndex))),
            ("boundaryPrecision", boundaryPrecision.map { .number(Self.rounded($0)) }),
            ("boundaryRecall", boundaryRecall.map { .number(Self.rounded($0)) }),
            ("cutBoundaries", .integer(cutBoundaryCount)),
            ("decompositionBoundaries", .integer(decompositionBoundaryCount)),
            (
                "differences",
                .list(
                    differences.map { difference in
                        .compactMap([
                            ("title", .string(difference.part.displayTitle)),
                            ("steps", .list(difference.part.steps.map { .string($0.rawValue) })),
                            ("match", difference.match.map { .string($0) }),
                            ("jaccard", .number(Self.rounded(difference.jaccard))),
                            (
                                "missing",
                                .list(
                                    difference.missing.map {
                                        .map([("step", .string($0.step.rawValue)), ("in", .string($0.subpathway))])
                                    })
                            ),
                            ("extra", .list(difference.extra.map { .string($0.rawValue) })),
                        ])
                    })
            ),
        ])
    }

    /// Three decimals, so that output does not depend on the last bits of a division.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// The analyst's view: per pathway the index, the boundary scores and the parts that differ most.
    ///
    /// - Parameter limit: How many differing parts to list per pathway.
    public static func text(_ agreements: [CutAgreement], limit: Int = 3) -> String {
        var out = ""
        func decimal(_ value: Double) -> String { String(format: "%.2f", value) }
        func share(_ value: Double?, _ shared: Int, _ total: Int) -> String {
            value.map { "\(decimal($0)) (\(shared) of \(total))" } ?? "n/a (none)"
        }
        for agreement in agreements {
            let precisionShared = Int(
                ((agreement.boundaryPrecision ?? 0) * Double(agreement.decompositionBoundaryCount)).rounded())
            out +=
                "\(agreement.pathway) (\(agreement.strategy.rawValue)) against the cut of \(agreement.stepCount) steps\n"
            out += "  adjusted Rand index: \(decimal(agreement.adjustedRandIndex))\n"
            out +=
                "  boundaries: precision \(share(agreement.boundaryPrecision, precisionShared, agreement.decompositionBoundaryCount))"
                + ", recall \(share(agreement.boundaryRecall, precisionShared, agreement.cutBoundaryCount))\n"
            if !agreement.unknownSteps.isEmpty {
                out += "  not in the pathway: \(agreement.unknownSteps.map(\.rawValue).joined(separator: " "))\n"
            }
            let differing = agreement.differences.filter { $0.jaccard < 1 }.prefix(limit)
            if differing.isEmpty {
                out += "  every sub-pathway of the cut is matched exactly\n"
            } else {
                out += "  differ most:\n"
                for difference in differing {
                    out += "    \(decimal(difference.jaccard))  \(difference.part.displayTitle)"
                    out += " ~ \(difference.match ?? "nothing")"
                    var notes: [String] = []
                    if !difference.missing.isEmpty {
                        notes.append(
                            "without "
                                + difference.missing.map { "\($0.step) (in \($0.subpathway))" }.joined(
                                    separator: ", "))
                    }
                    if !difference.extra.isEmpty {
                        notes.append("also " + difference.extra.map(\.rawValue).joined(separator: ", "))
                    }
                    out += notes.isEmpty ? "\n" : ": " + notes.joined(separator: "; ") + "\n"
                }
            }
            out += "\n"
        }
        if agreements.count > 1, let mean = mean(agreements) {
            out += "mean adjusted Rand index over \(agreements.count) pathways: \(decimal(mean))\n"
        }
        return out
    }
}
