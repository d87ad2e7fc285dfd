# distrogen's run-time additions (POSIX sh: dash, busybox ash, bash): what the C library of the
# collected root loads by itself with dlopen, which ldd never lists, added from this build stage
# with collect.sh's dg_libs (so each comes with its own closure). One build-log line each, with
# its reason. Every line ends where a shell allows a line break, so that it also runs joined.
# dg_runtime [TRACED]: TRACED, a file of the paths a trace saw loaded (probe.sh), narrows gconv's
# converters to those; without it every converter comes (a program picks its charset at run time).
dg_rt_say() { printf 'distrogen: %s\n' "$*"; };
# dg_rt_libc: the path in this stage of the root's glibc (libc.so.6); fails when the root has none.
dg_rt_libc() {
  f=$(find "$R" -name 'libc.so.6' ! -type d 2>/dev/null | LC_ALL=C sort | head -n 1);
  [ -n "$f" ] || return 1;
  printf '%s\n' "${f#"$R"}";
};
# dg_rt_version LIBC: glibc's version, "2.36": getconf's, else the one libc.so.6 prints when run.
dg_rt_version() {
  if [ -n "${DG_GLIBC_VERSION:-}" ]; then printf '%s\n' "$DG_GLIBC_VERSION"; return 0; fi;
  v=$(getconf GNU_LIBC_VERSION 2>/dev/null | sed -n 's/^glibc \([0-9][0-9.]*\).*/\1/p');
  [ -n "$v" ] || v=$("$1" 2>/dev/null | sed -n '1s/.* version \([0-9][0-9.]*\).*/\1/p');
  printf '%s\n' "${v:-0}";
};
# dg_rt_older VERSION MAJOR MINOR: whether VERSION is older than MAJOR.MINOR.
dg_rt_older() {
  maj=${1%%.*}; min=${1#*.}; min=${min%%.*};
  [ "$maj" -lt "$2" ] || { [ "$maj" -eq "$2" ] && [ "$min" -lt "$3" ]; };
};
# dg_rt_find DIR NAME: NAME in this stage: beside libc (DIR), else where ldconfig knows it, else
# in the usual library directories. Prints the path; fails when the stage has none.
dg_rt_find() {
  for p in "$1/$2" $(ldconfig -p 2>/dev/null | sed -n "s/^[[:space:]]*$2 (.*) => \(\/.*\)$/\1/p") /lib/"$2" /usr/lib/"$2" /lib64/"$2" /usr/lib64/"$2"; do
    if [ -e "$p" ]; then printf '%s\n' "$p"; return 0; fi;
  done;
  return 1;
};
# dg_rt_in_root NAME: whether the root already holds a file or link NAME.
dg_rt_in_root() { [ -n "$(find "$R" -name "$1" ! -type d 2>/dev/null | head -n 1)" ]; };
# dg_rt_add PATH REASON: copies PATH and its closure into the root, and says why.
dg_rt_add() { dg_libs "$1" >/dev/null; dg_rt_say "adds $1 ($(du -skL "$1" | cut -f1) kB): $2"; };
# dg_rt_iconv_users: the programs and libraries of the root that call iconv, one a line. libc
# defines it; libstdc++ references it for a codecvt facility few programs use, so it alone does
# not bring the converters (a C++ program that needs them: libs "/usr/lib/.../gconv").
dg_rt_iconv_users() {
  find "$R" -type f \( -name '*.so*' -o -perm -u+x \) ! -name 'libc.so*' ! -name 'libstdc++.so*' ! -path '*/gconv/*' -exec grep -l -e iconv_open {} + 2>/dev/null | sed "s|^$R||" | LC_ALL=C sort || :;
};
# dg_rt_gconv DIR TRACED: the gconv configuration and converters of glibc's DIR/gconv when a
# program of the root calls iconv: every converter, or those TRACED saw loaded.
dg_rt_gconv() {
  g=$1/gconv;
  [ -d "$g" ] || return 0;
  if dg_rt_in_root gconv-modules; then return 0; fi;
  users=$(dg_rt_iconv_users);
  [ -n "$users" ] || return 0;
  why="$(printf '%s\n' "$users" | head -n 3 | sed '$!s/$/,/' | tr '\n' ' ')calls iconv, whose converters glibc loads with dlopen";
  if [ -n "$2" ] && [ -s "$2" ]; then
    for c in "$g"/gconv-modules "$g"/gconv-modules.d "$g"/gconv-modules.cache; do
      if [ -e "$c" ]; then dg_rt_add "$c" "the configuration of gconv: $why"; fi;
    done;
    grep "^$g/[^/]*\.so\$" "$2" | LC_ALL=C sort -u | while IFS= read -r m; do
      dg_rt_add "$m" "a converter the trace saw loaded: $why";
    done;
  else
    dg_rt_add "$g" "every converter and their configuration: $why; the charset is only known at run time (app { trace } keeps only those a trace sees)";
  fi;
};
# dg_rt_nss DIR VERSION: NSS modules for what the root's nsswitch.conf names, on a glibc older
# than 2.34, which does not have files and dns built in.
dg_rt_nss() {
  dg_rt_older "$2" 2 34 || return 0;
  for s in files dns; do
    so=libnss_$s.so.2;
    if dg_rt_in_root "$so"; then continue; fi;
    p=$(dg_rt_find "$1" "$so") || { dg_rt_say "glibc $2 loads $so for $s lookups, but this build stage has none: user and host lookups may fail"; continue; };
    dg_rt_add "$p" "glibc $2 (older than 2.34) loads it with dlopen for $s lookups (nsswitch.conf)";
  done;
};
dg_runtime() {
  libc=$(dg_rt_libc) || { dg_rt_say "no glibc in the image (static, or musl, which loads nothing by itself): no run-time additions"; return 0; };
  dir=${libc%/*};
  version=$(dg_rt_version "$libc");
  if dg_rt_in_root libgcc_s.so.1; then :;
  elif p=$(dg_rt_find "$dir" libgcc_s.so.1); then
    dg_rt_add "$p" "glibc loads it with dlopen when a thread exits or is cancelled (pthread_exit), and C++ unwinds with it; ldd does not list it";
  else
    dg_rt_say "this build stage has no libgcc_s.so.1: a thread of the app that exits or is cancelled aborts it (libgcc_s.so.1 must be installed for pthread_exit to work)";
  fi;
  dg_rt_gconv "$dir" "${1:-}";
  dg_rt_nss "$dir" "$version";
};
