package io.packetgrid.grid.model;

/**
 * A multi-winding, multi-phase transformer as a primitive admittance matrix.
 *
 * <p>Physics (the per-phase "one-volt" model of OpenDSS, Dugan, "OpenDSS Circuit Modeling:
 * Transformer", and the OpenDSS reference manual, Transformer object): each phase is a set of
 * coupled windings described by short-circuit impedances between winding pairs
 * {@code Zsc(1,k) = (R1 + Rk) + j X1k} on the transformer base. With winding 1 as reference the
 * branch impedance matrix {@code ZB} (order N-1) has diagonal {@code Zsc(1,k+1)} and
 * off-diagonal {@code (Zsc(1,i) + Zsc(1,j) - Zsc(i,j)) / 2}; its inverse, expanded with the
 * incidence {@code A} (-1 on winding 1, +1 on winding k) gives the one-volt admittance
 * {@code A^T ZB^-1 A}. The magnetising branch ({@code %noloadloss}, {@code %imag}) sits on
 * winding 2. Scaling each winding by {@code 1/(Vbase * tap)} and mapping the two ends of each
 * winding onto phase and neutral (wye) or onto two phases (delta, rotated by the vector group)
 * gives the primitive matrix. A tiny "anti-float" susceptance (ppm of the base) keeps isolated
 * windings solvable, as in OpenDSS. A winding's terminal may be opened ({@link Switchable}: the
 * matrix is Kron-reduced on its conductors, as OpenDSS's {@code Open Transformer.X term=2}).
 */
public final class Transformer implements Switchable {
    private final String name;
    private final Connection connection;
    private final int phases;
    private final Winding[] windings;
    private final double[] xsc;          // pu, pairs (1,2),(1,3)..(1,N),(2,3)..
    private final double pctNoLoadLoss;
    private final double pctImag;
    private final double ppm;
    private final boolean hvLeadsLv;
    private final double normHkva;
    private final double emergHkva;
    private final double[] taps;         // present tap of each winding (mutable state)
    private final boolean[] terminalOpen;
    private long version;

