#!/usr/bin/env bash
# Takes the README's two GUI screenshots from the real app under Xvfb, with the GTK glass:
#   assets/gui-busy-light.png      a busy table (downloads and uploads running), light theme
#   assets/gui-upload-dark.png     the upload dialog for three dropped files, dark theme
#   assets/gui-sidebar-dark-zh.png the sidebar, a search and the speed graph, dark theme, 简体中文
# (and, for looking at only, assets/screenshots/sidebar-*.png: both themes in both languages)
# The scenes are set up by the test class app.ferry.ui.ScreenshotDemo against the local test
# server, in temporary folders. Needs what scripts/screenshot.sh needs, plus fonts-noto-cjk for
# the Chinese file name. Usage: scripts/gui-screenshots.sh [delay-seconds, default 6]
set -euo pipefail
cd "$(dirname "$0")/.."
delay="${1:-6}"

if [[ -z "${FERRY_SHOTS_DISPLAY_READY:-}" ]]; then
  export FERRY_SHOTS_DISPLAY_READY=1
  exec xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" "$0" "$@"
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
mkdir -p assets

shoot() { # scene window-name-regex output [java -D options…]
  local log; log="$(mktemp)"
  local scene="$1" name="$2" out="$3"; shift 3
  set -- "$scene" "$name" "$out" "$@"
  "$java" "${@:4}" -Dprism.order=sw -Dprism.lcdtext=false -cp "$cp" app.ferry.ui.ScreenshotDemo "$1" >"$log" 2>&1 &
  local pid=$! window=""
  for _ in $(seq 300); do
    window="$(xdotool search --all --onlyvisible --pid "$pid" --name "$2" 2>/dev/null | head -n 1 || true)"
    [[ -n "$window" ]] && break
    sleep 0.1
  done
  [[ -n "$window" ]] || { echo "no window for $1:"; cat "$log"; kill "$pid"; return 1; }
  sleep "$delay"
  import -window "$window" "$3"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$3: $(identify -format '%wx%h' "$3")"
}

# (the busy and upload shots as before; set FERRY_SHOTS_ONLY_SIDEBAR=1 to skip them)
[[ -n "${FERRY_SHOTS_ONLY_SIDEBAR:-}" ]] || shoot busy '^Ferry$' assets/gui-busy-light.png
[[ -n "${FERRY_SHOTS_ONLY_SIDEBAR:-}" ]] || shoot upload-dialog '^Upload files$' assets/gui-upload-dark.png
mkdir -p assets/screenshots
for theme in light dark; do
  for lang in en zh-CN; do
    shoot busy '^Ferry$' "assets/screenshots/sidebar-$theme-$lang.png" -Dferry.demo.theme="$theme" \
      -Dferry.demo.language="$lang" -Dferry.demo.search=.iso
  done
done
cp assets/screenshots/sidebar-dark-zh-CN.png assets/gui-sidebar-dark-zh.png
