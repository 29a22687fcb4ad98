import Foundation

/// Reads a native pathway file straight from a document's events (libyaml's, or the byte-level JSON reader's) into
/// a ``PathwayIndex``, with no tree and no pathway value in between: each key is matched as it comes, each value read
/// once, and each step handed to the ``PathwayIndex/Builder`` as soon as its mapping ends (its id interned once).
///
/// It gives the index of the pathway ``NativeFormat/pathway(from:file:)`` reads through a tree, or nothing (`nil`):
/// it vouches only for files the tree reader accepts, and gives up on anything it would refuse or that it does not
/// follow (a syntax error, an alias or anchor, an unknown or repeated key, a value of the wrong shape, a `boundary`),
/// so that the tree reader reads such a file again and reports exactly what it always has, in the same order.
struct NativePathwayStream<Source: DocumentEventSource> {
    private var source: Source
    private let file: String
    private var builder: PathwayIndex.Builder

    /// A stream over a source; `capacity` is about how many steps to expect.
    init(source: Source, file: String, capacity: Int = 16) {
        self.source = source
        self.file = file
        builder = PathwayIndex.Builder(id: PathwayID(""), file: file, capacity: capacity)
    }

    /// The pathway's index, or `nil` when the tree reader must read the file (see the type's description).
    ///
    /// - Complexity: O(n) in the length of the text, one hash per step id and one look-up per transition end.
    consuming func index() -> PathwayIndex? {
        guard source.nextEvent() == .mappingStart else { return nil }
        let location = currentLocation
        var id: String?
        var title: String?
        var description: String?
        // Transitions written before the steps wait for them (a transition names steps declared anywhere).
        var early: [Transition] = []
        var seen = Set<NativeFormat.PathwayKey>()
        while let event = source.nextEvent(), event != .end {
            guard case .scalar = event, let key = source.withScalarBytes(NativeFormat.PathwayKey.table.key),
                seen.insert(key).inserted
            else { return nil }
            switch key {
            case .id:
                guard let value = optionalText(), let trimmed = value.trimmedNonEmpty else { return nil }
                id = trimmed
            case .title:
                guard let value = optionalTextOrNull() else { return nil }
                title = value
            case .description:
                guard let value = optionalTextOrNull() else { return nil }
                description = value
            case .steps:
                guard let list = listOrNull() else { return nil }
                if list {
                    while let event = source.nextEvent(), event != .end {
                        guard event == .mappingStart, let step = self.step() else { return nil }
                        builder.addStep(step)
                    }
                }
                for transition in early { builder.addTransition(transition) }
                early = []
            case .transitions:
                guard let list = listOrNull() else { return nil }
                guard list else { continue }
                let stepsRead = seen.contains(.steps)
                while let event = source.nextEvent(), event != .end {
                    guard event == .mappingStart, let transition = self.transition() else { return nil }
                    if stepsRead { builder.addTransition(transition) } else { early.append(transition) }
                }
            case .boundary:  // left to the tree reader
                return nil
            }
        }
        guard let id, source.nextEvent() == .documentEnd else { return nil }
        for transition in early { builder.addTransition(transition) }
        builder.setHeader(id: PathwayID(id), title: title, description: description, location: location)
        return builder.build()
    }

    // MARK: Values

    private var currentLocation: SourceLocation {
        SourceLocation(file: file, line: source.eventLine, column: source.eventColumn)
    }

    /// The current scalar's text.
    private func text() -> String { source.withScalarBytes { String(decoding: $0, as: UTF8.self) } }

    /// Whether the current scalar is written as null (plain `~`, `null`, `Null`, `NULL` or nothing).
    private func isNull(plain: Bool) -> Bool {
        guard plain else { return false }
        return source.withScalarBytes { bytes in
            switch bytes.count {
            case 0: return true
            case 1: return bytes[0] == UInt8(ascii: "~")
            case 4: return ["null", "Null", "NULL"].contains { $0.utf8.elementsEqual(bytes) }
            default: return false
            }
        }
    }

    /// A value that must be text and not null (an id): its text, or `nil`.
    private mutating func optionalText() -> String? {
        guard case .scalar(let plain) = source.nextEvent(), !isNull(plain: plain) else { return nil }
        return text()
    }

    /// A value that may be text or null: `.some(text)`, `.some(nil)` for null, `nil` for anything else.
    private mutating func optionalTextOrNull() -> String?? {
        guard case .scalar(let plain) = source.nextEvent() else { return nil }
        return .some(isNull(plain: plain) ? nil : text())
    }

