#!/usr/bin/env python3
"""Mutation sweep: mutates corpus and fixture files and runs each through `pathgap validate`, `convert` and `render`,
one process at a time, each under a time limit and an address-space limit, recording exit status, time and peak
memory. Standard library only.

    python3 Fuzz/sweep.py --pathgap .build/debug/pathgap --count 10000 --work /tmp/sweep [--seed 1] [--rotate]

With --rotate each file goes through one command, in turn; without it, through all three.

A run passes when it exits 0, 1, 2 or 64 (a clean result or one clear message). A signal, a timeout (a hang), an
exit status outside those, a run over --max-rss-mb of resident memory, or a message of more than one line on
standard error is a finding: the mutated file is kept in WORK/findings/ with the command line, and the summary
(WORK/summary.json, printed at the end) counts every kind.
"""
import argparse, json, os, random, resource, shutil, subprocess, sys, tempfile, time

FORMATS = {".yaml", ".yml", ".json", ".dot", ".gv", ".bpmn", ".bpmn2", ".graphml", ".xml", ".csv", ".tsv", ".edgelist"}

TOKENS = [b"<!DOCTYPE x [<!ENTITY a \"b\">]>", b"&a;", b"<!DOCTYPE d SYSTEM \"file:///etc/passwd\">", b"\xff", b"\xc3",
          b"\xed\xa0\x80", b"\x00", b"\x1b[31m", b"\xe2\x80\xae", b"\n", b"\r\n", b"{", b"}", b"[", b"]", b"<", b">",
          b"\"", b"'", b",", b";", b":", b"&x", b"*x", b"!!binary", b"%", b"\\", b"->", b"--", b"subgraph", b"cluster_",
          b"9" * 40, b"-1", b"1e308", b"NaN", b"p/1", b"p-1", b"../", b"/", b"<a:b/>", b"]]>", b"<![CDATA[", b"<?xml ",
          b"encoding=\"UTF-16\"", b"xmlns=\"\""]


def mutate(data: bytes, other: bytes, rng: random.Random) -> bytes:
    """One to eight random edits: bit flips, byte and token inserts, deletions, duplications, splices, and now and
    then a blow-up (a long repeat, deep nesting)."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(9)
        pos = rng.randint(0, len(out)) if out else 0
        if kind == 0 and out:
            i = rng.randrange(len(out)); out[i] ^= 1 << rng.randrange(8)
        elif kind == 1:
            out[pos:pos] = bytes([rng.randrange(256)])
        elif kind == 2 and out:
            end = min(len(out), pos + rng.randint(1, 64)); del out[pos:end]
        elif kind == 3 and out:
            end = min(len(out), pos + rng.randint(1, 256)); out[pos:pos] = out[pos:end] * rng.randint(1, 4)
        elif kind == 4:
            out[pos:pos] = rng.choice(TOKENS)
        elif kind == 5 and other:
            start = rng.randrange(len(other)); out[pos:pos] = other[start:start + rng.randint(1, 512)]
        elif kind == 6 and out:
            i = rng.randrange(len(out)); out[i] = rng.choice(b"<>&\"'{}[],;:\n \t\\#=-")
        elif kind == 7 and rng.random() < 0.2:
            out[pos:pos] = rng.choice([b"x" * 200_000, b"<g>" * 5_000, b"{" * 5_000, b"[" * 5_000, b"a: &a [*a]\n"])
        elif kind == 8 and out:
            end = min(len(out), pos + rng.randint(1, 32)); out[pos:end] = bytes(reversed(out[pos:end]))
    return bytes(out)


def seeds(roots):
    found = []
    for root in roots:
        for folder, _, names in os.walk(root):
            if "/expected" in folder or "/.build" in folder:
                continue
            for name in names:
                path = os.path.join(folder, name)
                if os.path.splitext(name)[1].lower() in FORMATS and os.path.getsize(path) <= 1 << 20:
                    found.append(path)
    return sorted(found)


def limit(max_vm_mb, niceness):
    def apply():
        if niceness:
            os.nice(niceness)
        resource.setrlimit(resource.RLIMIT_AS, (max_vm_mb << 20, max_vm_mb << 20))
    return apply


def run(command, timeout, max_vm_mb, niceness=0):
    """Runs one command; returns (status or "timeout", seconds, CPU seconds, peak RSS in MB of that run, standard
    error). The CPU time tells a hang (a timeout that used its time) from a run the loaded machine starved."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, preexec_fn=limit(max_vm_mb, niceness))
        except OSError as error:
            return f"oserror {error}", 0.0, 0.0, 0.0, b""
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.002)
        proc.returncode = 0  # reaped here; keeps Popen from waiting again
        errors.seek(0)
        err = errors.read()
    code = "timeout" if timed_out else os.waitstatus_to_exitcode(status)
    return code, time.monotonic() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err


