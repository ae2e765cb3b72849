#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every language in po/LINGUAS is complete: msgfmt --check accepts its .po
(format strings, plural forms, header), it has no untranslated or fuzzy
message, and msgcmp finds in it every message of the sources, extracted
afresh with xgettext as `ninja rostrum-pot` extracts them (the glib
preset of po/meson.build), so that a .po whose messages went stale or
broken fails. Usage: check-po.py PO_DIR"""

import os
import re
import subprocess
import sys
import tempfile

# Meson's glib preset for i18n.gettext().
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
]


def extract(po_dir, pot):
    """The sources' messages into @pot; po/its teaches the .lang format."""
    root = os.path.dirname(os.path.abspath(po_dir))
    env = dict(os.environ, LC_ALL='C', GETTEXTDATADIRS=os.path.abspath(po_dir))
    result = subprocess.run(['xgettext'] + XGETTEXT_ARGS +
                            ['--directory=' + root,
                             '--files-from=' + os.path.join(po_dir, 'POTFILES.in'),
                             '-o', pot],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0:
        print('xgettext: ' + (result.stdout + result.stderr).strip())
    return result.returncode == 0


def main():
    po_dir = sys.argv[1]
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    if not languages:
        print('po/LINGUAS lists no language')
        return 1

    failed = False
    workdir = tempfile.TemporaryDirectory()
    pot = os.path.join(workdir.name, 'rostrum.pot')
    if not extract(po_dir, pot):
        return 1

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

        # Every message of the sources, translated (not fuzzy) in @path.
        result = subprocess.run(['msgcmp', path, pot], capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL='C'))
        if result.returncode != 0:
            print(f'{lang}: messages of the sources missing from {path}:')
            print((result.stdout + result.stderr).strip())
            failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
