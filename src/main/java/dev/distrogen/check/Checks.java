package dev.distrogen.check;

import dev.distrogen.check.rules.*;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import dev.distrogen.diagnostic.Diagnostic;
import java.util.List;

/** Every check, in one list. A new rule is added here and nowhere else. */
public final class Checks {

    private static final List<Check> ALL = List.of(
            new RequiredStatementsCheck(),
            new DuplicateStatementCheck(),
            new ContainerPathCheck(),
            new DuplicatePathCheck(),
            new ConfigFileCheck(),
            new OwnerCheck(),
            new AccountNameCheck(),
            new IdRangeCheck(),
            new RootUserCheck(),
            new PortCheck(),
            new PrivilegedPortCheck(),
            new ModeCheck(),
            new TmpStickyCheck(),
            new WritableDirCheck(),
            new StopSignalCheck(),
            new EnvCheck(),
            new ImageCheck(),
            new DockerSettingsCheck(),
            new NixSettingsCheck(),
            new SbomCheck());

    private Checks() {
    }

    /** Runs every check; the result is sorted. */
    public static List<Diagnostic> run(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        for (Check check : ALL) {
            found.addAll(check.check(spec));
        }
        return found.stream().sorted(Diagnostic.ORDER).toList();
    }
}
