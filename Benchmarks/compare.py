#!/usr/bin/env python3
"""Runs the same job as pathgap-timing -- load an edge list, strongly connected components, maximal
non-branching paths (node-centric chains) -- with networkx and python-igraph on the same file, and prints the
times and the ratios to pathgap's.

Usage: compare.py FILE [--pathgap-seconds S] [--skip-networkx] [--cpu]

igraph is timed twice: reading the CSV in Python into Graph.TupleList (the same input path as networkx), and its
best case, Graph.Read_Ncol (igraph's C reader) on a whitespace copy of the first two columns made beforehand, untimed.
The chains are computed by the same rule as pathgap's `chains` (a link u -> v joins a chain when it is u's only way
out and v's only way into v, u != v); the counts are printed so the three can be checked against each other.
"""
import argparse
import csv
import resource
import sys
import time

# What the phases are timed with: wall time, or with --cpu the process's CPU time (user + system), the steadier
# figure on a shared machine.
CLOCK = [time.perf_counter]


def read_rows(path):
    """Yields (from, to) pairs: comma/tab/whitespace separated, # comments, a header row skipped."""
    with open(path, newline="") as handle:
        first = True
        delimiter = None
        for line in handle:
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if delimiter is None:
                delimiter = "\t" if "\t" in line else ("," if "," in line else None)
            fields = next(csv.reader([stripped], delimiter=delimiter)) if delimiter else stripped.split()
            if first:
                first = False
                if fields[0].lower() in ("from", "source", "src"):
                    continue
            yield fields[0], fields[1]


def chains_from_degrees(node_count, out_degree, in_degree, first_successor):
    """Maximal non-branching paths by pathgap's rule; returns the number of chains."""
    nxt = [-1] * node_count
    has_prev = [False] * node_count
    for u in range(node_count):
        if out_degree[u] == 1:
            v = first_successor[u]
            if v != u and in_degree[v] == 1:
                nxt[u] = v
                has_prev[v] = True
    seen = [False] * node_count
    chains = 0
    for phase in (0, 1):
        for head in range(node_count):
            if seen[head] or (phase == 0 and has_prev[head]):
                continue
            node = head
            while node >= 0 and not seen[node]:
                seen[node] = True
                node = nxt[node]
            chains += 1
    return chains


def run_networkx(path):
    import networkx as nx

    start = CLOCK[0]()
    graph = nx.MultiDiGraph()  # parallel transitions are kept, as pathgap keeps them
    graph.add_edges_from(read_rows(path))
    load = CLOCK[0]() - start
    t = CLOCK[0]()
    components = sum(1 for _ in nx.strongly_connected_components(graph))
    scc = CLOCK[0]() - t
    t = CLOCK[0]()
    index = {node: i for i, node in enumerate(graph.nodes)}
    n = len(index)
    out_degree = [0] * n
    in_degree = [0] * n
    first = [-1] * n
    for node, i in index.items():
        out_degree[i] = graph.out_degree(node)
        in_degree[i] = graph.in_degree(node)
        for successor in graph.successors(node):
            first[i] = index[successor]
            break
    chains = chains_from_degrees(n, out_degree, in_degree, first)
    chain_time = CLOCK[0]() - t
    return dict(load=load, scc=scc, chains=chain_time, total=CLOCK[0]() - start,
                steps=n, transitions=graph.number_of_edges(), components=components, chain_count=chains)


def run_igraph(path):
    import igraph as ig

    start = CLOCK[0]()
    graph = ig.Graph.TupleList(read_rows(path), directed=True)
    load = CLOCK[0]() - start
    t = CLOCK[0]()
    components = len(graph.connected_components(mode="strong"))
    scc = CLOCK[0]() - t
    t = CLOCK[0]()
    n = graph.vcount()
    out_degree = graph.outdegree()
    in_degree = graph.indegree()
    adjacency = graph.get_adjlist(mode="out")
    first = [successors[0] if successors else -1 for successors in adjacency]
    chains = chains_from_degrees(n, out_degree, in_degree, first)
    chain_time = CLOCK[0]() - t
    return dict(load=load, scc=scc, chains=chain_time, total=CLOCK[0]() - start,
                steps=n, transitions=graph.ecount(), components=components, chain_count=chains)


def run_igraph_ncol(path):
    """igraph's best case: its C reader (Read_Ncol) on a whitespace copy of the first two columns, made untimed."""
    import igraph as ig
    import os
    import tempfile

    handle, copy = tempfile.mkstemp(suffix=".ncol")
    with os.fdopen(handle, "w") as out:
        for source, target in read_rows(path):
            out.write(f"{source} {target}\n")
    try:
        start = CLOCK[0]()
        graph = ig.Graph.Read_Ncol(copy, names=True, weights=False, directed=True)
        load = CLOCK[0]() - start
    finally:
        os.remove(copy)
    t = CLOCK[0]()
    components = len(graph.connected_components(mode="strong"))
    scc = CLOCK[0]() - t
    t = CLOCK[0]()
    adjacency = graph.get_adjlist(mode="out")
    first = [successors[0] if successors else -1 for successors in adjacency]
    chains = chains_from_degrees(graph.vcount(), graph.outdegree(), graph.indegree(), first)
    chain_time = CLOCK[0]() - t
    return dict(load=load, scc=scc, chains=chain_time, total=load + scc + chain_time,
                steps=graph.vcount(), transitions=graph.ecount(), components=components, chain_count=chains)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--pathgap-seconds", type=float, help="pathgap's load + SCC + chains time, for the ratios")
    parser.add_argument("--skip-networkx", action="store_true")
    parser.add_argument("--cpu", action="store_true", help="time CPU seconds (user + system) instead of wall time")
    args = parser.parse_args()
    if args.cpu:
        CLOCK[0] = time.process_time
    results = {}
    try:
        results["igraph"] = run_igraph(args.file)
        results["igraph (C reader)"] = run_igraph_ncol(args.file)
    except ImportError:
        print("python-igraph is not installed (pip install python-igraph)", file=sys.stderr)
    if not args.skip_networkx:
        results["networkx"] = run_networkx(args.file)
    print("library\tsteps\ttransitions\tcomponents\tchains\tload_s\tscc_s\tchains_s\ttotal_s\tratio_to_pathgap")
    for name, r in results.items():
        ratio = f"{r['total'] / args.pathgap_seconds:.1f}x" if args.pathgap_seconds else "-"
        print(f"{name}\t{r['steps']}\t{r['transitions']}\t{r['components']}\t{r['chain_count']}\t"
              f"{r['load']:.3f}\t{r['scc']:.3f}\t{r['chains']:.3f}\t{r['total']:.3f}\t{ratio}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"# python peak RSS {peak:.0f} MB (both libraries in one process)")


if __name__ == "__main__":
    main()
