internal import CGraphviz

/// Graphviz, in process: the namespace of the wrapper.
public enum Graphviz {}
