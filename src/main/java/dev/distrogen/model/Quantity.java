package dev.distrogen.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ("250m", "0.5", "128Mi", "1G", "1e3"), as apimachinery's
 * resource.Quantity reads it, without a sign: a resource request is never negative.
 */
public final class Quantity {

    private static final Pattern SYNTAX =
            Pattern.compile(
                    "([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");
    private static final Map<String, BigDecimal> SUFFIXES =
            Map.ofEntries(
                    Map.entry("", BigDecimal.ONE),
                    Map.entry("n", new BigDecimal("1e-9")),
                    Map.entry("u", new BigDecimal("1e-6")),
                    Map.entry("m", new BigDecimal("1e-3")),
                    Map.entry("k", new BigDecimal("1e3")),
                    Map.entry("M", new BigDecimal("1e6")),
                    Map.entry("G", new BigDecimal("1e9")),
                    Map.entry("T", new BigDecimal("1e12")),
                    Map.entry("P", new BigDecimal("1e15")),
                    Map.entry("E", new BigDecimal("1e18")),
                    Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
                    Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
                    Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
                    Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
                    Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
                    Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private Quantity() {}

    /** The amount the quantity stands for (cores or bytes), or empty when it is not one. */
    public static Optional<BigDecimal> value(String written) {
        Matcher m = SYNTAX.matcher(written);
        if (written.length() > 40 || !m.matches()) {
            return Optional.empty();
        }
        String suffix = m.group(2) == null ? "" : m.group(2);
        BigDecimal number =
                new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        if (suffix.startsWith("e") || suffix.startsWith("E")) {
            int exponent = Integer.parseInt(suffix.substring(1));
            return Math.abs(exponent) > 30
                    ? Optional.empty()
                    : Optional.of(number.scaleByPowerOfTen(exponent));
        }
        return Optional.of(number.multiply(SUFFIXES.get(suffix)));
    }

    /** Whether {@code a} stands for less than {@code b}; both must be quantities. */
    public static boolean less(String a, String b) {
        return value(a).orElseThrow().compareTo(value(b).orElseThrow()) < 0;
    }
}
