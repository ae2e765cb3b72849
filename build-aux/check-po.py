#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every language in po/LINGUAS is complete: msgfmt --check accepts its .po
(format strings, plural forms, header) and it has no untranslated or fuzzy
message. Usage: check-po.py PO_DIR"""

import os
import re
import subprocess
import sys


def main():
    po_dir = sys.argv[1]
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    if not languages:
        print('po/LINGUAS lists no language')
        return 1

    failed = False
    for lang in languages:
        path = os.path.join(po_dir, lang + '.po')
        if not os.path.exists(path):
            print(f'{lang}: {path} is missing')
            failed = True
            continue
        result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, path],
                                capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL='C'))
        output = (result.stdout + result.stderr).strip()
        translated = re.search(r'(\d+) translated', output)
        fuzzy = re.search(r'(\d+) fuzzy', output)
        untranslated = re.search(r'(\d+) untranslated', output)
        ok = (result.returncode == 0 and translated is not None
              and fuzzy is None and untranslated is None)
        print(f'{lang}: {output}')
        if not ok:
            failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
