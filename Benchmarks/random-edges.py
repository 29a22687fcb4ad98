#!/usr/bin/env python3
"""Writes a seeded random edge list with numbers as ids: N nodes, 1.3 N edges between random ends, no header.

Usage: random-edges.py N OUT [--seed S]
"""
import argparse
import random

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("steps", type=int)
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
generator = random.Random(args.seed)
n = args.steps
with open(args.out, "w") as out:
    for _ in range(n * 13 // 10):
        out.write(f"{generator.randrange(n)},{generator.randrange(n)}\n")
