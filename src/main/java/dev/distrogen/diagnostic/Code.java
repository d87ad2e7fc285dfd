package dev.distrogen.diagnostic;

/**
 * Every diagnostic code, in one place: stable ids that users search for and suppress by, so an id
 * is never reused or renumbered. docs/diagnostics.md's table lists exactly these (a test holds it
 * to that).
 */
public enum Code {

    /**
     * syntax: a value or keyword is missing or out of place ("expected a string after `binary`"),
     * or a block is not closed
     */
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

    /**
     * a NUL character, which no generated file can hold (Nix strings, shell words, file names, the
     * environment)
     */
    NUL_CHARACTER("DG008", Severity.ERROR),

    /** a required statement is missing: `app`, `binary`, `user`, `uid`, `gid` */
    MISSING_STATEMENT("DG010", Severity.ERROR),

    /** a statement or setting given twice */
    DUPLICATE_STATEMENT("DG011", Severity.ERROR),

    /** a path declared twice, or beneath a config file */
    DUPLICATE_PATH("DG012", Severity.ERROR),

    /**
     * a config at a path distrogen writes itself (`/etc/passwd`, `/etc/group`,
     * `/etc/nsswitch.conf`)
     */
    RESERVED_PATH("DG013", Severity.ERROR),

    /** a relative path where the image needs an absolute one */
    RELATIVE_PATH("DG020", Severity.ERROR),

    /** a `.` or `..` segment in a path */
    DOT_SEGMENT("DG021", Severity.ERROR),

    /**
     * a malformed path (`//`, trailing `/`, control character or line separator (U+0085, U+2028,
     * U+2029), a quote or backslash, which Dockerfile builders escape differently), the root
     * itself, or a `workdir` ending in a space (which `WORKDIR` drops)
     */
    MALFORMED_PATH("DG022", Severity.ERROR),

    /** a `from` file that does not exist or is not a file */
    FROM_FILE_MISSING("DG023", Severity.ERROR),

    /** a `from` file outside the spec's folder (by `..`, an absolute path or a link) */
    FROM_FILE_OUTSIDE("DG024", Severity.ERROR),

    /**
     * a `from` file name with a quote, backslash or control character, with `*`, `?` or `[` (which
     * `COPY` reads as a pattern), with `.`, `..` or empty segments, or the name of a generated file
     * (`Dockerfile`, `default.nix`, ...)
     */
    FROM_FILE_NAME("DG025", Severity.ERROR),

    /** an `owner` that is neither the declared user nor root */
    UNKNOWN_OWNER("DG030", Severity.ERROR),

    /** a uid or gid out of range (0 to 4294967294) */
    ID_OUT_OF_RANGE("DG031", Severity.ERROR),

    /** the app user has uid 0: the app runs as root */
    ROOT_USER("DG032", Severity.WARNING),

    /**
     * a user or group name that does not fit `/etc/passwd`, `:` in home or shell, `root` with an id
     * other than 0
     */
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

    /**
     * a `health` port that no `port` declares as tcp, or an HTTP health path that is not a URL path
     */
    HEALTH_CHECK("DG044", Severity.ERROR),

    /** a mode that is not octal */
    MODE_NOT_OCTAL("DG050", Severity.ERROR),

    /** a mode above 07777 */
    MODE_TOO_LARGE("DG051", Severity.ERROR),

    /** `/tmp` with a mode other than 1777 */
    TMP_NOT_STICKY("DG052", Severity.WARNING),

    /** a declared dir the app's user cannot write to */
    DIR_NOT_WRITABLE("DG053", Severity.WARNING),

    /** a dir under `/var/lib` or `/data` that is not `persistent`: its data is lost on restart */
    STATE_NOT_PERSISTENT("DG054", Severity.WARNING),

    /** an unknown stop signal */
    STOP_SIGNAL("DG060", Severity.ERROR),

    /** an invalid environment variable name */
    ENV_NAME("DG061", Severity.ERROR),

    /** an environment variable set twice */
    DUPLICATE_ENV("DG062", Severity.ERROR),

    /**
     * an environment value with a line break or control character (a Dockerfile's ENV cannot hold
     * one)
     */
    ENV_CONTROL_CHARACTER("DG063", Severity.ERROR),

    /** a `smoke` argument with a line break or control character */
    SMOKE_ARGUMENT("DG064", Severity.ERROR),

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

    /**
     * a label key that is malformed or given twice; a label or description value with a line break
     */
    LABEL("DG076", Severity.ERROR),

    /** an `sbom` setting other than `on` or `off` */
    SBOM("DG077", Severity.ERROR),

    /**
     * a `packages` name that is not an apt, apk or rpm package name, or packages with `builder nix`
     */
    PACKAGE_NAME("DG078", Severity.ERROR),

    /**
     * a nixpkgs pin that is not a full commit, a hash that is not a Nix sha256, or one without the
     * other
     */
    NIXPKGS_PIN("DG079", Severity.ERROR),

    /**
     * a `resources` value that is not a Kubernetes quantity, is zero, is memory in thousandths
     * (`128m`), or a limit below its request
     */
    RESOURCE_QUANTITY("DG080", Severity.ERROR),

    /**
     * a `k8s` setting Kubernetes refuses: replicas outside 1 to 1000, a namespace that is not a DNS
     * label, an unknown `imagePullPolicy`
     */
    K8S_SETTING("DG081", Severity.ERROR),

    /** a dir `size` that is not a whole number of Ki, Mi, Gi or Ti */
    DIR_SIZE("DG082", Severity.ERROR),

    /**
     * `check`: no build stage for the Dockerfile (no `docker { from }`, no `builder nix`): the spec
     * is ready for every target but dockerfile and all
     */
    NO_BUILD_STAGE("DG083", Severity.WARNING),

    /**
     * a path in the image with a segment over 255 bytes (UTF-8) or over 4,080 bytes in all, which
     * the build stage cannot create
     */
    PATH_TOO_LONG("DG085", Severity.ERROR),

    /**
     * the Dockerfile is asked for, but neither the spec's `docker { from }` nor `--from` names a
     * build stage
     */
    BUILD_STAGE_REQUIRED("DG087", Severity.ERROR),

    /** a docker `probe` setting other than `on`, `off` or `trace` */
    PROBE_SETTING("DG088", Severity.ERROR),

    /**
     * a `libs` or `files` path that no nix `without` names: only the Dockerfile's image build stage
     * copies it, the Nix image holds the package's closure instead
     */
    DOCKERFILE_ONLY_PATH("DG091", Severity.WARNING),

    /** a nix `without` path that is no `libs` or `files` path */
    WITHOUT_UNKNOWN_PATH("DG092", Severity.ERROR),

    /**
     * docker `probe on` or `probe trace` without `health http` or `health tcp`: nothing to probe
     */
    PROBE_WITHOUT_HEALTH("DG093", Severity.WARNING),

    /**
     * docker `probe trace` with `builder nix`: the trace adds what the build stage's own files
     * hold, and a Nix closure is complete by itself
     */
    TRACE_WITH_NIX("DG094", Severity.ERROR),
    /** a `platforms` entry that is not a platform distrogen can build for (`linux/amd64`, ...) */
    UNKNOWN_PLATFORM("DG096", Severity.ERROR),

    /** a platform `platforms` names twice */
    DUPLICATE_PLATFORM("DG097", Severity.ERROR);

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
