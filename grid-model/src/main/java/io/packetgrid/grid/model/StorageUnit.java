package io.packetgrid.grid.model;

import java.util.Locale;

/**
 * What the island logic needs of an energy storage unit: its ratings and its stored energy, with
 * OpenDSS Storage's meaning (Storage.pas: {@code kWrated}, {@code kVA}, {@code kWhrated}, {@code kWhstored},
 * {@code %reserve}, {@code %EffCharge}, {@code %EffDischarge}). An OpenDSS {@code Storage} element can
 * implement it; {@link #of} is a plain unit holding these figures alone.
 */
public interface StorageUnit {

    String name();

    /** Active power rating, kW (charge and discharge). */
    double kwRated();

    /** Inverter apparent power rating, kVA. */
    double kvaRated();

    /** Energy capacity, kWh. */
    double kwhRated();

    /** Energy stored now, kWh. */
    double kwhStored();

    void setKwhStored(double kwh);

    /** The energy it never discharges below, kWh ({@code %reserve} of the rating). */
    double kwhReserve();

    /** Charging efficiency (0, 1]: stored = drawn x efficiency. */
    double chargeEfficiency();

    /** Discharging efficiency (0, 1]: delivered = taken x efficiency. */
    double dischargeEfficiency();

    /** Stored energy in per cent of the rating. */
    default double socPct() {
        return 100.0 * kwhStored() / kwhRated();
    }

    /**
     * A unit with these ratings (OpenDSS's defaults where the scenario gives none: 20 % reserve, 90 %
     * charge and discharge efficiency; Storage.pas).
     *
     * @throws IllegalArgumentException naming the figure that is out of range
     */
    static StorageUnit of(String name, double kwRated, double kvaRated, double kwhRated, double storedPct, double reservePct,
                          double chargeEff, double dischargeEff) {
        return new Plain(name, kwRated, kvaRated, kwhRated, storedPct, reservePct, chargeEff, dischargeEff);
    }

    /** The figures of a unit alone. */
    final class Plain implements StorageUnit {
        private final String name;
        private final double kwRated;
        private final double kvaRated;
        private final double kwhRated;
        private final double reserveKwh;
        private final double chargeEff;
        private final double dischargeEff;
        private double stored;

        Plain(String name, double kwRated, double kvaRated, double kwhRated, double storedPct, double reservePct, double chargeEff,
              double dischargeEff) {
            if (!(kwRated > 0) || !(kvaRated >= kwRated) || !(kwhRated > 0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "storage %s: need kw > 0, kva >= kw and kwh > 0 (got %s kW, %s kVA, %s kWh)", name, kwRated, kvaRated, kwhRated));
            }
            if (!(reservePct >= 0 && reservePct < 100) || !(storedPct >= 0 && storedPct <= 100)) {
                throw new IllegalArgumentException("storage " + name + ": stored and reserve are per cent of kWh, reserve below 100");
            }
            if (!(chargeEff > 0 && chargeEff <= 1) || !(dischargeEff > 0 && dischargeEff <= 1)) {
                throw new IllegalArgumentException("storage " + name + ": efficiencies must be in (0, 1]");
            }
            this.name = name;
            this.kwRated = kwRated;
            this.kvaRated = kvaRated;
            this.kwhRated = kwhRated;
            this.reserveKwh = kwhRated * reservePct / 100.0;
            this.chargeEff = chargeEff;
            this.dischargeEff = dischargeEff;
            this.stored = kwhRated * storedPct / 100.0;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double kwRated() {
            return kwRated;
        }

        @Override
        public double kvaRated() {
            return kvaRated;
        }

        @Override
        public double kwhRated() {
            return kwhRated;
        }

        @Override
        public double kwhStored() {
            return stored;
        }

        @Override
        public void setKwhStored(double kwh) {
            stored = kwh;
        }

        @Override
        public double kwhReserve() {
            return reserveKwh;
        }

        @Override
        public double chargeEfficiency() {
            return chargeEff;
        }

        @Override
        public double dischargeEfficiency() {
            return dischargeEff;
        }
    }
}
