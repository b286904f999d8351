#!/usr/bin/env bash
# Builds Ferry's native bundles with jpackage: packaging/package.sh [app-image|deb|all]
#   app-image  packaging/out/Ferry/         (bin/Ferry, the window's launcher, bin/ferry, the
#              command line's, bin/ferry-host, the browsers' native-messaging host, + app jars
#              + a Java runtime + lib/app/ferry.aot and ferry-cli.aot,
#              their AOT caches, each trained by one download from a local server)
#   deb        packaging/out/ferry_<version>_amd64.deb  (installs to /opt/ferry and links
#              /usr/bin/ferry; needs fakeroot), built from the app-image, which it builds first
#   all        both (the default; the same as deb)
# The jpackage options live in the args files beside this script; this script only adds what
# changes per build (type, input, output, version).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"   # args files use paths relative to the repository root

what="${1:-all}"
case "$what" in
  app-image|deb|all) ;;
  *) echo "usage: packaging/package.sh [app-image|deb|all]" >&2; exit 2 ;;
esac

if [[ -z "${JAVA_HOME:-}" ]]; then
  echo "JAVA_HOME is not set: point it at a JDK 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)" >&2
  exit 1
fi
jpackage="$JAVA_HOME/bin/jpackage"
[[ -x "$jpackage" ]] || { echo "No jpackage in $JAVA_HOME/bin: JAVA_HOME must be a full JDK 25" >&2; exit 1; }

case "$(uname -s)" in
  Linux) os_args=(@packaging/linux/jpackage-linux.args); image_args=(@packaging/linux/jpackage-linux-image.args) ;;
  *) echo "package.sh runs on Linux only so far; see packaging/README.md for Windows and macOS" >&2; exit 1 ;;
esac

if [[ "$what" != app-image ]] && ! command -v fakeroot >/dev/null; then
  echo "jpackage --type deb needs fakeroot (apt-get install fakeroot)" >&2
  exit 1
fi

out="packaging/out"
stage="$out/input"
resources="$out/linux-resources"

elapsed() { echo $(( $(date +%s) - $1 ))s; }

t0=$(date +%s)
# The AOT cache records the modification time of every jar on the class path and is ignored if one
# differs. jpackage copies the app-image into the .deb without keeping timestamps, so the
# app-image's files are set to this time before training, and dpkg-deb clamps every file of the
# .deb to it (SOURCE_DATE_EPOCH): the installed jars then carry the trained timestamps.
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || true)}"
epoch="${epoch:-$(date +%s)}"
# dpkg-deb only lowers times to it: a commit time ahead of this clock would not be one.
(( epoch <= $(date +%s) )) || epoch=$(date +%s)
./mvnw -B -q -DskipTests package
echo "jar built in $(elapsed "$t0")"

# jpackage versions are numbers only (macOS and Windows insist): 0.1.0-SNAPSHOT -> 0.1.0.
version="$(sed -n 's/^version=//p' target/classes/app/ferry/version.properties)"
app_version="${version%%[!0-9.]*}"
[[ -n "$app_version" ]] || { echo "Cannot read a numeric version from '$version'" >&2; exit 1; }

