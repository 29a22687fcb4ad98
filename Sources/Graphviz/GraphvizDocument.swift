/// A DOT graph as Graphviz read it: names, attributes, nodes, edges and subgraphs, in Graphviz's order, with no
/// layout. A neutral value: it knows nothing about what the graph means.
public struct GraphvizDocument: Sendable, Hashable {
    /// The graph's name (`G` in `digraph G { … }`), or `""` for an anonymous graph.
    public var name: String
    /// `true` for `digraph`, `false` for `graph`.
    public var isDirected: Bool
    /// `true` for `strict` graphs (no multi-edges).
    public var isStrict: Bool
    /// The graph's attributes whose values are not empty.
    public var attributes: [String: String]
    /// The nodes, in creation order (`agfstnode`/`agnxtnode`).
    public var nodes: [Node]
    /// The edges, in the order of their tail node, then `agfstout` order.
    public var edges: [Edge]
    /// The top-level subgraphs in creation order, each holding its own subgraphs.
    public var subgraphs: [Subgraph]
    /// What Graphviz reported while reading the text (`syntax ambiguity - badly delimited number '2n' in line 3 …`),
    /// in order.
    public var warnings: [GraphvizMessage]

    /// Creates a document.
    public init(
        name: String, isDirected: Bool, isStrict: Bool = false, attributes: [String: String] = [:],
        nodes: [Node] = [], edges: [Edge] = [], subgraphs: [Subgraph] = [], warnings: [GraphvizMessage] = []
    ) {
        self.name = name
        self.isDirected = isDirected
        self.isStrict = isStrict
        self.attributes = attributes
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
        self.warnings = warnings
    }

    /// A node and its attributes.
    public struct Node: Sendable, Hashable {
        /// The node's name (its DOT id).
        public var name: String
        /// Every declared node attribute whose value for this node is not empty (defaults included).
        public var attributes: [String: String]

        /// Creates a node.
        public init(name: String, attributes: [String: String] = [:]) {
            self.name = name
            self.attributes = attributes
        }
    }

    /// An edge and its attributes.
    public struct Edge: Sendable, Hashable {
        /// The name of the tail node.
        public var tail: String
        /// The name of the head node.
        public var head: String
        /// Every declared edge attribute whose value is not empty, including `tailport`, `headport` and `label`
        /// when set.
        public var attributes: [String: String]

        /// Creates an edge.
        public init(tail: String, head: String, attributes: [String: String] = [:]) {
            self.tail = tail
            self.head = head
            self.attributes = attributes
        }
    }

    /// A subgraph (a cluster when its name starts with `cluster`).
    public struct Subgraph: Sendable, Hashable {
        /// The subgraph's name, or `""` for an anonymous subgraph (`{ rank=same; a b }`).
        public var name: String
        /// The subgraph's graph attributes whose values are not empty.
        public var attributes: [String: String]
        /// The names of the nodes in the subgraph (and its subgraphs), in creation order.
        public var nodeNames: [String]
        /// The subgraphs nested in it, in creation order.
        public var subgraphs: [Subgraph]

        /// Creates a subgraph.
        public init(
            name: String, attributes: [String: String] = [:], nodeNames: [String] = [], subgraphs: [Subgraph] = []
        ) {
            self.name = name
            self.attributes = attributes
            self.nodeNames = nodeNames
            self.subgraphs = subgraphs
        }
    }
}
