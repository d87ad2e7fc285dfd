#!/bin/sh
# Cold start of the installed distrogen against a JVM hello-world, measured side by side in one
# run (README: Install, "Start-up"). Not a test: timings depend on the machine and its load.
#   scripts/bench-startup.sh [RUNS]     (default 20; needs target/distrogen-VERSION.tar.gz: mvn package)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${1:-20}
tarball=$(ls "$here"/target/distrogen-*.tar.gz 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "no target/distrogen-*.tar.gz: run mvn -B package first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar xzf "$tarball" -C "$work"
dg=$(ls -d "$work"/distrogen-*/bin/distrogen)
export XDG_CACHE_HOME="$work/cache"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$work/Hello.java"
javac -d "$work" "$work/Hello.java"
spec=$here/examples/nginx/nginx.dl

ms() {  # wall-clock milliseconds of one run of "$@", output discarded
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 </dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

first=$(ms "$dg" --version)   # makes the class-data-sharing archive
: >"$work/hello"; : >"$work/version"; : >"$work/dockerfile"; : >"$work/nocds"
i=0
while [ "$i" -lt "$runs" ]; do
    ms java -cp "$work" Hello >>"$work/hello"
    ms "$dg" --version >>"$work/version"
    ms "$dg" "$spec" --target dockerfile >>"$work/dockerfile"
    ms env DISTROGEN_CDS=off "$dg" "$spec" --target dockerfile >>"$work/nocds"
    i=$((i + 1))
done
hello=$(median <"$work/hello")
report() { awk -v n="$1" -v t="$2" -v h="$hello" 'BEGIN { printf "%-44s %6d ms  %5.1fx\n", n, t, t / h }'; }
echo "median of $runs runs each, interleaved, on $(nproc) cores, load $(cut -d ' ' -f 1 /proc/loadavg)"
report "java Hello (JVM hello-world)" "$hello"
report "distrogen --version" "$(median <"$work/version")"
report "distrogen nginx.dl --target dockerfile" "$(median <"$work/dockerfile")"
report "  the same without the CDS archive" "$(median <"$work/nocds")"
echo "first run, making the archive: $first ms"
