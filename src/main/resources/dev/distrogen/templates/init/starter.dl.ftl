# A distrogen spec for [=name]: one description of its image, for both ways of building it.
#
#   distrogen check [=name].dl                            checks it
#   distrogen [=name].dl --target plan                    shows what the image will hold
#   distrogen [=name].dl --target dockerfile -o build     a Dockerfile and its build context
#   distrogen [=name].dl --target nix -o build-nix        a Nix expression (dockerTools)
#   distrogen [=name].dl --target all -o .                both, docs, Kubernetes manifests and CI
#
# Every statement is described in distrogen's docs/language.md.

image "[=name]" tag "0.1.0"
description "[=name] in a minimal image: no shell, no package manager"

app "[=name]" {
    binary "/usr/bin/[=name]"                 # the program, where the build stage below holds it
    args   "--config" "/etc/[=name]/[=name].conf"
    # libs "/usr/lib/[=name]/plugins"         # what it loads with dlopen; their libraries come too
    # env  LOG_LEVEL = "info"
    stop   "SIGTERM"
}

# The one non-root account it runs as; the image's /etc/passwd holds root and this user only.
user "[=name]" uid 10001 gid 10001

# The directories it writes to, owned by its user.
dirs {
    "/var/lib/[=name]" owner "[=name]" mode 0750 persistent size "1Gi"   # a volume of 1 GiB: it outlives the container
}

config "/etc/[=name]/[=name].conf" from "[=name].conf"

port 8080

docker {
    from "debian:bookworm-slim"               # replace with an image that holds the program
    base scratch                              # or distroless-static, distroless-base, distroless-cc
}

nix {
    package "[=name]"                         # the nixpkgs attribute of the program
    function buildLayeredImage
}
