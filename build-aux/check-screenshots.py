#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screenshot the metainfo names is in data/screenshots/ as a PNG of
the size it declares. Usage: check-screenshots.py METAINFO.in DATA_DIR"""

import os
import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://raw.githubusercontent.com/rostrum/rostrum/main/data/'


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def main():
    metainfo, data_dir = sys.argv[1:3]
    images = ET.parse(metainfo).getroot().findall('./screenshots/screenshot/image')
    if not images:
        print('the metainfo has no screenshots')
        return 1
    failed = False
    for image in images:
        url = image.text.strip()
        if not url.startswith(PREFIX):
            print(f'{url}: not under {PREFIX}')
            failed = True
            continue
        path = os.path.join(data_dir, url[len(PREFIX):])
        size = png_size(path) if os.path.exists(path) else None
        declared = (int(image.get('width', 0)), int(image.get('height', 0)))
        if size is None:
            print(f'{path}: missing or not a PNG')
            failed = True
        elif size != declared:
            print(f'{path}: {size[0]}×{size[1]}, the metainfo says {declared[0]}×{declared[1]}')
            failed = True
        else:
            print(f'{path}: {size[0]}×{size[1]}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
