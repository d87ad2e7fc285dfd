package dev.distrogen.integration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What an ELF file says about itself: the machine it is for ({@code e_machine}) and, for a dynamic
 * program, the loader the kernel starts it with (its PT_INTERP). Little-endian ELF64 only: the
 * files of amd64 and arm64 images.
 */
record Elf(int machine, Optional<String> interpreter) {

    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;
    private static final int PT_INTERP = 3;

    /** The ELF header of {@code file}, or empty when it is not a little-endian ELF64 file. */
    static Optional<Elf> read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) < 64) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.getInt(0) != 0x464c457f || bytes.get(4) != 2 || bytes.get(5) != 1) {
            return Optional.empty();
        }
        int machine = Short.toUnsignedInt(bytes.getShort(18));
        long phoff = bytes.getLong(32);
        int phentsize = Short.toUnsignedInt(bytes.getShort(54));
        int phnum = Short.toUnsignedInt(bytes.getShort(56));
        for (int i = 0; i < phnum; i++) {
            int header = Math.toIntExact(phoff + (long) i * phentsize);
            if (bytes.getInt(header) == PT_INTERP) {
                int offset = Math.toIntExact(bytes.getLong(header + 8));
                int size = Math.toIntExact(bytes.getLong(header + 32));
                String interp =
                        new String(bytes.array(), offset, size, StandardCharsets.US_ASCII)
                                .replace("\0", "");
                return Optional.of(new Elf(machine, Optional.of(interp)));
            }
        }
        return Optional.of(new Elf(machine, Optional.empty()));
    }
}
