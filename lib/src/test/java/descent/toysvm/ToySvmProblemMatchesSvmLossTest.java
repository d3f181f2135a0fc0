package descent.toysvm;

import descent.landscape.LossLandscape;
import descent.loss.SvmLoss;
import descent.loss.SvmLossNaive;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ToySvmProblemMatchesSvmLossTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void sumOfHingeTermsIsTheSvmDataLossAtRandomWeights() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            DMatrixRMaj w = LossLandscape.randomDirection(ToySvmProblem.C, ToySvmProblem.D, random);
            double expected = new SvmLossNaive(0).lossAndGradient(w, ToySvmProblem.dataset()).dataLoss();
            assertEquals(expected, ToySvmProblem.dataLoss(w), TOLERANCE);
            assertEquals(expected, new SvmLoss(0).loss(w, ToySvmProblem.dataset()), TOLERANCE);
        }
    }

    @Test
    void handWorkedWeightsGiveTenOverThree() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1}, {0}, {-1}});
        assertEquals(10.0 / 3, new SvmLoss(0).loss(w, ToySvmProblem.dataset()), TOLERANCE);
    }
}
