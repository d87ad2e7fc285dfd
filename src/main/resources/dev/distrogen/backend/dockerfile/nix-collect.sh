# distrogen's nix build stage: installs the package, from the pinned nixpkgs the Nix target
# imports too (never the image's channel), into a profile and copies the profile's
# whole closure (nix-store -qR) into $R/nix/store; the profile's bin/ and friends go to
# $R/usr/local, as symlinks into the store.
set -eu;
R=/distrogen/root;
mkdir -p "$R/nix/store" "$R/usr/local";
# dg_nixpkgs EXPRESSION: the nixpkgs every dg_nix installs from, a fetchTarball with its sha256.
dg_nixpkgs() { printf '%s\n' "$1" > /distrogen/nixpkgs.nix; };
dg_nix() { nix-env --profile /distrogen/profile --file /distrogen/nixpkgs.nix --install --attr "$1"; cp -a $(nix-store --query --requisites /distrogen/profile) "$R/nix/store/"; cp -a "$(readlink -f /distrogen/profile)/." "$R/usr/local/"; };
# dg_nix_sbom: a CycloneDX SBOM of the profile's closure at $DG_SBOM in the image (sbom.sh).
dg_nix_sbom() { mkdir -p "$R${DG_SBOM%/*}"; nix-store --query --requisites /distrogen/profile | dg_nix_components | dg_cdx > "$R$DG_SBOM"; };