# Stage the jar and its libraries. The Maven dependency plugin also copies the platform-less
# javafx-*.jar (no classifier): they are empty stand-ins for the -linux ones, so leave them out.
rm -rf "$stage"
mkdir -p "$stage/lib"
cp target/ferry.jar "$stage/"
for jar in target/lib/*.jar; do
  name="$(basename "$jar")"
  if [[ "$name" =~ ^javafx-[a-z]+-[0-9][0-9.]*\.jar$ ]]; then continue; fi
  cp "$jar" "$stage/lib/"
done

build_app_image() {
  local t
  t=$(date +%s)
  rm -rf "$out/Ferry"
  "$jpackage" --type app-image --input "$stage" --dest "$out" --app-version "$app_version" \
    @packaging/jpackage-metadata.args @packaging/jpackage-common.args @packaging/jpackage-aot.args \
    "${os_args[@]}" "${image_args[@]}"
  # Of the runtime's commands (kept by --jlink-options, see jpackage-common.args) only java runs.
  find "$out/Ferry/lib/runtime/bin" -mindepth 1 ! -name java -delete
  echo "app-image $out/Ferry: $(du -sh "$out/Ferry" | cut -f1) in $(elapsed "$t")"
  train_aot_cache Ferry ferry.aot
  train_aot_cache ferry ferry-cli.aot
  script_launcher ferry
  check_aot_cache "$out/Ferry" ferry
  script_launcher ferry-host
}

# script_launcher NAME: replaces jpackage's native bin/NAME with a POSIX shell script that starts
# the runtime's bin/java with what lib/app/NAME.cfg says (class path, main class, JVM options).
# jpackage's Linux launcher runs `rpm -qf` and `dpkg -S` on itself before it loads the JVM, to
# learn whether a package installed it (LinuxPackage.c): 0.4-0.6 s of every `ferry` command and
# of every message a browser sends its host, against 0.09 s for a whole `java -version`
# (packaging/README.md, "Launchers"). The window keeps jpackage's launcher: it starts once.
# The script is written at build time, so it reads no file when it runs; $APPDIR, which the
# native launcher fills in, becomes the install's lib/app, found through /usr/bin's link.
script_launcher() {
  local name="$1" cfg="$out/Ferry/lib/app/$1.cfg" main classpath options
  main="$(sed -n 's/^app.mainclass=//p' "$cfg")"
  classpath="$(sed -n 's/^app.classpath=//p' "$cfg" | paste -sd:)"
  # One option per line; an added launcher's properties file gives them on one line.
  options="$(sed -n 's/^java-options=//p' "$cfg" | tr ' ' '\n' | sed '/^$/d' | sed 's/.*/"&"/' | paste -sd' ')"
  [[ -n "$main" && -n "$classpath" && -x "$out/Ferry/lib/runtime/bin/java" ]] \
    || { echo "cannot write bin/$name: $cfg or lib/runtime/bin/java is missing" >&2; exit 1; }
  cat >"$out/Ferry/bin/$name" <<SCRIPT
