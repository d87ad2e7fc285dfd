# A test double of nixpkgs for distrogen's generated expressions. The dockerTools builders take
# exactly the formals nixpkgs gives them (no `...`), so a misspelled or unsupported attribute
# fails here as it does on nixpkgs ("called with unexpected argument"); `contents` together with
# `copyToRoot` throws as buildImage does. Packages are a fixed list: a missing one fails. Each
# builder returns what it was called with, so tests can assert the config, users, dirs and files.
# writeText writes real store files (builtins.toFile), so the layout commands can be run.
# runCommand NAME ENV BUILDCOMMAND (curried, as nixpkgs' is) cannot build at evaluation time: its
# outPath is a store file holding the build command, which a test can run itself; writeClosure
# PATHS (a list, as nixpkgs' is) writes each path and a fixed glibc dependency, one a line, as
# the real one writes the closure.
let
  glibc = package "glibc" "2.40-66";
  package = pname: version: {
    type = "derivation";
    name = "${pname}-${version}";
    inherit pname version;
    outPath = "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" pname)}-${pname}-${version}";
  };
  record = builder: args: {
    inherit builder args;
  };
in
{
  nginx = package "nginx" "1.26.3";
  lighttpd = package "lighttpd" "1.4.76";
  redis = package "redis" "7.2.7";
  memcached = package "memcached" "1.6.31";
  printargs = package "printargs" "1.0";
  distrogen = package "distrogen" "0.1.0";
  python3 = package "python3" "3.11.10";
  nodejs = package "nodejs" "20.18.1";
  jre_headless = package "openjdk-headless" "17.0.13+11";
  caddy = package "caddy" "2.8.4";
  tini = package "tini" "0.19.0";

  writeText = name: text: builtins.toFile name text;

  runCommand = name: env: buildCommand: {
    type = "derivation";
    inherit name env buildCommand;
    outPath = builtins.toFile name buildCommand;
  };

  writeClosure =
    paths:
    builtins.toFile "runtime-deps" (
      builtins.concatStringsSep "" (map (p: "${p}\n") (builtins.sort builtins.lessThan (map (p: p.outPath) (paths ++ [ glibc ]))))
    );

  buildEnv =
    {
      name,
      paths,
      pathsToLink ? [ "/" ],
      extraOutputsToInstall ? [ ],
      ignoreCollisions ? false,
      postBuild ? "",
    }@args:
    record "buildEnv" args;

  dockerTools = {
    buildImage =
      {
        name,
        tag ? null,
        fromImage ? null,
        fromImageName ? null,
        fromImageTag ? null,
        copyToRoot ? null,
        keepContentsDirlinks ? false,
        config ? null,
        architecture ? null,
        extraCommands ? "",
        uid ? 0,
        gid ? 0,
        runAsRoot ? null,
        diskSize ? 1024,
        buildVMMemorySize ? 512,
        created ? "1970-01-01T00:00:01Z",
        compressor ? "gz",
        includeNixDB ? false,
        contents ? null,
      }@args:
      if contents != null && copyToRoot != null then
        throw "in docker image ${name}: You can not specify both contents and copyToRoot."
      else
        record "buildImage" args;

    streamLayeredImage =
      {
        name,
        tag ? null,
        fromImage ? null,
        contents ? [ ],
        config ? { },
        architecture ? null,
        created ? "1970-01-01T00:00:01Z",
        mtime ? "1970-01-01T00:00:01Z",
        uid ? 0,
        gid ? 0,
        uname ? "root",
        gname ? "root",
        maxLayers ? 100,
        extraCommands ? "",
        fakeRootCommands ? "",
        enableFakechroot ? false,
        includeStorePaths ? true,
        includeNixDB ? false,
        passthru ? { },
        layeringPipeline ? null,
        debug ? false,
      }@args:
      record "streamLayeredImage" args;

    buildLayeredImage =
      {
        name,
        tag ? null,
        fromImage ? null,
        contents ? [ ],
        config ? { },
        architecture ? null,
        created ? "1970-01-01T00:00:01Z",
        mtime ? "1970-01-01T00:00:01Z",
        uid ? 0,
        gid ? 0,
        uname ? "root",
        gname ? "root",
        maxLayers ? 100,
        extraCommands ? "",
        fakeRootCommands ? "",
        enableFakechroot ? false,
        includeStorePaths ? true,
        includeNixDB ? false,
        passthru ? { },
        layeringPipeline ? null,
        debug ? false,
        compressor ? "gz",
      }@args:
      record "buildLayeredImage" args;
  };
}
