#!/usr/bin/env bash
# Screenshots of the window when things go wrong (issue 14), from the real app under Xvfb: a
# pasted list with rejected lines, a 404, an upload refused with an HTML error page, a refused
# password's prompt; in both themes and both languages, at 1440x900 and 800x500. The scene is
# ScreenshotDemo's "failures". Output: assets/screenshots/failures-<theme>-<lang>-<size>.png
# Usage: scripts/gui-failure-screenshots.sh [delay-seconds, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
delay="${1:-8}"

if [[ -z "${FERRY_SHOTS_DISPLAY_READY:-}" ]]; then
  export FERRY_SHOTS_DISPLAY_READY=1
  exec xvfb-run -a -s "-screen 0 1440x900x24 -nolisten tcp" "$0" "$@"
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
mkdir -p assets/screenshots

for theme in light dark; do
  for lang in en zh-CN; do
    for size in 1440x900 800x500; do
      out="assets/screenshots/failures-$theme-$lang-$size.png"
      log="$(mktemp)"
      "$java" -Dprism.order=sw -Dprism.lcdtext=false -Dferry.demo.theme="$theme" -Dferry.demo.language="$lang" \
        -Dferry.demo.size="$size" -cp "$cp" app.ferry.ui.ScreenshotDemo failures >"$log" 2>&1 &
      pid=$!
      sleep "$delay"
      # The whole screen: the prompt is a window of its own, over the main one.
      import -window root -crop "${size}+0+0" "$out"
      kill "$pid"; wait "$pid" 2>/dev/null || true
      echo "$out: $(identify -format '%wx%h' "$out")"
    done
  done
done
