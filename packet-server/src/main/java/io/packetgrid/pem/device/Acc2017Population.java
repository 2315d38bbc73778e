package io.packetgrid.pem.device;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The heterogeneous fleet of ACC 2017 Table I (PEM-NOTES §2.1): uniform draws
 * L ∈ [250, 300] L, T_set ∈ [52, 58] °C, P ∈ [4.5, 5.5] kW, T(0) ∈ [49, 61] °C,
 * T_amb ∈ [14, 18] °C; τ = 150 h, η = 100 %, dead-band 0.12·T_set, PEM band 0.08·T_set; inlet at
 * 14 °C (TPWRS 2020 Table I); hot-water draws per {@link HotWaterDraws#acc2017}.
 */
public final class Acc2017Population {
    private Acc2017Population() {
    }

    /** One heater with its draws and initial temperature. */
    public record Member(WaterHeaterParams params, HotWaterDraws draws, double initialTempC) {
        public WaterHeater create() {
            return new WaterHeater(params, draws, initialTempC);
        }
    }

    public static List<Member> generate(int n, UniformRandomProvider rng, double horizonS, double dtS) {
        List<Member> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double tank = uniform(rng, 250, 300);
            double set = uniform(rng, 52, 58);
            double power = uniform(rng, 4.5, 5.5);
            double t0 = uniform(rng, 49, 61);
            double amb = uniform(rng, 14, 18);
            WaterHeaterParams p = new WaterHeaterParams(tank, set, power, 1.0, 150 * 3600.0, amb, 14, PemBand.acc2017(set));
            out.add(new Member(p, HotWaterDraws.acc2017(rng, horizonS, dtS, 1.0), t0));
        }
        return out;
    }

    static double uniform(UniformRandomProvider rng, double a, double b) {
        return a + (b - a) * rng.nextDouble();
    }
}
