#!/usr/bin/env bash
# Cold start of the installed distrogen against a JVM hello-world, measured side by side in one
# run (ARCHITECTURE.md: "Start-up"). Not a test: timings depend on the machine and its load,
# so it reports CPU time (user + system), which load disturbs less, beside wall-clock time.
#   src/bench/bench-startup.sh [RUNS]     (default 20; needs target/distrogen-VERSION.tar.gz: mvn package)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd -P)
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

ms() {  # "WALL CPU" milliseconds of one run of "$@", its output discarded
    local TIMEFORMAT='%3R %3U %3S' t
    t=$( { time "$@" >/dev/null 2>&1 </dev/null; } 2>&1 )
    awk -v t="$t" 'BEGIN { split(t, v, " "); printf "%d %d\n", v[1] * 1000, (v[2] + v[3]) * 1000 }'
}
median() {  # median of column $1
    awk -v c="$1" '{ print $c }' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

first=$(ms "$dg" --version | cut -d ' ' -f 1)   # makes the class-data-sharing archive
: >"$work/hello"; : >"$work/version"; : >"$work/dockerfile"; : >"$work/nocds"
i=0
while [ "$i" -lt "$runs" ]; do
    ms java -cp "$work" Hello >>"$work/hello"
    ms "$dg" --version >>"$work/version"
    ms "$dg" "$spec" --target dockerfile >>"$work/dockerfile"
    ms env DISTROGEN_CDS=off "$dg" "$spec" --target dockerfile >>"$work/nocds"
    i=$((i + 1))
done
report() {  # NAME FILE
    awk -v n="$1" -v w="$(median 1 <"$2")" -v c="$(median 2 <"$2")" -v hw="$(median 1 <"$work/hello")" \
        -v hc="$(median 2 <"$work/hello")" 'BEGIN { printf "%-42s %6d ms %5.1fx %8d ms %5.1fx\n", n, w, w / hw, c, c / hc }'
}
echo "median of $runs runs each, interleaved, on $(nproc) cores, load $(cut -d ' ' -f 1 /proc/loadavg)"
printf '%-42s %9s %6s %11s %6s\n' "" "wall" "ratio" "cpu" "ratio"
report "java Hello (JVM hello-world)" "$work/hello"
report "distrogen --version" "$work/version"
report "distrogen nginx.dl --target dockerfile" "$work/dockerfile"
report "  the same without the CDS archive" "$work/nocds"
echo "first run, making the archive: $first ms"
