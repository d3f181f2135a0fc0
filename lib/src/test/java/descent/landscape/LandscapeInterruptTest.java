package descent.landscape;

import descent.curvature.Conditioning;
import descent.curvature.LeastSquaresDescent;
import descent.optim.Sgd;
import descent.surface.CriticalPoint;
import descent.surface.Quadratic;
import descent.surface.Surface;
import descent.surface.SurfacePath;
import descent.util.Interrupted;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LandscapeInterruptTest {
    private static final DMatrixRMaj W = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
    private static final DMatrixRMaj D1 = new DMatrixRMaj(new double[][] {{1, 0}, {0, 0}});
    private static final DMatrixRMaj D2 = new DMatrixRMaj(new double[][] {{0, 0}, {0, 1}});

    /** Sum of squares that interrupts the calling thread on its {@code n}-th call. */
    private static ToDoubleFunction<DMatrixRMaj> interruptingOnCall(int n) {
        int[] calls = {0};
        return w -> {
            if (++calls[0] == n) {
                Thread.currentThread().interrupt();
            }
            double s = 0;
            for (double v : w.data) {
                s += v * v;
            }
            return s;
        };
    }

    /** A bowl whose gradient interrupts the calling thread on its {@code n}-th call. */
    private static Surface bowlInterruptingOnGradient(int n) {
        Quadratic bowl = Quadratic.bowl(1, 2);
        int[] calls = {0};
        return new Surface() {
            @Override
            public String name() {
                return bowl.name();
            }

            @Override
            public double value(double x, double y) {
                return bowl.value(x, y);
            }

            @Override
            public double[] gradient(double x, double y) {
                if (++calls[0] == n) {
                    Thread.currentThread().interrupt();
                }
                return bowl.gradient(x, y);
            }

            @Override
            public DMatrixRMaj hessian(double x, double y) {
                return bowl.hessian(x, y);
            }

            @Override
            public List<CriticalPoint> criticalPoints() {
                return bowl.criticalPoints();
            }
        };
    }

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void aOneDimensionalSliceStopsAtTheNextPoint() {
        Interrupted e = assertThrows(Interrupted.class, () -> LossLandscape.slice1d(interruptingOnCall(3), W, D1,
                Grids.linspace(-1, 1, 9)));
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
        assertEquals("loss slice interrupted at point 3 of 9; nothing is kept: run it again with fewer alphas",
                e.getMessage());
    }

    @Test
    void aTwoDimensionalSliceStopsAtTheNextPointNotOnlyBetweenRows() {
        // 5 betas a row: the 7th call is row 1's second point; the 8th point is not evaluated.
        int[] calls = {0};
        ToDoubleFunction<DMatrixRMaj> f = interruptingOnCall(7);
        ToDoubleFunction<DMatrixRMaj> counting = w -> {
            calls[0]++;
            return f.applyAsDouble(w);
        };
        Interrupted e = assertThrows(Interrupted.class, () -> LossLandscape.slice2d(counting, W, D1, D2,
                Grids.linspace(-1, 1, 4), Grids.linspace(-1, 1, 5)));
        assertEquals("loss slice interrupted at row 1 of 4; nothing is kept: run it again with fewer alphas or "
                + "betas", e.getMessage());
        assertEquals(7, calls[0], "no point is evaluated after the interrupt");
    }

    @Test
    void aParallelTwoDimensionalSliceStopsWhenTheCallerIsInterrupted() {
        Thread.currentThread().interrupt();
        Interrupted e = assertThrows(Interrupted.class, () -> LossLandscape.slice2d(interruptingOnCall(-1), W, D1,
                D2, Grids.linspace(-1, 1, 64), Grids.linspace(-1, 1, 5), Execution.PARALLEL));
        assertEquals("loss slice interrupted at row 0 of 64; nothing is kept: run it again with fewer alphas or "
                + "betas", e.getMessage());
    }

    @Test
    void aSurfaceGridStopsAtTheNextRow() {
        Thread.currentThread().interrupt();
        Interrupted e = assertThrows(Interrupted.class, () -> SurfaceGrid.sample(Quadratic.bowl(1, 2),
                Grids.linspace(-1, 1, 30), Grids.linspace(-1, 1, 30)));
        assertEquals("surface grid interrupted at row 0 of 30; nothing is kept: sample it again with fewer xs "
                + "or ys", e.getMessage());
    }

    @Test
    void aSurfacePathStopsAtTheNextStepKeepingThePointsSoFar() {
        Interrupted e = assertThrows(Interrupted.class, () -> SurfacePath.run(bowlInterruptingOnGradient(4),
                new Sgd(), 1, 1, 0.1, 50));
        Thread.interrupted();
        assertEquals("surface path interrupted at step 4 of 50; the path so far (5 points) is kept: the "
                + "exception's partial() is the SurfacePath", e.getMessage());
        SurfacePath kept = e.partial();
        SurfacePath fourSteps = SurfacePath.run(Quadratic.bowl(1, 2), new Sgd(), 1, 1, 0.1, 4);
        assertArrayEquals(fourSteps.xs(), kept.xs(), 0.0);
        assertArrayEquals(fourSteps.values(), kept.values(), 0.0);
    }

    @Test
    void theConditioningDescentStopsAtTheNextStepKeepingTheIterate() {
        Thread.currentThread().interrupt();
        Interrupted e = assertThrows(Interrupted.class, () -> Conditioning.gradientDescent(
                new DMatrixRMaj(new double[][] {{2}}), new double[] {4}, 0.1, 1e-6, 1000));
        assertEquals("gradient descent interrupted at step 0 of 1000; the iterate and the gaps recorded so far "
                + "are kept: the exception's partial() is the LeastSquaresDescent", e.getMessage());
        LeastSquaresDescent kept = e.partial();
        assertEquals(0, kept.iterations());
        assertFalse(kept.converged());
        assertArrayEquals(new double[] {0}, kept.w(), 0.0);
    }
}
