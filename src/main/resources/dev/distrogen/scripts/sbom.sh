# distrogen's SBOM writer (POSIX sh and awk; embedded in a RUN, so every line ends where a shell
# allows a break and awk statements end with ';'). Also the build command of the Nix target's SBOM.
# dg_cdx: a CycloneDX 1.5 SBOM on stdout from "NAME<tab>VERSION<tab>PURL[<tab>REF]" lines on stdin
# (REF, a unique id, defaults to PURL), sorted,
# without time stamp or serial number, so the same packages give the same bytes. Package managers'
# names and versions hold no quote or backslash; any that came would be dropped, not break the JSON.
dg_cdx() {
  printf '%s\n' '{' '  "bomFormat": "CycloneDX",' '  "specVersion": "1.5",' '  "version": 1,' '  "metadata": { "tools": { "components": [ { "type": "application", "name": "distrogen" } ] } },' '  "components": [';
  LC_ALL=C sort -u | tr -d '\\"' | awk -F '\t' '{
    if (NR > 1) print ",";
    printf "    { \"type\": \"library\", \"bom-ref\": \"%s\", \"name\": \"%s\", ", (NF > 3 ? $4 : $3), $1;
    if ($2 != "") printf "\"version\": \"%s\", ", $2;
    printf "\"purl\": \"%s\" }", $3;
  }; END { if (NR > 0) print ""; }';
  printf '%s\n' '  ]' '}';
};
# dg_nix_components: "NAME<tab>VERSION<tab>PURL<tab>STORE-PATH" for each store path on stdin, its name split as
# builtins.parseDrvName does: the version starts after the first dash not followed by a letter.
dg_nix_components() {
  awk '{
    s = $0; sub(/^\/nix\/store\/[0-9a-z]+-/, "", s); n = s; v = "";
    for (i = 1; i < length(s); i++) if (substr(s, i, 1) == "-" && substr(s, i + 1, 1) !~ /[A-Za-z]/) { n = substr(s, 1, i - 1); v = substr(s, i + 1); break; };
    printf "%s\t%s\tpkg:nix/%s%s\t%s\n", n, v, n, (v == "" ? "" : "@" v), $0;
  }';
};
