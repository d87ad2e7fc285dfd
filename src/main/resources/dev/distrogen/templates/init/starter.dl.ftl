# A distrogen spec for [=name]: one description of its image, for both ways of building it.
#
#   distrogen check [=name].dl                            checks it
#   distrogen [=name].dl --target plan                    shows what the image will hold
#   distrogen [=name].dl --target dockerfile -o build     a Dockerfile and its build context
#   distrogen [=name].dl --target nix -o build-nix        a Nix expression (dockerTools)
#   distrogen [=name].dl --target all -o .                both, docs, Kubernetes manifests and CI
#
# As written, it builds on the stock Debian image with a stand-in program, cat, which prints the
# config and exits. To package [=name], change the lines marked "stand-in": binary and args, and
# where the build stage gets the program (docker { from } or packages; nix { package binary }).
# Every statement is described in distrogen's language reference (docs/language.md, or man distrogen.dl).

image "[=name]" tag "0.1.0"
description "[=name] in a minimal image: no shell, no package manager"

app "[=name]" {
    binary "/usr/bin/cat"                     # stand-in: your program, where the build stage holds it
    args   "/etc/[=name]/[=name].conf"           # stand-in: say "--config" "/etc/[=name]/[=name].conf"
    # libs "/usr/lib/[=name]/plugins"         # what it loads with dlopen; their libraries come too
    # env  LOG_LEVEL = "info"
    stop   "SIGTERM"
}

# The one non-root account it runs as; the image's /etc/passwd holds root and this user only.
user "[=name]" uid 10001 gid 10001

# The directories it writes to, owned by its user: here a cache, empty at every start. For data
# that must outlive the container, add "/var/lib/[=name]" ... persistent size "1Gi": Kubernetes
# then gets a StatefulSet with a volume claim.
dirs {
    "/var/cache/[=name]" owner "[=name]" mode 0750
}

config "/etc/[=name]/[=name].conf" from "[=name].conf"

port 8080

docker {
    from "debian:bookworm-slim"               # stand-in: the build stage, an image that holds the program
    # packages "[=name]"                      # or have the stage's apt, apk or dnf install it first
    base scratch                              # or distroless-static, distroless-base, distroless-cc
}

nix {
    package "coreutils"                       # stand-in: the nixpkgs attribute of the program
    binary  "bin/cat"                         # stand-in: the program inside that package
    function buildLayeredImage
}
