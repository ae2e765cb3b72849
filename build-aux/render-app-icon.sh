#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the application icon's PNG renditions from its SVG, at the
# hicolor sizes. Run after changing the SVG and commit the result.
#
# Why they exist: on X11, GTK sets the window icon from the application
# icon at fixed sizes; with only the SVG, that loads gdk-pixbuf's SVG
# loader and librsvg (6 MiB resident) before the first frame.
# Needs rsvg-convert (Debian: librsvg2-bin).

set -eu

icons="$(dirname "$0")/../data/icons/hicolor"
svg="$icons/scalable/apps/io.github.rostrum.Rostrum.svg"

for size in 16 32 48 64 128; do
  mkdir -p "$icons/${size}x${size}/apps"
  rsvg-convert --width "$size" --height "$size" \
    --output "$icons/${size}x${size}/apps/io.github.rostrum.Rostrum.png" "$svg"
done
