#!/usr/bin/python3
"""Loads a run's report.html in headless Chromium: no console message allowed; takes a screenshot.

Usage: check_report_chromium.py OUT_DIR PNG_PATH

The page is meant to have no script and load nothing from the network, so any console message
(an error, a failed load, a CSP complaint) fails the check. Console output is read from Chromium's
log (--enable-logging=stderr: lines "INFO:CONSOLE(...)] "message", source: ..."). Before the real
page, a copy with an injected script error is loaded to prove the capture works: if that copy
does not fail, the check fails. All network names resolve to nothing (offline). Works as root
(--no-sandbox). Needs Debian's chromium.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CONSOLE = re.compile(r":CONSOLE[:(]\d+\)?\] (.*)")


def fail(message):
    print("check_report_chromium: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    fail("no chromium found (Debian package chromium; scripts/setup.sh installs it)")


def load(page, screenshot, work):
    """Loads `page` headless; returns the console lines and writes `screenshot`."""
    args = [chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + os.path.join(work, "profile"),
            "--enable-logging=stderr", "--v=0", "--window-size=1280,2400", "--hide-scrollbars",
            "--screenshot=" + screenshot, "file://" + page]
    env = dict(os.environ, HOME=work)  # chromium writes its caches under HOME
    result = subprocess.run(args, capture_output=True, text=True, timeout=90, env=env)
    if result.returncode != 0:
        fail(f"chromium exited {result.returncode}: {result.stderr[-2000:]}")
    if not os.path.isfile(screenshot) or os.path.getsize(screenshot) < 10000:
        fail("chromium took no screenshot of " + page)
    return [m.group(1) for m in map(CONSOLE.search, result.stderr.splitlines()) if m]


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir, png = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    report = os.path.join(out_dir, "report.html")
    if not os.path.isfile(report):
        fail("no report.html in " + out_dir)
    with open(report, encoding="utf-8") as f:
        html = f.read()
    # Self-contained: nothing fetched from elsewhere.
    remote = re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html) + re.findall(r"@import|url\(\s*['\"]?https?:", html)
    if remote:
        fail(f"report.html refers to remote resources: {remote[:3]}")
    os.makedirs(os.path.dirname(png), exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="gridplan-chromium-") as work:
        # Negative control: the same page with a script error must be caught.
        bad = os.path.join(work, "report-with-error.html")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(html.replace("</body>", "<script>undefinedFunctionOfGridplan();</script></body>"))
        caught = load(bad, os.path.join(work, "bad.png"), work)
        if not any("undefinedFunctionOfGridplan" in line for line in caught):
            fail("an injected script error was not seen in the console capture; the check cannot work")

        messages = load(report, png, work)
    if messages:
        fail("console messages while loading report.html:\n  " + "\n  ".join(messages))
    print(f"report.html loaded with no console message; screenshot {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
