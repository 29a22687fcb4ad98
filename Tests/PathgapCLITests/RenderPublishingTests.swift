import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

/// Runs `pathgap render` in process; returns the exit status and the console.
func renderCapturing(_ arguments: [String]) -> (status: Int32, console: Console) {
    let console = Console.capturing()
    return (Pathgap.run(["render"] + arguments, console: console), console)
}

/// The text of a written file.
func contents(_ folder: String, _ name: String) throws -> String {
    try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
}

/// The SVG element of one node (`<g id="step-<id>" class="node">…</g>`), or `nil`.
func nodeElement(_ svg: String, id: String) -> Substring? {
    let escaped = id.replacingOccurrences(of: "-", with: "&#45;")
    guard let start = svg.range(of: "<g id=\"\(escaped)\" class=\"node\">") else { return nil }
    guard let end = svg[start.upperBound...].range(of: "</g>\n</g>") ?? svg[start.upperBound...].range(of: "</g>")
    else { return nil }
    return svg[start.lowerBound..<end.upperBound]
}

@Suite struct RenderGapTests {
    @Test(
        "a project's steps are coloured by their worst gap, with a legend naming the class",
        arguments: [
            ("no-resource", "explain", "no-resource", "#fde7e7", "#b71c1c"),
            ("unstaffed-step", "explain", "unstaffed-step", "#fde7e7", "#b71c1c"),
            ("placeholder-resource", "explain", "placeholder-resource", "#fff4d6", "#e6a700"),
        ])
    func gapColours(fixture: String, step: String, gapClass: String, fill: String, border: String) throws {
        let out = try temporaryFolder()
        #expect(renderCapturing([Fixtures.path("gaps/\(fixture)"), "--out", out]).status == 0)
        let svg = try contents(out, "small.svg")
        let node = try #require(nodeElement(svg, id: "step-\(step)"), "the step is drawn")
        #expect(node.contains("fill=\"\(fill)\" stroke=\"\(border)\""))
        let legend = try #require(svg.range(of: "<g id=\"legend&#45;gaps\" class=\"cluster\">"), "a legend")
        #expect(svg[legend.lowerBound...].contains(gapClass.replacingOccurrences(of: "-", with: "&#45;")))
        #expect(try contents(out, "small.txt").contains("[gaps, worst"))
    }

    @Test("--no-gaps and a lone pathway file draw plain charts")
    func plain() throws {
        let out = try temporaryFolder()
        #expect(renderCapturing([Fixtures.path("gaps/no-resource"), "--no-gaps", "--out", out]).status == 0)
        let plain = try contents(out, "small.svg")
        #expect(!plain.contains("legend&#45;gaps"))
        #expect(nodeElement(plain, id: "step-explain")?.contains("fill=\"#ffffff\"") == true)
        let lone = try temporaryFolder()
        #expect(renderCapturing([Fixtures.path("gaps/no-resource/pathway.yaml"), "--out", lone]).status == 0)
        #expect(!(try contents(lone, "small.svg")).contains("legend&#45;gaps"))
    }
}

