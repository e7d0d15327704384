"""Standards checks any browser test can call on the pages it opens.

- `assert_accessible(page, name)`: axe-core, run in the page as Chromium shows it, finds
  no violation of any of its rules (WCAG 2.x A and AA, and best practices).
- `assert_valid_html(documents)`: the Nu HTML Checker (vnu.jar, the W3C validator's
  engine) finds no error in any of the documents, checked in one run of Java.

A test that checks many pages and reports every problem at once uses the pieces:
`load_axe(context)` puts axe-core into every page the context opens, `axe_violations`
and `vnu_errors` return what was found, `describe_violations` and `describe_errors`
word it.

Both tools come from the npm registry (`package.json`, installed by `npm ci
--ignore-scripts`); vnu runs on a Java 17 runtime (Debian's `default-jre-headless`).
A missing tool fails the test and names the command that installs it: a check that
cannot run never passes silently.
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

INSTALL_NODE_MODULES = "run `npm ci --ignore-scripts` at the root of the repository"
INSTALL_JAVA = "install a Java 17 runtime: `apt-get install default-jre-headless`"

# axe-core is put into the page through the DevTools protocol (Playwright's `evaluate`,
# or an init script in `load_axe`), which the site's Content-Security-Policy does not
# govern: the policy stays on, and the audited page is the one a reader gets. (A script
# tag would be blocked by the policy, or need it turned off; serving the file through a
# routed URL cost more time than running axe.)
# vnu's run is too short for Java's optimising compiler to pay off: the quick one alone
# halves its CPU time here; its frames are larger, so vnu needs a larger thread stack.
JAVA_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
VNU_OPTIONS = ["--errors-only", "--format", "json", "--stdout"]

AXE_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map((rule) => ({
    id: rule.id,
    impact: rule.impact,
    help: rule.help,
    nodes: rule.nodes.map((node) => ({
      target: node.target.join(" "),
      summary: node.failureSummary,
    })),
  }));
}"""


def require(path, how):
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: {how}.", pytrace=False)


def load_axe(context):
    """Put axe-core into every page `context` opens, before the page's own scripts: the
    quickest way when a test audits many pages."""
    require(AXE, INSTALL_NODE_MODULES)
    context.add_init_script(path=AXE)


def axe_violations(page):
    """The violations axe-core finds in the page as it is now, one dict per rule."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        require(AXE, INSTALL_NODE_MODULES)
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(AXE_RUN)


def describe_violations(name, violations):
    lines = []
    for rule in violations:
        lines.append(f"{name}: {rule['id']} ({rule['impact']}): {rule['help']}")
        lines += [f"    {node['target']}: {node['summary']}" for node in rule["nodes"]]
    return lines


def assert_accessible(page, name):
    """axe-core finds no violation in `page` (named `name` in the report)."""
    violations = axe_violations(page)
    assert not violations, "\n".join(describe_violations(name, violations))


def vnu_errors(documents):
    """The errors vnu finds in `documents` ({name: HTML}), as {name: [error, ...]}, each
    error a dict with vnu's `lastLine`, `message` and `extract`. One Java process
    checks them all: starting the JVM costs more than checking a page."""
    require(VNU, INSTALL_NODE_MODULES)
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"java is missing: {INSTALL_JAVA}.", pytrace=False)
    with tempfile.TemporaryDirectory(prefix="vnu-") as directory:
        files = {}
        for number, (name, html) in enumerate(documents.items()):
            file = Path(directory) / f"{number}.html"
            file.write_text(html, encoding="utf-8")
            files[file.name] = name
        checked = subprocess.run(
            [java, *JAVA_OPTIONS, "-jar", str(VNU), *VNU_OPTIONS, directory],
            capture_output=True,
            text=True,
            check=False,
        )
    try:
        messages = json.loads(checked.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu did not answer in JSON:\n{checked.stdout}\n{checked.stderr}")
    errors = {name: [] for name in documents}
    for message in messages:
        name = files.get(Path(urlsplit(message.get("url", "")).path).name)
        if name is None:
            pytest.fail(f"vnu could not check a document: {message}")
        errors[name].append(message)
    return {name: found for name, found in errors.items() if found}


def describe_errors(errors):
    return [
        f"{name}:{error.get('lastLine', '?')}: {error['message']}"
        f"\n    {error.get('extract', '').strip()}"
        for name, found in errors.items()
        for error in found
    ]


def assert_valid_html(documents):
    """vnu finds no error in any of `documents` ({name: HTML}); each error is reported
    with the document's name, its line and vnu's message."""
    errors = vnu_errors(documents)
    assert not errors, "\n".join(describe_errors(errors))
