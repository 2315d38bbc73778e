package io.packetgrid.pem.weather;

/**
 * PV output from irradiance and air temperature, the PVWatts form (Dobos, "PVWatts Version 5
 * Manual", NREL/TP-6A20-62641, 2014): DC power {@code P_dc = P_dc0·(G/1000)·(1 + γ·(T_cell − 25))}, cell
 * temperature from the NOCT model {@code T_cell = T_air + (NOCT − 20)/800·G} (Duffie &amp; Beckman,
 * Solar Engineering of Thermal Processes, §23.3), system losses (soiling, wiring, mismatch: PVWatts'
 * 14 %), and a constant inverter efficiency with the AC output capped at the inverter's rating.
 * Irradiance is taken on the module plane; with horizontal global irradiance (GHI) as input the array
 * is read as flat-mounted (a simplification for the weather files, which give GHI).
 *
 * @param dcKw        array rating at standard test conditions (1000 W/m², 25 °C), kW
 * @param gammaPerC   power temperature coefficient (PVWatts standard module: −0.0047 /°C)
 * @param noctC       nominal operating cell temperature (typical 45 °C)
 * @param lossFraction system losses (PVWatts default 0.14)
 * @param inverterEff inverter efficiency (PVWatts nominal 0.96)
 * @param acKw        inverter rating, kW
 */
public record PvModel(double dcKw, double gammaPerC, double noctC, double lossFraction, double inverterEff, double acKw) {

    public PvModel {
        if (!(dcKw >= 0 && acKw >= 0 && lossFraction >= 0 && lossFraction < 1 && inverterEff > 0 && inverterEff <= 1)) {
            throw new IllegalArgumentException("PV: need ratings ≥ 0, 0 ≤ losses < 1, 0 < inverter efficiency ≤ 1");
        }
    }

    /** PVWatts defaults for an array of {@code dcKw} (DC/AC ratio 1.2). */
    public static PvModel pvwatts(double dcKw) {
        return new PvModel(dcKw, -0.0047, 45, 0.14, 0.96, dcKw / 1.2);
    }

    public double cellC(double ghiWm2, double airC) {
        return airC + (noctC - 20) / 800 * ghiWm2;
    }

    /** AC output, kW (≥ 0). */
    public double acKw(double ghiWm2, double airC) {
        if (ghiWm2 <= 0) {
            return 0;
        }
        double dc = dcKw * ghiWm2 / 1000 * (1 + gammaPerC * (cellC(ghiWm2, airC) - 25)) * (1 - lossFraction);
        return Math.max(0, Math.min(acKw, dc * inverterEff));
    }
}