#!/bin/sh
# Ferry's $name launcher, written by packaging/package.sh from lib/app/$name.cfg: a script, not
# jpackage's launcher, which asks dpkg and rpm about itself (0.4-0.6 s) before every start.
self=\$(readlink -f "\$0") || { echo "$name: cannot find where it is installed (readlink -f \$0)" >&2; exit 1; }
# jpackage's launcher ignored JDK_JAVA_OPTIONS; java reads it (and would say so on every run).
unset JDK_JAVA_OPTIONS
bin=\${self%/*}
APPDIR=\${bin%/*}/lib/app
exec "\$APPDIR/../runtime/bin/java" $options -Djpackage.app-path="\$self" \\
  -cp "$classpath" $main "\$@"
SCRIPT
  chmod 755 "$out/Ferry/bin/$name"
  sh -n "$out/Ferry/bin/$name" || { echo "bin/$name is not a valid shell script" >&2; exit 1; }
  touch -h -d "@$epoch" "$out/Ferry/bin/$name"
}

# Training state, cleaned up on exit whatever happens.
train_dir=""
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -f "$out/Ferry/bin/"*Training "$out/Ferry/lib/app/"*Training.cfg
  if [[ -n "$train_dir" ]]; then rm -rf "$train_dir"; fi
}
trap cleanup EXIT

# The launcher's JVM, with extra options from _JAVA_OPTIONS (read by the JVM after the launcher's
# own options, so they win; the jpackage launcher ignores JDK_JAVA_OPTIONS) and none from the
# caller's environment.
launcher_jvm() {
  local options="$1"; shift
  env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS _JAVA_OPTIONS="$options" "$@"
}

# train_aot_cache LAUNCHER CACHE: trains lib/app/CACHE (the -XX:AOTCache of LAUNCHER's cfg: Ferry
# has ferry.aot through jpackage-aot.args, ferry has ferry-cli.aot through its properties file)
# with one `get` from packaging/TrainingServer.java, then checks that the launcher uses it. The get
# runs what users run: a 4-connection download of 16 MiB and, 8 at a time beside it, a list of 200
# small files (`-i`). Trained on the big file alone, a list's first run loaded ~100 classes from
# the jar (the list reader, the journal's batches, Jackson's annotation proxies) and ran their code
# interpreted: 1000 x 100 KiB took ~4% more time. Each launcher trains its own, because a cache is made for one set of JVM
# options (the collector, C1 only or not).
# This takes JEP 483's two steps, both through jpackage's launcher itself (same runtime, class path
# and options as a user's run): record a configuration, then create the cache. (The one-step
# -XX:AOTCacheOutput would need the runtime's bin/java, which jpackage strips by default; it is kept
# now for script_launcher, which swaps in a script only after this training.)
# Recording refuses -XX:AOTCache, which the cfg sets: it runs a copy of the launcher,
# bin/LAUNCHERTraining, which reads lib/app/LAUNCHERTraining.cfg, a copy of the cfg without it.
train_aot_cache() {
  local launcher="$1" cache="$2" app="$out/Ferry" t port url i
  local trainer="${launcher}Training"
  t=$(date +%s)
  train_dir="$(mktemp -d "${TMPDIR:-/tmp}/ferry-aot.XXXXXX")"
  find "$app" -exec touch -h -d "@$epoch" {} +

  "$JAVA_HOME/bin/java" packaging/TrainingServer.java $((16 << 20)) >"$train_dir/port" 2>"$train_dir/server.log" &
  server_pid=$!
  for ((i = 0; i < 600; i++)); do
    [[ -s "$train_dir/port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  port="$(head -n 1 "$train_dir/port")"
  [[ "$port" =~ ^[0-9]+$ ]] || { echo "The training server did not start:" >&2; cat "$train_dir/server.log" >&2; exit 1; }
  url="http://127.0.0.1:$port/training.bin"
  echo "$url" >"$train_dir/list"
  for ((i = 0; i < 200; i++)); do echo "http://127.0.0.1:$port/small/f$i"; done >>"$train_dir/list"

  grep -q -- "-XX:AOTCache=\$APPDIR/$cache" "$app/lib/app/$launcher.cfg" \
    || { echo "$app/lib/app/$launcher.cfg does not name the AOT cache $cache" >&2; exit 1; }
  cp -p "$app/bin/$launcher" "$app/bin/$trainer"
  # The properties file of an added launcher gives all its options on one line: drop the option.
  sed -e '/^java-options=-XX:AOTCache=/d' -e 's/ *-XX:AOTCache=[^ ]*//' "$app/lib/app/$launcher.cfg" >"$app/lib/app/$trainer.cfg"
  if ! launcher_jvm "-XX:AOTMode=record -XX:AOTConfiguration=$train_dir/ferry.aotconf" \
      "$app/bin/$trainer" get -x 4 --parallel 8 --dir "$train_dir/files" --state "$train_dir/state" -i "$train_dir/list" \
      >"$train_dir/record.log" 2>&1; then
    echo "The AOT training run of $launcher failed:" >&2; cat "$train_dir/record.log" >&2; exit 1
  fi
  rm -f "$app/bin/$trainer" "$app/lib/app/$trainer.cfg"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  if ! launcher_jvm "-XX:AOTMode=create -XX:AOTConfiguration=$train_dir/ferry.aotconf" "$app/bin/$launcher" \
      >"$train_dir/create.log" 2>&1; then
    echo "Creating the AOT cache of $launcher failed:" >&2; cat "$train_dir/create.log" >&2; exit 1
  fi

  check_aot_cache "$app" "$launcher"
  rm -rf "$train_dir"; train_dir=""
  echo "AOT cache $app/lib/app/$cache: $(du -h "$app/lib/app/$cache" | cut -f1), trained and used by bin/$launcher, in $(elapsed "$t")"
}

# check_aot_cache DIR LAUNCHER: fails unless DIR/bin/LAUNCHER uses its AOT cache. A cache the JVM
# maps and validates logs "Using AOT-linked classes: true"; a missing or stale one logs [error][aot]
# lines instead (shown here, silenced for users by -Xlog:aot=off in the launcher's options).
check_aot_cache() {
  local dir="$1" launcher="$2" log
  log="$(launcher_jvm "-Xlog:aot -Xlog:cds" "$dir/bin/$launcher" --version 2>&1)" \
    || { echo "$log" >&2; echo "$dir/bin/$launcher --version failed" >&2; exit 1; }
  if ! grep -q 'Using AOT-linked classes: true' <<<"$log" || grep -q '\[error' <<<"$log"; then
    grep -v '\[info' <<<"$log" >&2
    echo "$dir/bin/$launcher does not use its AOT cache" >&2
    exit 1
  fi
}

