/*
 * Part of Descent's fix for "interrupt kernel" in rapaio-jupyter-kernel 3.0.1 (see
 * org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl and environment/KERNEL-NOTES.md).
 * Compiled by install.sh only when the kernel's JDK is 24 or newer: it uses java.lang.classfile.
 */
package descent.kernel;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Inserts {@code CellStop.check()} at the start of every method of a cell's class and before every
 * backward branch, as the JDK's own {@code jdk.jshell.execution.LocalExecutionControl} does since
 * Thread.stop stopped working (Java 20). So {@code while (true) {}} in a cell ends once the kernel
 * calls {@link CellStop#request(Thread)} for its thread.
 */
public final class StopCheckWeaver implements UnaryOperator<byte[]> {

    private static final ClassDesc CD_CELL_STOP = ClassDesc.of("descent.kernel.CellStop");

    /** Used reflectively by RapaioExecutionControl. */
    public StopCheckWeaver() {
    }

    /**
     * @param classFile the bytes of a class a cell defines (not modified)
     * @return the same class with stop checks
     */
    @Override
    public byte[] apply(byte[] classFile) {
        ClassFile cf = ClassFile.of();
        return cf.transformClass(cf.parse(classFile),
                ClassTransform.transformingMethodBodies(CodeTransform.ofStateful(Weaver::new)));
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
