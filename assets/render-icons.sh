#!/usr/bin/env bash
# Renders the Ferry icon PNGs (and the Windows .ico) from the SVG sources and copies the
# sizes the window uses into the app's resources. Needs rsvg-convert (Debian: librsvg2-bin)
# and, for the .ico, ImageMagick's convert (Debian: imagemagick); for the macOS .icns, png2icns
# (Debian: icnsutils), skipped when it is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/icons"
res="$root/src/main/resources/app/ferry/ui/icons"
mkdir -p "$out" "$res"

for size in 16 32 48 64 128 256 512; do
  # 16 and 32 px come from a simplified drawing on a pixel grid; the full one blurs there.
  if (( size <= 32 )); then src="$here/ferry-small.svg"; else src="$here/ferry.svg"; fi
  rsvg-convert --width "$size" --height "$size" "$src" --output "$out/ferry-$size.png"
done

for size in 32 64 256; do
  cp "$out/ferry-$size.png" "$res/ferry-$size.png"
done

# Windows wants one .ico holding several sizes (jpackage --icon on Windows takes .ico only).
convert_bin="/usr/bin/convert"; [[ -x "$convert_bin" ]] || convert_bin="convert"
"$convert_bin" "$out/ferry-16.png" "$out/ferry-32.png" "$out/ferry-48.png" "$out/ferry-64.png" \
  "$out/ferry-128.png" "$out/ferry-256.png" "ico:$here/windows-ferry.ico.tmp"
mkdir -p "$root/packaging/windows"
mv "$here/windows-ferry.ico.tmp" "$root/packaging/windows/ferry.ico"

# macOS wants an .icns (jpackage --icon on macOS takes .icns only); png2icns knows no 64 px slot.
if command -v png2icns >/dev/null; then
  mkdir -p "$root/packaging/macos"
  png2icns "$root/packaging/macos/ferry.icns" "$out/ferry-16.png" "$out/ferry-32.png" \
    "$out/ferry-48.png" "$out/ferry-128.png" "$out/ferry-256.png" "$out/ferry-512.png" >/dev/null
fi
echo "Rendered $out/ferry-*.png, the window icons in $res, packaging/windows/ferry.ico, packaging/macos/ferry.icns"
