package io.packetgrid.grid.model;

/**
 * A line section (or a switch, which OpenDSS models as a very short line): series impedance
 * matrix {@code Z} and shunt admittance {@code Yc}, both for the whole length, split in the
 * pi model with half the shunt admittance at each end (OpenDSS Line: CalcYPrim). Either terminal
 * may be opened ({@link Switchable}); {@link #setOpen} opens or closes both, and a line open at both
 * ends connects nothing.
 */
public final class Line implements Switchable {
    private final String name;
    private final Connection connection;
    private final CMatrix zinv;     // series admittance, order = phases
    private final CMatrix yc;       // total shunt admittance (siemens)
    private final double normAmps;
    private final double emergAmps;
    private final boolean isSwitch;
    private final boolean[] terminalOpen = new boolean[2];
    private volatile boolean open;   // both terminals open
    private long version;

    /**
     * @param z  total series impedance (ohms); must be invertible
     * @param yc total shunt admittance (siemens), may be zero
     */
    public Line(String name, Connection connection, CMatrix z, CMatrix yc, double normAmps, double emergAmps, boolean isSwitch) {
        this(invertible(z), yc, name, connection, normAmps, emergAmps, isSwitch);
    }

    /**
     * A line of series admittance {@code zinv} (the inverse of its total series impedance) and total shunt admittance
     * {@code yc}, both kept as given and never changed: lines of a build share equal matrices ({@link CMatrixPool}).
     */
    public static Line withSeriesAdmittance(String name, Connection connection, CMatrix zinv, CMatrix yc, double normAmps,
                                            double emergAmps, boolean isSwitch) {
        return new Line(zinv, yc, name, connection, normAmps, emergAmps, isSwitch);
    }

    private static CMatrix invertible(CMatrix z) {
        CMatrix inv = z.inverse();
        if (inv == null) {
            throw new IllegalArgumentException("singular impedance matrix");
        }
        return inv;
    }

    private Line(CMatrix zinv, CMatrix yc, String name, Connection connection, double normAmps, double emergAmps, boolean isSwitch) {
        this.name = name;
        this.connection = connection;
        this.zinv = zinv;
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

    /** Opens (true) or closes both terminals: an element open at both ends connects nothing. */
    public void setOpen(boolean open) {
        if (terminalOpen[0] != open || terminalOpen[1] != open) {
            terminalOpen[0] = open;
            terminalOpen[1] = open;
            changed();
        }
    }

    /** Whether both terminals are open. */
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean terminalOpen(int terminal) {
        return terminalOpen[terminal];
    }

    @Override
    public void setTerminalOpen(int terminal, boolean open) {
        if (terminalOpen[terminal] != open) {
            terminalOpen[terminal] = open;
            changed();
        }
    }

    private void changed() {
        open = terminalOpen[0] && terminalOpen[1];
        version++;
        ModelChanges.bumpLine();
    }

    @Override
    public void closedPrimitiveY(double[] re, double[] im) {
        closedSeries(re, im);
        shunt(re, im);
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public void primitiveY(double[] re, double[] im) {
        if (open) {
            return;
        }
        if (terminalOpen[0] || terminalOpen[1]) {
            reduced(re, im, true);
            return;
        }
        closedSeries(re, im);
        shunt(re, im);
    }

    /** The Kron-reduced matrix of a line open at one end, added into {@code re}/{@code im}. */
    private void reduced(double[] re, double[] im, boolean withShunt) {
        int m = 2 * zinv.n;
        double[] r = new double[m * m];
        double[] i = new double[m * m];
        closedSeries(r, i);
        if (withShunt) {
            shunt(r, i);
        }
        boolean[] o = new boolean[m];
        for (int k = 0; k < m; k++) {
            o[k] = terminalOpen[k / zinv.n];
        }
        OpenConductors.reduce(r, i, o);
        for (int k = 0; k < m * m; k++) {
            re[k] += r[k];
            im[k] += i[k];
        }
    }

    private void shunt(double[] re, double[] im) {
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
        if (open) {
            return;
        }
        if (terminalOpen[0] || terminalOpen[1]) {
            reduced(re, im, false);
            return;
        }
        closedSeries(re, im);
    }

    private void closedSeries(double[] re, double[] im) {
        zinv.addSeriesTo(re, im);
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
