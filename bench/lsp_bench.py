#!/usr/bin/env python3
"""Time `pagelint server` the way an editor uses it: a 2,000-line post open
in a 20,000-post site, 20 one-character changes, and for each the time from
sending the change to receiving its diagnostics. Standard library only.

  python3 bench/lsp_bench.py                        # builds, generates /tmp/site20k
  python3 bench/lsp_bench.py --site /tmp/site20k --changes 20

Each change is sent only after the previous one's diagnostics arrived, so
every measurement is one whole round: the change reaches the server, waits
out the debounce, is linted on the worker and published. The same run is
made with the server's default debounce (15 ms, in the numbers) and with
none (`initializationOptions.debounceMs = 0`), which shows what the lint
and the protocol cost alone. The server's memory is read from /proc
(VmRSS now, VmHWM its peak) after the changes and after it has read every
page's taxonomy terms for completion.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGELINT = os.path.join(ROOT, "target", "release", "pagelint")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen-site")


class Server:
    def __init__(self, cwd, debounce_ms):
        self.log = open(os.path.join(cwd, ".pagelint-server.log"), "w+")
        self.proc = subprocess.Popen([PAGELINT, "server"], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.log,
                                     env=dict(os.environ, PAGELINT_LOG="debug"))
        self.next_id = 0
        self.buffered = []
        options = {} if debounce_ms is None else {"debounceMs": debounce_ms}
        self.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {},
                                    "initializationOptions": options})
        self.notify("initialized", {})

    def send(self, msg):
        body = json.dumps(dict(msg, jsonrpc="2.0")).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            msg = self.read()
            if msg.get("id") == self.next_id and "method" not in msg:
                return msg
            if "method" in msg and "id" in msg:  # the server's own request
                self.send({"id": msg["id"], "result": None})
            else:
                self.buffered.append(msg)

    def diagnostics(self, uri, version):
        while True:
            msg = self.buffered.pop(0) if self.buffered else self.read()
            p = msg.get("params", {})
            if msg.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri \
                    and p.get("version") == version:
                return p["diagnostics"]

    def memory(self):
        fields = {}
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    fields[key] = int(value.split()[0]) / 1024
        return fields

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        status = self.proc.wait(timeout=30)
        self.log.seek(0)
        # "... linted in X ms, published Y ms after the change"
        self.lint_ms = [float(line.split("linted in ")[1].split(" ms")[0])
                        for line in self.log if "linted in " in line]
        self.log.close()
        os.unlink(self.log.name)
        return status


def big_post(site):
    """A generated post's front matter, and a body repeated to 2,000 lines
    with every tenth image missing."""
    posts = os.path.join(site, "content", "posts")
    name = sorted(os.listdir(posts))[len(os.listdir(posts)) // 2]
    path = os.path.join(posts, name)
    if os.path.isdir(path):
        path = os.path.join(path, "index.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    _, fm, body = text.split("---\n", 2)
    lines = body.splitlines() or ["text"]
    out = []
    while len(out) < 2000 - fm.count("\n") - 2:
        out.extend(lines)
    body = "\n".join(out[: 2000 - fm.count("\n") - 2]) + "\n"
    # Every tenth image missing, so that the post has findings to publish
    # (each with a did-you-mean, which lists the image folder once).
    parts = body.split("](/images/posts/")
    body = parts[0] + "".join(
        ("](/images/posts/missing-" if i % 10 == 0 else "](/images/posts/") + p
        for i, p in enumerate(parts[1:], 1))
    return path, "---\n" + fm + "---\n" + body


def measure(site, changes, debounce_ms):
    path, text = big_post(site)
    uri = "file://" + path
    server = Server(site, debounce_ms)
    version = 1
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": version, "text": text}})
    found = server.diagnostics(uri, version)
    times = []
    line = text.count("\n") // 2
    for i in range(changes):
        version += 1
        start = time.perf_counter()
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": 0},
                                          "end": {"line": line, "character": 0}}, "text": "x"}]})
        server.diagnostics(uri, version)
        times.append((time.perf_counter() - start) * 1e3)
    after_changes = server.memory()
    # Completion of tags waits for every page's terms to be read.
    deadline = time.time() + 120
    while time.time() < deadline:
        r = server.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": 1, "character": 0}})
        fm_lines = text.split("---\n")[1].splitlines()
        tags = next((i for i, l in enumerate(fm_lines) if l.startswith("tags:")), None)
        if tags is None:
            break
        r = server.request("textDocument/completion", {
            "textDocument": {"uri": uri},
            "position": {"line": tags + 1, "character": len(fm_lines[tags])}})
        result = r.get("result") or {}
        if result.get("isIncomplete") is False:
            break
        time.sleep(0.2)
    after_terms = server.memory()
    status = server.stop()
    return {"lines": text.count("\n"), "bytes": len(text.encode()), "images": text.count("]("),
            "findings": len(found), "times": times, "lint": server.lint_ms[1:],
            "after_changes": after_changes, "after_terms": after_terms, "exit": status}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", default="/tmp/site20k")
    ap.add_argument("--posts", type=int, default=20000)
    ap.add_argument("--changes", type=int, default=20)
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--bin", "pagelint", "--example", "gen-site"],
                       cwd=ROOT, check=True)
    if not os.path.isdir(args.site):
        subprocess.run([GEN, "--posts", str(args.posts), "--out", args.site], check=True)
    for debounce in (None, 0):
        r = measure(args.site, args.changes, debounce)
        t = sorted(r["times"])
        label = "default debounce (15 ms)" if debounce is None else "no debounce"
        print(f"{label}: {r['lines']}-line post ({r['bytes'] // 1024} KB, {r['images']} images), "
              f"{r['findings']} findings, {len(t)} changes: change to diagnostics median "
              f"{statistics.median(t):.1f} ms, min {t[0]:.1f}, max {t[-1]:.1f}; "
              f"the lint alone (server log) median {statistics.median(r['lint']):.1f} ms")
        print(f"  memory after the changes: RSS {r['after_changes']['VmRSS']:.1f} MB, "
              f"peak {r['after_changes']['VmHWM']:.1f} MB; after reading every page's terms: "
              f"RSS {r['after_terms']['VmRSS']:.1f} MB, peak {r['after_terms']['VmHWM']:.1f} MB; "
              f"exit status {r['exit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