    /// A value that may be a list or null: `true` at the list's start, `false` for null, `nil` for anything else.
    private mutating func listOrNull() -> Bool? {
        switch source.nextEvent() {
        case .sequenceStart: return true
        case .scalar(let plain): return isNull(plain: plain) ? false : nil
        default: return nil
        }
    }

    /// A number written as text: `.some(number)`, `.some(nil)` for null, `nil` for anything else.
    private mutating func optionalNumber() -> Double?? {
        guard let value = optionalTextOrNull() else { return nil }
        guard let text = value else { return .some(nil) }
        guard let number = Double(text.trimmingWhitespace), number.isFinite else { return nil }
        return .some(number)
    }

    /// A boolean written as text (`true`, `yes`, `on`, …): `.some(flag)`, `.some(nil)` for null, `nil` otherwise.
    private mutating func optionalBoolean() -> Bool?? {
        guard let value = optionalTextOrNull() else { return nil }
        guard let text = value else { return .some(nil) }
        switch text.lowercased() {
        case "true", "yes", "on": return .some(true)
        case "false", "no", "off": return .some(false)
        default: return nil
        }
    }

    /// Texts: null (none), one text, or a list of texts, each trimmed and not empty; `nil` for anything else.
    private mutating func strings() -> [String]? {
        switch source.nextEvent() {
        case .scalar(let plain):
            if isNull(plain: plain) { return [] }
            return text().trimmedNonEmpty.map { [$0] }
        case .sequenceStart:
            var result: [String] = []
            while let event = source.nextEvent(), event != .end {
                guard case .scalar(let plain) = event, !isNull(plain: plain), let entry = text().trimmedNonEmpty
                else { return nil }
                result.append(entry)
            }
            return result
        default:
            return nil
        }
    }

    /// A step's competencies: null, or a list of ids or `{id, level}` mappings.
    private mutating func competencies() -> [CompetencyRequirement]? {
        guard let list = listOrNull() else { return nil }
        guard list else { return [] }
        var result: [CompetencyRequirement] = []
        while let event = source.nextEvent(), event != .end {
            let location = currentLocation
            switch event {
            case .scalar(let plain):
                guard !isNull(plain: plain), let id = text().trimmedNonEmpty else { return nil }
                result.append(CompetencyRequirement(competency: CompetencyID(id), location: location))
            case .mappingStart:
                var id: String?
                var level: String??
                while let event = source.nextEvent(), event != .end {
                    guard case .scalar = event else { return nil }
                    switch text() {
                    case "id" where id == nil:
                        guard let value = optionalText(), let trimmed = value.trimmedNonEmpty else { return nil }
                        id = trimmed
                    case "level" where level == nil:
                        guard let value = optionalTextOrNull() else { return nil }
                        level = .some(value)
                    default:
                        return nil
                    }
                }
                guard let id else { return nil }
                result.append(
                    CompetencyRequirement(competency: CompetencyID(id), level: level ?? nil, location: location))
            default:
                return nil
            }
        }
        return result
    }

    // MARK: Steps and transitions

    /// The step whose mapping has just started.
    private mutating func step() -> Step? {
        let location = currentLocation
        var seen: UInt32 = 0
        var id: String?
        var kind = StepKind.activity
        var label: String?
        var staffGroups: [StaffGroupID] = []
        var requirements: [CompetencyRequirement] = []
        var testCodes: [String] = []
        var sources: [String] = []
        var patients: Double?
        var reading: StepReading?
        var isFixed = false
        var noCompetencyReason: String?
        var setting: String?
        var stage: String?
        var notes: String?
        var reference: String?
        var testDirectory: String?
        var readingNote: String?
        while let event = source.nextEvent(), event != .end {
            guard case .scalar = event, let key = source.withScalarBytes(NativeFormat.StepKey.table.key),
                seen & (1 << key.rawValue) == 0
            else { return nil }
            seen |= 1 << key.rawValue
            switch key {
            case .id:
                guard let value = optionalText(), let trimmed = value.trimmedNonEmpty else { return nil }
                id = trimmed
            case .kind:
                guard let value = optionalTextOrNull() else { return nil }
                if let value {
                    guard let parsed = StepKind(written: value) else { return nil }
                    kind = parsed
                }
            case .reading:
                guard let value = optionalTextOrNull() else { return nil }
                if let value {
                    guard let parsed = StepReading(rawValue: value) else { return nil }
                    reading = parsed
                }
            case .staffGroups:
                guard let list = strings() else { return nil }
                staffGroups = list.map { StaffGroupID($0) }
            case .testCodes:
                guard let list = strings() else { return nil }
                testCodes = list
            case .sources:
                guard let list = strings() else { return nil }
                sources = list
            case .competencies:
                guard let list = competencies() else { return nil }
                requirements = list
            case .patientsPerYear:
                guard let value = optionalNumber() else { return nil }
                if let value, value < 0 { return nil }
                patients = value
            case .fixed:
                guard let value = optionalBoolean() else { return nil }
                isFixed = value ?? false
            case .label, .noCompetencyReason, .setting, .stage, .notes, .reference, .testDirectory, .readingNote:
                guard let value = optionalTextOrNull() else { return nil }
                switch key {
                case .label: label = value
                case .noCompetencyReason: noCompetencyReason = value
                case .setting: setting = value
                case .stage: stage = value
                case .notes: notes = value
                case .reference: reference = value
                case .testDirectory: testDirectory = value
                default: readingNote = value
                }
            }
        }
        guard let id else { return nil }
        var step = Step(
            id: StepID(id), label: label, kind: kind, staffGroups: staffGroups, competencies: requirements,
            noCompetencyReason: noCompetencyReason, setting: setting, stage: stage, testCodes: testCodes, notes: notes,
            sources: sources, patientsPerYear: patients, reference: reference, testDirectory: testDirectory,
            reading: reading, readingNote: readingNote, location: location)
        step.isFixed = isFixed
        return step
    }

