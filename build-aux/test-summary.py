#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints 'N passed, N failed, N skipped' from Meson's testlog.json.

A TAP program counts each of its test points (so the line says how many
checks ran, not how many programs); any other test counts once. A TAP
program that fails without a failing point (a crash after its last point,
a bad plan) counts one failure more. Exits 1 when anything failed or
nothing ran.
"""
import json
import re
import sys

TAP_POINT = re.compile(r"^(not ok|ok)\b(.*)$")
PASSING = ("OK", "EXPECTEDFAIL")

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        result = json.loads(line)
        status = result["result"]
        points = [TAP_POINT.match(l) for l in (result.get("stdout") or "").splitlines()]
        points = [p for p in points if p]

        if not points:
            if status in PASSING:
                passed += 1
            elif status == "SKIP":
                skipped += 1
            else:
                failed += 1
            continue

        bad_point = False
        for p in points:
            directive = p.group(2).upper()
            if "# SKIP" in directive:
                skipped += 1
            elif p.group(1) == "ok":
                passed += 1
            elif "# TODO" in directive:
                pass
            else:
                failed += 1
                bad_point = True
        if status not in PASSING and status != "SKIP" and not bad_point:
            failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
