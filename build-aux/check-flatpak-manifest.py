#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest without flatpak-builder: the identity the rest
# of the project relies on, and a sandbox that grants no more than a GTK
# editor that opens files through portals needs.
#
# Usage: check-flatpak-manifest.py MANIFEST.json

import json
import sys

APP_ID = 'io.github.rostrum.Rostrum'
COMMAND = 'rostrum'
RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
MIN_RUNTIME_VERSION = 48

# Wayland with an X11 fallback, shared memory for X11, GPU rendering. Files
# come through the document portal, so no --filesystem at all.
ALLOWED_FINISH_ARGS = {
    '--socket=wayland',
    '--socket=fallback-x11',
    '--share=ipc',
    '--device=dri',
}
FORBIDDEN_FILESYSTEMS = ('home', 'host', 'host-os', 'host-etc')


def fail(message):
    print('check-flatpak-manifest: ' + message, file=sys.stderr)
    sys.exit(1)


def check_runtime_version(version):
    try:
        major = int(str(version).split('.')[0])
    except ValueError:
        fail('runtime-version %r is not a GNOME release number' % (version,))
    if major < MIN_RUNTIME_VERSION:
        fail('runtime-version %s is older than GNOME %d'
             % (version, MIN_RUNTIME_VERSION))


def check_finish_args(finish_args):
    if not isinstance(finish_args, list):
        fail('finish-args must be a list')
    for arg in finish_args:
        if arg.startswith('--filesystem='):
            # --filesystem=home:ro is as much an open door as home.
            place = arg.split('=', 1)[1].split(':', 1)[0]
            if place in FORBIDDEN_FILESYSTEMS or place.startswith('~'):
                fail('%s gives access to the user\'s files; use portals' % arg)
        if arg not in ALLOWED_FINISH_ARGS:
            fail('finish-arg %s is not in the allowed set %s'
                 % (arg, ', '.join(sorted(ALLOWED_FINISH_ARGS))))
    if len(set(finish_args)) != len(finish_args):
        fail('finish-args has duplicates')
    # Without it the application has no display on a Wayland session.
    if '--socket=wayland' not in finish_args:
        fail('finish-args lacks --socket=wayland')


def check_modules(modules):
    if not isinstance(modules, list) or not modules:
        fail('no modules')
    names = [m.get('name') for m in modules if isinstance(m, dict)]
    if names[-1:] != [COMMAND]:
        fail('the last module must build %s itself, not %r' % (COMMAND, names[-1:]))
    app = modules[-1]
    if app.get('buildsystem') != 'meson':
        fail('%s is built with meson' % COMMAND)
    if '-Dbuildtype=release' not in app.get('config-opts', []):
        fail('%s must be configured with -Dbuildtype=release' % COMMAND)
    for module in modules:
        if not isinstance(module, dict):
            continue  # a path to a module file; flatpak-builder checks it
        for source in module.get('sources', []):
            if isinstance(source, dict) and source.get('type') in ('archive', 'file'):
                if 'url' in source and not source.get('sha256'):
                    fail('source %s of %s has no sha256'
                         % (source['url'], module.get('name')))
                if 'url' in source and not source['url'].startswith('https://'):
                    fail('source %s of %s is not fetched over https'
                         % (source['url'], module.get('name')))


def main(argv):
    if len(argv) != 2:
        print('usage: %s MANIFEST.json' % argv[0], file=sys.stderr)
        return 2
    with open(argv[1], encoding='utf-8') as f:
        try:
            manifest = json.load(f)
        except json.JSONDecodeError as e:
            fail('%s: %s' % (argv[1], e))

    app_id = manifest.get('id', manifest.get('app-id'))
    if app_id != APP_ID:
        fail('id is %r, not %s' % (app_id, APP_ID))
    if manifest.get('command') != COMMAND:
        fail('command is %r, not %s' % (manifest.get('command'), COMMAND))
    if manifest.get('runtime') != RUNTIME:
        fail('runtime is %r, not %s' % (manifest.get('runtime'), RUNTIME))
    if manifest.get('sdk') != SDK:
        fail('sdk is %r, not %s' % (manifest.get('sdk'), SDK))
    check_runtime_version(manifest.get('runtime-version', ''))
    check_finish_args(manifest.get('finish-args', []))
    check_modules(manifest.get('modules'))
    print('%s: ok' % argv[1])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
