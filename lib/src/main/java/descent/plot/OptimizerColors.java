package descent.plot;

import descent.util.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one colour of each optimizer, the same in every figure of the course: SGD is always blue,
 * momentum orange, and so on.
 *
 * <p>A series is matched to an optimizer by its name, case-insensitively, so a race's legend
 * entry {@code "momentum 0.9 (lr 0.015)"} or a loss curve named {@code "SGD"} gets its method's
 * colour. The more specific names are tried first: "Nesterov momentum" is Nesterov, "L-BFGS" is
 * not BFGS's neighbour Newton, "gradient descent" is SGD. A name of no known optimizer gets
 * {@link #OTHER} colours by its index in the figure.
 */
public final class OptimizerColors {
    /** SGD, plain (full-batch or minibatch) gradient descent: blue. */
    public static final String SGD = "#1f77b4";
    /** Momentum (heavy ball): orange. */
    public static final String MOMENTUM = "#ff7f0e";
    /** Nesterov momentum: green. */
    public static final String NESTEROV = "#2ca02c";
    /** AdaGrad: brown. */
    public static final String ADAGRAD = "#8c564b";
    /** RMSProp: red. */
    public static final String RMSPROP = "#d62728";
    /** Adam: purple. */
    public static final String ADAM = "#9467bd";
    /** Newton's method: pink. */
    public static final String NEWTON = "#e377c2";
    /** L-BFGS (and BFGS): cyan. */
    public static final String LBFGS = "#17becf";
    /** Colours for series that name no known optimizer, by index (olive, indigo, gold, moss). */
    public static final List<String> OTHER = List.of("#bcbd22", "#393b79", "#e7ba52", "#637939");

    /** Name fragments (lower case) and their colour, most specific first. */
    private static final List<String[]> RULES = List.of(
            new String[] {"nesterov", NESTEROV},
            new String[] {"l-bfgs", LBFGS},
            new String[] {"lbfgs", LBFGS},
            new String[] {"bfgs", LBFGS},
            new String[] {"newton", NEWTON},
            new String[] {"adagrad", ADAGRAD},
            new String[] {"rmsprop", RMSPROP},
            new String[] {"adam", ADAM},
            new String[] {"momentum", MOMENTUM},
            new String[] {"sgd", SGD},
            new String[] {"gradient descent", SGD});

    private OptimizerColors() {
    }

    /**
     * The colour of the optimizer {@code name} names, if it names one.
     *
     * @param name a series or legend name, e.g. {@code "Adam (lr 0.2)"}; not null
     * @return a CSS colour {@code "#rrggbb"}, or empty if the name contains no known optimizer
     */
    public static Optional<String> of(String name) {
        Checks.notNull("name", name);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String[] rule : RULES) {
            if (lower.contains(rule[0])) {
                return Optional.of(rule[1]);
            }
        }
        return Optional.empty();
    }

    /**
     * The colour of series {@code index} named {@code name}: its optimizer's colour, else
     * {@code OTHER[index % OTHER.size()]}.
     *
     * @param index the series' position in its figure, &gt;= 0
     */
    public static String colorFor(String name, int index) {
        Checks.require(index >= 0, "index must be >= 0 but was: " + index);
        return of(name).orElse(OTHER.get(index % OTHER.size()));
    }
}
