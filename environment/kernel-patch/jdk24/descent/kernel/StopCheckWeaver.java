/*
 * Part of Descent's fix for "interrupt kernel" in rapaio-jupyter-kernel 3.0.1 (see
 * org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl and environment/KERNEL-NOTES.md).
 * Compiled by install.sh only when the kernel's JDK is 24 or newer: it uses java.lang.classfile.
 */
package descent.kernel;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.reflect.AccessFlag;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Inserts {@code CellStop.check()} at the start of every method of a cell's classes and before every
 * backward branch, as the JDK's own {@code jdk.jshell.execution.LocalExecutionControl} does since
 * Thread.stop stopped working (Java 20). So {@code while (true) {}} in a cell ends once the kernel
 * calls {@link CellStop#request(Thread)} for its thread.
 *
 * <p>New stack maps need the class hierarchy of the types a method merges, and the cell's own
 * classes are not visible to the JDK's default resolver: they are looked up in the batch being
 * loaded, then among the classes JShell loaded before (the lookup the kernel passes in).
 */
public final class StopCheckWeaver implements Function<byte[][], byte[][]> {

    private static final ClassDesc CD_CELL_STOP = ClassDesc.of("descent.kernel.CellStop");

    private final Function<String, Class<?>> loaded;

    /**
     * Used reflectively by RapaioExecutionControl.
     *
     * @param loaded finds a class JShell already loaded by binary name, or returns null
     */
    public StopCheckWeaver(Function<String, Class<?>> loaded) {
        this.loaded = loaded;
    }

    /**
     * @param batch the class files JShell loads together (not modified)
     * @return the same classes with stop checks, in the same order; a class that cannot be woven
     *         is returned unchanged (an entry is the same array)
     */
    @Override
    public byte[][] apply(byte[][] batch) {
        ClassFile plain = ClassFile.of();
        Map<ClassDesc, ClassHierarchyResolver.ClassHierarchyInfo> inBatch = new HashMap<>();
        ClassModel[] models = new ClassModel[batch.length];
        for (int i = 0; i < batch.length; i++) {
            models[i] = plain.parse(batch[i]);
            ClassModel m = models[i];
            inBatch.put(m.thisClass().asSymbol(), m.flags().has(AccessFlag.INTERFACE)
                    ? ClassHierarchyResolver.ClassHierarchyInfo.ofInterface()
                    : ClassHierarchyResolver.ClassHierarchyInfo.ofClass(
                            m.superclass().map(e -> e.asSymbol()).orElse(null)));
        }
        ClassHierarchyResolver cells = desc -> {
            ClassHierarchyResolver.ClassHierarchyInfo info = inBatch.get(desc);
            if (info != null || !desc.isClassOrInterface()) {
                return info;
            }
            String d = desc.descriptorString();
            Class<?> c = loaded.apply(d.substring(1, d.length() - 1).replace('/', '.'));
            if (c == null) {
                return null;
            }
            if (c.isInterface()) {
                return ClassHierarchyResolver.ClassHierarchyInfo.ofInterface();
            }
            Class<?> sup = c.getSuperclass();
            return ClassHierarchyResolver.ClassHierarchyInfo.ofClass(
                    sup == null ? null : sup.describeConstable().orElse(null));
        };
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                cells.orElse(ClassHierarchyResolver.defaultResolver())));
        byte[][] out = new byte[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            try {
                out[i] = cf.transformClass(models[i],
                        ClassTransform.transformingMethodBodies(CodeTransform.ofStateful(Weaver::new)));
            } catch (RuntimeException e) {
                System.getLogger("RapaioExecutionControl").log(System.Logger.Level.WARNING,
                        "could not add stop checks to " + models[i].thisClass().asInternalName() + ": " + e);
                out[i] = batch[i];
            }
        }
        return out;
    }

    /** One method body: labels seen so far, so that a branch to one of them is a backward branch. */
    private static final class Weaver implements CodeTransform {
        private final Set<Label> seen = new HashSet<>();

        @Override
        public void atStart(CodeBuilder builder) {
            check(builder);
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (element instanceof LabelTarget target) {
                seen.add(target.label());
            } else if (element instanceof BranchInstruction branch && seen.contains(branch.target())) {
                check(builder);
            }
            builder.with(element);
        }

        private static void check(CodeBuilder builder) {
            builder.invokestatic(CD_CELL_STOP, "check", ConstantDescs.MTD_void);
        }
    }
}
