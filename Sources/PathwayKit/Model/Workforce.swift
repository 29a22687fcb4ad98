/// Workforce figures for one staff group (optionally in one care setting).
public struct WorkforceRecord: Hashable, Sendable {
    public var staffGroup: StaffGroupID
    public var setting: String?
    /// Staff in post.
    public var inPost: Int?
    /// Staff in post who are trained for the pathway's genomic steps.
    public var trained: Int?
    /// Staff needed to run the pathway.
    public var needed: Int?
    public var location: SourceLocation?

    public init(
        staffGroup: StaffGroupID, setting: String? = nil, inPost: Int? = nil, trained: Int? = nil,
        needed: Int? = nil, location: SourceLocation? = nil
    ) {
        self.staffGroup = staffGroup
        self.setting = setting
        self.inPost = inPost
        self.trained = trained
        self.needed = needed
        self.location = location
    }
}
