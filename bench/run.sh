#!/usr/bin/env bash
# Ferry next to curl, wget and aria2 on loopback: downloads from nginx, uploads to a discard
# server, several runs per case, one table of medians. Debian 12; installs what it lacks.
#
#   bench/run.sh                       # every case, 3 runs each
#   RUNS=5 CASES="D1 D2" bench/run.sh  # a subset, 5 runs each
#   SHORT_RUNS=9 CASES=U1 bench/run.sh # runs of the cases that take a second or two (D1, D3, U1, U2)
#   FERRY_BASELINE=64b2b4e FERRY_VARIANT_CASES="D1 U1" CASES="D1 U1" bench/run.sh
#       also measures the code of another revision (rows "ferry … [base-64b2b4e]"), with the
#       installed launcher's runtime, JVM options and an AOT cache of its own: an A/B of a change
#   FERRY_VARIANTS="g1=-XX:+UseG1GC -Xmx64m|c2=-XX:+UseSerialGC -Xmx64m" bench/run.sh
#       also measures launchers with other JVM options (rows "ferry … [g1]"), each with an AOT
#       cache of its own, next to the installed one; a variant named *noaot* gets no cache
#
# Ferry is measured as a user runs it: the `ferry` launcher of the app-image that
# `packaging/package.sh app-image` builds (the .deb installs the same files), with its own JVM
# options and AOT cache; the GUI case (M2) runs the window's launcher, bin/Ferry.
#
# Writes bench/results/YYYY-MM-DD.md (YYYY-MM-DD-D1-U1.md for a subset). Loopback only; removes its files and stops its servers on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=${RUNS:-3}
# D1, D3, U1 and U2 take a second or two, and one run slowed by this noisy VM moves a median of
# three (D1 has measured 1.04 to 2.10 s for Ferry in one script): they run more often, at little cost.
SHORT_RUNS=${SHORT_RUNS:-$((RUNS > 5 ? RUNS : 5))}
CASES=${CASES:-"D1 D2 D3 D4 U1 U2 M1 M2 G1"}
D2_SIZE_MIB=${D2_SIZE_MIB:-1024}
FERRY_VARIANTS=${FERRY_VARIANTS:-}
# The cases the variants run in (M1's 4 GiB runs are long).
FERRY_VARIANT_CASES=${FERRY_VARIANT_CASES:-"D1 D3"}

