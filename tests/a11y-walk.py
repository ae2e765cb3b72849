#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks Rostrum's accessibility tree as a screen reader sees it.

Starts the real `rostrum` on the IOM fixture, finds it on the AT-SPI bus
and checks that what a drafter using Orca needs is there by name: the
header bar buttons, the statement text, the sidebar's outline, issues and
speaking-time gauge, outline entries that say their status in words, and
that no button is left without a name.

Run under a display and a session bus (xvfb-run -a dbus-run-session);
exits 77 (skipped) without pyatspi, a display or the accessibility bus.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def skip(reason):
    print(f'SKIP: {reason}')
    sys.exit(SKIP)


# The test environment makes GLib warnings fatal; an AT-SPI client warns
# about objects that vanish while it walks, so this process does not.
# Set before GLib is loaded, which reads it once.
os.environ.pop('G_DEBUG', None)

try:
    import pyatspi
except ImportError:
    skip('pyatspi is not installed (python3-pyatspi)')

if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
    skip('no display: run under xvfb-run')
if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    skip('no session bus: run under dbus-run-session')

ROSTRUM = os.environ.get('ROSTRUM_BIN')
SRCDIR = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(SRCDIR, 'fixtures', 'iom-114-china.txt')

# Waiting, not timing: the app needs a moment to start and to check the
# statement; a broken build fails here rather than hanging.
STARTUP_LIMIT = 60.0

BUTTON_ROLES = {'push button', 'toggle button', 'menu button'}


def walk(node, depth=0, limit=60):
    """Yields (node, depth) for every accessible under @node."""
    if node is None or depth > limit:
        return
    yield node, depth
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is None:
            continue
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            pass
        if app.name in ('rostrum', 'Rostrum'):
            return app
    return None


def describe(node):
    try:
        return f'{node.getRoleName()} “{node.name}”'
    except Exception:
        return '<gone>'


def snapshot(app):
    nodes = []
    for node, depth in walk(app):
        try:
            nodes.append((node.getRoleName(), node.name or '', depth, node))
        except Exception:
            continue
    return nodes


def main():
    if ROSTRUM is None or not os.path.exists(ROSTRUM):
        print('ROSTRUM_BIN does not name the built rostrum')
        return 1

    home = tempfile.mkdtemp(prefix='rostrum-a11y-')
    env = dict(os.environ)
    for name in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
        path = os.path.join(home, name.lower())
        os.makedirs(path)
        env[name] = path
    env['HOME'] = home
    # The whole point: GTK talks to the accessibility bus.
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    env['G_DEBUG'] = ''

    proc = subprocess.Popen([ROSTRUM, FIXTURE], env=env)
    failures = []
    try:
        app = None
        deadline = time.monotonic() + STARTUP_LIMIT
        nodes = []
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                print(f'rostrum exited with status {proc.returncode}')
                return 1
            app = find_app(proc.pid)
            if app is not None:
                nodes = snapshot(app)
                names = {name for _, name, _, _ in nodes}
                # Ready once the statement is loaded and checked.
                if any(n.startswith('Mr. Chairperson') or n.startswith('Salutation')
                       for n in names) and 'Speaking time against the limit' in names:
                    break
            time.sleep(0.5)
        if app is None:
            skip('rostrum never showed on the accessibility bus (no at-spi2-core?)')

        print(f'# {len(nodes)} accessible objects under {describe(app)}')
        by_name = {}
        for role, name, depth, node in nodes:
            by_name.setdefault(name, []).append(role)

        expected = {
            'New Statement': BUTTON_ROLES,
            'Main Menu': BUTTON_ROLES,
            'Show Sidebar': BUTTON_ROLES,
            'Statement text': {'text', 'entry', 'document text'},
            'Outline': {'list', 'list box', 'table', 'tree table', 'tree'},
            'Issues': {'list', 'list box', 'table', 'tree table', 'tree', 'page tab', 'radio button', 'toggle button'},
            'Speaking time against the limit': {'level bar', 'progress bar', 'meter'},
        }
        for name, roles in expected.items():
            found = by_name.get(name)
            if not found:
                failures.append(f'nothing is named “{name}”')
            elif not roles & set(found):
                failures.append(f'“{name}” is a {", ".join(sorted(set(found)))}, not a {" or ".join(sorted(roles))}')
            else:
                print(f'ok: “{name}” ({", ".join(sorted(set(found) & roles))})')

        # The outline says each part's status in words: "Closing: fine".
        statuses = [name for _, name, _, _ in nodes
                    if name.endswith((': fine', ': warning', ': error'))]
        if not statuses:
            failures.append('no outline entry announces its status (“Salutation: fine”)')
        else:
            print(f'ok: {len(statuses)} outline entries with a status, e.g. “{statuses[0]}”')

        # The gauge speaks its value, not only a fraction.
        for role, name, _, node in nodes:
            if name == 'Speaking time against the limit':
                try:
                    attrs = dict(a.split(':', 1) for a in node.getAttributes() if ':' in a)
                except Exception:
                    attrs = {}
                text = ''
                try:
                    value = node.queryValue()
                    text = getattr(value, 'text', '') or ''
                except Exception:
                    pass
                print(f'# gauge: {attrs} {text}')

        # Every button has a name: an icon alone tells a screen reader nothing.
        nameless = [f'{role} at depth {depth}' for role, name, depth, node in nodes
                    if role in BUTTON_ROLES and not name.strip()]
        if nameless:
            failures.append(f'{len(nameless)} buttons without a name: {", ".join(nameless[:5])}')
        else:
            buttons = sum(1 for role, _, _, _ in nodes if role in BUTTON_ROLES)
            print(f'ok: all {buttons} buttons have a name')
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)

    for failure in failures:
        print(f'FAIL: {failure}')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
