# distrogen's layout script: the plan's directories and text files, with owner and mode, in $R.
# Joined into one RUN line like collect.sh: every line ends where a shell allows a break.
set -eu;
R=/distrogen/root;
dg_dir() { mkdir -p "$R$1"; chown "$2" "$R$1"; chmod "$3" "$R$1"; };
dg_own() { chown "$2" "$R$1"; chmod "$3" "$R$1"; };
