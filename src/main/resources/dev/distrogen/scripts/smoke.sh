# distrogen's smoke test: runs the program in the collected and laid-out root, as the image's
# user, with the image's environment only, and fails the build with the program's own output
# when it exits non-zero. Joined into one RUN line like collect.sh.
set -eu;
R=/distrogen/root;
dg_die() { echo "distrogen: $*" >&2; exit 1; };
# dg_smoke UID:GID [NAME=VALUE...] -- PROGRAM [ARG...]: env -i NAME=VALUE... chroot
# --userspec=UID:GID $R PROGRAM ARG... coreutils' chroot takes --userspec; busybox's cannot
# change user, so there the program runs as root, and the build log says so in one line.
dg_smoke() {
  user=$1; shift;
  c=$(command -v chroot) || dg_die "the build stage has no chroot to run the smoke test (app { smoke ... }) in the image's root: use a build stage with coreutils or busybox, or remove smoke";
  if "$c" --help 2>&1 | grep -q -e --userspec; then as=--userspec=$user; else as=; echo "distrogen: this build stage's chroot (busybox) cannot change user: the smoke test runs as root, not as $user" >&2; fi;
  what=; n=$#; seen=;
  while [ "$n" -gt 0 ]; do
    a=$1; shift; n=$((n - 1));
    if [ -z "$seen" ] && [ "$a" = -- ]; then seen=1; set -- "$@" "$c" ${as:+"$as"} "$R";
    else set -- "$@" "$a"; [ -z "$seen" ] || what="$what $a"; fi;
  done;
  st=0; out=$(env -i "$@" 2>&1) || st=$?;
  printf '%s\n' "$out";
  [ "$st" -eq 0 ] || dg_die "smoke test:$what exited with status $st in the image's root (as $user, with the image's environment only); its output is above";
};
