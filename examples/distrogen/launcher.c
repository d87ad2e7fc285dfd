/*
 * distrogen's entrypoint in its own image: runs the jar with the image's Java runtime, passing
 * every argument on, so that `docker run IMAGE spec.dl --target nix` works (the image has no
 * shell for a script to run in). Built in the build stage: cc -O2 -o /usr/local/bin/distrogen launcher.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const JAVA = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
static const char *const OPTIONS[] = {"-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                                      "-jar", "/opt/distrogen/distrogen.jar"};

int main(int argc, char **argv) {
    size_t options = sizeof OPTIONS / sizeof OPTIONS[0];
    char **args = calloc(options + (size_t) argc + 1, sizeof *args);
    if (args == NULL) {
        perror("distrogen");
        return 70;
    }
    size_t n = 0;
    args[n++] = (char *) JAVA;
    for (size_t i = 0; i < options; i++) {
        args[n++] = (char *) OPTIONS[i];
    }
    for (int i = 1; i < argc; i++) {
        args[n++] = argv[i];
    }
    execv(JAVA, args);
    perror("distrogen: cannot start java");
    return 70;
}
