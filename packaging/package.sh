#!/usr/bin/env bash
# Builds Ferry's native bundles with jpackage: packaging/package.sh [app-image|deb|all]
#   app-image  packaging/out/Ferry/         (bin/Ferry launcher + app jars + a Java runtime)
#   deb        packaging/out/ferry_<version>_amd64.deb  (installs to /opt/ferry; needs fakeroot)
#   all        both (the default)
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
  Linux) os_args=(@packaging/linux/jpackage-linux.args) ;;
  *) echo "package.sh runs on Linux only so far; see packaging/README.md for Windows and macOS" >&2; exit 1 ;;
esac

out="packaging/out"
stage="$out/input"
resources="$out/linux-resources"

elapsed() { echo $(( $(date +%s) - $1 ))s; }

t0=$(date +%s)
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
    @packaging/jpackage-common.args "${os_args[@]}"
  echo "app-image $out/Ferry: $(du -sh "$out/Ferry" | cut -f1) in $(elapsed "$t")"
}

build_deb() {
  command -v fakeroot >/dev/null || { echo "jpackage --type deb needs fakeroot (apt-get install fakeroot)" >&2; exit 1; }
  local t deb
  t=$(date +%s)
  # jpackage looks for <launcher name>.desktop in --resource-dir; our file is linux/ferry.desktop.
  # postinst and prerm replace its maintainer scripts (see the comment at their top).
  rm -rf "$resources"
  mkdir -p "$resources"
  cp packaging/linux/ferry.desktop "$resources/Ferry.desktop"
  cp packaging/linux/postinst packaging/linux/prerm "$resources/"
  rm -f "$out"/ferry_*.deb
  "$jpackage" --type deb --input "$stage" --dest "$out" --app-version "$app_version" \
    --resource-dir "$resources" \
    @packaging/jpackage-common.args "${os_args[@]}" @packaging/linux/jpackage-linux-package.args
  deb="$(ls "$out"/ferry_*.deb)"
  echo "deb $deb: $(du -h "$deb" | cut -f1) in $(elapsed "$t")"
}

case "$what" in
  app-image) build_app_image ;;
  deb) build_deb ;;
  all) build_app_image; build_deb ;;
esac
echo "done in $(elapsed "$t0")"
