package io.packetgrid.radio.eval;

import io.packetgrid.radio.access.SlottedAloha;
import io.packetgrid.radio.fading.RayleighNa;
import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.noma.DownlinkNoma;
import io.packetgrid.radio.noma.DownlinkPair;
import io.packetgrid.radio.noma.UplinkNoma;
import io.packetgrid.radio.noma.UplinkPair;
import java.util.List;
import java.util.Locale;

/**
 * The seven row-by-row evaluations of {@code radio eval KIND} (../shared/docs/CLI.md), with their
 * input columns and all output columns in the order of ../shared/radio/README.md. Input columns are
 * echoed as written; computed numbers carry 16 significant digits.
 */
public enum EvalKind {
    AWGN("awgn", List.of("channel", "n", "k_bits", "snr_db"),
            List.of("eps", "eps_nolog", "C_bits", "V_bits2")) {
        @Override
        Object[] compute(Row r) {
            Channel ch = r.channel("channel");
            double n = r.positive("n");
            double k = r.nonNegative("k_bits");
            double snr = r.decibels("snr_db");
            return new Object[] {NormalApproximation.errorProbability(ch, n, k, snr, true),
                    NormalApproximation.errorProbability(ch, n, k, snr, false), ch.capacity(snr), ch.dispersion(snr)};
        }
    },
    AWGN_MAXRATE("awgn-maxrate", List.of("channel", "n", "snr_db", "eps"),
            List.of("log2M_na", "k_max", "rate_bits", "log2M_na_nolog", "C_bits")) {
        @Override
        Object[] compute(Row r) {
            Channel ch = r.channel("channel");
            double n = r.positive("n");
            double snr = r.decibels("snr_db");
            double eps = r.openProbability("eps");
            double m = NormalApproximation.maxLog2M(ch, n, snr, eps, true);
            double m0 = NormalApproximation.maxLog2M(ch, n, snr, eps, false);
            return new Object[] {m, (long) Math.floor(m), m / n, m0, ch.capacity(snr)};
        }
    },
    AWGN_MINSNR("awgn-minsnr", List.of("channel", "n", "k_bits", "eps"), List.of("snr_min_db", "snr_min_db_nolog")) {
        @Override
        Object[] compute(Row r) {
            Channel ch = r.channel("channel");
            double n = r.positive("n");
            double k = r.nonNegative("k_bits");
            double eps = r.openProbability("eps");
            double lt = NormalApproximation.logTerm(n, true);
            if (!(k > lt)) {
                throw new BadValueException("k_bits", String.format(Locale.ROOT,
                        "k_bits must exceed ½·log2(n) = %.6g for a minimum SNR to exist, got %s", lt, r.text("k_bits")));
            }
            return new Object[] {10 * Math.log10(NormalApproximation.minSnr(ch, n, k, eps, true)),
                    10 * Math.log10(NormalApproximation.minSnr(ch, n, k, eps, false))};
        }
    },
    RAYLEIGH("rayleigh", List.of("n", "k_bits", "snr_avg_db"), List.of("eps", "eps_nolog", "eps_outage", "eps_makki")) {
        @Override
        Object[] compute(Row r) {
            double n = r.positive("n");
            double k = r.nonNegative("k_bits");
            double snr = r.decibels("snr_avg_db");
            return new Object[] {RayleighNa.exactIntegral(n, k, snr, true), RayleighNa.exactIntegral(n, k, snr, false),
                    RayleighNa.outage(n, k, snr), RayleighNa.makki(n, k, snr)};
        }
    },
    NOMA("noma", List.of("n", "k_far", "k_near", "snr_db", "alpha_far", "g_far", "g_near", "xi"),
            List.of("sinr_far", "sinr_near_sic", "sinr_near_own", "eps_far", "eps_near_sic", "eps_near_own", "eps_near",
                    "eps_far_nolog", "eps_near_nolog")) {
        @Override
        Object[] compute(Row r) {
            double n = r.positive("n");
            double kf = r.nonNegative("k_far");
            double kn = r.nonNegative("k_near");
            double snr = r.decibels("snr_db");
            double a = r.unit("alpha_far");
            double gf = r.nonNegative("g_far");
            double gn = r.nonNegative("g_near");
            double xi = r.unit("xi");
            DownlinkPair p = DownlinkNoma.twoUser(n, kf, kn, snr, a, gf, gn, xi, true);
            DownlinkPair q = DownlinkNoma.twoUser(n, kf, kn, snr, a, gf, gn, xi, false);
            return new Object[] {p.sinrFar(), p.sinrNearSic(), p.sinrNearOwn(), p.epsFar(), p.epsNearSic(),
                    p.epsNearOwn(), p.epsNear(), q.epsFar(), q.epsNear()};
        }
    },
    NOMA_UPLINK("noma-uplink", List.of("n", "k_1", "k_2", "snr_1_db", "snr_2_db", "xi"),
            List.of("first_decoded", "sinr_first", "sinr_second", "eps_1", "eps_2", "eps_1_nolog", "eps_2_nolog")) {
        @Override
        Object[] compute(Row r) {
            double n = r.positive("n");
            double k1 = r.nonNegative("k_1");
            double k2 = r.nonNegative("k_2");
            double s1 = r.decibels("snr_1_db");
            double s2 = r.decibels("snr_2_db");
            double xi = r.unit("xi");
            UplinkPair p = UplinkNoma.twoUser(n, k1, k2, s1, s2, xi, true);
            UplinkPair q = UplinkNoma.twoUser(n, k1, k2, s1, s2, xi, false);
            return new Object[] {(long) p.firstDecoded(), p.sinrFirst(), p.sinrSecond(), p.eps1(), p.eps2(), q.eps1(),
                    q.eps2()};
        }
    },
    ALOHA("aloha", List.of("N", "p", "M"),
            List.of("p_success", "p_collision", "throughput", "throughput_per_channel", "G", "poisson_per_channel")) {
        @Override
        Object[] compute(Row r) {
            long devices = r.integer("N", 1);
            double p = r.unit("p");
            long m = r.integer("M", 1);
            SlottedAloha.Metrics x = SlottedAloha.of(devices, p, m);
            return new Object[] {x.pSuccess(), x.pCollision(), x.throughput(), x.throughputPerChannel(),
                    x.offeredLoadPerChannel(), x.poissonPerChannel()};
        }
    };

