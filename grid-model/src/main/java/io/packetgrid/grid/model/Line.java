package io.packetgrid.grid.model;

/**
 * A line section (or a switch, which OpenDSS models as a very short line): series impedance
 * matrix {@code Z} and shunt admittance {@code Yc}, both for the whole length, split in the
 * pi model with half the shunt admittance at each end (OpenDSS Line: CalcYPrim).
 */
public final class Line implements PowerDelivery {
    private final String name;
    private final Connection connection;
    private final CMatrix zinv;     // series admittance, order = phases
    private final CMatrix yc;       // total shunt admittance (siemens)
    private final double normAmps;
    private final double emergAmps;
    private final boolean isSwitch;
    private volatile boolean open;
    private long version;

    /**
     * @param z  total series impedance (ohms); must be invertible
     * @param yc total shunt admittance (siemens), may be zero
     */
    public Line(String name, Connection connection, CMatrix z, CMatrix yc, double normAmps, double emergAmps, boolean isSwitch) {
        this.name = name;
        this.connection = connection;
        CMatrix inv = z.inverse();
        if (inv == null) {
            throw new IllegalArgumentException("singular impedance matrix");
        }
        this.zinv = inv;
        this.yc = yc;
        this.normAmps = normAmps;
        this.emergAmps = emergAmps;
        this.isSwitch = isSwitch;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    public boolean isSwitch() {
        return isSwitch;
    }

    /** Opens (true) or closes the element: an open element connects nothing. */
    public void setOpen(boolean open) {
        if (this.open != open) {
            this.open = open;
            version++;
            ModelChanges.bump();
        }
    }

    public boolean isOpen() {
        return open;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public void primitiveY(double[] re, double[] im) {
        series(re, im);
        if (open) {
            return;
        }
        int n = zinv.n;
        int m = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double b = yc.im(i, j) / 2.0;
                double g = yc.re(i, j) / 2.0;
                re[i * m + j] += g;
                im[i * m + j] += b;
                re[(i + n) * m + j + n] += g;
                im[(i + n) * m + j + n] += b;
            }
        }
    }

    @Override
    public void seriesY(double[] re, double[] im) {
        series(re, im);
    }

    private void series(double[] re, double[] im) {
        if (open) {
            return;
        }
        int n = zinv.n;
        int m = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double r = zinv.re(i, j);
                double x = zinv.im(i, j);
                re[i * m + j] += r;
                im[i * m + j] += x;
                re[(i + n) * m + j + n] += r;
                im[(i + n) * m + j + n] += x;
                re[i * m + j + n] -= r;
                im[i * m + j + n] -= x;
                re[(i + n) * m + j] -= r;
                im[(i + n) * m + j] -= x;
            }
        }
    }

    @Override
    public double normAmps() {
        return normAmps;
    }

    @Override
    public double emergAmps() {
        return emergAmps;
    }
}
