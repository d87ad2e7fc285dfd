# distrogen's scanner metadata (POSIX sh, after collect.sh in the same RUN, so every line ends
# where a shell allows a break and awk programs end each statement with ';'). It finds the
# package of this stage that owns each file in $R and writes into $R what vulnerability scanners
# read: dpkg stanzas in /var/lib/dpkg/status.d/ (as distroless does), the apk database reduced to
# the owning packages, or, with rpm, a CycloneDX SBOM. A file no package owns is named in the
# build log; a stage without a package database gets one line and no metadata, never a failure.
# Database readers take the root they read from as $1 ('' in the build stage), for the tests.
# Needs collect.sh (dg_need), sbom.sh (dg_cdx) and DG_SBOM, the SBOM's path in the image.
# dg_root_files: every file and link in $R (not directories, nor links to them), sorted.
dg_root_files() {
  (cd "$R" && find . ! -type d) | sed 's/^\.//' | while IFS= read -r f; do
    [ -d "$R$f" ] || printf '%s\n' "$f";
  done | LC_ALL=C sort;
};
# dg_dirlinks ROOT: "LINK REAL" for each directory link in ROOT's / and /usr (usrmerge's
# /lib -> usr/lib): a database may name a file by either path, $R holds it under the real one.
dg_dirlinks() {
  r=$(cd "$1/" && pwd -P); [ "$r" != / ] || r=;
  for l in "$1"/* "$1"/usr/*; do
    if [ -L "$l" ] && [ -d "$l" ]; then t=$(cd "$l" && pwd -P); printf '%s %s\n' "${l#"$1"}" "${t#"$r"}"; fi;
  done;
};
# dg_owners ROOT FILES: reads "PACKAGE PATH" from a database, writes "PACKAGE PATH" for each
# path in the file FILES, each path as $R holds it (database paths through ROOT's directory links).
dg_owners() {
  dg_dirlinks "$1" > "$2.links";
  awk -v files="$2" -v links="$2.links" 'BEGIN { n = 0; while ((getline l < links) > 0) { n++; from[n] = substr(l, 1, index(l, " ") - 1) "/"; to[n] = substr(l, index(l, " ") + 1) "/"; } while ((getline l < files) > 0) want[l] = 1; } {
    p = substr($0, 1, index($0, " ") - 1); f = substr($0, index($0, " ") + 1);
    for (i = 1; i <= n; i++) if (index(f, from[i]) == 1) { f = to[i] substr(f, length(from[i]) + 1); break; };
    if ((f in want) && !((p " " f) in seen)) { seen[p " " f] = 1; print p " " f; };
  }' | LC_ALL=C sort;
};
# dg_unowned FILES OWNERS: one build-log line for each path of FILES that no package owns.
dg_unowned() {
  awk -v owners="$2" 'BEGIN { while ((getline l < owners) > 0) owned[substr(l, index(l, " ") + 1)] = 1; } !($0 in owned) { print "distrogen: no package owns " $0 ": scanners will not see it"; }' "$1";
};
# dg_stanzas KEY PACKAGES [DIR]: the paragraphs of a database on stdin whose KEY field names a
# package of the file PACKAGES (one name a line), skipping those whose Status is not installed;
# to stdout, or each to DIR/PACKAGE.
dg_stanzas() {
  awk -v key="$1" -v pkgs="$2" -v dir="${3-}" 'BEGIN { while ((getline l < pkgs) > 0) want[l] = 1; } function flush() {
    if ((p in want) && ok && dir == "") printf "%s\n", s;
    if ((p in want) && ok && dir != "") { f = dir "/" p; if (p in done) printf "\n%s", s >> f; else printf "%s", s > f; done[p] = 1; close(f); };
    s = ""; p = ""; ok = 1;
  }; BEGIN { ok = 1; }; /^$/ { flush(); next; }; {
    s = s $0 "\n";
    if (index($0, key) == 1) p = substr($0, length(key) + 1);
    if (index($0, "Status: ") == 1 && $0 !~ / installed$/) ok = 0;
  }; END { flush(); }';
};
# dg_dpkg_paths ROOT: "PACKAGE PATH" for every path in dpkg's lists (libc6:amd64.list -> libc6).
dg_dpkg_paths() {
  for l in "$1"/var/lib/dpkg/info/*.list; do
    [ -f "$l" ] || continue;
    p=${l##*/}; p=${p%.list}; p=${p%%:*};
    sed "s|^|$p |" "$l";
  done;
};
# dg_apk_paths ROOT: "PACKAGE PATH" for every file of apk's installed database (P:, F:, R:).
dg_apk_paths() {
  awk '/^P:/ { p = substr($0, 3); d = ""; }; /^F:/ { d = "/" substr($0, 3); }; /^R:/ { print p " " d "/" substr($0, 3); };' "$1/lib/apk/db/installed";
};
# dg_owning_packages OWNERS: the owning packages, once each, sorted (not packages.sh's dg_packages, which installs).
dg_owning_packages() { sed 's/ .*//' "$1" | LC_ALL=C sort -u; };
# dg_keep PATH: the OS's release files, as scanners detect the distribution from them (Trivy
# takes an Ubuntu with /etc/debian_version but no /etc/lsb-release for Debian).
dg_keep() { if [ -e "$1" ]; then dg_need "$1" >/dev/null; fi; };
# dg_metadata: the whole step, for the database this stage has. DG_STAGE (unset in the build
# stage) names another root to read the databases and release files from, for the tests.
dg_metadata() {
  S=${DG_STAGE-}; M=$R.meta; rm -rf "$M"; mkdir -p "$M";
  if [ -f "$S/var/lib/dpkg/status" ]; then
    dg_keep "$S/etc/os-release"; dg_keep "$S/etc/debian_version"; dg_keep "$S/etc/lsb-release"; dg_root_files > "$M/files";
    dg_dpkg_paths "$S" | dg_owners "$S" "$M/files" > "$M/owners"; dg_owning_packages "$M/owners" > "$M/packages";
    mkdir -p "$R/var/lib/dpkg/status.d"; dg_stanzas 'Package: ' "$M/packages" "$R/var/lib/dpkg/status.d" < "$S/var/lib/dpkg/status";
  elif [ -f "$S/lib/apk/db/installed" ]; then
    dg_keep "$S/etc/os-release"; dg_keep "$S/etc/alpine-release"; dg_root_files > "$M/files";
    dg_apk_paths "$S" | dg_owners "$S" "$M/files" > "$M/owners"; dg_owning_packages "$M/owners" > "$M/packages";
    mkdir -p "$R/lib/apk/db"; dg_stanzas 'P:' "$M/packages" < "$S/lib/apk/db/installed" > "$R/lib/apk/db/installed";
  elif command -v rpm >/dev/null 2>&1 && rpm -qa >/dev/null 2>&1; then
    dg_keep "$S/etc/os-release"; dg_keep "$S/etc/redhat-release"; dg_root_files > "$M/files";
    dg_rpm_paths < "$M/files" | dg_owners "$S" "$M/files" > "$M/owners"; dg_owning_packages "$M/owners" > "$M/packages";
    mkdir -p "$R${DG_SBOM%/*}"; dg_rpm_versions < "$M/packages" | dg_cdx > "$R$DG_SBOM";
  else
    echo "distrogen: the build stage has no package database (dpkg, apk or rpm): the image carries no package metadata for scanners";
    rm -rf "$M"; return 0;
  fi;
  dg_unowned "$M/files" "$M/owners";
  echo "distrogen: package metadata for scanners: $(wc -l < "$M/packages") packages own the image's files";
  rm -rf "$M";
};
# dg_rpm_paths: "PACKAGE PATH" for each path on stdin that rpm -qf names an owner of.
dg_rpm_paths() {
  while IFS= read -r f; do
    if o=$(rpm -qf --queryformat '%{NAME}\n' "$f" 2>/dev/null); then
      printf '%s\n' "$o" | while IFS= read -r p; do printf '%s %s\n' "$p" "$f"; done;
    fi;
  done;
};
# dg_rpm_versions: "NAME<tab>VERSION<tab>PURL" for each package name on stdin ([EPOCH:]VERSION-RELEASE).
dg_rpm_versions() {
  while IFS= read -r p; do
    rpm -q --queryformat '%{NAME}\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\tpkg:rpm/%{NAME}@%{VERSION}-%{RELEASE}?arch=%{ARCH}%|EPOCH?{&epoch=%{EPOCH}}:{}|\n' "$p";
  done;
};