    private final String cliName;
    private final List<String> inputs;
    private final List<String> outputs;

    EvalKind(String cliName, List<String> inputs, List<String> outputs) {
        this.cliName = cliName;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    abstract Object[] compute(Row r);

    /** The name on the command line, e.g. {@code awgn-maxrate}. */
    public String cliName() {
        return cliName;
    }

    /** Input columns, in README order. */
    public List<String> inputs() {
        return inputs;
    }

    /** Every output column (inputs first), in README order. */
    public List<String> columns() {
        List<String> all = new java.util.ArrayList<>(inputs);
        all.addAll(outputs);
        return all;
    }

    /** The kind named {@code name} on the command line, or null. */
    public static EvalKind byName(String name) {
        for (EvalKind k : values()) {
            if (k.cliName.equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** Evaluates one row: the output fields in {@link #columns()} order, inputs echoed as written. */
    public String[] evaluate(Row r) {
        Object[] computed;
        try {
            computed = compute(r);
        } catch (BadValueException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadValueException(inputs.get(0), e.getMessage());
        }
        String[] out = new String[inputs.size() + computed.length];
        for (int i = 0; i < inputs.size(); i++) {
            out[i] = r.text(inputs.get(i));
        }
        for (int i = 0; i < computed.length; i++) {
            out[inputs.size() + i] = format(computed[i]);
        }
        return out;
    }

    /** 16 significant digits in scientific notation (1.234567890123457e-05); whole numbers as integers. */
    public static String format(Object v) {
        if (v instanceof Long l) {
            return Long.toString(l);
        }
        double d = (Double) v;
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.15e", d);
    }
}
