package io.packetgrid.radio.noma;

import io.packetgrid.radio.fbl.NormalApproximation;

/**
 * Power-domain uplink NOMA with SIC at the base station: users transmit at once over the same n
 * channel uses; the receiver decodes the strongest received signal first, treating the others as
 * Gaussian noise, cancels it with residual fraction ξ, and goes on (Schiessl, Skoglund, Gross, "NOMA
 * in the uplink: delay analysis with imperfect CSI and finite-length coding", IEEE TWC 2020 [SSG20],
 * §II; formulas as in ../shared/radio/README.md, {@code noma-uplink-examples.csv}). A failed stage
 * stops the SIC chain: every later user's packet is lost too.
 */
public final class UplinkNoma {
    private UplinkNoma() {
    }

    /** Two users with received SNRs snr1, snr2 (linear) exactly as the README's uplink file. */
    public static UplinkPair twoUser(double n, double k1, double k2, double snr1, double snr2, double xi,
                                     boolean logTerm) {
        DownlinkNoma.checkCommon(n, 0, xi);
        DownlinkNoma.checkGain(snr1, "snr_1");
        DownlinkNoma.checkGain(snr2, "snr_2");
        boolean oneFirst = snr1 >= snr2;
        double strong = oneFirst ? snr1 : snr2;
        double weak = oneFirst ? snr2 : snr1;
        double sinrFirst = strong / (weak + 1);
        double sinrSecond = weak / (xi * strong + 1);
        double lt = NormalApproximation.logTerm(n, logTerm);
        double epsFirst = NormalApproximation.psi(n, oneFirst ? k1 : k2, sinrFirst, lt);
        double stage2 = NormalApproximation.psi(n, oneFirst ? k2 : k1, sinrSecond, lt);
        double epsSecond = epsFirst + (1 - epsFirst) * stage2;
        return new UplinkPair(oneFirst ? 1 : 2, sinrFirst, sinrSecond, oneFirst ? epsFirst : epsSecond,
                oneFirst ? epsSecond : epsFirst);
    }

    /**
     * K users with received SNRs {@code snr} (linear), decoded in descending order of SNR (ties by
     * index). Stage j has SINR s_(j) / (Σ_{m after j} s_(m) + ξ·Σ_{m before j} s_(m) + 1); the
     * user decoded at stage j fails if any stage up to j fails.
     *
     * @return ε per user, in the order given
     */
    public static double[] kUser(double n, double[] k, double[] snr, double xi, boolean logTerm) {
        DownlinkNoma.checkCommon(n, 0, xi);
        if (snr.length != k.length) {
            throw new IllegalArgumentException("k and snr need one entry per user");
        }
        for (int i = 0; i < snr.length; i++) {
            DownlinkNoma.checkGain(snr[i], "snr[" + i + "]");
        }
        Integer[] order = new Integer[snr.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> snr[a] != snr[b] ? Double.compare(snr[b], snr[a]) : Integer.compare(a, b));
        double lt = NormalApproximation.logTerm(n, logTerm);
        double[] eps = new double[k.length];
        double after = 0;
        for (double s : snr) {
            after += s;
        }
        double before = 0;
        double e = 0;
        for (int idx : order) {
            after -= snr[idx];
            double sinr = snr[idx] / (after + xi * before + 1);
            double stage = NormalApproximation.psi(n, k[idx], sinr, lt);
            e = e + (1 - e) * stage;
            eps[idx] = e;
            before += snr[idx];
        }
        return eps;
    }
}
