/// How pathgap writes a number in every format and message: whole numbers without a trailing `.0` (`30000`, not
/// `30000.0`), others as Swift prints them.
enum NumberText {
    /// `value` as text, without a trailing `.0` when it is whole.
    static func plain(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
