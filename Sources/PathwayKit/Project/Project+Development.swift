extension Project {
    /// Projects analysed together, each developing project with the other projects' resources in development for the
    /// same competencies added to its catalogue (after its own, each resource once; a project's own resource wins over
    /// another's of the same id). A project adds another's resource in development when one of its own resources in
    /// development names one of the competencies it develops (by id, as written). Projects that load one shared
    /// catalogue, or develop nothing, are left as they are. So two projects with catalogues of their own developing
    /// resources for the same need each report `duplicate-development`, naming both owners (the effort the
    /// initiative exists to avoid); no other need of a project changes class because of what others develop.
    ///
    /// - Complexity: O(P · R · C) for P projects, R resources in development in all and C competencies each develops.
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
            let developing = Set(
                project.resources.lazy.filter { $0.status == .inDevelopment }.flatMap { $0.develops.map(\.competency) })
            guard !developing.isEmpty else { return project }
            let own = Set(project.resources.map(\.id))
            let others = inDevelopment.filter { resource in
                !own.contains(resource.id) && resource.develops.contains { developing.contains($0.competency) }
            }
            guard !others.isEmpty else { return project }
            var shared = project
            shared.resources += others
            return shared
        }
    }
}
