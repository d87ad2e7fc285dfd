/* printargs: prints its arguments, environment and working directory, one per line, with
 * backslash, newline and tab escaped as \\ \n \t, for the escapes test. */
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

extern char **environ;

static void put(const char *kind, const char *s) {
    printf("%s ", kind);
    for (; *s; s++) {
        if (*s == '\\') {
            fputs("\\\\", stdout);
        } else if (*s == '\n') {
            fputs("\\n", stdout);
        } else if (*s == '\t') {
            fputs("\\t", stdout);
        } else {
            putchar(*s);
        }
    }
    putchar('\n');
}

int main(int argc, char **argv) {
    char cwd[PATH_MAX];
    for (int i = 0; i < argc; i++) {
        put("arg", argv[i]);
    }
    for (char **e = environ; *e; e++) {
        put("env", *e);
    }
    if (getcwd(cwd, sizeof cwd)) {
        put("cwd", cwd);
    }
    return 0;
}
