/*
 * Part of Descent's kernel patch for rapaio-jupyter-kernel 3.0.1; see ExitGuard and
 * environment/KERNEL-NOTES.md, section "Interrupt and System.exit".
 */
package descent.kernel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewrites a class file so that its calls to {@code System.exit(int)}, {@code Runtime.exit(int)} and
 * {@code Runtime.halt(int)} call {@link ExitGuard} instead.
 *
 * <p>Why bytes and not a SecurityManager: the SecurityManager cannot be installed on Java 24+, and
 * the kernel must run on 17 and 25. Why our own few lines and not a bytecode library: the JDK has
 * no public class-file API before 24, and the change is small enough to make in place: each
 * {@code invokestatic System.exit} / {@code invokevirtual Runtime.exit|halt} instruction (3 bytes)
 * becomes an {@code invokestatic} (3 bytes) of a new constant-pool entry for {@code ExitGuard}'s
 * method with the same stack effect ({@code (I)V}, or {@code (Ljava/lang/Runtime;I)V} taking the
 * receiver as first argument). No instruction moves, so branch offsets, exception tables and stack
 * maps stay valid; the new constants go at the end of the pool. Method handles to those methods
 * ({@code System::exit}) are redirected the same way. A class with none of these calls is returned
 * unchanged (the same array). Reflection ({@code Method.invoke} of {@code System.exit}) is not
 * covered.
 */
public final class ExitCallRewriter {

    private static final String GUARD = "descent/kernel/ExitGuard";

    private ExitCallRewriter() {
    }

    /** A constant-pool entry of a method that ends the JVM, and what replaces it. */
    private record Target(String name, String descriptor, boolean virtual) {
    }

    /**
     * @param classFile the bytes of one class file (not modified)
     * @return the rewritten bytes, or {@code classFile} itself when it calls none of the methods
     * @throws IllegalArgumentException if the bytes are not a class file this parser understands
     */
    public static byte[] rewrite(byte[] classFile) {
        Reader in = new Reader(classFile);
        if (in.u4(0) != 0xCAFEBABEL) {
            throw new IllegalArgumentException("not a class file (bad magic number)");
        }
        int count = in.u2(8);
        int[] tag = new int[count];
        int[] at = new int[count];
        int pos = 10;
        for (int i = 1; i < count; i++) {
            tag[i] = in.u1(pos);
            at[i] = pos + 1;
            switch (tag[i]) {
                case 1 -> pos += 3 + in.u2(pos + 1);                     // Utf8
                case 3, 4, 9, 10, 11, 12, 17, 18 -> pos += 5;            // Integer .. InvokeDynamic
                case 5, 6 -> { pos += 9; i++; }                          // Long, Double: two slots
                case 7, 8, 16, 19, 20 -> pos += 3;                       // Class, String, MethodType, Module, Package
                case 15 -> pos += 4;                                     // MethodHandle
                default -> throw new IllegalArgumentException("unknown constant-pool tag " + tag[i] + " at entry " + i);
            }
        }
        int poolEnd = pos;

        // The Methodref entries that end the JVM.
        Map<Integer, Target> targets = new LinkedHashMap<>();
        for (int i = 1; i < count; i++) {
            if (tag[i] != 10) {
                continue;
            }
            String owner = utf8(in, at, at[in.u2(at[i])]);
            int nat = in.u2(at[i] + 2);
            String name = utf8(in, at, at[nat]);
            String descriptor = utf8(in, at, at[nat] + 2);
            if (!descriptor.equals("(I)V")) {
                continue;
            }
            if (owner.equals("java/lang/System") && name.equals("exit")) {
                targets.put(i, new Target("exit", "(I)V", false));
            } else if (owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt"))) {
                targets.put(i, new Target(name.equals("exit") ? "runtimeExit" : "runtimeHalt",
                        "(Ljava/lang/Runtime;I)V", true));
            }
        }
        if (targets.isEmpty()) {
            return classFile;
        }

        // New constants: the guard class, then per target Utf8 name, Utf8 descriptor, NameAndType, Methodref.
        ByteArrayOutputStream added = new ByteArrayOutputStream();
        int next = count;
        int guardName = next++;
        utf8Entry(added, GUARD);
        int guardClass = next++;
        added.write(7);
        u2(added, guardName);
        Map<Integer, Integer> replacement = new LinkedHashMap<>();
        for (Map.Entry<Integer, Target> e : targets.entrySet()) {
            int name = next++;
            utf8Entry(added, e.getValue().name());
            int descriptor = next++;
            utf8Entry(added, e.getValue().descriptor());
            int nat = next++;
            added.write(12);
            u2(added, name);
            u2(added, descriptor);
            int ref = next++;
            added.write(10);
            u2(added, guardClass);
            u2(added, nat);
            replacement.put(e.getKey(), ref);
        }
        if (next > 0xFFFF) {
            throw new IllegalArgumentException("constant pool too large to add the exit guard");
        }

        byte[] out = classFile.clone();
        // Method handles (System::exit): point them at the guard, as invokestatic.
        for (int i = 1; i < count; i++) {
            if (tag[i] == 15) {
                Integer ref = replacement.get(in.u2(at[i] + 1));
                if (ref != null) {
                    out[at[i]] = 6; // REF_invokeStatic
                    out[at[i] + 1] = (byte) (ref >>> 8);
                    out[at[i] + 2] = (byte) ref.intValue();
                }
            }
        }
        // Call sites, in every method's Code attribute.
        int p = poolEnd + 6;                         // access_flags, this_class, super_class
        p += 2 + 2 * in.u2(p);                       // interfaces
        p = skipMembers(in, p);                      // fields
        int methods = in.u2(p);
        p += 2;
        for (int m = 0; m < methods; m++) {
            int attributes = in.u2(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) {
                String name = utf8(in, at, p);
                int length = (int) in.u4(p + 2);
                if (name.equals("Code")) {
                    int codeLength = (int) in.u4(p + 10);
                    patchCode(in, out, p + 14, codeLength, replacement);
                }
                p += 6 + length;
            }
        }

        byte[] extra = added.toByteArray();
        byte[] result = new byte[out.length + extra.length];
        System.arraycopy(out, 0, result, 0, poolEnd);
        System.arraycopy(extra, 0, result, poolEnd, extra.length);
        System.arraycopy(out, poolEnd, result, poolEnd + extra.length, out.length - poolEnd);
        result[8] = (byte) (next >>> 8);
        result[9] = (byte) next;
        return result;
    }

