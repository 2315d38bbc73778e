package io.packetgrid.grid.model;

/**
 * A Thevenin voltage source between terminal 1 and terminal 2 (ground by default), modelled as
 * a Norton equivalent: primitive admittance {@code [Zs^-1, -Zs^-1; -Zs^-1, Zs^-1]} and injected
 * current {@code Yprim [Vs; 0]} (OpenDSS Vsource: CalcYPrim, GetInjCurrents). The internal
 * voltages are balanced phasors of magnitude {@code vmag} starting at {@code angleDeg}.
 */
public final class VoltageSource implements Source {
    private final String name;
    private final Connection connection;
    private final int phases;
    private final CMatrix yInv;   // Zs^-1
    private double vmag;          // volts, per phase internal EMF magnitude
    private double angleDeg;
    private final int sequence;   // 1 positive, -1 negative, 0 zero
    private long version;

    public VoltageSource(String name, Connection connection, CMatrix zs, double vmag, double angleDeg, int sequence) {
        this.name = name;
        this.connection = connection;
        this.phases = zs.n;
        CMatrix inv = zs.inverse();
        if (inv == null) {
            throw new IllegalArgumentException("singular source impedance");
        }
        this.yInv = inv;
        this.vmag = vmag;
        this.angleDeg = angleDeg;
        this.sequence = sequence;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    public double vmag() {
        return vmag;
    }

    /** Changes the internal EMF magnitude (volts); the admittance is unchanged. */
    public void setVmag(double v) {
        if (v != vmag) {
            vmag = v;
            version++;
        }
    }

    /** Changes the internal EMF: magnitude (volts) and the angle of phase 1 (degrees); the admittance is unchanged. */
    public void setEmf(double v, double angle) {
        if (v != vmag || angle != angleDeg) {
            vmag = v;
            angleDeg = angle;
            version++;
        }
    }

    public double angleDeg() {
        return angleDeg;
    }

    @Override
    public long injectionVersion() {
        return version;
    }

    @Override
    public void primitiveY(double[] re, double[] im) {
        yInv.addSeriesTo(re, im);
    }

    /** The internal EMF of phase {@code i} (0-based), real and imaginary parts. */
    public double[] emf(int i) {
        double ang;
        if (sequence == -1) {
            ang = angleDeg + i * 360.0 / phases;
        } else if (sequence == 0) {
            ang = angleDeg;
        } else {
            ang = angleDeg - i * 360.0 / phases;
        }
        double rad = Math.toRadians(360.0 + ang);
        return new double[] {vmag * Math.cos(rad), vmag * Math.sin(rad)};
    }

    @Override
    public void injection(double[] ir, double[] ii) {
        int n = phases;
        double[] vr = new double[2 * n];
        double[] vi = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double[] e = emf(i);
            vr[i] = e[0];
            vi[i] = e[1];
        }
        int m = 2 * n;
        double[] yr = new double[m * m];
        double[] yi = new double[m * m];
        primitiveY(yr, yi);
        for (int a = 0; a < m; a++) {
            double sr = 0;
            double si = 0;
            for (int b = 0; b < m; b++) {
                sr += yr[a * m + b] * vr[b] - yi[a * m + b] * vi[b];
                si += yr[a * m + b] * vi[b] + yi[a * m + b] * vr[b];
            }
            ir[a] = sr;
            ii[a] = si;
        }
    }
}
