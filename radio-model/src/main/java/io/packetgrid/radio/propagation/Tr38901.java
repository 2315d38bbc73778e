package io.packetgrid.radio.propagation;

/**
 * 3GPP TR 38.901 (V16.1.0) path loss for the UMa, UMi-Street Canyon and RMa scenarios: Table 7.4.1-1
 * (path loss and shadow-fading σ), Table 7.4.2-1 (LOS probability), Table 7.5-6 part 1 (shadow-fading
 * decorrelation distance and K-factor). f_c in GHz, distances in m, d3D = sqrt(d2D² + (h_BS − h_UT)²).
 * Distances below the tables' 10 m minimum are clamped to 10 m. UMa and UMi use effective heights
 * h' = h − h_E with h_E = 1 m (for UMa exactly so when h_UT ≤ 13 m, note 1 of Table 7.4.1-1).
 */
public final class Tr38901 implements PathLossModel {
    /** Speed of light, m/s. */
    private static final double C = 299_792_458.0;

    /** The three scenarios. */
    public enum Scenario { UMA, UMI, RMA }

    private final Scenario scenario;
    private final double fcGhz;
    /** RMa only: average building height h and street width W (Table 7.4.1-1 defaults 5 m, 20 m). */
    private final double buildingHeightM;
    private final double streetWidthM;

    public Tr38901(Scenario scenario, double carrierGhz) {
        this(scenario, carrierGhz, 5, 20);
    }

    public Tr38901(Scenario scenario, double carrierGhz, double buildingHeightM, double streetWidthM) {
        if (!(carrierGhz > 0)) {
            throw new IllegalArgumentException("carrier frequency must be > 0 GHz, got " + carrierGhz);
        }
        this.scenario = scenario;
        this.fcGhz = carrierGhz;
        this.buildingHeightM = buildingHeightM;
        this.streetWidthM = streetWidthM;
    }

    /** Default base-station heights of Table 7.4.1-1: UMa 25 m, UMi 10 m, RMa 35 m. */
    public double defaultBsHeightM() {
        return switch (scenario) {
            case UMA -> 25;
            case UMI -> 10;
            case RMA -> 35;
        };
    }

    @Override
    public double pathLossDb(double d2dM, double hBsM, double hUtM, boolean los) {
        double d2 = Math.max(10, d2dM);
        double d3 = Math.hypot(d2, hBsM - hUtM);
        double lf = 20 * Math.log10(fcGhz);
        switch (scenario) {
            case UMA: {
                double pLos = umaUmiLos(d2, d3, hBsM, hUtM, 28.0, 22, 40, 9, lf);
                if (los) {
                    return pLos;
                }
                double nlos = 13.54 + 39.08 * Math.log10(d3) + lf - 0.6 * (hUtM - 1.5);
                return Math.max(pLos, nlos);
            }
            case UMI: {
                double pLos = umaUmiLos(d2, d3, hBsM, hUtM, 32.4, 21, 40, 9.5, lf);
                if (los) {
                    return pLos;
                }
                double nlos = 35.3 * Math.log10(d3) + 22.4 + 21.3 * Math.log10(fcGhz) - 0.3 * (hUtM - 1.5);
                return Math.max(pLos, nlos);
            }
            default: {
                double pLos = rmaLos(d2, d3, hBsM, hUtM);
                if (los) {
                    return pLos;
                }
                double h = buildingHeightM;
                double w = streetWidthM;
                double nlos = 161.04 - 7.1 * Math.log10(w) + 7.5 * Math.log10(h)
                        - (24.37 - 3.7 * (h / hBsM) * (h / hBsM)) * Math.log10(hBsM)
                        + (43.42 - 3.1 * Math.log10(hBsM)) * (Math.log10(d3) - 3)
                        + lf - (3.2 * Math.pow(Math.log10(11.75 * hUtM), 2) - 4.97);
                return Math.max(pLos, nlos);
            }
        }
    }

    /** UMa/UMi LOS: PL1 below the breakpoint d'BP = 4·h'BS·h'UT·fc/c, PL2 beyond. */
    private double umaUmiLos(double d2, double d3, double hBs, double hUt, double a, double b1, double b2,
                             double bpCoef, double lf) {
        double dbp = 4 * (hBs - 1) * (hUt - 1) * fcGhz * 1e9 / C;
        if (d2 <= dbp) {
            return a + b1 * Math.log10(d3) + lf;
        }
        return a + b2 * Math.log10(d3) + lf - bpCoef * Math.log10(dbp * dbp + (hBs - hUt) * (hBs - hUt));
    }

    /** RMa LOS: PL1 below dBP = 2π·hBS·hUT·fc/c, PL2 = PL1(dBP) + 40·log10(d3D/dBP) beyond. */
    private double rmaLos(double d2, double d3, double hBs, double hUt) {
        double dbp = 2 * Math.PI * hBs * hUt * fcGhz * 1e9 / C;
        if (d2 <= dbp) {
            return rmaPl1(d3);
        }
        return rmaPl1(dbp) + 40 * Math.log10(d3 / dbp); // as written in Table 7.4.1-1
    }

    private double rmaPl1(double d3) {
        double h = buildingHeightM;
        double hp = Math.pow(h, 1.72);
        return 20 * Math.log10(40 * Math.PI * d3 * fcGhz / 3) + Math.min(0.03 * hp, 10) * Math.log10(d3)
                - Math.min(0.044 * hp, 14.77) + 0.002 * Math.log10(h) * d3;
    }

    @Override
    public double losProbability(double d2dM, double hUtM) {
        double d = d2dM;
        switch (scenario) {
            case RMA:
                return d <= 10 ? 1 : Math.exp(-(d - 10) / 1000);
            case UMI:
                return d <= 18 ? 1 : 18 / d + Math.exp(-d / 36) * (1 - 18 / d);
            default: {
                if (d <= 18) {
                    return 1;
                }
                double cp = hUtM <= 13 ? 0 : Math.pow((hUtM - 13) / 10, 1.5);
                return (18 / d + Math.exp(-d / 63) * (1 - 18 / d))
                        * (1 + cp * 1.25 * Math.pow(d / 100, 3) * Math.exp(-d / 150));
            }
        }
    }

    @Override
    public double shadowingSigmaDb(boolean los) {
        return switch (scenario) {
            case UMA -> los ? 4 : 6;
            case UMI -> los ? 4 : 7.82;
            case RMA -> los ? 4 : 8; // RMa LOS σ is 4 dB before and 6 dB beyond the breakpoint; 4 dB used
        };
    }

    @Override
    public double correlationDistanceM(boolean los) {
        return switch (scenario) {
            case UMA -> los ? 37 : 50;
            case UMI -> los ? 10 : 13;
            case RMA -> los ? 37 : 120;
        };
    }

    @Override
    public double kFactorDb(boolean los) {
        if (!los) {
            return Double.NEGATIVE_INFINITY;
        }
        return scenario == Scenario.RMA ? 7 : 9;
    }

    @Override
    public String label() {
        return "38.901-" + scenario.name().toLowerCase(java.util.Locale.ROOT);
    }
}
