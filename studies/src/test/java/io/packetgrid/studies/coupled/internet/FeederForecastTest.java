package io.packetgrid.studies.coupled.internet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.pem.forecast.ForecastErrorModel;
import io.packetgrid.pem.schedule.SlotGrid;
import io.packetgrid.pem.schedule.Supply;
import io.packetgrid.studies.coupled.inputs.StudyInputs;
import io.packetgrid.studies.coupled.scenario.InputsSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The feeder's supply forecast: its tiers by hand, and its errors against the configured model (RMSE at lead k
 * σ∞·√(1 − φ^(2k)), φ = e^(−Δ/τ)).
 */
class FeederForecastTest {
    static final long S = 1_000_000_000L;
    static final long MIN = 60 * S;
    static final StudyInputs PRICES = StudyInputs.flat(new InputsSpec(null, null, null, 0.20, 0.05));

    static FeederForecast forecast(double netKw, double pemKw, double rmse, long seed) {
        double[] net = new double[24 * 60];
        Arrays.fill(net, netKw);
        return new FeederForecast(net, MIN, new ForecastErrorModel(rmse, 3600), 20, PRICES, () -> pemKw, seed, "test/forecast");
    }

    @Test
    void tiersAreTheLocalSurplusAndTheImportLeftUnderTheLimit() {
        SlotGrid g = new SlotGrid(0, 15 * MIN, 8);
        // 10 kW net local supply, 4 kW of PEM devices: 6 kW local at the export price, the whole 20 kW limit importable
        List<Supply> a = forecast(10, 4, 0, 1).tiers(g, 0);
        assertEquals(6, a.get(0).capacityKw()[3], 1e-12);
        assertEquals(0.05, a.get(0).price()[3], 0);
        assertEquals(20, a.get(1).capacityKw()[3], 1e-12);
        assertEquals(0.20, a.get(1).price()[3], 0);
        // a 5 kW deficit and 3 kW of PEM devices: nothing local, 20 − 8 = 12 kW importable
        List<Supply> b = forecast(-5, 3, 0, 1).tiers(g, 0);
        assertEquals(0, b.get(0).capacityKw()[3], 0);
        assertEquals(12, b.get(1).capacityKw()[3], 1e-12);
        // past the run's end the truth is 0: only the PEM devices' draw is left to import for
        List<Supply> c = forecast(10, 4, 0, 1).tiers(new SlotGrid(23 * 60 * MIN, 15 * MIN, 8), 23 * 60 * MIN);
        assertEquals(16, c.get(1).capacityKw()[6], 1e-12);
    }

    @Test
    void errorsGrowWithLeadTimeAsConfigured() {
        // 2 kW at long lead, τ = 1 h, 15-minute slots: φ = e^(−1/4); over 2000 independent forecasts the mean square error
        // at lead k is 4·(1 − φ^(2k)) within 4 standard errors (e² of a normal error: s.e. √(2/2000) of its mean)
        int n = 2000;
        int[] leads = {1, 4, 16};
        double[] sq = new double[leads.length];
        SlotGrid g = new SlotGrid(0, 15 * MIN, 40);
        for (long seed = 0; seed < n; seed++) {
            FeederForecast f = forecast(0, 0, 2, seed);
            f.tiers(g, 0);
            for (int i = 0; i < leads.length; i++) {
                double e = f.latestKw(g.slotStartNs(leads[i]));
                sq[i] += e * e / n;
            }
        }
        double phi = Math.exp(-0.25);
        for (int i = 0; i < leads.length; i++) {
            double expected = 4 * (1 - Math.pow(phi, 2 * leads[i]));
            assertEquals(expected, sq[i], 4 * expected * Math.sqrt(2.0 / n), "lead " + leads[i]);
        }
        // the day-ahead RMSE over the run's slots is the root mean square of the same errors
        FeederForecast f = forecast(0, 0, 0, 1);
        f.tiers(new SlotGrid(0, 15 * MIN, 96), 0);
        assertEquals(0, f.dayAheadRmseKw(), 0);
        assertEquals(96, f.dayAheadSlots());
    }
}
