#!/usr/bin/env bash
# Screenshots of the window's layout (issue 14, item 4) from the real app under Xvfb: the busy
# scene (ScreenshotDemo) at 1440x900 and 800x500, light and dark, English and 简体中文, and the
# dialogs over it (quit, Add URLs, settings, upload). Needs fonts-wqy-microhei (or fonts-noto-cjk).
# Output: assets/screenshots/window-<theme>-<lang>-<size>.png, dialog-<name>-<theme>-<lang>.png
# Usage: scripts/gui-layout-screenshots.sh [settle-seconds, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
settle="${1:-10}"

if [[ -z "${FERRY_SHOTS_DISPLAY_READY:-}" ]]; then
  export FERRY_SHOTS_DISPLAY_READY=1
  exec xvfb-run -a -s "-screen 0 1440x900x24 -nolisten tcp" "$0" "$@"
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
mkdir -p assets/screenshots

shoot() { # scene theme lang size open output
  local log; log="$(mktemp)"
  "$java" -Dprism.order=sw -Dprism.lcdtext=false -Dferry.demo.theme="$2" -Dferry.demo.language="$3" \
    -Dferry.demo.size="$4" -Dferry.demo.open="$5" -cp "$cp" app.ferry.ui.ScreenshotDemo "$1" >"$log" 2>&1 &
  local pid=$! window=""
  for _ in $(seq 900); do
    window="$(xdotool search --all --onlyvisible --pid "$pid" --name '^Ferry$' 2>/dev/null | head -n 1 || true)"
    [[ -n "$window" ]] && break
    sleep 0.2
  done
  [[ -n "$window" ]] || { echo "no window for $1:"; cat "$log"; kill "$pid"; return 1; }
  sleep "$settle"
  # The whole screen at the window's size: dialogs are windows of their own, over the main one.
  import -window root -crop "${4}+0+0" +repage "$6"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$6: $(identify -format '%wx%h' "$6")"
}

for theme in light dark; do
  for lang in en zh-CN; do
    for size in 1440x900 800x500; do
      shoot busy "$theme" "$lang" "$size" "" "assets/screenshots/window-$theme-$lang-$size.png"
    done
  done
done
for dialog in quit add-urls settings; do
  shoot busy light zh-CN 1440x900 "$dialog" "assets/screenshots/dialog-$dialog-light-zh-CN.png"
done
shoot upload-dialog dark zh-CN 1440x900 "" assets/screenshots/dialog-upload-dark-zh-CN.png
