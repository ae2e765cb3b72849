#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints 'N passed, N failed, N skipped' from Meson's testlog.json.

Counts the TAP subtests of each program, so the line says how many checks
ran, not how many programs. A program that fails without reporting subtests
counts as one failure. Exits 1 when anything failed or nothing ran.
"""
import json
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        result = json.loads(line)
        sub = result.get("subtests") or []
        if sub:
            for s in sub:
                r = s.get("result")
                if r in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif r == "SKIP":
                    skipped += 1
                else:
                    failed += 1
            if result["result"] not in ("OK", "SKIP", "EXPECTEDFAIL") and \
               all(s.get("result") in ("OK", "SKIP", "EXPECTEDFAIL") for s in sub):
                failed += 1  # crashed after its last subtest, or bad exit
        else:
            r = result["result"]
            if r in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif r == "SKIP":
                skipped += 1
            else:
                failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
