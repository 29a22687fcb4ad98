extension Project {
    /// Projects analysed together, each with the resources in development of the others added to its catalogue
    /// (after its own, each resource once, a project's own resource winning over another's of the same id). Projects
    /// that load one shared catalogue gain nothing; projects with catalogues of their own then see what the others
    /// are developing: a need another project will cover is in hand, and resources two owners are developing for the
    /// same need are reported as `duplicate-development` (the effort the initiative exists to avoid).
    ///
    /// - Complexity: O(P · R) for P projects and R resources in all.
    public static func sharingDevelopment(_ projects: [Project]) -> [Project] {
        guard projects.count > 1 else { return projects }
        var inDevelopment: [EducationResource] = []
        var seen: Set<ResourceID> = []
        for project in projects {
            for resource in project.resources
            where resource.status == .inDevelopment && seen.insert(resource.id).inserted {
                inDevelopment.append(resource)
            }
        }
        guard !inDevelopment.isEmpty else { return projects }
        return projects.map { project in
            let own = Set(project.resources.map(\.id))
            let others = inDevelopment.filter { !own.contains($0.id) }
            guard !others.isEmpty else { return project }
            var shared = project
            shared.resources += others
            return shared
        }
    }
}
