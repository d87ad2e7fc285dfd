package dev.distrogen.diagnostic;

/**
 * Every diagnostic code, in one place: stable ids that users search for and suppress by, so an id
 * is never reused or renumbered. README.md's table lists exactly these (a test holds it to that).
 */
public enum Code {

    /** syntax: a value or keyword is missing or out of place ("expected a string after `binary`"), or a block is not closed */
    SYNTAX("DG001", Severity.ERROR),

    /** unknown statement or setting, with "did you mean" */
    UNKNOWN_KEYWORD("DG002", Severity.ERROR),

    /** a keyword in the wrong block (`binary` outside `app`) */
    MISPLACED_KEYWORD("DG003", Severity.ERROR),

    /** unterminated string or text block */
    UNTERMINATED("DG004", Severity.ERROR),

    /** unknown escape in a string (`"\d"`) */
    BAD_ESCAPE("DG005", Severity.ERROR),

    /** unexpected character (`'`, `;`, ...) */
    UNEXPECTED_CHARACTER("DG006", Severity.ERROR),

    /** the file is not UTF-8 */
    NOT_UTF8("DG007", Severity.ERROR),

    /** a required statement is missing: `app`, `binary`, `user`, `uid`, `gid` */
    MISSING_STATEMENT("DG010", Severity.ERROR),

    /** a statement or setting given twice */
    DUPLICATE_STATEMENT("DG011", Severity.ERROR),

    /** a path declared twice, or beneath a config file */
    DUPLICATE_PATH("DG012", Severity.ERROR),

    /** a config at a path distrogen writes itself (`/etc/passwd`, `/etc/group`, `/etc/nsswitch.conf`) */
    RESERVED_PATH("DG013", Severity.ERROR),

    /** a relative path where the image needs an absolute one */
    RELATIVE_PATH("DG020", Severity.ERROR),

    /** a `.` or `..` segment in a path */
    DOT_SEGMENT("DG021", Severity.ERROR),

    /** a malformed path (`//`, trailing `/`, control character, a quote or backslash, which Dockerfile builders escape differently) or the root itself */
    MALFORMED_PATH("DG022", Severity.ERROR),

    /** a `from` file that does not exist or is not a file */
    FROM_FILE_MISSING("DG023", Severity.ERROR),

    /** a `from` file outside the spec's folder (by `..`, an absolute path or a link) */
    FROM_FILE_OUTSIDE("DG024", Severity.ERROR),

    /** a `from` file name with a quote, backslash or control character, with `.`, `..` or empty segments, or the name of a generated file (`Dockerfile`, `default.nix`, ...) */
    FROM_FILE_NAME("DG025", Severity.ERROR),

    /** an `owner` that is neither the declared user nor root */
    UNKNOWN_OWNER("DG030", Severity.ERROR),

    /** a uid or gid out of range (0 to 4294967294) */
    ID_OUT_OF_RANGE("DG031", Severity.ERROR),

    /** the app user has uid 0: the app runs as root */
    ROOT_USER("DG032", Severity.WARNING),

    /** a user or group name that does not fit `/etc/passwd`, `:` in home or shell, `root` with an id other than 0 */
    ACCOUNT_NAME("DG033", Severity.ERROR),

    /** a uid or gid above 65535: rootless runtimes cannot map it */
    ID_ABOVE_65535("DG034", Severity.WARNING),

    /** a port out of range (1 to 65535) */
    PORT_OUT_OF_RANGE("DG040", Severity.ERROR),

    /** a protocol other than tcp, udp, sctp */
    PORT_PROTOCOL("DG041", Severity.ERROR),

    /** a port below 1024 with a non-root user: it cannot bind it on a default kernel */
    PRIVILEGED_PORT("DG042", Severity.WARNING),

    /** a port declared twice */
    DUPLICATE_PORT("DG043", Severity.ERROR),

    /** a mode that is not octal */
    MODE_NOT_OCTAL("DG050", Severity.ERROR),

    /** a mode above 07777 */
    MODE_TOO_LARGE("DG051", Severity.ERROR),

    /** `/tmp` with a mode other than 1777 */
    TMP_NOT_STICKY("DG052", Severity.WARNING),

    /** a declared dir the app's user cannot write to */
    DIR_NOT_WRITABLE("DG053", Severity.WARNING),

    /** an unknown stop signal */
    STOP_SIGNAL("DG060", Severity.ERROR),

    /** an invalid environment variable name */
    ENV_NAME("DG061", Severity.ERROR),

    /** an environment variable set twice */
    DUPLICATE_ENV("DG062", Severity.ERROR),

    /** an environment value with a line break or control character (a Dockerfile's ENV cannot hold one) */
    ENV_CONTROL_CHARACTER("DG063", Severity.ERROR),

    /** an unknown `base` */
    DOCKER_BASE("DG070", Severity.ERROR),

    /** an unknown `builder` */
    DOCKER_BUILDER("DG071", Severity.ERROR),

    /** an unknown dockerTools `function` */
    NIX_FUNCTION("DG072", Severity.ERROR),

    /** a nix `package` (or the app's name it defaults to) that is not an attribute path */
    NIX_PACKAGE("DG073", Severity.ERROR),

    /** a nix `binary` that is not a relative path inside the package */
    NIX_BINARY("DG074", Severity.ERROR),

    /** an image name (or the app's name it defaults to), tag or reference that registries refuse */
    IMAGE_REFERENCE("DG075", Severity.ERROR),

    /** a label key that is malformed or given twice; a label or description value with a line break */
    LABEL("DG076", Severity.ERROR),

    /** a `packages` name that is not an apt, apk or rpm package name, or packages with `builder nix` */
    PACKAGE_NAME("DG077", Severity.ERROR),

    /** a `smoke` argument with a line break or control character */
    SMOKE_ARGUMENT("DG078", Severity.ERROR);

    private final String id;
    private final Severity severity;

    Code(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    /** "DG012". */
    public String id() {
        return id;
    }

    /** The severity it is always reported with. */
    public Severity severity() {
        return severity;
    }
}