def write_summary(summary, work, started, complete):
    """Writes WORK/summary.json; called every 100 files as well as at the end, so a stopped sweep keeps its figures."""
    summary["seconds"] = round(time.monotonic() - started)
    summary["complete"] = complete
    shown = dict(summary, max_rss_mb=round(summary["max_rss_mb"]), max_seconds=round(summary["max_seconds"], 2),
                 max_cpu_seconds=round(summary["max_cpu_seconds"], 2))
    temporary = os.path.join(work, "summary.json.tmp")
    with open(temporary, "w") as f:
        json.dump(shown, f, indent=1)
    os.replace(temporary, os.path.join(work, "summary.json"))
    return shown


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pathgap", required=True)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--work", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--max-rss-mb", type=int, default=2048)
    parser.add_argument("--max-vm-mb", type=int, default=8192, help="address-space limit per run (ulimit -v)")
    parser.add_argument("--commands", default="validate,convert,render")
    parser.add_argument("--rotate", action="store_true",
                        help="one command per file, in turn (validate, convert, render, validate, …)")
    parser.add_argument("--nice", type=int, default=0, help="niceness of each run")
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    roots = [os.path.join(repo, "Fixtures"), os.path.join(repo, "..", "shared", "corpus")]
    files = seeds([r for r in roots if os.path.isdir(r)])
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.work, "findings"), exist_ok=True)
    summary = {"files": 0, "runs": 0, "by_status": {}, "findings": [], "max_rss_mb": 0.0, "max_seconds": 0.0,
               "max_cpu_seconds": 0.0, "seeds": len(files), "seed": args.seed}
    commands = args.commands.split(",")
    started = time.monotonic()
    for n in range(args.count):
        source = rng.choice(files)
        ext = os.path.splitext(source)[1]
        with open(source, "rb") as f:
            data = f.read()
        with open(rng.choice(files), "rb") as f:
            other = f.read()
        case = os.path.join(args.work, f"case{ext}")
        with open(case, "wb") as f:
            f.write(mutate(data, other, rng))
        out = os.path.join(args.work, "out")
        shutil.rmtree(out, ignore_errors=True)
        summary["files"] += 1
        for command in ([commands[n % len(commands)]] if args.rotate else commands):
            argv = {"validate": [args.pathgap, "validate", case],
                    "convert": [args.pathgap, "convert", case, "--to", "yaml", "--out", os.path.join(out, "c.yaml")],
                    "render": [args.pathgap, "render", case, "--out", os.path.join(out, "r")]}[command]
            status, seconds, cpu, rss, err = run(argv, args.timeout, args.max_vm_mb, args.nice)
            summary["runs"] += 1
            key = str(status) if not isinstance(status, int) or status >= 0 else f"signal {-status}"
            summary["by_status"][key] = summary["by_status"].get(key, 0) + 1
            summary["max_rss_mb"] = max(summary["max_rss_mb"], rss)
            summary["max_seconds"] = max(summary["max_seconds"], seconds)
            summary["max_cpu_seconds"] = max(summary["max_cpu_seconds"], cpu)
            lines = [l for l in err.split(b"\n") if l.strip()]
            errors = [l for l in lines if b": error: " in l or l.startswith(b"error: ")]
            problem = None
            if not isinstance(status, int):
                problem = key
            elif status < 0:
                problem = f"signal {-status}"
            elif status not in (0, 1, 2, 64):
                problem = f"exit {status}"
            elif rss > args.max_rss_mb:
                problem = f"{rss:.0f} MB"
            elif status == 64 and len(errors) != 1:
                problem = f"{len(errors)} error lines"
            if problem:
                keep = os.path.join(args.work, "findings", f"{n}-{command}{ext}")
                shutil.copyfile(case, keep)
                summary["findings"].append({"case": keep, "command": command, "problem": problem,
                                            "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "stderr": err[:300].decode("utf-8", "replace")})
                print(f"finding: {problem}: {' '.join(argv)} (kept as {keep})", file=sys.stderr)
        if (n + 1) % 100 == 0:
            write_summary(summary, args.work, started, complete=False)
        if (n + 1) % 500 == 0:
            print(f"{n + 1} files, {summary['runs']} runs, {time.monotonic() - started:.0f} s, "
                  f"{len(summary['findings'])} findings", file=sys.stderr, flush=True)
    shown = write_summary(summary, args.work, started, complete=True)
    print(json.dumps({k: v for k, v in shown.items() if k != "findings"}, indent=1))
    print(f"{len(summary['findings'])} findings")


if __name__ == "__main__":
    main()
