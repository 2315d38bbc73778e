package io.packetgrid.grid.result;

import io.packetgrid.grid.model.CMatrix;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.LoadBank;
import io.packetgrid.grid.model.ModelChanges;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerConversion;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.Source;
import io.packetgrid.grid.model.Transformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-solution figures of one network from its node voltages, cheap enough for every time step:
 * element primitive matrices are cached (refreshed only when an element's version changes), and a
 * summary is one pass over the elements with preallocated scratch, so {@link #summarize} allocates
 * nothing. The physics is that of {@link ElementFlows} (OpenDSS's terminal quantities:
 * {@code I = Yprim V} for delivery elements, {@code I = Yprim V - I_norton} for sources, each
 * conversion element's own current law), evaluated faster:
 *
 * <ul>
 *   <li>a two-terminal element whose coupling blocks are equal ({@code Y12 = Y21}, every line and
 *       switch) is kept as its series admittance {@code Ys = -Y12} and the shunt parts
 *       {@code Y11 + Y12}, {@code Y22 + Y21}; then {@code I1 = Ys (V1 - V2) + Ysh1 V1},
 *       {@code I2 = -Ys (V1 - V2) + Ysh2 V2} (exact algebra: OpenDSS Line CalcYPrim builds
 *       {@code Yprim} from exactly these blocks). Without shunt admittance (cables given by R and X
 *       only) the losses are {@code (V1 - V2) conj(Is)} and the loading is the largest {@code |Is|};</li>
 *   <li>a series admittance of the symmetric-component form {@code Ys = a I + b (1 - I)} (equal
 *       diagonal, equal off-diagonal entries: every line given by sequence impedances, OpenDSS
 *       Line with R1, X1, R0, X0) gives {@code Is = a dV + b (sum(dV) - dV)}: two complex products per
 *       conductor instead of one per matrix entry. Entries equal to 1e-12 relative count as equal
 *       (they come from a numerical inverse), so such currents carry a relative error of that order;</li>
 *   <li>voltage magnitudes are compared squared against squared limits (one square root for the
 *       minimum and one for the maximum).</li>
 * </ul>
 *
 * <p>Per-element loadings of the last summary are kept for {@link #violations}, {@link #lineLoadings}
 * and {@link #transformerLoadings}, which allocate only their results. Not thread-safe; bound to one
 * {@link Network} (a switching operation builds a new one).
 */
public final class FlowAccounting {
    private static final int GENERIC = 0;
    private static final int SERIES = 1;      // two terminals, Y12 = Y21, with shunt parts
    private static final int PURE = 2;        // two terminals, Y12 = Y21, no shunt parts
    private static final double EQUAL = 1e-12;

    private final Network net;
    private final Limits limits;

    // voltage band: the phase nodes with a nominal voltage, as runs of consecutive nodes with one
    // nominal (an LV feeder is a few runs: the per-step pass reads no per-node tables)
    private final int[] runFirst;
    private final int[] runEnd;
    private final double[] runInvNom2;

    // delivery elements
    private final PowerDelivery[] pd;
    private final int[][] pdNodes;
    private final int[] pdTerminals;
    private final int[] pdConductors;
    private final int[] pdOffset;
    private final int[] pdKind;
    private final boolean[] pdShunt1;
    private final boolean[] pdShunt2;
    private final boolean[] pdBalanced;
    private final double[] abc;          // per element: a - b and b of a balanced series admittance (re, im, re, im)
    private final int[] pdFlat;          // every element's nodes, concatenated
    private final int[] pdFlatOffset;
    private final long[] pdVersion;
    // each element's primitive matrix (or its series and shunt parts) at pdOffset; elements whose matrices are equal to
    // the bit share one block (100 copies of a feeder: 90k lines, about a thousand distinct matrices), and an element
    // whose matrix changes gets a block of its own first (pdOwnsBlock)
    private double[] yr;
    private double[] yi;
    private int yUsed;
    private final boolean[] pdOwnsBlock;
    private final Line[] line;           // the element as a line, or null
    // a line's rating and state as primitives: the per-step pass must not visit 900 element objects
    private final boolean[] isLine;
    private final double[] lineRating;
    private final boolean[] lineOpen;
    private final double[][] windingKva; // per transformer terminal, or null
    private final int[] transformers;    // the elements that are transformers, in order
    private final double[] loadingPu;
    private final double[] loadingValue; // A (lines) or kVA (transformers)
    private final double[] loadingRating;
    private final boolean[] squared;     // loadingValue and loadingPu hold squares
    private final ModelChanges.Watch changes; // which deliveries may have changed since the last refresh

    // sources
    private final Source[] src;
    private final int[][] srcNodes;
    private final double[][] srcYr;
    private final double[][] srcYi;
    private final double[][] srcIr;
    private final double[][] srcIi;
    private final long[] srcInjection;

    // conversion elements; the loads among them also as flat arrays (runs of consecutive loads)
    private final PowerConversion[] pc;
    private final int[][] pcNodes;
    private final LoadBank loadBank;
    private final int[] bankIndex;       // per conversion element: its index in loadBank, or -1
    private final int[] loadRunEnd;      // per load: the end of its run of consecutive loads
    private final double[] pq = new double[2];

    // scratch (largest element order)
    private final double[] vr;
    private final double[] vi;
    private final double[] ir;
    private final double[] ii;
    private final double[] dr;
    private final double[] di;
    private final double[] fullR;
    private final double[] fullI;

    public FlowAccounting(Network net, Limits limits) {
        this.net = net;
        this.limits = limits;
        int n = net.nodeCount();
        int[] nodes = new int[n];
        double[] inv = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (net.nodeNumber(i) > 3 || !net.energised(i)) {
                continue;
            }
            double nom = GridResults.nominal(net, net.nodeBus(i), limits);
            if (nom <= 0) {
                continue;
            }
            nodes[count] = i;
            inv[count++] = 1.0 / (nom * nom);
        }
        int runs = 0;
        int[] first = new int[count];
        int[] end = new int[count];
        double[] runInv = new double[count];
        for (int j = 0; j < count; j++) {
            if (runs > 0 && end[runs - 1] == nodes[j] && runInv[runs - 1] == inv[j]) {
                end[runs - 1]++;
            } else {
                first[runs] = nodes[j];
                end[runs] = nodes[j] + 1;
                runInv[runs++] = inv[j];
            }
        }
        runFirst = Arrays.copyOf(first, runs);
        runEnd = Arrays.copyOf(end, runs);
        runInvNom2 = Arrays.copyOf(runInv, runs);

        List<PowerDelivery> pdl = net.deliveries();
        int np = pdl.size();
        pd = pdl.toArray(new PowerDelivery[0]);
        pdNodes = new int[np][];
        pdTerminals = new int[np];
        pdConductors = new int[np];
        pdOffset = new int[np];
        pdKind = new int[np];
        pdShunt1 = new boolean[np];
        pdShunt2 = new boolean[np];
        pdBalanced = new boolean[np];
        abc = new double[4 * np];
        pdFlatOffset = new int[np];
        pdVersion = new long[np];
        line = new Line[np];
        isLine = new boolean[np];
        lineRating = new double[np];
        lineOpen = new boolean[np];
        windingKva = new double[np][];
        loadingPu = new double[np];
        loadingValue = new double[np];
        loadingRating = new double[np];
        squared = new boolean[np];
        int maxOrder = 1;
        int total = 0;
        int flat = 0;
        for (int k = 0; k < np; k++) {
            PowerDelivery d = pd[k];
            pdNodes[k] = net.nodesOf(d);
            pdFlatOffset[k] = flat;
            flat += pdNodes[k].length;
            pdTerminals[k] = d.connection().terminals();
            pdConductors[k] = d.connection().conductors();
            int m = d.connection().order();
            pdOffset[k] = total;
            total += m * m;
            maxOrder = Math.max(maxOrder, m);
            if (d instanceof Line l) {
                line[k] = l;
                isLine[k] = true;
                lineRating[k] = l.normAmps();
            } else if (d instanceof Transformer t) {
                double[] kva = new double[t.windingCount()];
                for (int w = 0; w < kva.length; w++) {
                    kva[w] = t.winding(w).kva();
                }
                windingKva[k] = kva;
            }
        }
        int nt = 0;
        for (int k = 0; k < np; k++) {
            nt += windingKva[k] != null ? 1 : 0;
        }
        transformers = new int[nt];
        for (int k = 0, t = 0; k < np; k++) {
            if (windingKva[k] != null) {
                transformers[t++] = k;
            }
        }
        yr = new double[total];
        yi = new double[total];
        yUsed = total;
        pdOwnsBlock = new boolean[np];
        Arrays.fill(pdOwnsBlock, true);
        pdFlat = new int[flat];
        for (int k = 0; k < np; k++) {
            System.arraycopy(pdNodes[k], 0, pdFlat, pdFlatOffset[k], pdNodes[k].length);
        }

        List<Source> sl = net.sources();
        src = sl.toArray(new Source[0]);
        srcNodes = new int[src.length][];
        srcYr = new double[src.length][];
        srcYi = new double[src.length][];
        srcIr = new double[src.length][];
        srcIi = new double[src.length][];
        srcInjection = new long[src.length];
        for (int k = 0; k < src.length; k++) {
            srcNodes[k] = net.nodesOf(src[k]);
            int m = src[k].connection().order();
            maxOrder = Math.max(maxOrder, m);
            srcYr[k] = new double[m * m];
            srcYi[k] = new double[m * m];
            src[k].primitiveY(srcYr[k], srcYi[k]);
            srcIr[k] = new double[m];
            srcIi[k] = new double[m];
            src[k].injection(srcIr[k], srcIi[k]);
            srcInjection[k] = injectionVersion(src[k]);
        }

        List<PowerConversion> pcl = net.conversions();
        pc = pcl.toArray(new PowerConversion[0]);
        pcNodes = new int[pc.length][];
        List<Load> bankLoads = new ArrayList<>();
        List<int[]> bankNodes = new ArrayList<>();
        bankIndex = new int[pc.length];
        loadRunEnd = new int[pc.length];
        for (int k = 0; k < pc.length; k++) {
            pcNodes[k] = net.nodesOf(pc[k]);
            maxOrder = Math.max(maxOrder, pc[k].connection().order());
            bankIndex[k] = -1;
            if (pc[k] instanceof Load l) {
                bankIndex[k] = bankLoads.size();
                bankLoads.add(l);
                bankNodes.add(pcNodes[k]);
            }
        }
        for (int k = pc.length - 1; k >= 0; k--) {
            loadRunEnd[k] = bankIndex[k] < 0 ? k : (k + 1 < pc.length && bankIndex[k + 1] >= 0 ? loadRunEnd[k + 1] : k + 1);
        }
        loadBank = new LoadBank(bankLoads.toArray(new Load[0]), bankNodes.toArray(new int[0][]));

        vr = new double[maxOrder];
        vi = new double[maxOrder];
        ir = new double[maxOrder];
        ii = new double[maxOrder];
        dr = new double[maxOrder];
        di = new double[maxOrder];
        fullR = new double[maxOrder * maxOrder];
        fullI = new double[maxOrder * maxOrder];
        changes = new ModelChanges.Watch(Arrays.asList(pd));
        for (int k = 0; k < np; k++) {
            refresh(k);
        }
        shareEqualBlocks();
    }

    /** Points elements with bit-equal blocks at one copy of it and drops the others (values and order unchanged). */
    private void shareEqualBlocks() {
        Map<Block, Integer> first = new HashMap<>();
        int[] to = new int[pd.length];
        int used = 0;
        for (int k = 0; k < pd.length; k++) {
            int m = pd[k].connection().order();
            Integer f = first.putIfAbsent(new Block(yr, yi, pdOffset[k], m * m), k);
            if (f == null) {
                to[k] = used;
                used += m * m;
            } else {
                to[k] = to[f];
                pdOwnsBlock[f] = false;
                pdOwnsBlock[k] = false;
            }
        }
        double[] nr = new double[used];
        double[] ni = new double[used];
        for (int k = 0; k < pd.length; k++) {
            int m = pd[k].connection().order();
            System.arraycopy(yr, pdOffset[k], nr, to[k], m * m);
            System.arraycopy(yi, pdOffset[k], ni, to[k], m * m);
            pdOffset[k] = to[k];
        }
        yr = nr;
        yi = ni;
        yUsed = used;
    }

    /** A block of {@code yr}/{@code yi} as a key: equal when every entry has the same bits. */
    private record Block(double[] re, double[] im, int off, int len) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Block b && b.len == len && Arrays.equals(re, off, off + len, b.re, b.off, b.off + len)
                    && Arrays.equals(im, off, off + len, b.im, b.off, b.off + len);
        }

        @Override
        public int hashCode() {
            int h = len;
            for (int k = off; k < off + len; k++) {
                h = 31 * (31 * h + Double.hashCode(re[k])) + Double.hashCode(im[k]);
            }
            return h;
        }
    }

    private static long injectionVersion(Source s) {
        return s.injectionVersion();
    }

    public Network network() {
        return net;
    }

    public Limits limits() {
        return limits;
    }

    /** Re-reads element k's primitive matrix and splits a symmetric two-terminal one into series and shunt parts. */
    private void refresh(int k) {
        PowerDelivery d = pd[k];
        int m = d.connection().order();
        int mm = m * m;
        Arrays.fill(fullR, 0, mm, 0.0);
        Arrays.fill(fullI, 0, mm, 0.0);
        d.primitiveY(fullR, fullI);
        pdVersion[k] = d.version();
        lineOpen[k] = line[k] != null && line[k].isOpen();
        if (!pdOwnsBlock[k]) {
            // its block is shared with elements whose matrix did not change: a fresh one at the end
            if (yUsed + mm > yr.length) {
                int size = Math.max(2 * yr.length, yUsed + mm);
                yr = Arrays.copyOf(yr, size);
                yi = Arrays.copyOf(yi, size);
            }
            pdOffset[k] = yUsed;
            yUsed += mm;
            pdOwnsBlock[k] = true;
        }
        int off = pdOffset[k];
        int nc = pdConductors[k];
        boolean series = pdTerminals[k] == 2;
        for (int a = 0; a < nc && series; a++) {
            for (int b = 0; b < nc; b++) {
                int y12 = a * m + nc + b;
                int y21 = (nc + a) * m + b;
                if (fullR[y12] != fullR[y21] || fullI[y12] != fullI[y21]) {
                    series = false;
                    break;
                }
            }
        }
        if (!series) {
            pdKind[k] = GENERIC;
            System.arraycopy(fullR, 0, yr, off, mm);
            System.arraycopy(fullI, 0, yi, off, mm);
            return;
        }
        int q = nc * nc;
        boolean sh1 = false;
        boolean sh2 = false;
        for (int a = 0; a < nc; a++) {
            for (int b = 0; b < nc; b++) {
                int y11 = a * m + b;
                int y12 = a * m + nc + b;
                int y21 = (nc + a) * m + b;
                int y22 = (nc + a) * m + nc + b;
                int s = a * nc + b;
                yr[off + s] = -fullR[y12];
                yi[off + s] = -fullI[y12];
                double s1r = fullR[y11] + fullR[y12];
                double s1i = fullI[y11] + fullI[y12];
                double s2r = fullR[y22] + fullR[y21];
                double s2i = fullI[y22] + fullI[y21];
                yr[off + q + s] = s1r;
                yi[off + q + s] = s1i;
                yr[off + 2 * q + s] = s2r;
                yi[off + 2 * q + s] = s2i;
                sh1 |= s1r != 0 || s1i != 0;
                sh2 |= s2r != 0 || s2i != 0;
            }
        }
        pdShunt1[k] = sh1;
        pdShunt2[k] = sh2;
        pdKind[k] = sh1 || sh2 ? SERIES : PURE;
        pdBalanced[k] = false;
        if (pdKind[k] == PURE) {
            balance(k, off, nc);
        }
    }

    /** Stores a pure series admittance of the form a I + b (1 - I) as (a - b, b), if it is one. */
    private void balance(int k, int off, int nc) {
        // Ys V = a V + b (sum V - V) = (a - b) V + b sum V; kept contiguously for the per-step pass
        pdBalanced[k] = CMatrix.balancedForm(yr, yi, off, nc, EQUAL, abc, 4 * k);
    }

    private void refreshChanged() {
        for (int m = 0, check = changes.toCheck(); m < check; m++) {
            int k = changes.index(m);
            if (pd[k].version() != pdVersion[k]) {
                refresh(k);
            }
        }
    }

    /**
     * Fills {@code out} from the node voltages {@code re}/{@code im} (volts, system node order, as
     * {@code PowerFlowSolver.voltages} gives them) and keeps every element's loading for
     * {@link #violations}. Allocates nothing.
     */
    public void summarize(double[] re, double[] im, FlowSummary out) {
        voltageBand(re, im, out);
        refreshChanged();
        deliveries(re, im, out);
        sources(re, im, out);
        conversions(re, im, out);
    }

    private void voltageBand(double[] re, double[] im, FlowSummary out) {
        double lo2 = limits.minPu() * limits.minPu();
        double hi2 = limits.maxPu() * limits.maxPu();
        double min2 = Double.POSITIVE_INFINITY;
        double max2 = Double.NEGATIVE_INFINITY;
        int below = 0;
        int above = 0;
        for (int r = 0; r < runFirst.length; r++) {
            double inv = runInvNom2[r];
            // in volts squared within a run: one product per node fewer
            double runMin = Double.POSITIVE_INFINITY;
            double runMax = Double.NEGATIVE_INFINITY;
            double lo = lo2 / inv;
            double hi = hi2 / inv;
            for (int i = runFirst[r], e = runEnd[r]; i < e; i++) {
                double m2 = re[i] * re[i] + im[i] * im[i];
                if (m2 < runMin) {
                    runMin = m2;
                }
                if (m2 > runMax) {
                    runMax = m2;
                }
                if (m2 < lo) {
                    below++;
                } else if (m2 > hi) {
                    above++;
                }
            }
            min2 = Math.min(min2, runMin * inv);
            max2 = Math.max(max2, runMax * inv);
        }
        out.vMinPu = runFirst.length == 0 ? Double.NaN : Math.sqrt(min2);
        out.vMaxPu = runFirst.length == 0 ? Double.NaN : Math.sqrt(max2);
        out.nodesBelow = below;
        out.nodesAbove = above;
    }

    private void gather(int[] nodes, double[] re, double[] im) {
        for (int c = 0; c < nodes.length; c++) {
            int node = nodes[c];
            if (node >= 0) {
                vr[c] = re[node];
                vi[c] = im[node];
            } else {
                vr[c] = 0.0;
                vi[c] = 0.0;
            }
        }
    }

    private void deliveries(double[] re, double[] im, FlowSummary out) {
        lossP = 0;
        lossQ = 0;
        double worstLine = 0;
        int linesOver = 0;
        double worstTr = 0;
        int trOver = 0;
        double lineMax = limits.lineMaxPu();
        double lineMax2 = lineMax * lineMax;
        double worstLine2 = 0;
        for (int k = 0; k < pd.length; k++) {
            if (pdKind[k] == PURE) {
                double amps2 = pureSeries(k, re, im);
                if (isLine[k]) {
                    // squared amps and pu until asked for (see amps and pu): no root per line
                    double rating = lineRating[k];
                    loadingValue[k] = amps2;
                    loadingRating[k] = rating;
                    squared[k] = true;
                    if (rating > 0) {
                        double pu2 = amps2 / (rating * rating);
                        loadingPu[k] = pu2;
                        if (!lineOpen[k]) {
                            if (pu2 > worstLine2) {
                                worstLine2 = pu2;
                            }
                            if (pu2 > lineMax2) {
                                linesOver++;
                            }
                        }
                    } else {
                        loadingPu[k] = 0.0;
                    }
                }
                continue;
            }
            int[] nodes = pdNodes[k];
            int m = nodes.length;
            gather(nodes, re, im);
            if (pdKind[k] == SERIES) {
                seriesCurrents(k);
            } else {
                genericCurrents(k, m);
            }
            int nt = pdTerminals[k];
            int nc = pdConductors[k];
            double[] kva = windingKva[k];
            double trPu = 0;
            double trKva = 0;
            double trRating = kva == null ? 0 : kva[0];
            for (int t = 0; t < nt; t++) {
                double pt = 0;
                double qt = 0;
                for (int c = t * nc; c < (t + 1) * nc; c++) {
                    pt += vr[c] * ir[c] + vi[c] * ii[c];
                    qt += vi[c] * ir[c] - vr[c] * ii[c];
                }
                lossP += pt;
                lossQ += qt;
                if (kva != null && t < kva.length) {
                    double s = Math.sqrt(pt * pt + qt * qt) / 1000.0;
                    double pu = s / kva[t];
                    if (pu > trPu) {
                        trPu = pu;
                        trKva = s;
                        trRating = kva[t];
                    }
                }
            }
            if (isLine[k]) {
                double worst2 = 0;
                for (int c = 0; c < m; c++) {
                    double a2 = ir[c] * ir[c] + ii[c] * ii[c];
                    if (a2 > worst2) {
                        worst2 = a2;
                    }
                }
                double amps = Math.sqrt(worst2);
                double rating = lineRating[k];
                double pu = rating > 0 ? amps / rating : 0.0;
                loadingValue[k] = amps;
                loadingRating[k] = rating;
                loadingPu[k] = pu;
                squared[k] = false;
                if (rating > 0 && !lineOpen[k]) {
                    worstLine = Math.max(worstLine, pu);
                    if (pu > lineMax) {
                        linesOver++;
                    }
                }
            } else if (kva != null) {
                loadingValue[k] = trKva;
                loadingRating[k] = trRating;
                loadingPu[k] = trPu;
                worstTr = Math.max(worstTr, trPu);
                if (trPu > limits.transformerMaxPu()) {
                    trOver++;
                }
            }
        }
        out.lossesKw = lossP / 1000.0;
        out.lossesKvar = lossQ / 1000.0;
        out.lineLoadingPu = Math.max(worstLine, Math.sqrt(worstLine2));
        out.linesOverloaded = linesOver;
        out.transformerLoadingPu = worstTr;
        out.transformersOverloaded = trOver;
    }

    private double lossP;
    private double lossQ;

    /**
     * A series-only two-terminal element straight from the node voltages: adds its losses
     * {@code (V1 - V2) conj(Is)} to lossP/lossQ and returns the largest {@code |Is|^2}.
     */
    private double pureSeries(int k, double[] re, double[] im) {
        int nc = pdConductors[k];
        int o = pdFlatOffset[k];
        if (nc == 3 && pdBalanced[k]) {
            return balancedThree(k, o, re, im);
        }
        return generalPure(k, o, nc, re, im);
    }

    private double generalPure(int k, int o, int nc, double[] re, double[] im) {
        double sr = 0;
        double si = 0;
        for (int c = 0; c < nc; c++) {
            int a = pdFlat[o + c];
            int b = pdFlat[o + nc + c];
            double xr = 0;
            double xi = 0;
            if (a >= 0) {
                xr = re[a];
                xi = im[a];
            }
            if (b >= 0) {
                xr -= re[b];
                xi -= im[b];
            }
            dr[c] = xr;
            di[c] = xi;
            sr += xr;
            si += xi;
        }
        int y = pdOffset[k];
        double p = 0;
        double q = 0;
        double worst = 0;
        if (pdBalanced[k]) {
            double ar = abc[4 * k];
            double ai = abc[4 * k + 1];
            double br = abc[4 * k + 2];
            double bi = abc[4 * k + 3];
            double tr = br * sr - bi * si;
            double ti = br * si + bi * sr;
            for (int c = 0; c < nc; c++) {
                double xr = dr[c];
                double xi = di[c];
                double isr = ar * xr - ai * xi + tr;
                double isi = ar * xi + ai * xr + ti;
                p += xr * isr + xi * isi;
                q += xi * isr - xr * isi;
                double a2 = isr * isr + isi * isi;
                if (a2 > worst) {
                    worst = a2;
                }
            }
        } else {
            for (int a = 0; a < nc; a++) {
                double isr = 0;
                double isi = 0;
                int row = y + a * nc;
                for (int b = 0; b < nc; b++) {
                    double g = yr[row + b];
                    double h = yi[row + b];
                    isr += g * dr[b] - h * di[b];
                    isi += g * di[b] + h * dr[b];
                }
                p += dr[a] * isr + di[a] * isi;
                q += di[a] * isr - dr[a] * isi;
                double a2 = isr * isr + isi * isi;
                if (a2 > worst) {
                    worst = a2;
                }
            }
        }
        lossP += p;
        lossQ += q;
        return worst;
    }

    /** {@link #pureSeries} written out for the common case: three conductors, sequence-impedance form. */
    private double balancedThree(int k, int o, double[] re, double[] im) {
        int a1 = pdFlat[o];
        int b1 = pdFlat[o + 1];
        int c1 = pdFlat[o + 2];
        int a2 = pdFlat[o + 3];
        int b2 = pdFlat[o + 4];
        int c2 = pdFlat[o + 5];
        if ((a1 | b1 | c1 | a2 | b2 | c2) < 0) {
            return generalPure(k, o, 3, re, im);   // a conductor on ground: the general path
        }
        double xar = re[a1] - re[a2];
        double xai = im[a1] - im[a2];
        double xbr = re[b1] - re[b2];
        double xbi = im[b1] - im[b2];
        double xcr = re[c1] - re[c2];
        double xci = im[c1] - im[c2];
        double ar = abc[4 * k];
        double ai = abc[4 * k + 1];
        double br = abc[4 * k + 2];
        double bi = abc[4 * k + 3];
        double sr = xar + xbr + xcr;
        double si = xai + xbi + xci;
        double tr = br * sr - bi * si;
        double ti = br * si + bi * sr;
        double iar = ar * xar - ai * xai + tr;
        double iai = ar * xai + ai * xar + ti;
        double ibr = ar * xbr - ai * xbi + tr;
        double ibi = ar * xbi + ai * xbr + ti;
        double icr = ar * xcr - ai * xci + tr;
        double ici = ar * xci + ai * xcr + ti;
        lossP += xar * iar + xai * iai + xbr * ibr + xbi * ibi + xcr * icr + xci * ici;
        lossQ += xai * iar - xar * iai + xbi * ibr - xbr * ibi + xci * icr - xcr * ici;
        return Math.max(iar * iar + iai * iai, Math.max(ibr * ibr + ibi * ibi, icr * icr + ici * ici));
    }

    /** Line k's worst conductor current (A) at the last summary. */
    private double amps(int k) {
        return squared[k] ? Math.sqrt(loadingValue[k]) : loadingValue[k];
    }

    /** Element k's loading (pu) at the last summary. */
    private double pu(int k) {
        return squared[k] ? Math.sqrt(loadingPu[k]) : loadingPu[k];
    }

    /** I1 = Ys (V1 - V2) + Ysh1 V1, I2 = -Ys (V1 - V2) + Ysh2 V2 into ir/ii. */
    private void seriesCurrents(int k) {
        int nc = pdConductors[k];
        int q = nc * nc;
        int off = pdOffset[k];
        for (int c = 0; c < nc; c++) {
            dr[c] = vr[c] - vr[nc + c];
            di[c] = vi[c] - vi[nc + c];
        }
        for (int a = 0; a < nc; a++) {
            double sr = 0;
            double si = 0;
            int row = off + a * nc;
            for (int b = 0; b < nc; b++) {
                double g = yr[row + b];
                double h = yi[row + b];
                sr += g * dr[b] - h * di[b];
                si += g * di[b] + h * dr[b];
            }
            ir[a] = sr;
            ii[a] = si;
            ir[nc + a] = -sr;
            ii[nc + a] = -si;
        }
        if (pdShunt1[k]) {
            shunt(off + q, nc, 0);
        }
        if (pdShunt2[k]) {
            shunt(off + 2 * q, nc, nc);
        }
    }

    /** Adds Ysh V of terminal conductors [first, first + nc) into ir/ii. */
    private void shunt(int off, int nc, int first) {
        for (int a = 0; a < nc; a++) {
            double sr = 0;
            double si = 0;
            int row = off + a * nc;
            for (int b = 0; b < nc; b++) {
                double g = yr[row + b];
                double h = yi[row + b];
                sr += g * vr[first + b] - h * vi[first + b];
                si += g * vi[first + b] + h * vr[first + b];
            }
            ir[first + a] += sr;
            ii[first + a] += si;
        }
    }

    private void genericCurrents(int k, int m) {
        int off = pdOffset[k];
        for (int a = 0; a < m; a++) {
            double sr = 0;
            double si = 0;
            int row = off + a * m;
            for (int b = 0; b < m; b++) {
                double g = yr[row + b];
                double h = yi[row + b];
                sr += g * vr[b] - h * vi[b];
                si += g * vi[b] + h * vr[b];
            }
            ir[a] = sr;
            ii[a] = si;
        }
    }

    private void sources(double[] re, double[] im, FlowSummary out) {
        double p = 0;
        double q = 0;
        for (int k = 0; k < src.length; k++) {
            long v = injectionVersion(src[k]);
            if (v != srcInjection[k]) {
                src[k].injection(srcIr[k], srcIi[k]);
                srcInjection[k] = v;
            }
            int[] nodes = srcNodes[k];
            int m = nodes.length;
            gather(nodes, re, im);
            double[] ar = srcYr[k];
            double[] ai = srcYi[k];
            double[] nr = srcIr[k];
            double[] ni = srcIi[k];
            for (int a = 0; a < m; a++) {
                double sr = -nr[a];
                double si = -ni[a];
                int row = a * m;
                for (int b = 0; b < m; b++) {
                    sr += ar[row + b] * vr[b] - ai[row + b] * vi[b];
                    si += ar[row + b] * vi[b] + ai[row + b] * vr[b];
                }
                // the terminal current flows into the source; what it delivers is the negative of V conj(I)
                p -= vr[a] * sr + vi[a] * si;
                q -= vi[a] * sr - vr[a] * si;
            }
        }
        out.sourceKw = p / 1000.0;
        out.sourceKvar = q / 1000.0;
    }

    private void conversions(double[] re, double[] im, FlowSummary out) {
        double p = 0;
        double q = 0;
        loadBank.refresh();
        for (int k = 0; k < pc.length; k++) {
            int bank = bankIndex[k];
            if (bank >= 0) {
                // a run of loads from flat arrays: the same operations in the same order as the loop below
                int end = loadRunEnd[k];
                pq[0] = p;
                pq[1] = q;
                loadBank.addTerminalPower(bank, bank + end - k, re, im, pq);
                p = pq[0];
                q = pq[1];
                k = end - 1;
                continue;
            }
            int[] nodes = pcNodes[k];
            gather(nodes, re, im);
            pc[k].terminalCurrent(vr, vi, ir, ii);
            for (int c = 0; c < nodes.length; c++) {
                p += vr[c] * ir[c] + vi[c] * ii[c];
                q += vi[c] * ir[c] - vr[c] * ii[c];
            }
        }
        out.loadsKw = p / 1000.0;
        out.loadsKvar = q / 1000.0;
    }

    /**
     * The violations of the solution last summarised (call {@link #summarize} with the same
     * voltages first): phase nodes outside the voltage band, rated closed lines above the line
     * limit, transformers above the transformer limit; in node order, then element order.
     */
    public List<Violation> violations(double[] re, double[] im) {
        List<Violation> out = new ArrayList<>();
        double lo2 = limits.minPu() * limits.minPu();
        double hi2 = limits.maxPu() * limits.maxPu();
        for (int r = 0; r < runFirst.length; r++) {
            double inv = runInvNom2[r];
            double lo = lo2 / inv;
            double hi = hi2 / inv;
            for (int i = runFirst[r], e = runEnd[r]; i < e; i++) {
                // the comparisons of the summary's count, so that list and count agree
                double m2 = re[i] * re[i] + im[i] * im[i];
                if (m2 < lo) {
                    out.add(new Violation(Violation.Kind.UNDERVOLTAGE, net.nodeLabel(i), Math.sqrt(m2 * inv), limits.minPu()));
                } else if (m2 > hi) {
                    out.add(new Violation(Violation.Kind.OVERVOLTAGE, net.nodeLabel(i), Math.sqrt(m2 * inv), limits.maxPu()));
                }
            }
        }
        for (int k = 0; k < pd.length; k++) {
            Line l = line[k];
            if (l != null && loadingRating[k] > 0 && !l.isOpen() && pu(k) > limits.lineMaxPu()) {
                out.add(new Violation(Violation.Kind.LINE_OVERLOAD, l.name(), pu(k), limits.lineMaxPu()));
            }
        }
        for (int k = 0; k < pd.length; k++) {
            if (windingKva[k] != null && loadingPu[k] > limits.transformerMaxPu()) {
                out.add(new Violation(Violation.Kind.TRANSFORMER_OVERLOAD, pd[k].name(), loadingPu[k], limits.transformerMaxPu()));
            }
        }
        return out;
    }

    /** Loadings of the closed lines at the last summary (as {@link GridResults#lineLoadings}). */
    public List<Loading> lineLoadings() {
        List<Loading> out = new ArrayList<>();
        for (int k = 0; k < pd.length; k++) {
            if (line[k] != null && !line[k].isOpen()) {
                out.add(new Loading(pd[k].name(), amps(k), loadingRating[k], pu(k)));
            }
        }
        return out;
    }

    /** Loadings of the transformers at the last summary (as {@link GridResults#transformerLoadings}). */
    public List<Loading> transformerLoadings() {
        List<Loading> out = new ArrayList<>(transformers.length);
        for (int k : transformers) {
            out.add(new Loading(pd[k].name(), loadingValue[k], loadingRating[k], loadingPu[k]));
        }
        return out;
    }
}
