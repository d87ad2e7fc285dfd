package dev.distrogen.check;

import dev.distrogen.check.rules.*;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.Overrides;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every check, in one list. A new rule is added here and nowhere else. */
public final class Checks {

    private static List<Check> all(Set<String> generatedFileNames, Overrides overrides) {
        return List.of(
                new RequiredStatementsCheck(),
                new DuplicateStatementCheck(),
                new ContainerPathCheck(),
                new DuplicatePathCheck(),
                new ConfigFileCheck(generatedFileNames),
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
                new BuildStageCheck(overrides),
                new NixSettingsCheck(),
                new SbomCheck(),
                new PlatformsCheck(),
                new NixpkgsPinCheck(),
                new HealthCheck(),
                new ProbeCheck(),
                new ResourcesCheck(),
                new PersistentDirCheck(),
                new DirSizeCheck(),
                new K8sSettingsCheck(),
                new NixParityCheck());
    }

    private Checks() {}

    /**
     * Runs every check; the result is sorted.
     *
     * @param generatedFileNames the files distrogen writes into an output directory (the targets
     *     declare them), which a {@code from} file copied beside them may not take
     * @param overrides what the command line adds, which the plan is built from too
     */
    public static List<Diagnostic> run(
            Spec spec, Set<String> generatedFileNames, Overrides overrides) {
        List<Diagnostic> found = new ArrayList<>();
        for (Check check : all(generatedFileNames, overrides)) {
            found.addAll(check.check(spec));
        }
        return found.stream().sorted(Diagnostic.ORDER).toList();
    }
}
