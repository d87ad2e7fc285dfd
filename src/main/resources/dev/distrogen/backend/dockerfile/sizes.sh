# distrogen's size report (POSIX sh: dash, busybox ash, bash): the ten largest files of the
# collected root, each with the chain of what pulled it in, ending at the spec's statement:
#   /usr/lib/x86_64-linux-gnu/libicudata.so.72 30.1 MB <- libxml2.so.2 <- mod_proxy_html.so <- libs "/usr/lib/apache2/modules"
# so that a user can see what to trim. An object's direct needers come from this stage's ldd:
# N needs T directly when T is in ldd N and in the ldd of none of N's other libraries.
# Every line ends where a shell allows a line break, so that it also runs joined.
# dg_sizes KIND PATH...: KIND PATH as the spec declares them (app, init, libs, files).
dg_sizes() {
  t=${TMPDIR:-/tmp}/distrogen-sizes.$$;
  mkdir -p "$t";
  : > "$t/declared";
  while [ "$#" -ge 2 ]; do
    real=$(readlink -f "$2" 2>/dev/null || printf '%s' "$2");
    printf '%s\t%s %s\n' "$real" "$1" "\"$2\"" >> "$t/declared";
    shift 2;
  done;
  find "$R" -type f -exec stat -c '%s %n' {} + 2>/dev/null | sed "s| $R| |" | LC_ALL=C sort -k1,1nr -k2 | head -n 10 > "$t/largest";
  dg_sizes_needs > "$t/needs";
  dg_say_sizes "$t";
  rm -rf "$t";
};
# dg_sizes_needs: "NEEDER LIBRARY" for every ELF file of the root and each library (or loader) its
# ldd lists, both as real paths of this stage; gconv's converters are the C library's own. glibc's ldd takes them all at once (/dev/null makes
# it print a "FILE:" line before each); musl's one at a time.
dg_sizes_needs() {
  if ldd --version 2>&1 | grep -q -i -e glibc -e 'gnu libc'; then
    find "$R" -type f \( -name '*.so*' -o -perm -u+x \) ! -path '*/gconv/*' -exec ldd /dev/null {} + 2>/dev/null;
  else
    find "$R" -type f \( -name '*.so*' -o -perm -u+x \) ! -path '*/gconv/*' | while IFS= read -r f; do printf '%s:\n' "$f"; ldd "$f" 2>/dev/null || :; done;
  fi | awk -v R="$R" '
    /^[^ \t].*:$/ { f = substr($0, 1, length($0) - 1); if (index(f, R) == 1) f = substr(f, length(R) + 1); next; };
    / => \/.* \(0x[0-9a-fA-F]*\)$/ { l = $0; sub(/^.* => /, "", l); sub(/ \(0x[0-9a-fA-F]*\)$/, "", l); print f " " l; next; };
    /^[ \t]*\/.* \(0x[0-9a-fA-F]*\)$/ { l = $0; sub(/^[ \t]*/, "", l); sub(/ \(0x[0-9a-fA-F]*\)$/, "", l); print f " " l; };' | LC_ALL=C sort -u > "$t/raw";
  cut -d ' ' -f 2 "$t/raw" | LC_ALL=C sort -u | while IFS= read -r l; do
    printf '%s %s\n' "$l" "$(readlink -f "$l" 2>/dev/null || printf '%s' "$l")";
  done > "$t/real";
  awk 'NR == FNR { real[$1] = $2; next; }; { print $1 " " real[$2]; }' "$t/real" "$t/raw" | LC_ALL=C sort -u;
};
# dg_say_sizes DIR: one build-log line for each of DIR/largest, with its chain.
dg_say_sizes() {
  printf 'distrogen: the ten largest files of the image, and what pulled each in:\n';
  awk -v declared="$1/declared" -v needs="$1/needs" '
    BEGIN {
      FS = "\t";
      while ((getline line < declared) > 0) { split(line, d, "\t"); nd++; dpath[nd] = d[1]; dwhat[nd] = d[2]; };
      FS = " ";
      while ((getline line < needs) > 0) { split(line, n, " "); pair[n[1] " " n[2]] = 1; lst[n[1]] = lst[n[1]] " " n[2]; users[n[2]] = users[n[2]] " " n[1]; };
    };
    function base(p) { sub(/.*\//, "", p); return p; };
    function rank(p,   i) {
      for (i = 1; i <= nd; i++) if (p == dpath[i] || index(p, dpath[i] "/") == 1) return i;
      return nd + 1;
    };
    function what(p,   i) { i = rank(p); return i <= nd ? dwhat[i] : ""; };
    function direct(t, n,   k, ls, m) {
      k = split(lst[n], ls, " ");
      for (m = 1; m <= k; m++) if (ls[m] != t && ((ls[m] " " t) in pair)) return 0;
      return 1;
    };
    function chain(t, depth,   k, us, i, best, w) {
      w = what(t);
      if (w != "") return " <- " w;
      if (depth > 8) return "";
      k = split(users[t], us, " ");
      for (i = 1; i <= k; i++) if (direct(t, us[i]) && (best == "" || rank(us[i]) < rank(best))) best = us[i];
      if (best == "") return (t ~ /\/gconv\/|libgcc_s\.so|libnss_/) ? " <- the C library, which loads it by itself" : " <- the layout (accounts, dirs, config)";
      return " <- " base(best) chain(best, depth + 1);
    };
    {
      size = $1; path = substr($0, length($1) + 2);
      unit = size >= 1048576 ? sprintf("%.1f MB", size / 1048576) : size >= 1024 ? sprintf("%.1f kB", size / 1024) : size " B";
      printf "distrogen:   %s %s%s\n", path, unit, chain(path, 0);
    }' "$1/largest";
};
