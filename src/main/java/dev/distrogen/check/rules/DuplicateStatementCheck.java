package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.check.Check;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.Spec;
import dev.distrogen.model.StatementRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** DG011: a statement or setting that takes one value is given twice in the same place. */
public final class DuplicateStatementCheck implements Check {


    /** Keywords that may repeat: each occurrence adds to a list. */
    private static final Set<String> REPEATABLE = Set.of("label", "dirs", "dir", "config", "port", "libs", "files", "env",
            "packages", "without");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, StatementRef> first = new HashMap<>();
        for (StatementRef ref : spec.statements()) {
            if (REPEATABLE.contains(ref.keyword())) {
                continue;
            }
            String key = ref.scope() + "#" + ref.scopeIndex() + "#" + ref.keyword();
            StatementRef earlier = first.putIfAbsent(key, ref);
            if (earlier != null) {
                String where = ref.scope().equals("spec") ? "" : " in `" + ref.scope() + "`";
                found.add(Diagnostic.error(Code.DUPLICATE_STATEMENT, ref.at(), "duplicate `" + ref.keyword() + "`" + where
                                + "; the first is at line " + earlier.at().line())
                        .withHint("keep one of them"));
            }
        }
        return found;
    }
}
