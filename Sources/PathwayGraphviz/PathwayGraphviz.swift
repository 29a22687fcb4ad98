import Graphviz
import PathwayKit

/// Pathway flowcharts and DOT import through Graphviz.
public enum PathwayGraphviz {}
