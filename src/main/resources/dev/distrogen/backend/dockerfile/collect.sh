# distrogen's build-stage script (POSIX sh: dash, busybox ash, bash). Docker joins the lines of a
# RUN, so every line ends where a shell allows a line break: ';', '{', 'then', 'do', '|', '&&'.
# Comments are removed before embedding. It fills $R with what the final image takes from
# this stage, mirroring every symlink met on the way, so that each path resolves as it did here.
set -eu;
R=/distrogen/root;
dg_die() { echo "distrogen: $*" >&2; exit 1; };
# dg_need PATH: copies PATH into $R with every symlink met while resolving it (a link to a
# directory, a chain of links to a file), then the real file or directory. Prints the real path.
# A link inside a copied directory is followed once: a link already in $R is not walked again.
dg_need() (
  p=$1; n=0;
  while :; do
    n=$((n + 1));
    [ "$n" -le 64 ] || dg_die "too many levels of symbolic links in $1";
    pre=; rest=${p#/}; link=;
    while [ -n "$rest" ]; do
      case $rest in */*) c=${rest%%/*}; rest=${rest#*/} ;; *) c=$rest; rest= ;; esac;
      case $c in ''|.) continue ;; ..) pre=${pre%/*}; continue ;; esac;
      pre=$pre/$c;
      if [ -L "$pre" ]; then link=$(readlink "$pre"); break; fi;
    done;
    [ -n "$link" ] || break;
    mkdir -p "$R${pre%/*}";
    [ -L "$R$pre" ] || ln -s "$link" "$R$pre";
    case $link in /*) p=$link${rest:+/$rest} ;; *) p=${pre%/*}/$link${rest:+/$rest} ;; esac;
  done;
  [ -e "$pre" ] || dg_die "$1 is declared in the spec but does not exist in the build stage";
  if [ -d "$pre" ]; then
    find "$pre" | while IFS= read -r e; do
      if [ -L "$e" ]; then [ -L "$R$e" ] || dg_need "$e" >/dev/null;
      elif [ -d "$e" ]; then mkdir -p "$R$e"; chown "$(stat -c %u:%g "$e")" "$R$e"; chmod "$(stat -c %a "$e")" "$R$e";
      else mkdir -p "$R${e%/*}"; [ -e "$R$e" ] || cp -p "$e" "$R$e"; fi;
    done;
  else
    mkdir -p "$R${pre%/*}";
    [ -e "$R$pre" ] || cp -p "$pre" "$R$pre";
  fi;
  printf '%s\n' "$pre";
);
# dg_closure FILE: copies the shared libraries FILE needs, and the dynamic loader, as this
# stage's own ldd finds them (glibc or musl, any architecture). Static files need nothing.
dg_closure() (
  [ "$(head -c 4 "$1" 2>/dev/null)" = "$(printf '\177ELF')" ] || exit 0;
  command -v ldd >/dev/null 2>&1 || dg_die "the build stage has no ldd to find the libraries of $1";
  if ! out=$(ldd "$1" 2>&1); then
    case $out in *"not a dynamic executable"*|*"Not a valid dynamic program"*) exit 0 ;; esac;
    dg_die "ldd $1 failed: $out";
  fi;
  missing=$(printf '%s\n' "$out" | dg_ldd_missing);
  [ -z "$missing" ] || dg_die "$1 needs $(echo $missing), which the build stage does not have";
  printf '%s\n' "$out" | dg_ldd_libs | while IFS= read -r lib; do
    dg_need "$lib" >/dev/null;
  done;
);
# dg_ldd_libs: from ldd's output (glibc's or musl's) the absolute path of every library and of
# the loader; "linux-vdso.so.1 (0x...)" has no path and is skipped.
dg_ldd_libs() { sed -n -e 's/^[[:space:]]*[^[:space:]]* => \(\/.*\) (0x[0-9a-fA-F]*)$/\1/p' -e 's/^[[:space:]]*\(\/.*\) (0x[0-9a-fA-F]*)$/\1/p'; };
# dg_ldd_missing: the libraries ldd could not find.
dg_ldd_missing() { sed -n 's/^[[:space:]]*\([^[:space:]]*\) => not found.*/\1/p'; };
# dg_app PATH: the program, and its closure.
dg_app() { real=$(dg_need "$1"); dg_closure "$real"; };
# dg_libs PATH: what the app loads with dlopen: every file under PATH, and the closure of each.
dg_libs() {
  real=$(dg_need "$1");
  find "$real" -type f | while IFS= read -r f; do dg_closure "$f"; done;
};
# dg_files PATH: other paths the app needs, as they are.
dg_files() { dg_need "$1" >/dev/null; };
