# distrogen's package step: installs the spec's `packages` into the build stage before
# collecting, with the stage's own package manager, found when the image is built.
# Joined into one RUN line like collect.sh: every line ends where a shell allows a break.
set -eu;
# dg_packages IMAGE PACKAGE...: apt-get (Debian, Ubuntu), apk (Alpine), dnf or microdnf (Fedora,
# UBI); the package lists and caches are removed again. IMAGE names the stage in the message.
dg_packages() {
  img=$1; shift;
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"; apt-get clean; rm -rf /var/lib/apt/lists/*;
  elif command -v apk >/dev/null 2>&1; then
    apk add --no-cache "$@";
  elif command -v dnf >/dev/null 2>&1; then
    dnf install -y "$@"; dnf clean all;
  elif command -v microdnf >/dev/null 2>&1; then
    microdnf install -y "$@"; microdnf clean all;
  else
    echo "distrogen: the build stage $img has none of apt-get, apk, dnf or microdnf to install $*: build on an image that has one, or one that already holds them" >&2; exit 1;
  fi;
};
