/* The plugin probe-server loads only when it serves; it needs a library of its own, shout. */
const char *shout(const char *text);

const char *greeting(void) { return shout("hello from the plugin\n"); }
