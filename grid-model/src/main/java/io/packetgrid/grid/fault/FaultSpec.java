package io.packetgrid.grid.fault;

import io.packetgrid.grid.model.Fault;
import java.util.Arrays;
import java.util.Locale;

/**
 * A shunt fault to analyse: where (bus and the node numbers of the phases involved), what type, and the
 * fault resistance in ohms (per phase to ground or star point; between the two phases for a line-to-line
 * fault), with OpenDSS's meaning of each (see {@link FaultType} and {@link #dssCommand}).
 *
 * @param bus           bus name (case-insensitive)
 * @param type          fault type
 * @param phases        node numbers of the phases involved, {@code type.phases()} of them, distinct
 * @param resistanceOhm fault resistance, ≥ 0 ({@code 0} is OpenDSS's 0.0001 ohm)
 */
public record FaultSpec(String bus, FaultType type, int[] phases, double resistanceOhm) {

    public FaultSpec {
        if (bus == null || bus.isBlank()) {
            throw new IllegalArgumentException("a fault needs a bus");
        }
        bus = bus.toLowerCase(Locale.ROOT);
        if (phases.length != type.phases()) {
            throw new IllegalArgumentException("a " + type.label() + " fault involves " + type.phases() + " phase(s), got "
                    + phases.length);
        }
        for (int i = 0; i < phases.length; i++) {
            if (phases[i] < 1) {
                throw new IllegalArgumentException("phase nodes are numbered from 1, got " + phases[i]);
            }
            for (int j = 0; j < i; j++) {
                if (phases[i] == phases[j]) {
                    throw new IllegalArgumentException("phase " + phases[i] + " is listed twice");
                }
            }
        }
        if (!(resistanceOhm >= 0) || Double.isInfinite(resistanceOhm)) {
            throw new IllegalArgumentException("fault resistance must be a finite number ≥ 0, got " + resistanceOhm);
        }
        phases = phases.clone();
    }

    /** A fault on phases a, b, c = nodes 1, 2, 3 (the first {@code type.phases()} of them). */
    public static FaultSpec of(String bus, FaultType type, double resistanceOhm) {
        int[] p = new int[type.phases()];
        for (int i = 0; i < p.length; i++) {
            p[i] = i + 1;
        }
        return new FaultSpec(bus, type, p, resistanceOhm);
    }

    @Override
    public int[] phases() {
        return phases.clone();
    }

    /**
     * The fault's nodal conductance matrix among {@link #phases()} (siemens, row major), ground implied:
     * diagonal {@code g} for faults to ground; {@code g[[1,-1],[-1,1]]} for a line-to-line fault; for a
     * three-phase fault to a floating star point, the star eliminated: {@code g (I - 1 1^T / 3)}.
     */
    public double[] conductance() {
        double g = Fault.conductance(resistanceOhm);
        int k = phases.length;
        return switch (type) {
            case LINE_TO_GROUND, DOUBLE_LINE_TO_GROUND, THREE_PHASE_GROUND -> Fault.diagonal(k, g);
            case LINE_TO_LINE -> new double[] {g, -g, -g, g};
            case THREE_PHASE -> {
                double[] m = new double[9];
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        m[i * 3 + j] = g * ((i == j ? 1.0 : 0.0) - 1.0 / 3.0);
                    }
                }
                yield m;
            }
        };
    }

    /** The same fault as an OpenDSS command, e.g. {@code New Fault.f1 phases=1 bus1=b7.2 r=0.5}. */
    public String dssCommand(String name) {
        String r = Double.toString(resistanceOhm);
        StringBuilder b = new StringBuilder("New Fault.").append(name);
        switch (type) {
            case LINE_TO_LINE -> b.append(" phases=1 bus1=").append(bus).append('.').append(phases[0])
                    .append(" bus2=").append(bus).append('.').append(phases[1]).append(" r=").append(r);
            case THREE_PHASE -> {
                double[] m = conductance();
                b.append(" phases=3 bus1=").append(nodes()).append(" Gmatrix=[");
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j <= i; j++) {
                        b.append(m[i * 3 + j]).append(j < i ? " " : "");
                    }
                    b.append(i < 2 ? " | " : "]");
                }
            }
            default -> b.append(" phases=").append(phases.length).append(" bus1=").append(nodes()).append(" r=").append(r);
        }
        return b.toString();
    }

    private String nodes() {
        StringBuilder b = new StringBuilder(bus);
        for (int p : phases) {
            b.append('.').append(p);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultSpec f && bus.equals(f.bus) && type == f.type && Arrays.equals(phases, f.phases)
                && Double.compare(resistanceOhm, f.resistanceOhm) == 0;
    }

    @Override
    public int hashCode() {
        return (bus.hashCode() * 31 + type.hashCode()) * 31 + Arrays.hashCode(phases) + Double.hashCode(resistanceOhm);
    }

    @Override
    public String toString() {
        return type.label() + "@" + nodes() + " r=" + resistanceOhm + "Ω";
    }
}
