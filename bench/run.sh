#!/usr/bin/env bash
# Ferry next to curl, wget and aria2 on loopback: downloads from nginx, uploads to a discard
# server, several runs per case, one table of medians. Debian 12; installs what it lacks.
#
#   bench/run.sh                       # every case, 3 runs each
#   RUNS=5 CASES="D1 D2" bench/run.sh  # a subset, 5 runs each
#   SHORT_RUNS=9 CASES=U1 bench/run.sh # runs of the cases that take a second or two (D1, D3, U1, U2)
#   FERRY_JVM_FLAGS="-XX:+UseG1GC" bench/run.sh   # try other JVM flags
#   FERRY_AOT=off bench/run.sh         # without the AOT cache the packaged app ships
#
# Writes bench/results/YYYY-MM-DD.md (YYYY-MM-DD-D1-U1.md for a subset). Loopback only; removes its files and stops its servers on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=${RUNS:-3}
# D1, D3, U1 and U2 take a second or two, and one run slowed by this noisy VM moves a median of
# three (D1 has measured 1.04 to 2.10 s for Ferry in one script): they run more often, at little cost.
SHORT_RUNS=${SHORT_RUNS:-$((RUNS > 5 ? RUNS : 5))}
CASES=${CASES:-"D1 D2 D3 D4 U1 U2 M1 G1"}
D2_SIZE_MIB=${D2_SIZE_MIB:-1024}
# The launcher's flags: a small serial-GC heap keeps RSS flat whatever the file size (measured on
# 1 GiB, -x 4: default G1 ~430 MB RSS; G1 -Xmx96m ~160 MB; Serial -Xmx96m ~178 MB; Serial -Xmx64m
# ~147 MB at equal CPU). C1 only (TieredStopAtLevel=1): a transfer is a short, I/O-bound program
# whose hot loop C1 compiles well; C2's compile threads cost more than they save (D1, 3 runs each,
# same machine and hour: 3.46 -> 2.36 CPU-s, 2.61 -> 1.89 s, 143 -> 135 MB). The HTTP client's
# 256 KiB read buffer (jdk.httpclient.bufsize) is set by Ferry itself (JvmTuning).
FERRY_JVM_FLAGS=${FERRY_JVM_FLAGS:-"-XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1"}
# Like the packaged app (packaging/package.sh), Ferry runs with a JDK 25 AOT cache (JEP 483/514)
# trained by one segmented download before the measurements: classes come loaded and linked.
FERRY_AOT=${FERRY_AOT:-on}

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

echo "Building the jar..."
./mvnw -B -q -DskipTests package >/dev/null
JAR="$ROOT/target/ferry.jar"

# --- workspace and servers -----------------------------------------------------------------
WORK=$(mktemp -d /tmp/ferry-bench.XXXXXX)
chmod 755 "$WORK"
NGINX_PID=""
DISCARD_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$DISCARD_PID" ] && kill "$DISCARD_PID" 2>/dev/null || true
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
if has_case D4; then
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
# The launcher measured: the jar with the flags above, and a fresh state directory per run.
FERRY_RUN_FLAGS=$FERRY_JVM_FLAGS
if [ "$FERRY_AOT" = on ]; then
  echo "Training the AOT cache with one download..."
  mkdir -p "$WORK/train"
  "$JAVA" $FERRY_JVM_FLAGS -XX:AOTCacheOutput="$WORK/ferry.aot" -jar "$JAR" get -x 4 \
    --dir "$WORK/train" --state "$WORK/train/state" "$BASE/train.bin" >"$WORK/train.log" 2>&1 \
    || { cat "$WORK/train.log" >&2; exit 1; }
  rm -rf "$WORK/train"
  FERRY_RUN_FLAGS="$FERRY_JVM_FLAGS -XX:AOTCache=$WORK/ferry.aot"
  # A cache the JVM refuses only makes Ferry slower, silently: stop instead of measuring that.
  "$JAVA" $FERRY_RUN_FLAGS -XX:AOTMode=on -jar "$JAR" --version >/dev/null \
    || { echo "The JVM refuses $WORK/ferry.aot (see above)" >&2; exit 1; }
fi
cat > "$WORK/ferry" <<EOF
#!/bin/sh
exec "$JAVA" $FERRY_RUN_FLAGS -jar "$JAR" "\$@" --state "$WORK/state"
EOF
chmod +x "$WORK/ferry"
ferry="$WORK/ferry"

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
    measure D2 "ferry get -x 8" "$D2_SIZE_MIB" "$ferry" get -x 8 --dir "$WORK/out" "$LIMITED/d2.bin"
    measure D2 "ferry get -x 1" "$D2_SIZE_MIB" "$ferry" get -x 1 --dir "$WORK/out" "$LIMITED/d2.bin"
    measure D2 "aria2c -x8 -s8" "$D2_SIZE_MIB" aria2c -q -x8 -s8 --file-allocation=none --allow-overwrite=true -d "$WORK/out" "$LIMITED/d2.bin"
    measure D2 "curl -o" "$D2_SIZE_MIB" curl -sS -o "$WORK/out/d2.bin" "$LIMITED/d2.bin"
  done
