import Foundation

extension ProjectLoader {
    /// The overlay in a file, if it is a native file whose top level names `overlay`.
    static func overlay(at path: String) throws -> PathwayOverlay? {
        guard ["yaml", "yml", "json"].contains(path.fileExtension) else { return nil }
        let text = try SourceFile.text(at: path)
        guard NativeFormat.isOverlay(text, file: path) else { return nil }
        return try NativeFormat.overlay(from: text, file: path)
    }

    /// Makes a regional variant whole: loads the national project it is based on, applies the variant's overlays to
    /// the national pathways (the merged pathways come first, then any pathway of the variant's own), and takes the
    /// national frameworks, staff groups and workforce where the variant names none; sources are the
    /// national ones followed by the variant's. The variant's own education resources are added to the national
    /// catalogue (one with a national resource's id replaces it), so that a region's course or one it is developing
    /// counts beside the national ones.
    ///
    /// - Returns: What applying the overlays found (errors at the overlay's lines; see
    ///   ``PathwayIndex/applying(_:)``), and an `overlay-unknown` error for an overlay naming a pathway the
    ///   national project does not have.
    /// - Throws: ``InputError`` when the national project cannot be read or is itself a variant.
    func mergeNational(at path: String, overlays: [PathwayOverlay], into project: inout Project) throws -> [Finding] {
        // The national manifest is read on its own first: loading a variant (one based on this one, or on itself)
        // would load its own base again, without end.
        if let manifestPath = Self.manifestPath(for: path),
            try NativeFormat.manifest(from: SourceFile.text(at: manifestPath), file: manifestPath).basedOn != nil
        {
            throw InputError(
                "'basedOn' names \(Quote.line(path)), which is itself a regional variant; base a variant on a "
                    + "national project",
                at: project.manifest.location ?? SourceLocation(file: path))
        }
        let national = try loadProject(at: path).project
        var findings: [Finding] = []
        var merged: [PathwayGraph] = []
        for graph in national.graphs {
            // A pathway no overlay changes keeps the index it was read into.
            guard overlays.contains(where: { $0.pathway == graph.index.id }) else {
                merged.append(graph)
                continue
            }
            // The overlays apply to the index as read, one after another; no pathway value is made.
            var current = graph.index
            for overlay in overlays where overlay.pathway == current.id {
                let result = current.applying(overlay)
                current = result.index
                findings += result.findings
            }
            merged.append(PathwayGraph(index: current))
        }
        let known = Set(national.graphs.map(\.index.id))
        for overlay in overlays where !known.contains(overlay.pathway) {
            findings.append(
                Finding(
                    .error, rule: "overlay-unknown",
                    "the overlay changes pathway '\(overlay.pathway)', which the national project '\(national.manifest.id)' does not have",
                    at: overlay.location))
        }
        project.graphs = merged + project.graphs
        if project.manifest.frameworks.isEmpty { project.frameworks = national.frameworks }
        // The region's catalogue adds to the national one (a resource of its own replaces a national one of the same id).
        let ownResources = Set(project.resources.map(\.id))
        project.resources = national.resources.filter { !ownResources.contains($0.id) } + project.resources
        if project.manifest.staffGroups.isEmpty { project.staffGroups = national.staffGroups }
        if project.manifest.workforce == nil { project.workforce = national.workforce }
        let own = Set(project.manifest.sources.map(\.id))
        project.manifest.sources = national.manifest.sources.filter { !own.contains($0.id) } + project.manifest.sources
        project.national = path
        project.overlays = overlays
        return findings
    }
}
