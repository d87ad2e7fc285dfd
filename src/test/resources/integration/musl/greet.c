/* libgreet: a shared library for the musl test, so the closure holds more than libc. */
const char *greet(void) {
    return "hello from musl\n";
}