fi
if has_case D1; then
  WARM=("$WWW/1g.bin")
  echo "D1: 1 GiB download"
  for i in $(seq "$SHORT_RUNS"); do
    measure D1 "ferry get" $MIB_1G "$ferry" get --dir "$WORK/out" "$BASE/1g.bin"
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
  # Reference rows, not anchors: the JDK's HTTP client alone, in a program with Ferry's JVM flags
  # and an AOT cache of its own, fetching the same list 8 at a time with none of Ferry's work.
  mkdir -p "$WORK/bare"
  "$JAVA_HOME/bin/javac" -d "$WORK/bare" bench/BareHttpClient.java
  "$JAVA_HOME/bin/jar" cf "$WORK/bare.jar" -C "$WORK/bare" .
  bare=("$JAVA" $FERRY_JVM_FLAGS)
  if [ "$FERRY_AOT" = on ]; then
    mkdir -p "$WORK/bare-out"
    "${bare[@]}" -XX:AOTCacheOutput="$WORK/bare.aot" -cp "$WORK/bare.jar" BareHttpClient "$WORK/list.txt" \
      "$WORK/bare-out" files >"$WORK/bare-train.log" 2>&1 || { cat "$WORK/bare-train.log" >&2; exit 1; }
    rm -rf "$WORK/bare-out"
    bare+=(-XX:AOTCache="$WORK/bare.aot")
  fi
  for i in $(seq "$SHORT_RUNS"); do
    measure D3 "ferry get --parallel 8" files:1000 "$ferry" get --parallel 8 --dir "$WORK/out" "${urls[@]}"
    measure D3 "java.net.http, bodies dropped (info)" files:1000 "${bare[@]}" -cp "$WORK/bare.jar" BareHttpClient "$WORK/list.txt" "$WORK/out" drop
    measure D3 "java.net.http, plain files (info)" files:1000 "${bare[@]}" -cp "$WORK/bare.jar" BareHttpClient "$WORK/list.txt" "$WORK/out" files
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
    measure D4 "ferry get --parallel 8 -i list" files:10000 "$ferry" get --parallel 8 --dir "$WORK/out" -i "$WORK/list4.txt"
    measure D4 "curl -Z --parallel-max 8 -K list" files:10000 curl -sS -Z --parallel-max 8 -K "$WORK/curl4.txt"
    measure D4 "aria2c -j8 -i list" files:10000 aria2c -q -j8 --file-allocation=none --allow-overwrite=true -d "$WORK/out" -i "$WORK/list4.txt"
  done
fi
if has_case U1; then
  WARM=("$WWW/1g.bin")
  echo "U1: 1 GiB raw PUT"
  for i in $(seq "$SHORT_RUNS"); do
    measure U1 "ferry put" $MIB_1G "$ferry" put "$WWW/1g.bin" "$UPLOAD/u1"
    measure U1 "curl -T" $MIB_1G curl -sS -o /dev/null -T "$WWW/1g.bin" "$UPLOAD/u1"
  done
fi
if has_case U2; then
  WARM=("$WWW/1g.bin")
  echo "U2: 1 GiB multipart POST"
  for i in $(seq "$SHORT_RUNS"); do
    measure U2 "ferry post -F" $MIB_1G "$ferry" post "$UPLOAD/u2" -F "file=@$WWW/1g.bin"
    measure U2 "curl -F" $MIB_1G curl -sS -o /dev/null -F "file=@$WWW/1g.bin" "$UPLOAD/u2"
  done
fi
if has_case M1; then
  echo "M1: Ferry's peak RSS, 1 GiB against 4 GiB"
  for i in $(seq "$RUNS"); do
    WARM=("$WWW/1g.bin")
    measure M1 "ferry get 1 GiB" 1024 "$ferry" get --dir "$WORK/out" "$BASE/1g.bin"
    WARM=("$WWW/4g.bin")
    measure M1 "ferry get 4 GiB" 4096 "$ferry" get --dir "$WORK/out" "$BASE/4g.bin"
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
if [ "$(echo $CASES | tr ' ' '\n' | sort | tr '\n' ' ')" != "D1 D2 D3 D4 G1 M1 U1 U2 " ]; then
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
  echo "Ferry JVM flags: \`$FERRY_JVM_FLAGS\`, AOT cache $FERRY_AOT. Medians of $RUNS runs ($SHORT_RUNS for D1, D3, U1, U2); CPU = user + system seconds;"
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
        if (u ~ /^files:/) { sub(/^files:/, "", u); rate = sprintf("%.0f files/s", u / w[key]) }
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
  echo "D3's java.net.http rows, not anchors, run bench/BareHttpClient.java: the JDK's HTTP client fetching the same"
  echo "list 8 at a time with Ferry's JVM flags and an AOT cache, dropping the bodies or writing plain files, with no fsync or state."
  echo "D4 fetches one list of 10,000 URLs of 1 KiB: its cost is per task, not per byte."
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
