#!/usr/bin/env python3
"""Lists the functions (and constructors, lambdas at namespace level excluded) longer than N lines
in src/, longest first, and the files longer than M lines. The code is Allman style: a function's
body opens with "{" alone on a line at the function's indentation and closes with "}" at the
same indentation; its length counts from the first line of its signature to the closing brace.
Usage: scripts/long_functions.py [--lines 80] [--file-lines 600] [--root src] [REV]
With REV (a git revision), the files are read from that revision instead of the work tree."""
import argparse
import re
import subprocess
import sys
from pathlib import Path

def sources(root, rev):
    if rev:
        out = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, root], capture_output=True, text=True, check=True).stdout
        for name in out.split():
            if name.endswith((".cpp", ".hpp")):
                yield name, subprocess.run(["git", "show", f"{rev}:{name}"], capture_output=True, text=True, check=True).stdout
    else:
        for p in sorted(Path(root).rglob("*")):
            if p.suffix in (".cpp", ".hpp"):
                yield str(p), p.read_text(encoding="utf-8")

SIGNATURE = re.compile(r"^\s*[A-Za-z_~][\w:<>,\s\*&~\[\]]*\([^;]*$")

def functions(text):
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip() != "{":
            continue
        indent = len(line) - len(line.lstrip())
        # the signature: previous non-empty lines up to one that starts at this indentation
        j = i - 1
        while j >= 0 and lines[j].strip() and (len(lines[j]) - len(lines[j].lstrip()) > indent or lines[j].lstrip().startswith(":")):
            j -= 1
        if j < 0:
            continue
        head = lines[j]
        if len(head) - len(head.lstrip()) != indent or "(" not in " ".join(lines[j:i]):
            continue
        first = head.strip()
        if first.startswith(("if", "for", "while", "switch", "else", "do", "namespace", "struct", "class", "enum", "try", "catch", "return", "case")) or "=" in first.split("(")[0]:
            continue
        if not SIGNATURE.match(" ".join(l.strip() for l in lines[j:i])):
            continue
        # matching closing brace at the same indentation
        k = i + 1
        closing = " " * indent + "}"
        while k < len(lines) and not (lines[k].rstrip() == closing or lines[k].startswith(closing + " ") or lines[k].startswith(closing + ";")):
            k += 1
        name = re.sub(r"\s+", " ", " ".join(l.strip() for l in lines[j:i]).split("(")[0]).split(" ")[-1]
        yield name, j + 1, k - j + 1

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=80)
    ap.add_argument("--file-lines", type=int, default=600)
    ap.add_argument("--root", default="src")
    ap.add_argument("rev", nargs="?")
    a = ap.parse_args()
    found, files = [], []
    for path, text in sources(a.root, a.rev):
        n = text.count("\n")
        if n > a.file_lines:
            files.append((n, path))
        for name, line, length in functions(text):
            if length > a.lines:
                found.append((length, f"{path}:{line}", name))
    found.sort(key=lambda f: (-f[0], f[1]))
    print(f"functions over {a.lines} lines ({len(found)}):")
    for length, where, name in found:
        print(f"  {length:4d}  {name}  {where}")
    print(f"files over {a.file_lines} lines ({len(files)}):")
    for n, path in sorted(files, reverse=True):
        print(f"  {n:5d}  {path}")

if __name__ == "__main__":
    sys.exit(main())
