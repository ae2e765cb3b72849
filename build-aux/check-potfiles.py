#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# po/POTFILES.in and the tree agree: every listed file exists, and every
# source file with a translatable string is listed, so that no string is
# left out of the template when several people add files.
#
# Usage: check-potfiles.py SOURCE_ROOT

import os
import re
import sys

# What marks a string for translation, per kind of file.
MARKERS = {
    '.c': re.compile(r'(?<![A-Za-z0-9_])[NC]?_\s*\(\s*"'),
    '.ui': re.compile(r'translatable="yes"'),
    '.lang': re.compile(r'\s_(?:name|section)="'),
}
SEARCHED = ('src', 'data')


def main(argv):
    if len(argv) != 2:
        print('usage: %s SOURCE_ROOT' % argv[0], file=sys.stderr)
        return 2
    root = argv[1]
    listed = set()
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.add(line)

    problems = []
    for path in sorted(listed):
        if not os.path.isfile(os.path.join(root, path)):
            problems.append('%s is listed but does not exist' % path)

    for top in SEARCHED:
        for folder, _dirs, files in os.walk(os.path.join(root, top)):
            for name in files:
                marker = MARKERS.get(os.path.splitext(name)[1])
                if marker is None:
                    continue
                full = os.path.join(folder, name)
                path = os.path.relpath(full, root).replace(os.sep, '/')
                with open(full, encoding='utf-8', errors='replace') as f:
                    if marker.search(f.read()) and path not in listed:
                        problems.append('%s has translatable strings but is not in po/POTFILES.in'
                                        % path)

    for problem in problems:
        print('check-potfiles: ' + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