# write_browser_manifests DIR: the system-wide native-messaging host manifests, one per browser,
# naming the installed /opt/ferry/bin/ferry-host, written by Ferry itself (`ferry browser
# manifest`, the same code as `ferry browser install`) into DIR/lib/native-messaging/. jpackage
# installs only under /opt/ferry: linux/postinst copies them where each browser looks
# (/etc/chromium/native-messaging-hosts, /etc/opt/chrome/native-messaging-hosts,
# /usr/lib/mozilla/native-messaging-hosts) and linux/prerm removes them.
write_browser_manifests() {
  local dir="$1/lib/native-messaging" browser
  rm -rf "$dir"
  mkdir -p "$dir"
  for browser in chromium chrome firefox; do
    launcher_jvm "" "$1/bin/ferry" browser manifest --browser="$browser" --host=/opt/ferry/bin/ferry-host \
      >"$dir/$browser.json" || { echo "ferry browser manifest --browser=$browser failed" >&2; exit 1; }
  done
  echo "browser host manifests: $(ls "$dir" | tr '\n' ' ')"
}

build_deb() {
  local t deb
  t=$(date +%s)
  # jpackage looks for <launcher name>.desktop in --resource-dir: linux/ferry.desktop is the
  # window's entry (Ferry), linux/ferry-cli.desktop the hidden one of the command line (ferry).
  # postinst and prerm replace its maintainer scripts (see the comment at their top).
  rm -rf "$resources"
  mkdir -p "$resources"
  cp packaging/linux/ferry.desktop "$resources/Ferry.desktop"
  cp packaging/linux/ferry-cli.desktop "$resources/ferry.desktop"
  cp packaging/linux/ferry-host.desktop "$resources/ferry-host.desktop"
  cp packaging/linux/postinst packaging/linux/prerm "$resources/"
  write_browser_manifests "$out/Ferry"
  rm -f "$out"/ferry_*.deb
  # From the trained app-image, so that the .deb holds its AOT cache; SOURCE_DATE_EPOCH: see $epoch.
  SOURCE_DATE_EPOCH="$epoch" "$jpackage" --type deb --app-image "$out/Ferry" --dest "$out" \
    --app-version "$app_version" --resource-dir "$resources" \
    @packaging/jpackage-metadata.args "${os_args[@]}" @packaging/linux/jpackage-linux-package.args
  deb="$(ls "$out"/ferry_*.deb)"
  echo "deb $deb: $(du -h "$deb" | cut -f1) in $(elapsed "$t")"
  # The installed files must keep the trained timestamps: unpack the .deb (as dpkg would, with
  # the archive's timestamps) and check that its launcher uses its cache.
  t=$(date +%s)
  train_dir="$(mktemp -d "${TMPDIR:-/tmp}/ferry-deb.XXXXXX")"
  dpkg-deb -x "$deb" "$train_dir"
  check_aot_cache "$train_dir/opt/ferry" Ferry
  check_aot_cache "$train_dir/opt/ferry" ferry
  [[ -x "$train_dir/opt/ferry/bin/ferry-host" ]] || { echo "the .deb has no bin/ferry-host" >&2; exit 1; }
  for browser in chromium chrome firefox; do
    grep -q '"path" *: *"/opt/ferry/bin/ferry-host"' "$train_dir/opt/ferry/lib/native-messaging/$browser.json" \
      || { echo "the .deb's $browser host manifest does not name /opt/ferry/bin/ferry-host" >&2; exit 1; }
  done
  rm -rf "$train_dir"; train_dir=""
  echo "deb: unpacked launchers use their AOT caches (checked in $(elapsed "$t"))"
}

case "$what" in
  app-image) build_app_image ;;
  deb|all) build_app_image; build_deb ;;
esac
echo "done in $(elapsed "$t0")"
