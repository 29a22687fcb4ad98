extension GapReport {
    /// What the Markdown, HTML and JSON writers print besides the gaps: the development needs and actions, the needs shared
    /// across projects and the framework tables. Built once (``GapReport/views()``) when several formats are
    /// written, so that each writer does not build them again.
    public struct Views: Sendable {
        /// ``GapReport/needs()``.
        public var needs: [StaffGroupNeeds]
        /// ``GapReport/actions()``.
        public var actions: [DevelopmentAction]
        /// ``GapReport/sharedNeeds()``.
        public var sharedNeeds: [SharedNeed]
        /// ``GapReport/frameworkTables()``.
        public var frameworkTables: [FrameworkTable]
    }

    /// The needs, shared needs and framework tables, for writing several formats.
    ///
    /// - Complexity: O(G) expected plus sorting, and the size of the framework tables.
    public func views() -> Views {
        let development = developmentNeeds()
        return Views(
            needs: development.needs, actions: development.actions, sharedNeeds: sharedNeeds(),
            frameworkTables: frameworkTables())
    }
}
