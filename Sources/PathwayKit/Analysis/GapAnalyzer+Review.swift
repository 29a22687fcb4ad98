extension GapAnalyzer {
    /// Whether a resource is overdue for review at a date, and by which rule: its `nextReviewDue` is before the
    /// date; or, when it has no `nextReviewDue`, its `lastReviewed` is more than ``reviewIntervalMonths`` months
    /// before the date (the day `reviewIntervalMonths` months after `lastReviewed`, clamped to the end of a shorter
    /// month, is before it). A resource with neither date is never overdue.
    ///
    /// - Returns: The reason it is overdue, or `nil` when it is not.
    /// - Complexity: O(1).
    func overdueReview(of resource: EducationResource, asOf: AsOfDate) -> StaleReview? {
        let rule: StaleReview.Rule
        if let due = resource.nextReviewDue {
            guard asOf.isAfter(due) else { return nil }
            rule = .due(due)
        } else if let written = resource.lastReviewed, let reviewed = CalendarDate(written),
            let today = CalendarDate(asOf.rawValue), let falls = reviewed.adding(months: reviewIntervalMonths),
            falls < today
        {
            rule = .lastReviewed(written, months: reviewIntervalMonths)
        } else {
            return nil
        }
        return StaleReview(title: resource.title, provider: resource.provider, rule: rule, asOf: asOf.rawValue)
    }
}
