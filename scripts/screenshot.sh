#!/usr/bin/env bash
# Takes a screenshot of Ferry's main window, for the README and for looking at the GUI on a
# machine with no display:
#
#   scripts/screenshot.sh OUT.png [delay-seconds] [-- extra app args]
#
# Runs `java -jar target/ferry.jar` (build it first: ./mvnw -B -q -DskipTests package) on a
# private Xvfb display with the real GTK glass and software rendering, waits for the window to
# be mapped and for its pixels to stop changing, waits `delay` more seconds (default 0; for
# animations), saves the window alone (no desktop, no decorations: there is no window manager)
# and stops the app and the display. Note that today any app argument makes Ferry run its
# command line instead of the window.
#
# Needs (Debian): xvfb xauth imagemagick xdotool libgtk-3-0 libxtst6 libxxf86vm1 libgl1
# fonts-dejavu-core, and a JDK 25 in JAVA_HOME (or first on PATH).
# Environment: FERRY_JAVA_OPTS adds JVM options; SCREEN sets Xvfb's screen (1280x1024x24).
set -euo pipefail

usage() { echo "usage: scripts/screenshot.sh OUT.png [delay-seconds] [-- extra app args]" >&2; exit 2; }

WINDOW_TIMEOUT=30   # seconds to wait for the window to appear
SETTLE_TIMEOUT=10   # seconds to wait for its pixels to stop changing

if [[ -z "${FERRY_SCREENSHOT_DISPLAY_READY:-}" ]]; then
  # Re-run this script inside xvfb-run, which picks a free display (-a), waits until the
  # server is up and stops it when the script ends.
  [[ $# -ge 1 && "$1" != -* ]] || usage
  command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb xauth)" >&2; exit 1; }
  export FERRY_SCREENSHOT_DISPLAY_READY=1
  exec xvfb-run -a -s "-screen 0 ${SCREEN:-1280x1024x24} -nolisten tcp" "$0" "$@"
fi

out="$1"; shift
delay=0
if [[ $# -gt 0 && "$1" != "--" ]]; then delay="$1"; shift; fi
if [[ $# -gt 0 ]]; then [[ "$1" == "--" ]] || usage; shift; fi
[[ "$delay" =~ ^[0-9]+([.][0-9]+)?$ ]] || usage

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/ferry.jar"
[[ -f "$jar" ]] || { echo "No $jar: run ./mvnw -B -q -DskipTests package first" >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for tool in xdotool import identify; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install xdotool imagemagick)" >&2; exit 1; }
done

work="$(mktemp -d)"
log="$work/app.log"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086  # FERRY_JAVA_OPTS is a list of options
"$java" -Dprism.order=sw ${FERRY_JAVA_OPTS:-} -jar "$jar" "$@" >"$log" 2>&1 &
app_pid=$!
started=$(date +%s%N)

# The window: a visible top-level window of our process whose title starts with "Ferry".
window=""
deadline=$(( $(date +%s) + WINDOW_TIMEOUT ))
while [[ -z "$window" ]]; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "Ferry exited before showing a window; its output:" >&2; cat "$log" >&2; exit 1
  fi
  if (( $(date +%s) >= deadline )); then
    echo "No Ferry window after ${WINDOW_TIMEOUT}s; app output:" >&2; cat "$log" >&2; exit 1
  fi
  window="$(xdotool search --all --onlyvisible --pid "$app_pid" --name '^Ferry' 2>/dev/null | head -n 1 || true)"
  [[ -n "$window" ]] || sleep 0.1
done
shown_ms=$(( ($(date +%s%N) - started) / 1000000 ))

# A mapped window may not be painted yet: grab until two grabs in a row have the same pixels
# (ImageMagick's %# is a hash of the pixel data) and more than one colour.
previous=""
deadline=$(( $(date +%s) + SETTLE_TIMEOUT ))
while :; do
  import -window "$window" "$work/shot.png"
  hash="$(identify -format '%#:%k' "$work/shot.png")"
  if [[ "$hash" == "$previous" && "${hash##*:}" -gt 1 ]]; then break; fi
  if (( $(date +%s) >= deadline )); then
    echo "The window kept changing for ${SETTLE_TIMEOUT}s; saving the last frame" >&2; break
  fi
  previous="$hash"
  sleep 0.2
done

if [[ "$delay" != 0 ]]; then
  sleep "$delay"
  import -window "$window" "$work/shot.png"
fi

mkdir -p "$(dirname "$out")"
mv "$work/shot.png" "$out"
echo "$out: $(identify -format '%wx%h' "$out"), window shown after ${shown_ms} ms"
