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
# ldd already follows each object's own RUNPATH/RPATH ($ORIGIN too); what it cannot find alone
# (a JNI library's libjvm.so, a plugin's host library, a dependency that relies on the RUNPATH
# of the object loading it) is looked up by soname among the files collected into $R, then in
# FILE's RUNPATH/RPATH, and ldd runs again with LD_LIBRARY_PATH set to the directories found, so
# that their own libraries come too. Only a library found nowhere stops the build.
dg_elf=$(printf '\177ELF');
dg_closure() (
  [ "$(head -c 4 "$1" 2>/dev/null)" = "$dg_elf" ] || exit 0;
  command -v ldd >/dev/null 2>&1 || dg_die "the build stage has no ldd to find the libraries of $1";
  dirs=; n=0;
  while :; do
    st=0; out=$(dg_ldd "$dirs" "$1" 2>&1) || st=$?;
    if [ "$st" -ne 0 ]; then
      case $out in *"not a dynamic executable"*|*"Not a valid dynamic program"*) exit 0 ;; esac;
    fi;
    missing=$(printf '%s\n' "$out" | dg_ldd_missing | sort -u);
    if [ -z "$missing" ]; then [ "$st" -eq 0 ] || dg_die "ldd $1 failed: $out"; break; fi;
    n=$((n + 1)); before=$dirs;
    for so in $missing; do
      d=$(dg_find_lib "$1" "$so") || dg_die "$1 needs $so, which the build stage does not have: neither ldd, nor the files collected for the image, nor the RUNPATH/RPATH of $1 find it";
      case ":$dirs:" in *":$d:"*) ;; *) dirs=${dirs:+$dirs:}$d ;; esac;
    done;
    [ "$dirs" != "$before" ] && [ "$n" -le 16 ] || dg_die "$1 needs $(echo $missing), which ldd does not find even with LD_LIBRARY_PATH=$dirs";
  done;
  printf '%s\n' "$out" | dg_ldd_libs | while IFS= read -r lib; do
    dg_need "$lib" >/dev/null;
  done;
);
# dg_ldd DIRS FILE: ldd FILE, with DIRS first in LD_LIBRARY_PATH when there are any.
dg_ldd() { if [ -n "$1" ]; then LD_LIBRARY_PATH=$1${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} ldd "$2"; else ldd "$2"; fi; };
# dg_find_lib FILE SONAME: the build stage's directory holding SONAME: among the files already
# collected into $R (which mirrors the stage's paths), else in FILE's RUNPATH/RPATH. Fails if none.
dg_find_lib() {
  hit=$(find "$R" -name "$2" \( -type f -o -type l \) 2>/dev/null | sort | head -n 1);
  if [ -n "$hit" ]; then hit=${hit#"$R"}; printf '%s\n' "${hit%/*}"; return 0; fi;
  for d in $(dg_runpath "$1"); do
    if [ -e "$d/$2" ]; then printf '%s\n' "$d"; return 0; fi;
  done;
  return 1;
};
# dg_runpath FILE: the directories of FILE's RUNPATH and RPATH, one a line, $ORIGIN replaced by
# FILE's directory: from readelf where the stage has it, and from the $ORIGIN strings of the
# file's dynamic string table where it has not (busybox stages have no readelf; its tr no [:print:]).
dg_runpath() {
  { if command -v readelf >/dev/null 2>&1; then
      readelf -d "$1" 2>/dev/null | sed -n 's/.*(R[UN]*PATH).*\[\(.*\)\]$/\1/p';
    fi;
    tr -c ' -~' '\n' < "$1" | grep -E '^(\$ORIGIN|\$\{ORIGIN\})' || :;
  } | tr ':' '\n' | sed 's/^[$][{]ORIGIN[}]/$ORIGIN/' | while IFS= read -r d; do
    case $d in '$ORIGIN'*) printf '%s\n' "${1%/*}${d#?ORIGIN}" ;; /*) printf '%s\n' "$d" ;; esac;
  done;
};
# dg_ldd_libs: from ldd's output (glibc's or musl's) the absolute path of every library and of
# the loader; "linux-vdso.so.1 (0x...)" has no path and is skipped.
dg_ldd_libs() { sed -n -e 's/^[[:space:]]*[^[:space:]]* => \(\/.*\) (0x[0-9a-fA-F]*)$/\1/p' -e 's/^[[:space:]]*\(\/.*\) (0x[0-9a-fA-F]*)$/\1/p'; };
# dg_ldd_missing: the libraries ldd could not find (glibc: "x => not found"; musl: "Error loading
# shared library x: ...").
dg_ldd_missing() { sed -n -e 's/^[[:space:]]*\([^[:space:]]*\) => not found.*/\1/p' -e 's/^Error loading shared library \([^:]*\): .*/\1/p'; };
# dg_app PATH: the program, and its closure.
dg_app() { real=$(dg_need "$1"); dg_closure "$real"; };
# dg_libs PATH: what the app loads with dlopen: every file under PATH, and the closure of each.
dg_libs() {
  real=$(dg_need "$1");
  find "$real" -type f | while IFS= read -r f; do dg_closure "$f"; done;
};
# dg_files PATH: other paths the app needs, as they are.
dg_files() { dg_need "$1" >/dev/null; };
