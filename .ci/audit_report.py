"""Read pip-audit's JSON report: fail on any known vulnerability, and say plainly when
the advisory service could not be asked (so nothing was audited) instead of passing
in silence. REQUIRE_AUDIT=true makes that case fail too.

    python .ci/audit_report.py REPORT.json PIP_AUDIT_EXIT_STATUS
"""

import json
import os
import sys


def main(report_path, exit_status):
    try:
        with open(report_path) as report_file:
            dependencies = json.load(report_file)["dependencies"]
    except (OSError, ValueError, KeyError):
        print(f"pip-audit wrote no report (exit status {exit_status}): see its output above.")
        return 1
    vulnerable = [dependency for dependency in dependencies if dependency.get("vulns")]
    skipped = [dependency for dependency in dependencies if dependency.get("skip_reason")]
    for dependency in vulnerable:
        for vulnerability in dependency["vulns"]:
            fixed = ", ".join(vulnerability.get("fix_versions", [])) or "no fixed release yet"
            print(
                f"VULNERABLE {dependency['name']} {dependency['version']}: "
                f"{vulnerability['id']} (fixed in {fixed})"
            )
    if vulnerable:
        return 1
    audited = len(dependencies) - len(skipped)
    print(f"pip-audit: {audited} of {len(dependencies)} pinned packages audited, none vulnerable.")
    if not skipped:
        return 0
    for dependency in skipped:
        print(f"NOT AUDITED {dependency['name']}: {dependency['skip_reason']}")
    if audited:
        return 1  # the service answered for some packages only
    print(
        "NOT AUDITED: no package could be looked up. PyPI's vulnerability data "
        "(https://pypi.org/pypi/NAME/VERSION/json) does not answer from this network, "
        "and OSV (api.osv.dev) cannot be reached."
    )
    return 1 if os.environ.get("REQUIRE_AUDIT", "").lower() in {"1", "true", "yes"} else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