# --- tools ---------------------------------------------------------------------------------
need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v curl >/dev/null || need+=(curl)
command -v aria2c >/dev/null || need+=(aria2)
command -v wget >/dev/null || need+=(wget)
[ -x /usr/bin/time ] || need+=(time)
if ((${#need[@]})); then
  echo "Installing: ${need[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${need[@]}"
  # Debian starts the packaged nginx on port 80; this script runs its own.
  "${sudo_cmd[@]}" systemctl disable --now nginx 2>/dev/null || true
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      break
    fi
  done
  [ -n "$JAVA_HOME" ] || { echo "No JDK 25 found under /usr/lib/jvm" >&2; exit 1; }
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

echo "Building the app-image (packaging/package.sh app-image)..."
package_log=$(mktemp "${TMPDIR:-/tmp}/ferry-bench-package.XXXXXX")
packaging/package.sh app-image >"$package_log" 2>&1 \
  || { tail -20 "$package_log" >&2; exit 1; }
rm -f "$package_log"

# --- workspace and servers -----------------------------------------------------------------
WORK=$(mktemp -d /tmp/ferry-bench.XXXXXX)
chmod 755 "$WORK"
# A copy (with its timestamps, which the AOT caches check) that the variants can add launchers to.
cp -a packaging/out/Ferry "$WORK/Ferry"
APP="$WORK/Ferry"
NGINX_PID=""
DISCARD_PID=""
XVFB_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$DISCARD_PID" ] && kill "$DISCARD_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pick_port() {
  local p
  for p in $(seq "$1" $(($1 + 100))); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port near $1" >&2; exit 1
}

WWW="$WORK/www"
mkdir -p "$WWW/many" "$WORK/out"
has_case() { [[ " $CASES " == *" $1 "* ]]; }

echo "Generating test files in $WORK..."
if has_case D1 || has_case M1 || has_case U1 || has_case U2; then
  head -c 1G /dev/urandom > "$WWW/1g.bin"
fi
if has_case D2; then
  head -c "$((D2_SIZE_MIB))M" /dev/urandom > "$WWW/d2.bin"
fi
if has_case M1; then
  head -c 4G /dev/urandom > "$WWW/4g.bin"
fi
head -c 16M /dev/urandom > "$WWW/train.bin"
if has_case D3; then
  head -c $((1000 * 102400)) /dev/urandom | split -b 102400 -a 4 -d - "$WWW/many/f"
fi
if has_case D4 || has_case M2; then
  mkdir -p "$WWW/list"
  head -c $((10000 * 1024)) /dev/urandom | split -b 1024 -a 5 -d - "$WWW/list/s"
fi
chmod -R a+rX "$WWW"

PORT=$(pick_port 18080)
LIMITED_PORT=$(pick_port $((PORT + 1)))
UPLOAD_PORT=$(pick_port $((LIMITED_PORT + 1)))
cat > "$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000;
  default_type application/octet-stream;
  client_body_temp_path $WORK/nginx-tmp;
  proxy_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp;
  scgi_temp_path $WORK/nginx-tmp;
  server { listen 127.0.0.1:$PORT; root $WWW; }
  server { listen 127.0.0.1:$LIMITED_PORT; root $WWW; limit_rate 20m; }
}
EOF
mkdir -p "$WORK/nginx-tmp"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" &
NGINX_PID=$!
"$JAVA" -Xmx64m bench/DiscardServer.java "$UPLOAD_PORT" &
DISCARD_PID=$!
for _ in $(seq 100); do
  (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/"$UPLOAD_PORT") 2>/dev/null && break
  sleep 0.1
done
BASE="http://127.0.0.1:$PORT"
LIMITED="http://127.0.0.1:$LIMITED_PORT"
UPLOAD="http://127.0.0.1:$UPLOAD_PORT"

# --- measuring -----------------------------------------------------------------------------
RAW="$WORK/raw.tsv"
FAILED=""
: > "$RAW"
# The launcher measured: the app-image's bin/ferry, with a fresh state directory per run.
make_wrapper() { # make_wrapper NAME LAUNCHER: $WORK/NAME runs LAUNCHER with this run's state
  printf '#!/bin/sh\nexec "%s" "$@" --state "%s"\n' "$2" "$WORK/state" > "$WORK/$1"
  chmod +x "$WORK/$1"
}
make_wrapper ferry "$APP/bin/ferry"
ferry="$WORK/ferry"
# The installed launcher's JVM options (its lib/app/ferry.cfg), for the reference rows of D3.
CLI_OPTIONS=$(sed -n 's/^java-options=//p' "$APP/lib/app/ferry.cfg" | grep -v -e '^-Djpackage' -e AOTCache -e '^-Xlog' -e '^-Dferry.window' | tr '\n' ' ')
echo "ferry's JVM options: $CLI_OPTIONS (and its AOT cache)"

# bare_client NAME LIST MODE: sets bare=(the command that runs bench/BareHttpClient.java), the JDK's HTTP
# client with none of Ferry's work, with the ferry launcher's JVM options (on the full JDK) and an
# AOT cache of its own, trained by fetching LIST in MODE (files or drop). Reference rows, never anchors.
bare_client() {
  if [ ! -f "$WORK/bare.jar" ]; then
    mkdir -p "$WORK/bare"
    "$JAVA_HOME/bin/javac" -d "$WORK/bare" bench/BareHttpClient.java
    "$JAVA_HOME/bin/jar" cf "$WORK/bare.jar" -C "$WORK/bare" .
  fi
  read -r -a bare <<< "$JAVA $CLI_OPTIONS"
  bare+=(-cp "$WORK/bare.jar")
  mkdir -p "$WORK/bare-out"
  "${bare[@]}" -XX:AOTCacheOutput="$WORK/bare-$1.aot" BareHttpClient "$2" "$WORK/bare-out" "$3" \
    >"$WORK/bare-train.log" 2>&1 || { cat "$WORK/bare-train.log" >&2; exit 1; }
  rm -rf "$WORK/bare-out"
  bare+=(-XX:AOTCache="$WORK/bare-$1.aot")
}

# Variants: bin/ferry-NAME with lib/app/ferry-NAME.cfg, the installed cfg with other JVM options,
# and an AOT cache trained as packaging/package.sh trains the installed one (record, then create).
VARIANT_NAMES=()
if [ -n "$FERRY_VARIANTS" ]; then
  IFS='|' read -r -a variant_specs <<< "$FERRY_VARIANTS"
  for spec in "${variant_specs[@]}"; do
    name=${spec%%=*}
    options=${spec#*=}
    echo "Variant $name: $options"
    cp -p "$APP/bin/ferry" "$APP/bin/ferry-$name"
    {
      sed '/^\[JavaOptions\]/q' "$APP/lib/app/ferry.cfg"
      for o in $options -Djdk.httpclient.bufsize=262144; do echo "java-options=$o"; done
    } > "$APP/lib/app/ferry-$name.cfg"
    if [[ "$name" != *noaot* ]]; then
      rm -rf "$WORK/train"; mkdir -p "$WORK/train"
      env -u JAVA_TOOL_OPTIONS _JAVA_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$WORK/train/conf" \
        "$APP/bin/ferry-$name" get -x 4 --dir "$WORK/train" --state "$WORK/train/state" "$BASE/train.bin" \
        >"$WORK/train.log" 2>&1 || { cat "$WORK/train.log" >&2; exit 1; }
      printf '%s\n' "java-options=-XX:AOTCache=\$APPDIR/ferry-$name.aot" "java-options=-Xlog:aot=off" "java-options=-Xlog:cds=off" \
        >> "$APP/lib/app/ferry-$name.cfg"
      env -u JAVA_TOOL_OPTIONS _JAVA_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$WORK/train/conf" \
        "$APP/bin/ferry-$name" >"$WORK/train.log" 2>&1 || { cat "$WORK/train.log" >&2; exit 1; }
      env -u JAVA_TOOL_OPTIONS _JAVA_OPTIONS="-Xlog:aot" "$APP/bin/ferry-$name" --version 2>&1 \
        | grep -q 'Using AOT-linked classes: true' || { echo "Variant $name does not use its AOT cache" >&2; exit 1; }
      rm -rf "$WORK/train"
    fi
    make_wrapper "ferry-$name" "$APP/bin/ferry-$name"
    VARIANT_NAMES+=("$name")
  done
fi
# FERRY_BASELINE=REV: an A/B of code on one machine in one run. The jar of git revision REV is
# built in a temporary worktree and run by the installed runtime's java with the installed
# launcher's JVM options and an AOT cache trained the same way (one 4-connection download), as
# the rows "ferry ... [base-REV]" of the variant cases. Both sides start java from a script, so
# the difference is the code's, not the launcher's.
if [ -n "${FERRY_BASELINE:-}" ]; then
  base_name="base-$(git rev-parse --short "$FERRY_BASELINE")"
  echo "Baseline $base_name: building its jar..."
  base_src="$WORK/baseline-src"
  base="$WORK/$base_name"
  git worktree add -q --detach "$base_src" "$FERRY_BASELINE"
  if ! (cd "$base_src" && ./mvnw -B -q -DskipTests package) >"$WORK/baseline.log" 2>&1; then
    tail -20 "$WORK/baseline.log" >&2; git worktree remove --force "$base_src"; exit 1
  fi
  mkdir -p "$base/lib"
  cp "$base_src/target/ferry.jar" "$base/"
  for jar in "$base_src"/target/lib/*.jar; do
    [[ "$(basename "$jar")" =~ ^javafx-[a-z]+-[0-9][0-9.]*\.jar$ ]] || cp "$jar" "$base/lib/"
  done
  git worktree remove --force "$base_src"
  base_cp="$base/ferry.jar$(printf ':%s' "$base"/lib/*.jar)"
  base_java=("$APP/lib/runtime/bin/java" $CLI_OPTIONS)
  rm -rf "$WORK/train"; mkdir -p "$WORK/train"
  "${base_java[@]}" -XX:AOTCacheOutput="$base/ferry.aot" -cp "$base_cp" app.ferry.Main \
    get -x 4 --dir "$WORK/train" --state "$WORK/train/state" "$BASE/train.bin" >"$WORK/train.log" 2>&1 \
    || { cat "$WORK/train.log" >&2; exit 1; }
  rm -rf "$WORK/train"
  printf '#!/bin/sh\nexec %s -XX:AOTCache=%q -Xlog:aot=off -Xlog:cds=off -cp %q app.ferry.Main "$@"\n' \
    "$(printf '%q ' "${base_java[@]}")" "$base/ferry.aot" "$base_cp" > "$base/ferry"
  chmod +x "$base/ferry"
  make_wrapper "ferry-$base_name" "$base/ferry"
  VARIANT_NAMES+=("$base_name")
fi
# ferry_rows CASE UNITS ARGS...: the installed launcher, then each variant, one run each.
ferry_rows() {
  local case=$1 units=$2 label=$3 v
  shift 3
  measure "$case" "ferry $label" "$units" "$ferry" "$@"
  [[ " $FERRY_VARIANT_CASES " == *" $case "* ]] || return 0
  for v in "${VARIANT_NAMES[@]}"; do
    measure "$case" "ferry $label [$v]" "$units" "$WORK/ferry-$v" "$@"
  done
}

# The files the current case reads, read once before every run so that no tool pays for a cold
# page cache: the first tool of a round otherwise did, and that was always Ferry (a 1 GiB get
# with the file dropped from the cache: 2.8 s and 2.2 s of system time, against ~1.5 s warm).
WARM=()

# measure CASE TOOL UNITS COMMAND...: one run; records wall s, CPU s, peak RSS KiB.
measure() {
  local case=$1 tool=$2 units=$3
  shift 3
  rm -rf "$WORK/out" "$WORK/state" && mkdir -p "$WORK/out"
  if ((${#WARM[@]})); then cat "${WARM[@]}" > /dev/null; fi
  sync
  local t="$WORK/time.txt"
  if ! (cd "$WORK/out" && /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" >"$WORK/last.log" 2>&1); then
    echo "  $case $tool failed:" >&2
    tail -5 "$WORK/last.log" >&2
    FAILED="$FAILED $case/$tool"
    return 0
  fi
  local wall user sys rss cpu
  read -r wall user sys rss < <(tail -1 "$t")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$tool" "$units" "$wall" "$cpu" "$rss" >> "$RAW"
  awk -v c="$case" -v t="$tool" -v w="$wall" -v cpu="$cpu" -v r="$rss" \
    'BEGIN { printf "  %-3s %-38s %7.2f s  %6.2f CPU-s  %7.1f MB RSS\n", c, t, w, cpu, r / 1024 }'
  rm -rf "$WORK/out"
}

MIB_1G=1024
# D2 runs first. For a minute or so after this script has written its ~6 GB of test files, this
# VM's kernel copies written data into the page cache slowly (perf: copy_folio_from_iter_atomic at
# 19 % of the samples of a get, against 5 % later, with the other writers of the file spinning on
# its lock), although sync has returned and a 64 MiB fdatasync probe takes its usual 33 ms.
# Measured first, D1 gave Ferry 3.13, 2.07, 1.87, then 1.24 s (1.20 s in M1 later); D2, held to
# 20 MB/s per connection, is not slowed by it and gives the machine that time. Tables list cases
# in name order whatever order they ran in.
if has_case D2; then
  WARM=("$WWW/d2.bin")
  echo "D2: ${D2_SIZE_MIB} MiB from a server that sends 20 MB/s per connection"
  for i in $(seq "$RUNS"); do
    ferry_rows D2 "$D2_SIZE_MIB" "get -x 8" get -x 8 --dir "$WORK/out" "$LIMITED/d2.bin"
    ferry_rows D2 "$D2_SIZE_MIB" "get -x 1" get -x 1 --dir "$WORK/out" "$LIMITED/d2.bin"
    measure D2 "aria2c -x8 -s8" "$D2_SIZE_MIB" aria2c -q -x8 -s8 --file-allocation=none --allow-overwrite=true -d "$WORK/out" "$LIMITED/d2.bin"
    measure D2 "curl -o" "$D2_SIZE_MIB" curl -sS -o "$WORK/out/d2.bin" "$LIMITED/d2.bin"
  done
fi
if has_case D1; then
  WARM=("$WWW/1g.bin")
  echo "D1: 1 GiB download"
  # Reference row, not an anchor: the JDK's HTTP client alone receiving the gigabyte and dropping
  # it, no disk at all: the least any program on java.net.http spends here.
  echo "$BASE/1g.bin" > "$WORK/list-1g.txt"
  bare_client d1 "$WORK/list-1g.txt" drop
  for i in $(seq "$SHORT_RUNS"); do
    ferry_rows D1 $MIB_1G "get" get --dir "$WORK/out" "$BASE/1g.bin"
    measure D1 "java.net.http, body dropped (info)" $MIB_1G "${bare[@]}" BareHttpClient "$WORK/list-1g.txt" "$WORK/out" drop
    measure D1 "curl -o" $MIB_1G curl -sS -o "$WORK/out/1g.bin" "$BASE/1g.bin"
    measure D1 "wget" $MIB_1G wget -q -O "$WORK/out/1g.bin" "$BASE/1g.bin"
    # Not an anchor: Ferry forces every byte to disk before it claims it; curl does not. This row
    # shows what the same bytes cost when they must reach the disk.
    measure D1 "curl -o; sync (info)" $MIB_1G sh -c "curl -sS -o '$WORK/out/1g.bin' '$BASE/1g.bin' && sync"
    measure D1 "aria2c -x4" $MIB_1G aria2c -q -x4 -s4 --file-allocation=none --allow-overwrite=true -d "$WORK/out" "$BASE/1g.bin"
  done
fi
if has_case D3; then
  WARM=("$WWW"/many/f*)
  echo "D3: 1000 files of 100 KiB, 8 at a time"
  urls=()
  curl_args=()
  : > "$WORK/list.txt"
  for f in "$WWW"/many/f*; do
    name=$(basename "$f")
    urls+=("$BASE/many/$name")
    curl_args+=(-o "$WORK/out/$name" "$BASE/many/$name")
    echo "$BASE/many/$name" >> "$WORK/list.txt"
  done
  # Reference rows, not anchors: the JDK's HTTP client alone (see bare_client), fetching the same
  # list 8 at a time with none of Ferry's work.
  bare_client d3 "$WORK/list.txt" files
  for i in $(seq "$SHORT_RUNS"); do
    ferry_rows D3 files:1000 "get --parallel 8" get --parallel 8 --dir "$WORK/out" "${urls[@]}"
    measure D3 "java.net.http, bodies dropped (info)" files:1000 "${bare[@]}" BareHttpClient "$WORK/list.txt" "$WORK/out" drop
    measure D3 "java.net.http, plain files (info)" files:1000 "${bare[@]}" BareHttpClient "$WORK/list.txt" "$WORK/out" files
    measure D3 "curl -Z --parallel-max 8" files:1000 curl -sS -Z --parallel-max 8 "${curl_args[@]}"
    measure D3 "aria2c -j8 -i list" files:1000 aria2c -q -j8 --file-allocation=none --allow-overwrite=true -d "$WORK/out" -i "$WORK/list.txt"
  done
fi
# D4 is about scale, not bytes: one list of 10,000 URLs, where any work per task that grows with
# the number of tasks shows (the CLI once looked at every task at every change: 4000 URLs took 23 s).
if has_case D4; then
  WARM=("$WWW"/list/s*)
  echo "D4: one list of 10,000 URLs of 1 KiB, 8 at a time"
  : > "$WORK/list4.txt"
  : > "$WORK/curl4.txt"
  for f in "$WWW"/list/s*; do
    name=$(basename "$f")
    echo "$BASE/list/$name" >> "$WORK/list4.txt"
    printf 'url = "%s"\noutput = "%s"\n' "$BASE/list/$name" "$WORK/out/$name" >> "$WORK/curl4.txt"
  done
  for i in $(seq "$RUNS"); do
    ferry_rows D4 files:10000 "get --parallel 8 -i list" get --parallel 8 --dir "$WORK/out" -i "$WORK/list4.txt"
    measure D4 "curl -Z --parallel-max 8 -K list" files:10000 curl -sS -Z --parallel-max 8 -K "$WORK/curl4.txt"
    measure D4 "aria2c -j8 -i list" files:10000 aria2c -q -j8 --file-allocation=none --allow-overwrite=true -d "$WORK/out" -i "$WORK/list4.txt"
  done
fi
if has_case U1; then
  WARM=("$WWW/1g.bin")
  echo "U1: 1 GiB raw PUT"
  for i in $(seq "$SHORT_RUNS"); do
    ferry_rows U1 $MIB_1G "put" put "$WWW/1g.bin" "$UPLOAD/u1"
    measure U1 "curl -T" $MIB_1G curl -sS -o /dev/null -T "$WWW/1g.bin" "$UPLOAD/u1"
  done
fi
if has_case U2; then
  WARM=("$WWW/1g.bin")
  echo "U2: 1 GiB multipart POST"
  for i in $(seq "$SHORT_RUNS"); do
    ferry_rows U2 $MIB_1G "post -F" post "$UPLOAD/u2" -F "file=@$WWW/1g.bin"
    measure U2 "curl -F" $MIB_1G curl -sS -o /dev/null -F "file=@$WWW/1g.bin" "$UPLOAD/u2"
  done
fi
if has_case M1; then
  echo "M1: Ferry's peak RSS, 1 GiB against 4 GiB"
  for i in $(seq "$RUNS"); do
    WARM=("$WWW/1g.bin")
    ferry_rows M1 1024 "get 1 GiB" get --dir "$WORK/out" "$BASE/1g.bin"
    WARM=("$WWW/4g.bin")
    ferry_rows M1 4096 "get 4 GiB" get --dir "$WORK/out" "$BASE/4g.bin"
  done
fi

# M2: the window's launcher (bin/Ferry) as a user starts it, on an Xvfb display, idle: resident
# size 30 s after start (15 s was too early at load 20: 10,000 rows were still loading) (sampled from /proc, the launcher is the JVM's process), with an empty list
# and with 10,000 completed tasks (made by `ferry get -i` with D4's list in the state directory the
# window reads, $XDG_DATA_HOME/ferry/queue).
M2_WAIT=${M2_WAIT:-30}
if has_case M2; then
  command -v Xvfb >/dev/null || { apt-get install -y -q xvfb >/dev/null || { echo "M2 needs Xvfb (apt-get install xvfb)" >&2; exit 1; }; }
  echo "M2: the window's idle RSS, empty list and 10,000 rows"
  display=":$(( (PORT % 500) + 100 ))"
  Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 1
  mkdir -p "$WORK/gui-empty" "$WORK/gui-rows"
  : > "$WORK/list-m2.txt"
  for f in "$WWW"/list/s*; do echo "$BASE/list/$(basename "$f")" >> "$WORK/list-m2.txt"; done
  mkdir -p "$WORK/gui-rows-files"
  "$APP/bin/ferry" get --parallel 8 --dir "$WORK/gui-rows-files" --state "$WORK/gui-rows/ferry/queue" -i "$WORK/list-m2.txt" \
    >"$WORK/last.log" 2>&1 || { tail -5 "$WORK/last.log" >&2; FAILED="$FAILED M2-setup"; }
  rm -rf "$WORK/gui-rows-files"
  for i in $(seq "$RUNS"); do
    for state in empty rows; do
      DISPLAY="$display" XDG_DATA_HOME="$WORK/gui-$state" XDG_DOWNLOAD_DIR="$WORK/out" "$APP/bin/Ferry" >"$WORK/last.log" 2>&1 &
      gui=$!
      sleep "$M2_WAIT"
      rss=$(awk '/^VmRSS/ {print $2}' "/proc/$gui/status" 2>/dev/null || true)
      threads=$(awk '/^Threads/ {print $2}' "/proc/$gui/status" 2>/dev/null || true)
      kill "$gui" 2>/dev/null || true
      wait "$gui" 2>/dev/null || true
      if [ -z "$rss" ]; then
        echo "  M2 $state failed:" >&2; tail -5 "$WORK/last.log" >&2; FAILED="$FAILED M2/$state"; continue
      fi
      label="ferry window idle, empty list"
      [ "$state" = rows ] && label="ferry window idle, 10000 rows"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' M2 "$label" "-" "$M2_WAIT" "0" "$rss" >> "$RAW"
      printf '  M2  %-38s %7.1f MB RSS, %s threads\n' "$label" "$(awk -v r="$rss" 'BEGIN { print r / 1024 }')" "$threads"
    done
  done
fi

# G1 runs the real main window headless (Monocle, software rendering, the pom's headless.argLine)
# from the test class path: app.ferry.bench.GuiScaleBench brings its own throttled server on
# 127.0.0.1 and prints one "G1 running=N …" line per configuration. JVM flags: the packaged app's,
# but with a 1 GiB heap: at -Xmx256m, 200 running downloads ran out of heap (each holds a copy
# buffer in DownloadTransfer, next to the HTTP client's read buffers; 1 MiB each when measured);
# the GUI's settings allow at most 20 at once.
G1_HEAP=${G1_HEAP:-"-Xmx1g"}
G1_LINES="$WORK/g1.txt"
: > "$G1_LINES"
if has_case G1; then
  echo "G1: GUI scale, 10,000 rows with 20 then 200 running downloads (headless window)"
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/g1-cp.txt" >/dev/null
  read -r -a g1_flags <<< "$(sed -n 's/^--java-options //p' packaging/jpackage-common.args | grep -v '^-Xmx' | tr '\n' ' ') $G1_HEAP"
  read -r -a headless <<< "$(sed -n 's:.*<headless.argLine>\(.*\)</headless.argLine>.*:\1:p' pom.xml)"
  for i in $(seq "$RUNS"); do
    if "$JAVA" "${g1_flags[@]}" "${headless[@]}" -cp "target/classes:target/test-classes:$(cat "$WORK/g1-cp.txt")" \
        app.ferry.bench.GuiScaleBench >"$WORK/g1-run.txt" 2>"$WORK/last.log"; then
      grep '^G1 setup' "$WORK/last.log" | sed 's/^/  /' || true
      grep '^G1 running=' "$WORK/g1-run.txt" | tee -a "$G1_LINES" | sed 's/^/  /'
    else
      echo "  G1 failed:" >&2
      tail -5 "$WORK/last.log" >&2
      FAILED="$FAILED G1"
    fi
  done
fi

# g1_table ROW|DETAIL: medians over the runs, per running count, from the "key=value" lines.
g1_table() {
  awk -v what="$1" '
    function median(list, n,    a, i, j, t) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
      delete v
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      r = v["running"]
      if (!(r in rows)) order[++count] = r
      rows[r] = v["rows"]
      for (k in v) m[r, k] = m[r, k] " " v[k]
    }
    END {
      for (c = 1; c <= count; c++) {
        r = order[c]
        if (what == "row") {
          printf "| G1 | ferry GUI, %d rows / %d running | | %.1f updates/s | | | FX busy %.1f%% |\n",
            rows[r], r, median(m[r, "updates_per_s"]), 100 * median(m[r, "fx_busy"])
        } else {
          printf "| %d | %d | %.1f%% | %.1f%% | %.1f%% | %.1f | %.0f | %.1f | %.1f | %.1f |\n", rows[r], r,
            100 * median(m[r, "fx_busy"]), 100 * median(m[r, "fx_cpu"]), 100 * median(m[r, "sampler_busy"]),
            median(m[r, "updates_per_s"]), median(m[r, "row_changes_per_s"]), median(m[r, "probe_p99_ms"]),
            median(m[r, "probe_max_ms"]), median(m[r, "MiB_per_s"])
        }
      }
    }' "$G1_LINES"
}

# --- table ---------------------------------------------------------------------------------
DATE=$(date +%Y-%m-%d)
# A run of some cases is named after them, so that it never replaces the day's full table.
OUT="bench/results/$DATE.md"
if [ "$(echo $CASES | tr ' ' '\n' | sort | tr '\n' ' ')" != "D1 D2 D3 D4 G1 M1 M2 U1 U2 " ]; then
  OUT="bench/results/$DATE-$(echo $CASES | tr ' ' '-').md"
fi
mkdir -p bench/results
{
  echo "# Ferry benchmark, $DATE"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(uname -sr);" \
       "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Loopback, nginx $("$NGINX" -v 2>&1 | sed 's/.*\///')," \
       "$(curl --version | head -1 | cut -d' ' -f1-2), $(wget --version | head -1 | cut -d' ' -f1-3), $(aria2c --version | head -1)," \
       "Java $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2)."
  echo "Ferry: the app-image's \`bin/ferry\` launcher (\`packaging/package.sh app-image\`, the files the .deb installs), JVM options \`$CLI_OPTIONS\` and its AOT cache."
  for v in "${VARIANT_NAMES[@]}"; do
    if [[ "$v" == base-* ]]; then
      echo "Variant [$v]: the code of revision ${v#base-} (FERRY_BASELINE), run by the same runtime with the same JVM options and its own AOT cache."
      continue
    fi
    echo "Variant [$v]: the same launcher with \`$(sed -n 's/^java-options=//p' "$APP/lib/app/ferry-$v.cfg" | grep -v -e '^-Djpackage' -e '^-Xlog' | tr '\n' ' ')\`."
  done
  echo "Medians of $RUNS runs ($SHORT_RUNS for D1, D3, U1, U2); CPU = user + system seconds;"
  echo "RSS = peak resident set (/usr/bin/time). Ratio = Ferry's median wall time / the best anchor's (lower is better)."
  echo
  echo "| Case | Tool | Wall s | MB/s or files/s | CPU s | Peak RSS MB | Ferry / best anchor |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  awk -F'\t' '
    function median(list, n,    a, i, j, t) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
      key = $1 SUBSEP $2
      if (!(key in wall)) { order[++count] = key; cases[$1] = 1 }
      wall[key] = wall[key] " " $4; cpu[key] = cpu[key] " " $5; rss[key] = rss[key] " " $6; units[key] = $3
    }
    END {
      for (k = 1; k <= count; k++) {
        key = order[k]; split(key, p, SUBSEP)
        w[key] = median(wall[key])
        if (p[2] !~ /^ferry/ && p[2] !~ /\(info\)/ && (!(p[1] in best) || w[key] < best[p[1]])) best[p[1]] = w[key]
      }
      for (k = 1; k <= count; k++) {
        key = order[k]; split(key, p, SUBSEP)
        u = units[key]
        if (u == "-") rate = ""
        else if (u ~ /^files:/) { sub(/^files:/, "", u); rate = sprintf("%.0f files/s", u / w[key]) }
        else rate = sprintf("%.0f MB/s", u * 1.048576 / w[key])
        ratio = (p[2] ~ /^ferry/ && (p[1] in best)) ? sprintf("%.2f", w[key] / best[p[1]]) : ""
        printf "| %s | %s | %.2f | %s | %.2f | %.0f | %s |\n", p[1], p[2], w[key], rate, median(cpu[key]), median(rss[key]) / 1024, ratio
      }
    }' "$RAW" | sort -s -t'|' -k2,2
  g1_table row
  if [ -n "$FAILED" ]; then
    echo
    echo "Failed runs (left out of the medians):$FAILED"
  fi
  echo
  echo "Ferry fsyncs the data it claims in its resume state (every second or 64 MiB, and at the end); the anchors"
  echo "leave their data in the page cache. The \"curl -o; sync (info)\" row, not counted as an anchor, shows that cost."
  echo "Before every run the case's input files are read once, so no tool starts on a cold page cache."
  echo "D2 sends ${D2_SIZE_MIB} MiB through nginx \`limit_rate 20m\` (20 MiB/s per connection)."
  echo "The java.net.http rows, not anchors, run bench/BareHttpClient.java: the JDK's HTTP client with Ferry's JVM flags"
  echo "and an AOT cache, with no fsync or state. D1's receives the gigabyte over one connection and drops it (no disk at"
  echo "all); D3's fetch the same list 8 at a time, dropping the bodies or writing plain files. They show the least a"
  echo "program on java.net.http spends here, the floor under Ferry's rows."
  echo "D4 fetches one list of 10,000 URLs of 1 KiB: its cost is per task, not per byte."
  echo "M2 starts the window's launcher (bin/Ferry) on Xvfb and reads its RSS after $M2_WAIT s (the Wall s column), idle,"
  echo "with an empty list and with 10,000 completed tasks."
  echo "Uploads go to bench/DiscardServer.java (the JDK's source launcher), which reads and drops the body:"
  echo "Debian's nginx takes no PUT without the WebDAV module."
  if [ -s "$G1_LINES" ]; then
    echo
    echo "G1 (goal: FX thread busy ≤ 25 %, updates per second independent of the transfer count): the real main"
    echo "window, headless, with the packaged app's JVM flags but \`$G1_HEAP\`; its rows are completed and paused downloads the engine"
    echo "made before the window opened, plus downloads running from a local server at 64 KiB/s each (with 20 running,"
    echo "the other 180 wait queued). Medians of the 10 s measurements: FX busy = wall time of the pulses' FX-thread"
    echo "part (animation timers with the sampler's passes, CSS, layout, sync) / wall time; FX CPU = the FX thread's"
    echo "CPU time / wall time; sampler = time inside the update passes; updates/s = table update passes per second;"
    echo "row changes/s = rows whose byte count changed; probe = latency of a Platform.runLater posted every 10 ms."
    echo
    echo "| Rows | Running | FX busy | FX CPU | Sampler | Updates/s | Row changes/s | Probe p99 ms | Probe max ms | MiB/s |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    g1_table detail
  fi
} > "$OUT"
echo
cat "$OUT"
echo
echo "Written to $OUT"