    /// The transition whose mapping has just started.
    private mutating func transition() -> Transition? {
        let location = currentLocation
        var seen: UInt32 = 0
        var from: String?
        var to: String?
        var condition: String?
        var share: Double?
        var citation: String?
        var isFixed = false
        while let event = source.nextEvent(), event != .end {
            guard case .scalar = event, let key = source.withScalarBytes(NativeFormat.TransitionKey.table.key),
                seen & (1 << key.rawValue) == 0
            else { return nil }
            seen |= 1 << key.rawValue
            switch key {
            case .from, .to:
                guard let value = optionalText(), let trimmed = value.trimmedNonEmpty else { return nil }
                if key == .from { from = trimmed } else { to = trimmed }
            case .share:
                guard let value = optionalNumber() else { return nil }
                if let value, !(0...1).contains(value) { return nil }
                share = value
            case .fixed:
                guard let value = optionalBoolean() else { return nil }
                isFixed = value ?? false
            case .condition:
                guard let value = optionalTextOrNull() else { return nil }
                condition = value
            case .source:
                guard let value = optionalTextOrNull() else { return nil }
                citation = value
            }
        }
        guard let from, let to else { return nil }
        var transition = Transition(
            from: StepID(from), to: StepID(to), condition: condition, share: share, source: citation,
            location: location)
        transition.isFixed = isFixed
        return transition
    }
}

extension String {
    /// The text without leading and trailing whitespace (Unicode's, newlines included), or `nil` when nothing is
    /// left.
    ///
    /// - Complexity: O(1) when the text starts and ends with a character that is not whitespace.
    var trimmedNonEmpty: String? {
        let text = trimmingWhitespaceAndNewlines
        return text.isEmpty ? nil : text
    }

    /// The text without leading and trailing whitespace and newlines; the text itself, without a copy, when its first
    /// and last bytes are ASCII and not whitespace.
    var trimmingWhitespaceAndNewlines: String {
        if let first = utf8.first, let last = utf8.last, first.isPlainASCII, last.isPlainASCII { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text without leading and trailing spaces and tabs (as numbers are read).
    var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, first.isPlainASCII, last.isPlainASCII { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII character that is neither whitespace nor a control character.
    fileprivate var isPlainASCII: Bool { self > 0x20 && self < 0x7F }
}

/// A closed set of keys, named by their cases.
protocol KeyNames: CaseIterable, RawRepresentable<Int>, Hashable, Sendable {}

extension KeyNames {
    /// The keys' names, in case order.
    static var names: [String] { allCases.map { "\($0)" } }
}

/// Finds a key from the bytes of its name, without making a `String`: the candidates of the same length are compared
/// byte for byte.
struct KeyTable<Key: KeyNames>: Sendable {
    private let byLength: [[(key: Key, bytes: [UInt8])]]

    init() {
        let names = Key.allCases.map { (key: $0, bytes: Array("\($0)".utf8)) }
        var byLength = [[(key: Key, bytes: [UInt8])]](repeating: [], count: (names.map(\.bytes.count).max() ?? 0) + 1)
        for name in names { byLength[name.bytes.count].append(name) }
        self.byLength = byLength
    }

    /// The key whose name is `bytes`, if any.
    func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        guard bytes.count < byLength.count else { return nil }
        return byLength[bytes.count].first { $0.bytes.elementsEqual(bytes) }?.key
    }
}
