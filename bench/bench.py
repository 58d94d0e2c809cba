#!/usr/bin/env python3
"""Benchmark pagelint against the floor (cat of every content file) and, when
installed, its peers, on generated sites. Standard library only.

  python3 bench/bench.py                      # 1,000, 20,000 and 50,000 posts, 5 runs each
  python3 bench/bench.py --sizes 20000 --runs 9

Each command gets one warm-up run, then --runs timed runs; the table shows
the median wall and CPU time, the peak RSS of one more run under GNU time
(see peak_rss), and the ratio of the median wall time to the floor's,
measured in the same run (the machines are
shared and noisy: compare ratios, not seconds). Sites are generated with the
project's generator (examples/gen-site.rs) under --work and kept for reuse.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGELINT = os.path.join(ROOT, "target", "release", "pagelint")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen-site")


def run(cmd, cwd, stdin_path=None):
    """Runs cmd; returns (wall seconds, CPU seconds, exit code)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            shell=isinstance(cmd, str))
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if stdin_path:
        stdin.close()
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


GNU_TIME = "/usr/bin/time"


def peak_rss(cmd, cwd, stdin_path=None):
    """Peak RSS in MB, measured by GNU time in a run of its own.

    A process started from Python keeps Python's own peak RSS: Linux records
    the old memory's high-water mark when exec replaces it (15-20 MB here,
    more than a small command uses). GNU time is a small C program, so the
    command it starts carries no more than a couple of MB from before exec.
    Without GNU time, the figure is wait4's, with that overstatement."""
    if not os.access(GNU_TIME, os.X_OK):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, shell=isinstance(cmd, str))
        _, _, usage = os.wait4(proc.pid, 0)
        return usage.ru_maxrss / 1024
    argv = ["sh", "-c", cmd] if isinstance(cmd, str) else cmd
    with tempfile.NamedTemporaryFile("r") as out:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        subprocess.run([GNU_TIME, "-f", "%M", "-o", out.name] + argv, cwd=cwd, stdin=stdin,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(out.read().strip().splitlines()[-1]) / 1024


def measure(cmd, cwd, runs, stdin_path=None):
    run(cmd, cwd, stdin_path)  # warm-up: page cache, binary
    samples = [run(cmd, cwd, stdin_path) for _ in range(runs)]
    return {
        "wall": statistics.median(s[0] for s in samples),
        "cpu": statistics.median(s[1] for s in samples),
        "rss": peak_rss(cmd, cwd, stdin_path),
        "exit": samples[-1][2],
    }


def peers(site, size, slow_max):
    """The other tools' commands, for those installed; the slowest only up to slow_max posts."""
    found = []
    if shutil.which("markdownlint-cli2") and size <= slow_max:
        found.append(("markdownlint-cli2", "markdownlint-cli2 'content/**/*.md'"))
    if shutil.which("rumdl"):
        found.append(("rumdl --no-cache", "rumdl check --no-cache content"))
    if shutil.which("lychee"):
        found.append(("lychee --offline", "lychee --offline --no-progress --root-dir %s content" % os.path.join(site, "static")))
    if shutil.which("hugo"):
        found.append(("hugo --renderToMemory", "hugo --quiet --renderToMemory"))
    return found


def peers_one_post(site, post_rel):
    """The other tools on one post, as an editor or pre-commit runs them."""
    found = []
    if shutil.which("markdownlint-cli2"):
        found.append(("markdownlint-cli2, one post", "markdownlint-cli2 %s" % post_rel))
    if shutil.which("rumdl"):
        found.append(("rumdl --no-cache, one post", "rumdl check --no-cache %s" % post_rel))
    if shutil.which("lychee"):
        found.append(("lychee --offline, one post", "lychee --offline --no-progress --root-dir %s %s"
                      % (os.path.join(site, "static"), post_rel)))
    return found


def linking_post(site):
    """A post whose body links to three or more other posts by their permalinks."""
    posts = os.path.join(site, "content", "posts")
    for name in sorted(os.listdir(posts)):
        rel = os.path.join("content", "posts", name)
        if os.path.isdir(os.path.join(site, rel)):
            rel = os.path.join(rel, "index.md")
        with open(os.path.join(site, rel), encoding="utf-8", errors="replace") as f:
            if f.read().count("](/20") >= 3:
                return rel
    raise SystemExit("no post links to three others in %s" % site)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,20000,50000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/tmp/pagelint-bench")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--peer-runs", type=int, default=3, help="timed runs of each peer")
    ap.add_argument("--peer-max", type=int, default=20000, help="largest site the peers run on")
    ap.add_argument("--all-kinds", action="store_true",
                    help="sites with links between posts, permalinks, aliases and terms (gen-site --all-kinds); "
                         "adds one post that links to other pages on stdin")
    ap.add_argument("--slow-peer-max", type=int, default=1000,
                    help="largest site markdownlint-cli2 runs on (it takes minutes per run at 20,000 posts)")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--locked", "--bin", "pagelint", "--example", "gen-site"],
                       cwd=ROOT, check=True)
    os.makedirs(args.work, exist_ok=True)
    print("machine: %d cores, %s" % (os.cpu_count(), " ".join(os.uname()[2:3])))
    print()
    print("| posts | command | wall (median) | CPU (median) | peak RSS | × floor |")
    print("|---:|---|---:|---:|---:|---:|")
    sizes = [int(s) for s in args.sizes.split(",")]
    walls = {}
    for size in sizes:
        site = os.path.join(args.work, "site-%d%s" % (size, "-all" if args.all_kinds else ""))
        if not os.path.isdir(os.path.join(site, "content")):
            subprocess.run([GEN, "--posts", str(size), "--defects", "0.1", "--out", site, "--force"]
                           + (["--all-kinds"] if args.all_kinds else []),
                           check=True, stdout=subprocess.DEVNULL)
        post = sorted(os.listdir(os.path.join(site, "content", "posts")))[1]
        post_rel = os.path.join("content", "posts", post)
        if os.path.isdir(os.path.join(site, post_rel)):
            post_rel = os.path.join(post_rel, "index.md")
        commands = [
            ("floor: cat every content file", "find content -name '*.md' -exec cat {} + > /dev/null", None),
            ("pagelint check", [PAGELINT, "check", "--format", "json"], None),
            ("pagelint, one post on stdin", [PAGELINT, "check", "--stdin-filename", post_rel, "-"], os.path.join(site, post_rel)),
            ("pagelint, one post as an argument", [PAGELINT, "check", post_rel], None),
        ]
        if args.all_kinds:
            linked = linking_post(site)
            commands.insert(4, ("pagelint, one post linking to others on stdin",
                                [PAGELINT, "check", "--stdin-filename", linked, "-"], os.path.join(site, linked)))
        if not args.no_peers and size <= args.peer_max:
            commands += [(name, cmd, None) for name, cmd in peers(site, size, args.slow_peer_max)]
            commands += [(name, cmd, None) for name, cmd in peers_one_post(site, post_rel)]
        floor = None
        ours = 5 if args.all_kinds else 4
        for i, (name, cmd, stdin_path) in enumerate(commands):
            m = measure(cmd, site, args.runs if i < ours else args.peer_runs, stdin_path)
            if floor is None:
                floor = m["wall"]
            ratio = "-" if "one post" in name else "%.2f" % (m["wall"] / floor)
            print("| %d | %s | %.1f ms | %.1f ms | %.1f MB | %s |" % (
                size, name, m["wall"] * 1000, m["cpu"] * 1000, m["rss"], ratio))
            sys.stdout.flush()
            walls[(size, name)] = m["wall"]
    # How the time grows with the site: the largest size against each smaller one.
    print()
    for small in sizes[:-1]:
        big = sizes[-1]
        for name in ("floor: cat every content file", "pagelint check"):
            if (small, name) in walls and (big, name) in walls:
                print("%s: %d posts take %.2f× the time of %d posts (%.2f× the posts)" % (
                    name, big, walls[(big, name)] / walls[(small, name)], small, big / small))


if __name__ == "__main__":
    main()
