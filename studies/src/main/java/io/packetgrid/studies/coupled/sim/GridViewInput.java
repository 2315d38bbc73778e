package io.packetgrid.studies.coupled.sim;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.policy.MapGridView;
import io.packetgrid.pem.sim.ServerInputs;
import java.util.List;

/**
 * A grid-aware server's view of its feeder ({@link MapGridView}, read by packet-server's
 * {@code GridGate}): each household's connection-point voltage at (bus = household index + 1, its
 * phase), its own dV/dP, and the transformer upstream of every household with its loading.
 *
 * <p>Between power flows (every grid step) the voltages are estimated at every device step from the
 * households' metered device power through the feeder's linear sensitivities,
 * {@code V_i ≈ V_i(pf) + Σ_j dV_i/dP_j · (P_j − P_j(pf))} — a linearised network model as in grid-aware
 * aggregation (Nazir &amp; Almassalkhi, IEEE TPWRS 2021, PEM-NOTES §5) — so that packets granted at
 * other households since the last power flow count at every node, not only at their own. The view's
 * time is that of the latest meter reading; the gate adds its own acceptances since then.
 */
public final class GridViewInput implements ServerInputs {
    private final MapGridView view;
    private final ValueKey<double[]> voltages;
    private final ValueKey<double[]> sensitivities;
    private final ValueKey<Double> transformer;
    private final ValueKey<double[]> households;
    private final int[] phase;
    private final double transformerKva;
    private final int n;
    private double[] vPf;
    private double[] pPf;
    private double loadingPf;
    private double[] sens;
    private double[] lastP;
    private final double[] est;

    /**
     * @param households      the fleet's household device power (kW, consumption positive)
     * @param phase           each household's phase (1..3, 0 = all)
     * @param transformerKva  the rating of the feeder's transformer
     */
    public GridViewInput(MapGridView view, ValueKey<double[]> voltages, ValueKey<double[]> sensitivities,
                         ValueKey<Double> transformer, ValueKey<double[]> households, int[] phase, double transformerKva) {
        this.view = view;
        this.voltages = voltages;
        this.sensitivities = sensitivities;
        this.transformer = transformer;
        this.households = households;
        this.phase = phase.clone();
        this.transformerKva = transformerKva;
        this.n = phase.length;
        this.est = new double[n];
        for (int h = 0; h < n; h++) {
            view.path(h + 1, List.of("transformer"));
        }
    }

    @Override
    public void declare(Setup setup) {
        setup.subscribes(voltages);
        setup.subscribes(sensitivities);
        setup.subscribes(transformer);
        setup.subscribes(households);
    }

    @Override
    public void refresh(Step step) {
        double[] s = step.read(sensitivities);
        if (s != sens && s.length == n * n) {
            sens = s;
            for (int h = 0; h < n; h++) {
                view.sensitivity(h + 1, phase[h], s[h * n + h]);
            }
        }
        double[] v = step.read(voltages);
        double[] p = step.read(households);
        if (v.length != n || p.length != n) {
            return;
        }
        boolean newFlow = v != vPf;
        if (newFlow) {
            // the power flow of this grid step used the fleet's reading of the same step
            vPf = v;
            pPf = p;
            loadingPf = step.read(transformer);
        }
        if (!newFlow && p == lastP) {
            return;
        }
        lastP = p;
        double dTotal = 0;
        for (int i = 0; i < n; i++) {
            double vi = vPf[i];
            if (sens != null && p != pPf) {
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    vi += sens[row + j] * (p[j] - pPf[j]);
                }
            }
            est[i] = vi;
            view.voltage(i + 1, phase[i], vi);
        }
        for (int j = 0; j < n; j++) {
            dTotal += p[j] - pPf[j];
        }
        view.loading("transformer", loadingPf + dTotal / transformerKva, transformerKva);
        view.updated(step.now());
    }
}