@Suite struct RenderFormatTests {
    @Test(
        "only the allowed formats are written; anything else exits 64 naming them",
        arguments: ["x11", "xlib", "vrml", "gtk", "ps", "png:cairo", "canon", "bogus"])
    func refused(format: String) throws {
        let out = try temporaryFolder()
        let (status, console) = renderCapturing([
            Fixtures.path("pathways/flowchart-example.yaml"), "--format", format, "--out", out,
        ])
        #expect(status == 64)
        #expect(console.errors.contains("it writes: svg, svgz, png, pdf"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test("--list-formats lists only allowed formats")
    func listed() {
        let (status, console) = renderCapturing(["--list-formats"])
        #expect(status == 0)
        let listed = console.output.split(separator: "\n").map(String.init)
        #expect(listed.starts(with: ["svg", "svgz", "png", "pdf"]))
        #expect(Set(listed).isSubset(of: ["svg", "svgz", "png", "pdf", "jpg", "webp", "json", "dot"]))
        #expect(listed.contains("dot"))
    }

    /// A PNG's width and height, from its IHDR chunk.
    func pngSize(_ data: Data) -> (width: Int, height: Int) {
        let bytes = [UInt8](data)
        func integer(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (integer(16), integer(20))
    }

    @Test("--dpi sets the size of a PNG")
    func dpi() throws {
        let normal = try temporaryFolder()
        let double = try temporaryFolder()
        let example = Fixtures.path("pathways/flowchart-example.yaml")
        #expect(renderCapturing([example, "--format", "png", "--out", normal]).status == 0)
        #expect(renderCapturing([example, "--format", "png", "--dpi", "192", "--out", double]).status == 0)
        let small = pngSize(try Data(contentsOf: URL(fileURLWithPath: normal + "/flowchart-example.png")))
        let large = pngSize(try Data(contentsOf: URL(fileURLWithPath: double + "/flowchart-example.png")))
        #expect(abs(large.width - 2 * small.width) <= 2)
        #expect(abs(large.height - 2 * small.height) <= 2)
        #expect(renderCapturing([example, "--format", "png", "--dpi", "5000", "--out", normal]).status == 64)
    }

    @Test("a PDF page is the size of the chart")
    func pdfPage() throws {
        let out = try temporaryFolder()
        let example = Fixtures.path("pathways/flowchart-example.yaml")
        #expect(renderCapturing([example, "--format", "pdf", "--out", out]).status == 0)
        #expect(renderCapturing([example, "--out", out]).status == 0)
        let pdf = String(
            decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/flowchart-example.pdf")), as: UTF8.self)
        let svg = try contents(out, "flowchart-example.svg")
        // The SVG's size in points, as Graphviz writes it: width="Wpt" height="Hpt".
        func points(_ name: String) -> String? {
            guard let range = svg.range(of: "\(name)=\"") else { return nil }
            return String(svg[range.upperBound...].prefix { $0 != "p" })
        }
        let width = try #require(points("width"))
        let height = try #require(points("height"))
        #expect(pdf.contains("/MediaBox [ 0 0 \(width) \(height) ]"))
    }
}

@Suite struct RenderViewAllTests {
    /// The `xlink:href` values of an SVG.
    func links(_ svg: String) -> [String] {
        svg.components(separatedBy: "xlink:href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("--view all writes the overview, zero-padded part charts, text alternatives and an index that link up")
    func all() throws {
        let out = try temporaryFolder()
        #expect(
            renderCapturing([
                Fixtures.path("projects/dpyd"), "--view", "all", "--strategy", "chains", "--out", out,
            ]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        let parts = files.filter { $0.hasPrefix("dpyd-testing.") && $0.hasSuffix(".svg") && !$0.contains("overview") }
        #expect(parts.count >= 10)
        #expect(parts.first == "dpyd-testing.01.svg", "part numbers are zero-padded")
        #expect(parts == parts.sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        #expect(files.contains("dpyd-testing.overview.svg"))
        #expect(files.contains("dpyd-testing.index.html"))
        for part in parts { #expect(files.contains(part.replacingOccurrences(of: ".svg", with: ".txt"))) }

        // The overview links to every part's chart, and every link names a file that was written.
        let overview = try contents(out, "dpyd-testing.overview.svg")
        #expect(Set(links(overview)) == Set(parts))
        for part in parts {
            let svg = try contents(out, part)
            let targets = links(svg)
            #expect(targets.contains("dpyd-testing.overview.svg"), "\(part) links back to the overview")
            for target in targets { #expect(files.contains(target), "\(part) links to \(target)") }
        }
        // Some part leads on to a neighbour through a stub.
        let second = try contents(out, "dpyd-testing.02.svg")
        #expect(links(second).contains { $0 != "dpyd-testing.overview.svg" })

        // The index shows every chart inline, with links within the page, and the text alternatives.
        let index = try contents(out, "dpyd-testing.index.html")
        #expect(index.components(separatedBy: "<svg ").count - 1 == parts.count + 1)
        for link in links(index) { #expect(link.hasPrefix("#chart-dpyd-testing.")) }
        for link in Set(links(index)) { #expect(index.contains("id=\"\(link.dropFirst())\"")) }
        #expect(index.contains("Text alternative: the steps in order"))
    }

    @Test("a part that is one decision keeps the diamond in the overview")
    func overviewDecisions() throws {
        let out = try temporaryFolder()
        let arguments = [
            Fixtures.path("projects/dpyd"), "--view", "overview", "--strategy", "chains", "--format", "dot", "--out",
            out,
        ]
        #expect(renderCapturing(arguments).status == 0)
        let lines = try contents(out, "dpyd-testing.overview.dot").split(separator: "\n")
        let decision = try #require(lines.first { $0.contains("Is the result back before") && $0.contains("(1 step)") })
        #expect(decision.contains("shape=\"diamond\""))
        let activity = try #require(lines.first { $0.contains("Plan the standard") })
        #expect(activity.contains("shape=\"box\""))
    }
}

@Suite struct RenderAccessibilityTests {
    @Test("each SVG has role=img, a title with the pathway and part names, and a description")
    func svgAccessible() throws {
        let out = try temporaryFolder()
        #expect(
            renderCapturing([Fixtures.path("pathways/flowchart-example.yaml"), "--view", "subpathways", "--out", out])
                .status == 0)
        let svg = try contents(out, "flowchart-example.2.svg")
        #expect(
            svg.contains(
                "role=\"img\" aria-labelledby=\"chart-flowchart-example.2-title chart-flowchart-example.2-desc\""))
        #expect(
            svg.contains(
                "<title id=\"chart-flowchart-example.2-title\">Flowchart example (DPYD testing before fluoropyrimidines): part 2: "
            ))
        #expect(svg.contains("<desc id=\"chart-flowchart-example.2-desc\">Flowchart of "))
    }

    @Test("the text alternative lists the steps in order, who does them, and each decision's branches")
    func textAlternative() throws {
        let out = try temporaryFolder()
        #expect(renderCapturing([Fixtures.path("pathways/flowchart-example.yaml"), "--out", out]).status == 0)
        let lines = try contents(out, "flowchart-example.txt").split(separator: "\n").map(String.init)
        #expect(lines.first == "Flowchart example (DPYD testing before fluoropyrimidines)")
        let numbered = lines.filter { $0.first?.isNumber == true }
        #expect(
            numbered.prefix(4) == [
                "1. Patient referred for chemotherapy (start): Oncologist",
                "2. Request DPYD genotyping (activity): Oncologist, Oncology nurse",
                "3. Laboratory testing (reference): Clinical scientist",
                "4. Variant found? (decision): Clinical scientist",
            ])
        let decision = try #require(lines.firstIndex(of: "4. Variant found? (decision): Clinical scientist"))
        #expect(lines[decision + 1] == "   if variant found (7%): step 5, Reduce the starting dose")
        #expect(lines[decision + 2] == "   if no variant (93%): step 6, Give the standard dose")
    }
}

@Suite struct RenderGuardTests {
    /// A plain chain of `count` steps, written as a pathway file.
    func chain(_ count: Int, label: (Int) -> String = { "Step \($0)" }) throws -> String {
        var text = "id: chain\ntitle: A chain\nsteps:\n"
        for index in 0..<count {
            let kind = index == 0 ? "start" : index == count - 1 ? "end" : "activity"
            text += "  - {id: s\(index), kind: \(kind), label: \"\(label(index))\"}\n"
        }
        text += "transitions:\n"
        for index in 1..<count { text += "  - {from: s\(index - 1), to: s\(index)}\n" }
        let file = try temporaryFolder() + "/chain.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("a sub-pathway too large for one chart is refused with exit 64, nothing written")
    func partTooLarge() throws {
        let file = try chain(60)
        let out = try temporaryFolder()
        let (status, console) = renderCapturing([
            file, "--view", "subpathways", "--strategy", "chains", "--max-steps", "50", "--out", out,
        ])
        #expect(status == 64)
        #expect(console.errors.contains("part 1 of pathway 'chain' has 60 steps, more than the 50"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test("an overview with too many parts is refused with exit 64")
    func tooManyParts() throws {
        let out = try temporaryFolder()
        let (status, console) = renderCapturing([
            Fixtures.path("pathways/flowchart-example.yaml"), "--view", "overview", "--strategy", "chains",
            "--max-parts", "3", "--out", out,
        ])
        #expect(status == 64)
        #expect(console.errors.contains("7 parts, more than the 3 an overview chart allows"))
    }

    /// A million characters never reaches the chart: the readers refuse labels over `InputLimits.labelLength`
    /// (`HardeningCommandTests`); the longest label they accept is cut on the chart.
    @Test("the longest label the readers accept is cut on the chart and the chart is drawn; a million is refused")
    func hugeLabel() throws {
        let longest = try chain(3) { $0 == 1 ? String(repeating: "x", count: InputLimits.labelLength) : "Step \($0)" }
        let out = try temporaryFolder()
        #expect(renderCapturing([longest, "--out", out]).status == 0)
        let svg = try contents(out, "chain.svg")
        #expect(svg.contains("xxxxxxxx"))
        #expect(!svg.contains(String(repeating: "x", count: InputLimits.labelLength)))  // cut (tooltips keep more)
        let million = try chain(3) { $0 == 1 ? String(repeating: "x", count: 1_000_000) : "Step \($0)" }
        let refused = try temporaryFolder()
        let (status, console) = renderCapturing([million, "--out", refused])
        #expect(status == 64)
        #expect(console.errors.contains("the label of step 's1' is 1000000 characters long"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: refused).isEmpty)
    }
}

@Suite struct RenderLaneTests {
    /// The names heading the lanes of a DOT chart, in the order written.
    func laneNames(_ dot: String) -> [String] {
        dot.split(separator: "\n").filter { $0.contains("fontname=\"Helvetica-Bold\"") }.compactMap { line in
            guard let start = line.range(of: "label=\"") else { return nil }
            return String(line[start.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "\\n", with: " ")
        }
    }

    @Test("a BPMN file's lanes come back as named bands, with no project to name them")
    func bpmnLanes() throws {
        let out = try temporaryFolder()
        let arguments = [Fixtures.path("import/bpmn/clinic.bpmn"), "--lanes", "--format", "dot", "--out", out]
        #expect(renderCapturing(arguments).status == 0)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasSuffix(".dot") })
        let names = laneNames(try contents(out, file))
        #expect(names.contains("Pharmacist"))
        #expect(names.allSatisfy { $0.first?.isUppercase == true }, "\(names)")
    }

    @Test("the DPYD pilot's lanes are named staff groups in main-route order")
    func pilotLanes() throws {
        let out = try temporaryFolder()
        let arguments = [Fixtures.path("projects/dpyd"), "--lanes", "--format", "dot", "--out", out]
        #expect(renderCapturing(arguments).status == 0)
        let names = laneNames(try contents(out, "dpyd-testing.dot"))
        #expect(names.first == "Oncologist (medical or clinical)", "the start step's group leads")
        #expect(names.last == "No staff group named")
        #expect(Set(names).count == names.count)
    }

    @Test("the BPMN corpus example with four lanes draws named bands", .enabled(if: Fixtures.hasCorpus))
    func corpusLanes() throws {
        let out = try temporaryFolder()
        let arguments = [
            Fixtures.corpusPath("bpmn/bpmn-miwg/C.1.0.bpmn"), "--lanes", "--rankdir", "LR", "--format", "dot", "--out",
            out,
        ]
        #expect(renderCapturing(arguments).status == 0)
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasPrefix("bpmn-miwg") })
        #expect(Array(laneNames(try contents(out, file)).prefix(3)) == ["Team assistant", "Approver", "Accountant"])
    }
}