    public Transformer(String name, Connection connection, int phases, Winding[] windings, double[] xscPu,
                       double pctNoLoadLoss, double pctImag, double ppmAntifloat, boolean hvLeadsLv,
                       double normHkva, double emergHkva) {
        this.name = name;
        this.connection = connection;
        this.phases = phases;
        this.windings = windings.clone();
        this.xsc = xscPu.clone();
        this.pctNoLoadLoss = pctNoLoadLoss;
        this.pctImag = pctImag;
        this.ppm = ppmAntifloat;
        this.hvLeadsLv = hvLeadsLv;
        this.normHkva = normHkva;
        this.emergHkva = emergHkva;
        this.terminalOpen = new boolean[windings.length];
        this.taps = new double[windings.length];
        for (int w = 0; w < windings.length; w++) {
            taps[w] = windings[w].tap();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    public int phases() {
        return phases;
    }

    public int windingCount() {
        return windings.length;
    }

    public Winding winding(int w) {
        return windings[w].withTap(taps[w]);
    }

    public double tap(int w) {
        return taps[w];
    }

    /** Sets a winding's tap, limited to [minTap, maxTap] like OpenDSS's PresentTap. */
    public void setTap(int w, double value) {
        double t = Math.max(windings[w].minTap(), Math.min(windings[w].maxTap(), value));
        if (t != taps[w]) {
            taps[w] = t;
            version++;
            ModelChanges.bump();
        }
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public boolean terminalOpen(int terminal) {
        return terminalOpen[terminal];
    }

    @Override
    public void setTerminalOpen(int terminal, boolean open) {
        if (terminalOpen[terminal] != open) {
            terminalOpen[terminal] = open;
            version++;
            ModelChanges.bump();
        }
    }

    @Override
    public void closedPrimitiveY(double[] re, double[] im) {
        cached();
        for (int k = 0; k < cacheRe.length; k++) {
            re[k] += cacheClosedRe[k];
            im[k] += cacheClosedIm[k];
        }
    }

    /** Winding voltage base in volts: across the winding (LN for wye 2/3-phase, LL for delta and 1-phase). */
    public double vbase(int w) {
        Winding wd = windings[w];
        if (!wd.delta() && (phases == 2 || phases == 3)) {
            return wd.kvLL() * 1000.0 / Math.sqrt(3.0);
        }
        return wd.kvLL() * 1000.0;
    }

    @Override
    public double ratedKva() {
        return windings[0].kva();
    }

    /** Normal rating (kVA) used for the loading check; OpenDSS default 110 % of winding 1. */
    public double normHkva() {
        return normHkva;
    }

    public double emergHkva() {
        return emergHkva;
    }

    @Override
    public double normAmps() {
        return normHkva / phases / ampsBaseKv();
    }

    @Override
    public double emergAmps() {
        return emergHkva / phases / ampsBaseKv();
    }

    private double ampsBaseKv() {
        // OpenDSS RecalcElementData: per-phase kVA over the winding-1 voltage to neutral
        Winding w1 = windings[0];
        double vb = vbase(0) * 0.001;
        if (w1.delta() && (phases == 2 || phases == 3)) {
            return vb / Math.sqrt(3.0);
        }
        return vb;
    }

    /** +1 or -1: which neighbouring phase a delta winding connects to (vector group). */
    int deltaDirection() {
        if (windings.length < 2 || windings[0].delta() == windings[1].delta()) {
            return 1;
        }
        int hv = windings[0].kvLL() >= windings[1].kvLL() ? 0 : 1;
        if (windings[hv].delta()) {
            return hvLeadsLv ? 1 : -1;
        }
        return hvLeadsLv ? -1 : 1;
    }

    /** The phase a delta winding of phase {@code phase1Based} connects to (1-based), as OpenDSS RotatePhases. */
    public int rotate(int phase1Based) {
        int r = phase1Based + deltaDirection();
        if (phases > 2) {
            if (r > phases) {
                r = 1;
            }
            if (r < 1) {
                r = phases;
            }
        } else if (r < 1) {
            r = 3;
        }
        return r;
    }

    // the primitive matrix is rebuilt only when a tap or a terminal changed (controls read it at every solution)
    private double[] cacheRe;
    private double[] cacheIm;
    private double[] cacheClosedRe;
    private double[] cacheClosedIm;
    private long cacheVersion = -1;

    private void cached() {
        if (cacheVersion != version || cacheRe == null) {
            int order = connection.order();
            double[] r = new double[order * order];
            double[] i = new double[order * order];
            build(r, i, true);
            cacheClosedRe = r;
            cacheClosedIm = i;
            cacheRe = r;
            cacheIm = i;
            if (anyTerminalOpen()) {
                cacheRe = r.clone();
                cacheIm = i.clone();
                OpenConductors.reduce(cacheRe, cacheIm, openConductors());
            }
            cacheVersion = version;
        }
    }

    private boolean[] openConductors() {
        int nc = connection.conductors();
        boolean[] o = new boolean[connection.order()];
        for (int k = 0; k < o.length; k++) {
            o[k] = terminalOpen[k / nc];
        }
        return o;
    }

    @Override
    public void primitiveY(double[] re, double[] im) {
        cached();
        for (int k = 0; k < cacheRe.length; k++) {
            re[k] += cacheRe[k];
            im[k] += cacheIm[k];
        }
    }

    @Override
    public void seriesY(double[] re, double[] im) {
        if (!anyTerminalOpen()) {
            build(re, im, false);
            return;
        }
        int order = connection.order();
        double[] r = new double[order * order];
        double[] i = new double[order * order];
        build(r, i, false);
        OpenConductors.reduce(r, i, openConductors());
        for (int k = 0; k < r.length; k++) {
            re[k] += r[k];
            im[k] += i[k];
        }
    }

    private void build(double[] re, double[] im, boolean withShunt) {
        int nw = windings.length;
        int nc = phases + 1;
        int order = nw * nc;
        double vaBase = windings[0].kva() * 1000.0;
        double zBase = 1.0 / (vaBase / phases);   // ohms on a one-volt basis
        // ZB (order nw-1)
        CMatrix zb = new CMatrix(nw - 1);
        for (int i = 0; i < nw - 1; i++) {
            zb.set(i, i, (windings[0].rPu() + windings[i + 1].rPu()) * zBase, xsc[i] * zBase);
        }
        int k = nw - 1;
        for (int i = 0; i < nw - 1; i++) {
            for (int j = i + 1; j < nw - 1; j++) {
                double r = (zb.re(i, i) + zb.re(j, j) - (windings[i + 1].rPu() + windings[j + 1].rPu()) * zBase) * 0.5;
                double x = (zb.im(i, i) + zb.im(j, j) - xsc[k] * zBase) * 0.5;
                zb.set(i, j, r, x);
                zb.set(j, i, r, x);
                k++;
            }
        }
        CMatrix zinv = zb.inverse();
        if (zinv == null) {
            zinv = new CMatrix(nw - 1);
            for (int i = 0; i < nw - 1; i++) {
                zinv.set(i, i, 1e-12, 0); // OpenDSS: tiny conductance on inversion error
            }
        }
        // Y one-volt = A^T ZB^-1 A, A(i, 0) = -1, A(i, i+1) = +1
        CMatrix y1 = new CMatrix(nw);
        for (int a = 0; a < nw; a++) {
            for (int b = 0; b < nw; b++) {
                double sr = 0;
                double si = 0;
                for (int i = 0; i < nw - 1; i++) {
                    double ai = a == 0 ? -1 : (a == i + 1 ? 1 : 0);
                    if (ai == 0) {
                        continue;
                    }
                    for (int j = 0; j < nw - 1; j++) {
                        double bj = b == 0 ? -1 : (b == j + 1 ? 1 : 0);
                        if (bj == 0) {
                            continue;
                        }
                        sr += ai * bj * zinv.re(i, j);
                        si += ai * bj * zinv.im(i, j);
                    }
                }
                y1.set(a, b, sr, si);
            }
        }
        if (withShunt && nw >= 2) {
            // magnetising branch on winding 2 (G = %noloadloss, B = -%imag on the one-volt base)
            y1.add(1, 1, pctNoLoadLoss / 100.0 / zBase, -pctImag / 100.0 / zBase);
        }
        // terminal admittance (2 nw) with 1/(Vbase tap) scaling
        int n2 = 2 * nw;
        double[] scale = new double[nw];
        for (int w = 0; w < nw; w++) {
            double t = taps[w] == 0.0 ? 0.0001 : taps[w];
            scale[w] = 1.0 / (vbase(w) * t);
        }
        double[] ytr = new double[n2 * n2];
        double[] yti = new double[n2 * n2];
        for (int p = 0; p < n2; p++) {
            int wa = p / 2;
            double sa = (p % 2 == 0 ? 1 : -1) * scale[wa];
            for (int q = 0; q < n2; q++) {
                int wb = q / 2;
                double sb = (q % 2 == 0 ? 1 : -1) * scale[wb];
                ytr[p * n2 + q] = sa * sb * y1.re(wa, wb);
                yti[p * n2 + q] = sa * sb * y1.im(wa, wb);
            }
        }
        // anti-float susceptance on both ends of each winding (series part)
        double vaPerPhase = vaBase / phases;
        double[] yppm = new double[nw];
        for (int w = 0; w < nw; w++) {
            double vb = vbase(w);
            yppm[w] = -ppm / (vb * vb / vaPerPhase) / 2.0;
            if (ppm != 0.0) {
                yti[(2 * w) * n2 + 2 * w] += yppm[w];
                yti[(2 * w + 1) * n2 + 2 * w + 1] += yppm[w];
            }
        }
        // map winding ends onto conductors, phase by phase
        int[] termRef = new int[n2 * phases];
        int idx = 0;
        if (phases == 1) {
            for (int w = 0; w < nw; w++) {
                termRef[idx++] = w * nc;          // phase conductor
                termRef[idx++] = w * nc + nc - 1; // neutral conductor
            }
        } else {
            for (int ph = 1; ph <= phases; ph++) {
                for (int w = 0; w < nw; w++) {
                    termRef[idx++] = w * nc + ph - 1;
                    termRef[idx++] = windings[w].delta() ? w * nc + rotate(ph) - 1 : w * nc + nc - 1;
                }
            }
        }
        for (int ph = 0; ph < phases; ph++) {
            for (int p = 0; p < n2; p++) {
                int rp = termRef[p + ph * n2];
                for (int q = 0; q < n2; q++) {
                    int rq = termRef[q + ph * n2];
                    re[rp * order + rq] += ytr[p * n2 + q];
                    im[rp * order + rq] += yti[p * n2 + q];
                }
            }
        }
        // neutral impedances of wye windings (OpenDSS AddNeutralToY)
        for (int w = 0; w < nw; w++) {
            Winding wd = windings[w];
            if (wd.delta()) {
                continue;
            }
            int j = w * nc + nc - 1;
            if (wd.rNeut() >= 0) {
                if (wd.rNeut() == 0 && wd.xNeut() == 0) {
                    re[j * order + j] += 1e6;
                } else {
                    double den = wd.rNeut() * wd.rNeut() + wd.xNeut() * wd.xNeut();
                    re[j * order + j] += wd.rNeut() / den;
                    im[j * order + j] += -wd.xNeut() / den;
                }
            } else if (ppm != 0.0) {
                im[j * order + j] += yppm[w];
            }
        }
    }
}
