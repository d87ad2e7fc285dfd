package dev.distrogen.model;

/**
 * A place in a spec file: 1-based line and column (as compilers report them) and the length of the
 * text it covers, for the caret under it.
 */
public record SourceLocation(int line, int column, int length)
        implements Comparable<SourceLocation> {

    public static final SourceLocation NONE = new SourceLocation(0, 0, 0);

    public SourceLocation {
        if (line < 0 || column < 0 || length < 0) {
            throw new IllegalArgumentException("negative source location");
        }
    }

    @Override
    public int compareTo(SourceLocation other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
