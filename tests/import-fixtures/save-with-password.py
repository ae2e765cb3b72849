#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Saves an ODT again with a password through LibreOffice's UNO API, as
# File ▸ Save As ▸ "Save with password" does (soffice --convert-to has no
# password option). Needs Debian's python3-uno; run with /usr/bin/python3.
#
# Usage: save-with-password.py INPUT.odt OUTPUT.odt PASSWORD
#
# The document is loaded as a model without a frame: Writer's window
# parts are not in the -nogui packages, and loading into a frame aborts
# soffice. (Word's encryption, asked for the same way with the
# "OOXPassword" encryption data, fails in that build: no DOCX fixture.)

import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(argv):
    source, target, password = argv[1:4]
    profile = tempfile.mkdtemp(prefix='rostrum-lo-')
    pipe = 'rostrum-fixtures-%d' % os.getpid()
    office = subprocess.Popen(
        ['soffice', '-env:UserInstallation=file://' + profile, '--headless', '--norestore',
         '--invisible', '--accept=pipe,name=%s;urp;' % pipe],
        env={'PATH': '/usr/bin:/bin', 'HOME': profile, 'LANG': 'C.UTF-8', 'TZ': 'UTC'},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        for _ in range(120):
            try:
                context = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit('LibreOffice did not start')
        document = context.ServiceManager.createInstanceWithContext('com.sun.star.text.TextDocument', context)
        document.load((prop('URL', uno.systemPathToFileUrl(os.path.abspath(source))),
                       prop('FilterName', 'writer8')))
        args = (prop('FilterName', 'writer8'), prop('Password', password))
        uno.invoke(document, 'storeToURL',
                   (uno.systemPathToFileUrl(os.path.abspath(target)),
                    uno.Any('[]com.sun.star.beans.PropertyValue', args)))
        document.dispose()
        # Killing the soffice wrapper would leave soffice.bin running.
        try:
            context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context).terminate()
        except Exception:
            pass  # the bridge goes down with the office
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        subprocess.run(['rm', '-rf', profile], check=False)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
