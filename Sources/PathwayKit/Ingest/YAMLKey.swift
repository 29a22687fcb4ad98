import Foundation

/// A mapping key as YAML compares keys when it looks for one written twice: a scalar by its text and resolved tag
/// (plain `1` is an integer, `"1"` a string: two different keys), a collection by its items and tag.
enum YAMLKey {
    case scalar(String, tag: String?)
    indirect case sequence([YAMLKey], tag: String?)
    indirect case mapping([(key: YAMLKey, value: YAMLKey)], tag: String?)

    /// The tag of text (`!!str`, quoted scalars, `!`).
    static let stringTag = "tag:yaml.org,2002:str"

    /// The scalar's text; `nil` for a collection.
    var text: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }

    /// The tag the key resolves to: the one written, else (plain scalars) the YAML 1.1 type its text reads as.
    ///
    /// - Complexity: a few regular expressions over a plain scalar's text; only asked for keys whose texts match.
    var resolvedTag: String {
        switch self {
        case .scalar(let text, let tag): return tag ?? Self.implicitTag(of: text)
        case .sequence(_, let tag): return tag ?? "tag:yaml.org,2002:seq"
        case .mapping(_, let tag): return tag ?? "tag:yaml.org,2002:map"
        }
    }

    /// Whether two keys are the same key: same text or items, same resolved tag.
    func isSame(as other: YAMLKey) -> Bool {
        switch (self, other) {
        case (.scalar(let left, let leftTag), .scalar(let right, let rightTag)):
            guard left == right else { return false }
            if leftTag == rightTag { return true }
            return resolvedTag == other.resolvedTag
        case (.sequence(let left, _), .sequence(let right, _)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isSame(as: $1) }
                && resolvedTag == other.resolvedTag
        case (.mapping(let left, _), .mapping(let right, _)):
            return left.count == right.count
                && zip(left, right).allSatisfy { $0.key.isSame(as: $1.key) && $0.value.isSame(as: $1.value) }
                && resolvedTag == other.resolvedTag
        default:
            return false
        }
    }

    /// Orders keys for choosing which duplicate to name: scalars by text, first; collections after, as written.
    static func namedFirst(_ left: YAMLKey, _ right: YAMLKey) -> Bool {
        switch (left.text, right.text) {
        case (let left?, let right?): return left < right
        case (.some, nil): return true
        default: return false
        }
    }

    /// The YAML 1.1 types a plain scalar's text resolves to, in the order they are tried.
    private static let rules: [(tag: String, pattern: NSRegularExpression?)] = [
        (
            "tag:yaml.org,2002:bool",
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"
        ),
        (
            "tag:yaml.org,2002:int",
            "^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"
        ),
        (
            "tag:yaml.org,2002:float",
            "^(?:[-+]?(?:[0-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
        ),
        ("tag:yaml.org,2002:merge", "^(?:<<)$"),
        ("tag:yaml.org,2002:null", "^(?:~|null|Null|NULL|)$"),
        (
            "tag:yaml.org,2002:timestamp",
            "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"
        ),
        ("tag:yaml.org,2002:value", "^(?:=)$"),
    ].map { ($0.0, try? NSRegularExpression(pattern: $0.1)) }

    private static func implicitTag(of text: String) -> String {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        for rule in rules where rule.pattern?.firstMatch(in: text, range: range) != nil { return rule.tag }
        return stringTag
    }
}
