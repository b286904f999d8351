#!/usr/bin/env bash
# Takes the README's picture of a download a browser handed to Ferry, through the real path:
#   assets/screenshots/browser-handoff-light-en.png
# The scene is set up by the test class app.ferry.browser.CapturedDownloadDemo: a Ferry window
# on the GTK glass, headless Chromium with the unpacked extension and the real host, and a local
# file host whose page sets a session cookie; "Download with Ferry" sends two of its links and
# the running one is selected, so the details pane shows the page it came from.
# Needs what scripts/screenshot.sh needs plus chromium and chromium-driver.
# Usage: scripts/browser-screenshot.sh [delay-seconds after the hand-off, default 9]
# Environment: FERRY_SHOTS_DISPLAY picks the Xvfb display number (default 91).
set -euo pipefail
cd "$(dirname "$0")/.."
delay="${1:-9}"
display=":${FERRY_SHOTS_DISPLAY:-91}"
out=assets/screenshots/browser-handoff-light-en.png

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="$PWD/target/classes:$PWD/target/test-classes:$(cat target/test-classpath.txt)"

work="$(mktemp -d /tmp/ferry-demo.XXXX)"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
pid=""
cleanup() {
  [[ -z "$pid" ]] || { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
export DISPLAY="$display"

"$java" -Dprism.order=sw -Dprism.lcdtext=false -Dferry.demo.dir="$work" -cp "$cp" \
  app.ferry.browser.CapturedDownloadDemo >"$work/demo.log" 2>&1 &
pid=$!
window=""
for _ in $(seq 300); do
  window="$(xdotool search --all --onlyvisible --pid "$pid" --name '^Ferry$' 2>/dev/null | head -n 1 || true)"
  [[ -n "$window" ]] && break
  sleep 0.1
done
[[ -n "$window" ]] || { echo "no Ferry window:"; cat "$work/demo.log"; exit 1; }
for _ in $(seq 1200); do
  grep -qx ready "$work/demo.log" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
grep -qx ready "$work/demo.log" || { echo "the browser's hand-off did not arrive:"; cat "$work/demo.log"; exit 1; }
sleep "$delay"  # a few seconds of progress and speed
kill -0 "$pid" 2>/dev/null || { echo "the demo ended early:"; cat "$work/demo.log"; exit 1; }
mkdir -p assets/screenshots
import -window "$window" "$out"
echo "$out: $(identify -format '%wx%h' "$out")"
