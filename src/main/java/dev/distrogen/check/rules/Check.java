package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.Spec;
import java.util.List;

/** One rule a spec must follow. Checks are independent of each other and of their order. */
public interface Check {

    List<Diagnostic> check(Spec spec);
}