    /** Walks the instructions of one method and redirects the calls in {@code replacement}. */
    private static void patchCode(Reader in, byte[] out, int start, int length, Map<Integer, Integer> replacement) {
        int pc = 0;
        while (pc < length) {
            int op = in.u1(start + pc);
            if (op == 0xB8 || op == 0xB6) {          // invokestatic, invokevirtual
                Integer ref = replacement.get(in.u2(start + pc + 1));
                if (ref != null) {
                    out[start + pc] = (byte) 0xB8;
                    out[start + pc + 1] = (byte) (ref >>> 8);
                    out[start + pc + 2] = (byte) ref.intValue();
                }
            }
            pc += instructionLength(in, start, pc, op);
        }
    }

    /** Length in bytes of the instruction at {@code pc} (JVMS chapter 6). */
    private static int instructionLength(Reader in, int start, int pc, int op) {
        if (op == 0xAA) {                            // tableswitch
            int p = (pc + 4) & ~3;
            int low = in.s4(start + p + 4);
            int high = in.s4(start + p + 8);
            return p - pc + 12 + 4 * (high - low + 1);
        }
        if (op == 0xAB) {                            // lookupswitch
            int p = (pc + 4) & ~3;
            return p - pc + 8 + 8 * in.s4(start + p + 4);
        }
        if (op == 0xC4) {                            // wide
            return in.u1(start + pc + 1) == 0x84 ? 6 : 4;
        }
        if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3A)
                || op == 0xA9 || op == 0xBC) {
            return 2;                                // bipush, ldc, loads, stores, ret, newarray
        }
        if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xA8)
                || (op >= 0xB2 && op <= 0xB8) || op == 0xBB || op == 0xBD || op == 0xC0 || op == 0xC1
                || op == 0xC6 || op == 0xC7) {
            return 3;                                // sipush, ldc_w, ldc2_w, iinc, branches, field/method refs, new, ...
        }
        if (op == 0xC5) {
            return 4;                                // multianewarray
        }
        if (op == 0xB9 || op == 0xBA || op == 0xC8 || op == 0xC9) {
            return 5;                                // invokeinterface, invokedynamic, goto_w, jsr_w
        }
        return 1;
    }

    private static int skipMembers(Reader in, int p) {
        int n = in.u2(p);
        p += 2;
        for (int i = 0; i < n; i++) {
            int attributes = in.u2(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) {
                p += 6 + (int) in.u4(p + 2);
            }
        }
        return p;
    }

    /** The Utf8 constant whose index is stored at {@code indexAt}. */
    private static String utf8(Reader in, int[] at, int indexAt) {
        int p = at[in.u2(indexAt)];
        // Class names and member names here are ASCII; modified UTF-8 differs from UTF-8 only elsewhere.
        return new String(in.bytes, p + 2, in.u2(p), StandardCharsets.UTF_8);
    }

    private static void utf8Entry(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        u2(out, b.length);
        out.write(b, 0, b.length);
    }

    private static void u2(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    /** Big-endian reads from a class file. */
    private record Reader(byte[] bytes) {
        int u1(int p) {
            return bytes[p] & 0xFF;
        }

        int u2(int p) {
            return (u1(p) << 8) | u1(p + 1);
        }

        long u4(int p) {
            return ((long) u2(p) << 16) | u2(p + 2);
        }

        int s4(int p) {
            return (int) u4(p);
        }
    }
}
