package io.packetgrid.grid.solve;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.LoadBank;
import io.packetgrid.grid.model.ModelChanges;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerConversion;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The power flow: the one place where the fixed-point iteration of OpenDSS's normal solution
 * mode lives.
 *
 * <p>Method. The nodal admittance matrix {@code Y} holds every delivery element's primitive
 * matrix, the sources' Norton admittances and the conversion elements' linearisation
 * admittances; it is factorised once per topology ({@link SparseLu}). The solution satisfies
 * {@code Y V = Isrc + Icomp(V)}, where {@code Icomp = Ylin V - I_element(V)} is nonzero only at
 * the nodes that conversion elements touch (the injection set S). Hence
 * {@code V = V0 + Z[:,S] Icomp}, with {@code V0 = Y^-1 Isrc} and {@code Z = Y^-1}, and every
 * iteration is {@code V_S <- V0_S + Z_SS Icomp(V_S)}: with few injection nodes (a feeder's
 * households) this is a small dense product (the Kron reduction of the factorised network onto
 * S), with many it is one sparse forward/back substitution. Voltages elsewhere are computed only
 * when asked for. Convergence: OpenDSS's criterion, the largest change of a node voltage
 * magnitude in per unit of its base between two iterations (Solution.pas, Converged).
 */
public final class PowerFlowSolver {
    private final Network net;
    private SolverOptions options;
    private final int n;

    private SystemMatrix matrix;
    private SparseLu lu;
    private long[] pdVersions;
    private List<SystemMatrix.Stamp> stamps;

    // injection set
    private int[] sNodes;
    private int[] nodeToS;
    private int nS;
    private int[][] pcIndex;          // per conversion element: S index of each conductor, -1 ground
    private PowerConversion[] pcs;
    private LoadBank loadBank;        // the loads among pcs, as flat arrays
    private int[] bankIndex;          // per conversion element: its index in loadBank, or -1
    private int[] runEnd;             // per conversion element that is a load: the end of its run of consecutive loads
    private boolean reduced;

    // sparse strategy: the factor's rows each iteration needs (etree closure of the injection and
    // tracked nodes, eliminated last by InjectionOrdering) and the last restricted solution on them
    private int[] rPositions;
    private SparseLu.Restriction restriction;  // the factor's rows on rPositions, compact; holds the last restricted solution
    private int[] sLocal;              // row of each injection node in the restriction
    private int[] rLocalOfNode;        // row of a node in the restriction, or -1
    private double[] rwr;              // a completed solution, in elimination order
    private double[] rwi;
    private boolean restrictedValid;

    // what a re-factorisation compares to find the stamps that changed: deliveries by version (above),
    // sources and conversion elements by their values at the last stamping
    private int firstDelivery;
    private int firstConversion;
    private double[][] cachedR;
    private double[][] cachedI;
    private int[] changedDeliveries = new int[0];
    private double[][] stampR = new double[0][];  // by size: a stamp's present values, compared with the cached ones
    private double[][] stampI = new double[0][];
    private int changedCount;

    // reduced (dense) operators
    private RadialFill radial;     // fills in the other nodes' voltages of a radial network (or null)
    private final double[] rootV = new double[2];
    private double[] zr;
    private double[] zi;
    private int[] tNodes = new int[0];
    private int[] nodeToT;
    private double[] ztr;
    private double[] zti;

    // source solution
    private double[] isr;
    private double[] isi;
    private double[] v0r;
    private double[] v0i;
    private long[] sourceVersions;

    // iteration state
    private double[] vsr;
    private double[] vsi;
    private double[] icr;
    private double[] ici;
    private double[] nvr;
    private double[] nvi;
    private double[] baseS;
    private double[] magOld;
    private double[] magNew;
    private boolean haveSolution;
    private boolean fullValid;
    private double[] fvr;
    private double[] fvi;
    private double[] wr;
    private double[] wi;
    private int lastIterations;
    private long factorizations;
    private long solutions;

    // scratch for element evaluation
    private double[] evr = new double[8];
    private double[] evi = new double[8];
    private double[] eir = new double[8];
    private double[] eii = new double[8];

    public PowerFlowSolver(Network net, SolverOptions options) {
        this.net = net;
        this.options = options;
        this.n = net.nodeCount();
        this.fvr = new double[n];
        this.fvi = new double[n];
        this.wr = new double[n];
        this.wi = new double[n];
        this.nodeToT = new int[n];
        Arrays.fill(nodeToT, -1);
    }

    public Network network() {
        return net;
    }

    public SolverOptions options() {
        return options;
    }

    public void setOptions(SolverOptions options) {
        boolean strategyChanged = options.strategy() != this.options.strategy();
        this.options = options;
        if (strategyChanged) {
            matrix = null;
        }
    }

    /** Nodes whose voltages should be cheap to read after each solve (monitors, controls). */
    public void track(int[] nodes) {
        int old = addTracked(nodes);
        if (old >= 0 && matrix != null && reduced) {
            computeTransferRows(old);
        }
        if (old >= 0 && matrix != null && !reduced) {
            restrict();
        }
    }

    /** Adds nodes to the tracked set; returns the index of the first one added, or -1 if none was new. */
    private int addTracked(int[] nodes) {
        int added = 0;
        int[] extra = new int[nodes.length];
        for (int node : nodes) {
            if (node >= 0 && nodeToT[node] < 0) {
                boolean dup = false;
                for (int k = 0; k < added; k++) {
                    dup |= extra[k] == node;
                }
                if (!dup) {
                    extra[added++] = node;
                }
            }
        }
        if (added == 0) {
            return -1;
        }
        int old = tNodes.length;
        tNodes = Arrays.copyOf(tNodes, old + added);
        for (int k = 0; k < added; k++) {
            tNodes[old + k] = extra[k];
            nodeToT[extra[k]] = old + k;
        }
        return old;
    }

    /** Forces a rebuild of the factorisation at the next solve (after a topology change). */
    public void invalidate() {
        matrix = null;
    }

    public long factorizations() {
        return factorizations;
    }

    /** Iterations of the last solve. */
    public int lastIterations() {
        return lastIterations;
    }

    /** Solutions computed so far (counts failed ones too): tells result caches that the voltages changed. */
    public long solutions() {
        return solutions;
    }

    /** True when the iterations use the dense reduced operator. */
    public boolean isReduced() {
        ensureFactorized();
        return reduced;
    }

    /** Nonzeros of the L factor (fill included). */
    public int factorNonzeros() {
        ensureFactorized();
        return lu.factorNonzeros();
    }

    /** Number of injection nodes (conversion-element nodes). */
    public int injectionNodes() {
        ensureFactorized();
        return nS;
    }

    // ---------------------------------------------------------------- factorisation

    private void ensureFactorized() {
        if (matrix == null) {
            build();
            return;
        }
        int check = changes.toCheck();
        if (check == 0) {
            return;
        }
        List<PowerDelivery> pd = net.deliveries();
        changedCount = 0;
        for (int m = 0; m < check; m++) {
            int k = changes.index(m);
            if (pd.get(k).version() != pdVersions[k]) {
                if (changedCount == changedDeliveries.length) {
                    changedDeliveries = Arrays.copyOf(changedDeliveries, 2 * changedCount + 4);
                }
                changedDeliveries[changedCount++] = k;
                pdVersions[k] = pd.get(k).version();
            }
        }
        if (changedCount > 0) {
            refactor();
        }
    }

    private ModelChanges.Watch changes;  // which deliveries may have changed since the last factorisation

    private void build() {
        changes = new ModelChanges.Watch(net.deliveries());
        List<SystemMatrix.Stamp> st = new ArrayList<>();
        for (Source s : net.sources()) {
            st.add(stampOf(s, s::primitiveY));
        }
        firstDelivery = st.size();
        for (PowerDelivery d : net.deliveries()) {
            st.add(stampOf(d, d::primitiveY));
        }
        firstConversion = st.size();
        List<PowerConversion> pcl = new ArrayList<>();
        for (PowerConversion p : net.conversions()) {
            if (p instanceof Load l) {
                l.relinearise();
            }
            st.add(stampOf(p, p::linearY));
            pcl.add(p);
        }
        for (int i = 0; i < n; i++) {
            if (!net.energised(i)) {
                st.add(SystemMatrix.Stamp.toGround(i, 1.0, 0.0));
            }
        }
        this.stamps = st;
        this.pcs = pcl.toArray(new PowerConversion[0]);
        this.matrix = new SystemMatrix(n, st);
        List<PowerDelivery> pd = net.deliveries();
        this.pdVersions = new long[pd.size()];
        for (int k = 0; k < pd.size(); k++) {
            pdVersions[k] = pd.get(k).version();
        }
        cacheValues();
        buildInjectionSet();
        factorizeAndChoose();
        factorizations++;
        int maxOrder = 1;
        for (PowerConversion p : pcs) {
            maxOrder = Math.max(maxOrder, p.connection().order());
        }
        evr = new double[maxOrder];
        evi = new double[maxOrder];
        eir = new double[maxOrder];
        eii = new double[maxOrder];
        afterNumeric(true);
    }

    /**
     * Factorises and picks the strategy. Complex multiply-adds per iteration: nS^2 for the dense
     * reduced operator against 2 nnz(L) + 3 n for a substitution through the whole factor (the
     * break-even measured on the European LV copies); the dense operator stays under ~64 MB. The
     * sparse strategy then factorises again with the injection nodes and the branch points between
     * them ordered last (InjectionOrdering), so that its iterations work on that part only.
     */
    private void factorizeAndChoose() {
        try {
            switch (options.strategy()) {
                case REDUCED -> {
                    lu = matrix.factorize();
                    reduced = true;
                }
                case SPARSE -> reduced = false;
                default -> {
                    if (nS > 2000) {
                        reduced = false;
                    } else {
                        lu = matrix.factorize();
                        double dense = (double) nS * nS;
                        double sparse = 2.0 * lu.factorNonzeros() + 3.0 * n;
                        reduced = dense <= sparse;
                    }
                }
            }
            if (!reduced) {
                lu = matrix.factorize(InjectionOrdering.groups(net, sNodes, tNodes));
            }
        } catch (SparseLu.SingularException e) {
            throw singular(e);
        }
        if (reduced) {
            zr = new double[nS * nS];
            zi = new double[nS * nS];
        } else {
            zr = null;
            zi = null;
            rwr = new double[n];
            rwi = new double[n];
        }
    }

    /** Values of the source and conversion stamps, to find which changed at a re-factorisation. */
    private void cacheValues() {
        int count = stamps.size();
        cachedR = new double[count][];
        cachedI = new double[count][];
        for (int k = 0; k < count; k++) {
            if (k < firstDelivery || (k >= firstConversion && k < firstConversion + net.conversions().size())) {
                int m = stamps.get(k).nodes().length;
                cachedR[k] = new double[m * m];
                cachedI[k] = new double[m * m];
                stamps.get(k).values(cachedR[k], cachedI[k]);
            }
        }
    }

    /**
     * New values on the same topology (a tap change): the changed stamps are re-stamped and only the
     * rows of the factor that depend on them are recomputed; matrix and factor are the same to the
     * last bit as re-stamping and re-factorising everything.
     */
    private void refactor() {
        for (PowerConversion p : pcs) {
            if (p instanceof Load l) {
                l.relinearise();
            }
        }
        int[] changed = new int[changedCount + cachedR.length];
        int m = 0;
        for (int k = 0; k < changedCount; k++) {
            changed[m++] = firstDelivery + changedDeliveries[k];
        }
        for (int k = 0; k < cachedR.length; k++) {
            if (cachedR[k] != null) {
                int mm = cachedR[k].length;
                if (stampR.length <= mm) {
                    stampR = Arrays.copyOf(stampR, mm + 1);
                    stampI = Arrays.copyOf(stampI, mm + 1);
                }
                if (stampR[mm] == null) {
                    stampR[mm] = new double[mm];
                    stampI[mm] = new double[mm];
                }
                double[] re = stampR[mm];
                double[] im = stampI[mm];
                Arrays.fill(re, 0.0);
                Arrays.fill(im, 0.0);
                stamps.get(k).values(re, im);
                if (!Arrays.equals(re, cachedR[k]) || !Arrays.equals(im, cachedI[k])) {
                    System.arraycopy(re, 0, cachedR[k], 0, mm);
                    System.arraycopy(im, 0, cachedI[k], 0, mm);
                    changed[m++] = k;
                }
            }
        }
        Arrays.sort(changed, 0, m);
        int[] nodes = matrix.restamp(Arrays.copyOf(changed, m));
        try {
            matrix.refactor(lu, nodes);
        } catch (SparseLu.SingularException e) {
            throw singular(e);
        }
        factorizations++;
        afterNumeric(false);
    }

    private void afterNumeric(boolean patternChanged) {
        radial = reduced ? RadialFill.plan(net, pcs, pcIndex, sNodes) : null;
        if (radial != null) {
            addTracked(radial.roots());
        }
        if (reduced) {
            computeTransfer();
        } else if (patternChanged) {
            restrict();
        } else {
            // new values on the same pattern: the same etree, so the same closure; only its solution is stale
            restrictedValid = false;
        }
        sourceVersions = null;  // force V0
        ensureV0();
        if (!haveSolution) {
            for (int s = 0; s < nS; s++) {
                vsr[s] = v0r[sNodes[s]];
                vsi[s] = v0i[sNodes[s]];
            }
        }
        fullValid = false;
    }

    private PacketGridException singular(SparseLu.SingularException e) {
        int node = e.index();
        String label = node >= 0 && node < n ? net.nodeLabel(node) : "?";
        return new PacketGridException("bus " + label.substring(0, label.lastIndexOf('.')),
                "singular system at node " + label + " (no impedance path to ground or source, or a zero impedance loop)");
    }

    private SystemMatrix.Stamp stampOf(CircuitElement e, SystemMatrix.Fill f) {
        return SystemMatrix.Stamp.of(net.energisedNodesOf(e), (re, im) -> {
            f.into(re, im);
            for (int k = 0; k < re.length; k++) {
                if (!Double.isFinite(re[k]) || !Double.isFinite(im[k])) {
                    throw new PacketGridException(e.name(), "primitive admittance is not finite (check its ratings and impedances)");
                }
            }
        });
    }

    private void buildInjectionSet() {
        nodeToS = new int[n];
        Arrays.fill(nodeToS, -1);
        int[] list = new int[n];
        int count = 0;
        pcIndex = new int[pcs.length][];
        for (int p = 0; p < pcs.length; p++) {
            int[] nodes = net.nodesOf(pcs[p]);
            int[] sIdx = new int[nodes.length];
            for (int k = 0; k < nodes.length; k++) {
                int node = nodes[k];
                if (node < 0 || !net.energised(node)) {
                    sIdx[k] = -1;
                    continue;
                }
                if (nodeToS[node] < 0) {
                    nodeToS[node] = count;
                    list[count++] = node;
                }
                sIdx[k] = nodeToS[node];
            }
            pcIndex[p] = sIdx;
        }
        nS = count;
        sNodes = Arrays.copyOf(list, count);
        List<Load> bankLoads = new ArrayList<>();
        List<int[]> bankIdx = new ArrayList<>();
        bankIndex = new int[pcs.length];
        runEnd = new int[pcs.length];
        for (int p = 0; p < pcs.length; p++) {
            bankIndex[p] = -1;
            if (pcs[p] instanceof Load l) {
                bankIndex[p] = bankLoads.size();
                bankLoads.add(l);
                bankIdx.add(pcIndex[p]);
            }
        }
        for (int p = pcs.length - 1; p >= 0; p--) {
            runEnd[p] = bankIndex[p] < 0 ? p : (p + 1 < pcs.length && bankIndex[p + 1] >= 0 ? runEnd[p + 1] : p + 1);
        }
        loadBank = new LoadBank(bankLoads.toArray(new Load[0]), bankIdx.toArray(new int[0][]));
        vsr = new double[nS];
        vsi = new double[nS];
        icr = new double[nS];
        ici = new double[nS];
        nvr = new double[nS];
        nvi = new double[nS];
        baseS = new double[nS];
        haveSolution = false;
        isr = new double[n];
        isi = new double[n];
        v0r = new double[n];
        v0i = new double[n];
    }

    /** The rows each sparse iteration solves: the etree closure of the injection and tracked nodes. */
    private void restrict() {
        int[] seeds = Arrays.copyOf(sNodes, nS + tNodes.length);
        System.arraycopy(tNodes, 0, seeds, nS, tNodes.length);
        int m = 0;
        for (int node : seeds) {
            if (node >= 0 && net.energised(node)) {
                seeds[m++] = node;
            }
        }
        rPositions = lu.closure(Arrays.copyOf(seeds, m));
        restriction = lu.restriction(rPositions);
        rLocalOfNode = new int[n];
        Arrays.fill(rLocalOfNode, -1);
        for (int t = 0; t < rPositions.length; t++) {
            rLocalOfNode[lu.nodeAt(rPositions[t])] = t;
        }
        sLocal = new int[nS];
        for (int s = 0; s < nS; s++) {
            sLocal[s] = rLocalOfNode[sNodes[s]];
        }
        restrictedValid = false;
    }

    /** The present factorisation (tests of the substitutions). */
    SparseLu factor() {
        ensureFactorized();
        return lu;
    }

    /** Rows of the factor the last re-factorisation recomputed (all of them for a build). */
    public int lastRefactoredRows() {
        return lu == null ? 0 : lu.lastRefactoredRows();
    }

    /** Nonzeros of L in the rows a sparse iteration works on. */
    public long restrictedNonzeros() {
        ensureFactorized();
        return reduced ? (long) nS * nS : lu.nonzerosIn(rPositions);
    }

    /** Rows of the factor a sparse iteration works on (all of them before the first solve). */
    public int restrictedRows() {
        ensureFactorized();
        return reduced ? nS : rPositions.length;
    }

    /** Z_SS columns (and tracked rows) by one solve per injection node. */
    private void computeTransfer() {
        int nT = tNodes.length;
        ztr = new double[nT * nS];
        zti = new double[nT * nS];
        for (int s = 0; s < nS; s++) {
            Arrays.fill(wr, 0);
            Arrays.fill(wi, 0);
            wr[sNodes[s]] = 1.0;
            lu.solve(wr, wi);
            for (int r = 0; r < nS; r++) {
                zr[r * nS + s] = wr[sNodes[r]];
                zi[r * nS + s] = wi[sNodes[r]];
            }
            for (int t = 0; t < nT; t++) {
                ztr[t * nS + s] = wr[tNodes[t]];
                zti[t * nS + s] = wi[tNodes[t]];
            }
        }
    }

    /** Adds transfer rows for tracked nodes from index {@code from} on (Z is symmetric in structure, not assumed in value). */
    private void computeTransferRows(int from) {
        int nT = tNodes.length;
        double[] nr = new double[nT * nS];
        double[] ni = new double[nT * nS];
        if (ztr != null) {
            System.arraycopy(ztr, 0, nr, 0, Math.min(ztr.length, from * nS));
            System.arraycopy(zti, 0, ni, 0, Math.min(zti.length, from * nS));
        }
        for (int s = 0; s < nS; s++) {
            Arrays.fill(wr, 0);
            Arrays.fill(wi, 0);
            wr[sNodes[s]] = 1.0;
            lu.solve(wr, wi);
            for (int t = from; t < nT; t++) {
                nr[t * nS + s] = wr[tNodes[t]];
                ni[t * nS + s] = wi[tNodes[t]];
            }
        }
        ztr = nr;
        zti = ni;
    }

    private void ensureV0() {
        List<Source> src = net.sources();
        boolean changed = sourceVersions == null;
        if (!changed) {
            for (int k = 0; k < src.size(); k++) {
                long v = src.get(k).injectionVersion();
                changed |= v != sourceVersions[k];
            }
        }
        if (!changed) {
            return;
        }
        sourceVersions = new long[src.size()];
        Arrays.fill(isr, 0);
        Arrays.fill(isi, 0);
        for (int k = 0; k < src.size(); k++) {
            Source s = src.get(k);
            sourceVersions[k] = s.injectionVersion();
            int[] nodes = net.nodesOf(s);
            double[] ir = new double[nodes.length];
            double[] ii = new double[nodes.length];
            s.injection(ir, ii);
            for (int c = 0; c < nodes.length; c++) {
                if (nodes[c] >= 0 && net.energised(nodes[c])) {
                    isr[nodes[c]] += ir[c];
                    isi[nodes[c]] += ii[c];
                }
            }
        }
        System.arraycopy(isr, 0, v0r, 0, n);
        System.arraycopy(isi, 0, v0i, 0, n);
        lu.solve(v0r, v0i);
        fullValid = false;
        restrictedValid = false;
    }

    // ---------------------------------------------------------------- the power-flow loop

    /**
     * Solves the power flow for the present element states, starting from the last solution.
     *
     * @return the number of iterations
     * @throws PacketGridException on non-convergence (naming iterations and worst buses) or a singular system
     */
    public int solve() {
        solutions++;
        ensureFactorized();
        ensureV0();
        for (int s = 0; s < nS; s++) {
            double vb = net.nodeVbase(sNodes[s]);
            baseS[s] = vb;
        }
        if (magOld == null || magOld.length != nS) {
            magOld = new double[nS];
            magNew = new double[nS];
        }
        for (int r = 0; r < nS; r++) {
            magOld[r] = Math.sqrt((vsr[r]) * (vsr[r]) + (vsi[r]) * (vsi[r]));
        }
        loadBank.refresh();
        int it = 0;
        double err = Double.POSITIVE_INFINITY;
        while (it < options.maxIterations()) {
            it++;
            compensation(vsr, vsi);
            err = reduced ? reducedIteration() : sparseIteration();
            double[] mt = magOld;
            magOld = magNew;
            magNew = mt;
            double[] t = vsr;
            vsr = nvr;
            nvr = t;
            t = vsi;
            vsi = nvi;
            nvi = t;
            if (err <= options.tolerance() && it >= options.minIterations()) {
                break;
            }
        }
        lastIterations = it;
        fullValid = false;
        if (!(err <= options.tolerance())) {
            haveSolution = false;
            resetToNoLoad();
            throw nonConvergence(it, err);
        }
        haveSolution = true;
        // icr/ici hold the compensation the final iterate was computed from, so V0 + Z[:,S] Icomp
        // (tracked rows, full vector) is consistent with the injection-node voltages
        return it;
    }

    /** One iteration's new injection-node voltages by the dense operator (into nvr/nvi); returns the largest change. */
    private double reducedIteration() {
        for (int r = 0; r < nS; r++) {
            double sr = v0r[sNodes[r]];
            double si = v0i[sNodes[r]];
            int row = r * nS;
            for (int c = 0; c < nS; c++) {
                double a = zr[row + c];
                double b = zi[row + c];
                double xr = icr[c];
                double xi = ici[c];
                sr += a * xr - b * xi;
                si += a * xi + b * xr;
            }
            nvr[r] = sr;
            nvi[r] = si;
        }
        double err = 0;
        for (int r = 0; r < nS; r++) {
            err = change(r, err);
        }
        return err;
    }

    /**
     * One iteration's new injection-node voltages by the restricted substitution (into nvr/nvi),
     * the convergence test fused into the same pass; returns the largest change.
     */
    private double sparseIteration() {
        restrictedSolve();
        SparseLu.Restriction rs = restriction;
        double err = 0;
        for (int r = 0; r < nS; r++) {
            int node = sNodes[r];
            int t = sLocal[r];
            nvr[r] = v0r[node] + rs.re(t);
            nvi[r] = v0i[node] + rs.im(t);
            err = change(r, err);
        }
        return err;
    }

    /**
     * OpenDSS's convergence measure at injection node r (the change of |V| in per unit of its base
     * between two iterates), folded into the running maximum {@code err}; a NaN wins.
     */
    private double change(int r, double err) {
        double m1 = Math.sqrt((nvr[r]) * (nvr[r]) + (nvi[r]) * (nvi[r]));
        double m0 = magOld[r];   // |V| of the previous iterate, computed when it was new
        magNew[r] = m1;
        double e = baseS[r] > 0 ? Math.abs(m1 - m0) / baseS[r] : (m1 != 0 ? Math.abs(1.0 - m0 / m1) : 0.0);
        return !(e <= err) ? e : err;  // also catches NaN
    }

    private void resetToNoLoad() {
        for (int s = 0; s < nS; s++) {
            vsr[s] = v0r[sNodes[s]];
            vsi[s] = v0i[sNodes[s]];
        }
        fullValid = false;
        restrictedValid = false;
    }

    private PacketGridException nonConvergence(int it, double err) {
        Integer[] order = new Integer[nS];
        double[] change = new double[nS];
        for (int r = 0; r < nS; r++) {
            order[r] = r;
            double m1 = Math.sqrt((vsr[r]) * (vsr[r]) + (vsi[r]) * (vsi[r]));
            double m0 = Math.sqrt((nvr[r]) * (nvr[r]) + (nvi[r]) * (nvi[r]));
            change[r] = baseS[r] > 0 ? Math.abs(m1 - m0) / baseS[r] : Math.abs(m1 - m0);
            if (!Double.isFinite(change[r])) {
                change[r] = Double.MAX_VALUE;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> -change[r]).thenComparingInt(r -> r));
        StringBuilder worst = new StringBuilder();
        for (int k = 0; k < Math.min(3, nS); k++) {
            if (k > 0) {
                worst.append(", ");
            }
            worst.append(net.nodeLabel(sNodes[order[k]]));
        }
        String first = nS > 0 ? net.busName(net.nodeBus(sNodes[order[0]])) : "?";
        return new PacketGridException("bus " + first, String.format(java.util.Locale.ROOT,
                "power flow did not converge in %d iterations (last change %.3g pu; worst nodes %s)", it, err, worst));
    }

    /** Compensation currents of all conversion elements at the S voltages (into icr/ici). */
    private void compensation(double[] vr, double[] vi) {
        Arrays.fill(icr, 0);
        Arrays.fill(ici, 0);
        for (int p = 0; p < pcs.length; p++) {
            int bank = bankIndex[p];
            if (bank >= 0) {
                // a run of loads, from flat arrays (the same operations in the same order as Load.compensation)
                int end = runEnd[p];
                loadBank.addCompensation(bank, bank + end - p, vr, vi, icr, ici);
                p = end - 1;
                continue;
            }
            int[] idx = pcIndex[p];
            int m = idx.length;
            for (int k = 0; k < m; k++) {
                int s = idx[k];
                evr[k] = s >= 0 ? vr[s] : 0.0;
                evi[k] = s >= 0 ? vi[s] : 0.0;
            }
            pcs[p].compensation(evr, evi, eir, eii);
            for (int k = 0; k < m; k++) {
                int s = idx[k];
                if (s >= 0) {
                    icr[s] += eir[k];
                    ici[s] += eii[k];
                }
            }
        }
    }

    /** {@code Y^-1 Icomp} on the restricted rows (into the restriction). */
    private void restrictedSolve() {
        SparseLu.Restriction rs = restriction;
        rs.clear();
        for (int s = 0; s < nS; s++) {
            rs.set(sLocal[s], icr[s], ici[s]);
        }
        rs.solve();
        restrictedValid = true;
    }

    private void sparseSolve() {
        System.arraycopy(isr, 0, fvr, 0, n);
        System.arraycopy(isi, 0, fvi, 0, n);
        for (int s = 0; s < nS; s++) {
            fvr[sNodes[s]] += icr[s];
            fvi[sNodes[s]] += ici[s];
        }
        lu.solve(fvr, fvi);
    }

    // ---------------------------------------------------------------- reading the solution

    /** Voltage of a system node after the last solve (into out[0], out[1]); 0 for de-energised nodes. */
    public void voltage(int node, double[] out) {
        if (!net.energised(node)) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        int s = nodeToS == null ? -1 : nodeToS[node];
        if (s >= 0) {
            out[0] = vsr[s];
            out[1] = vsi[s];
            return;
        }
        if (fullValid) {
            out[0] = fvr[node];
            out[1] = fvi[node];
            return;
        }
        if (!reduced && restrictedValid && rLocalOfNode[node] >= 0) {
            out[0] = v0r[node] + restriction.re(rLocalOfNode[node]);
            out[1] = v0i[node] + restriction.im(rLocalOfNode[node]);
            return;
        }
        int t = nodeToT[node];
        if (reduced && t >= 0 && ztr != null && ztr.length >= (t + 1) * nS) {
            double sr = v0r[node];
            double si = v0i[node];
            int row = t * nS;
            for (int c = 0; c < nS; c++) {
                double a = ztr[row + c];
                double b = zti[row + c];
                sr += a * icr[c] - b * ici[c];
                si += a * ici[c] + b * icr[c];
            }
            out[0] = sr;
            out[1] = si;
            return;
        }
        computeFull();
        out[0] = fvr[node];
        out[1] = fvi[node];
    }

    /**
     * All node voltages by one sparse substitution through the factor, whatever the strategy: the
     * reference the radial fill-in of {@link #voltages} is tested against. Does not change the cached vector.
     */
    public void voltagesBySubstitution(double[] re, double[] im) {
        ensureFactorized();
        boolean valid = fullValid;
        double[] keepR = fvr.clone();
        double[] keepI = fvi.clone();
        sparseSolve();
        for (int s = 0; s < nS; s++) {
            fvr[sNodes[s]] = vsr[s];
            fvi[sNodes[s]] = vsi[s];
        }
        for (int i = 0; i < n; i++) {
            re[i] = net.energised(i) ? fvr[i] : 0.0;
            im[i] = net.energised(i) ? fvi[i] : 0.0;
        }
        System.arraycopy(keepR, 0, fvr, 0, n);
        System.arraycopy(keepI, 0, fvi, 0, n);
        fullValid = valid;
    }

    /** Whether the voltages of nodes without injections are filled in by a radial sweep (else by substitution). */
    public boolean isRadialFill() {
        ensureFactorized();
        return radial != null;
    }

    /** Forgets the cached full voltage vector (benchmarks). */
    public void invalidateFull() {
        fullValid = false;
    }

    /** All node voltages after the last solve (one sparse substitution if not yet known). */
    public void voltages(double[] re, double[] im) {
        computeFull();
        System.arraycopy(fvr, 0, re, 0, n);
        System.arraycopy(fvi, 0, im, 0, n);
    }

    private void computeFull() {
        if (fullValid) {
            return;
        }
        ensureFactorized();
        if (radial != null) {
            // roots from the reduced operator's tracked rows, the rest by the radial sweep
            for (int r : radial.roots()) {
                voltage(r, rootV);
                fvr[r] = rootV[0];
                fvi[r] = rootV[1];
            }
            radial.fill(fvr, fvi, vsr, vsi, icr, ici);
        } else if (reduced) {
            sparseSolve();
        } else if (restrictedValid) {
            // the last iteration's restricted solution completed by the other rows' backward steps: the
            // values of the full substitution below to the last bit, without its forward pass
            restriction.exportTo(rwr, rwi);
            lu.completeRestricted(rPositions, rwr, rwi);
            // in node order: one scattered read per node instead of two scattered reads and two scattered writes
            for (int i = 0; i < n; i++) {
                int k = lu.positionOf(i);
                fvr[i] = rwr[k] + v0r[i];
                fvi[i] = rwi[k] + v0i[i];
            }
        } else {
            // V0 + Y^-1 Icomp, as the iterations compose it (the restricted rows agree to the last bit)
            Arrays.fill(fvr, 0);
            Arrays.fill(fvi, 0);
            for (int s = 0; s < nS; s++) {
                fvr[sNodes[s]] = icr[s];
                fvi[sNodes[s]] = ici[s];
            }
            lu.solve(fvr, fvi);
            for (int i = 0; i < n; i++) {
                fvr[i] += v0r[i];
                fvi[i] += v0i[i];
            }
        }
        for (int s = 0; s < nS; s++) {
            // keep the iterate exactly at the injection nodes
            fvr[sNodes[s]] = vsr[s];
            fvi[sNodes[s]] = vsi[s];
        }
        for (int i = 0; i < n; i++) {
            if (!net.energised(i)) {
                fvr[i] = 0;
                fvi[i] = 0;
            }
        }
        fullValid = true;
    }

    /** Injection node index of a system node, or -1. */
    public int injectionIndex(int node) {
        ensureFactorized();
        return nodeToS[node];
    }

    /**
     * The transfer impedance {@code dV(at)/dI(into)} between two system nodes of the factorised
     * network (ohms), into out[0], out[1]. One sparse substitution unless both are injection nodes
     * of a reduced solver.
     */
    public void transferImpedance(int at, int into, double[] out) {
        ensureFactorized();
        int sa = nodeToS[at];
        int sb = nodeToS[into];
        if (reduced && sa >= 0 && sb >= 0) {
            out[0] = zr[sa * nS + sb];
            out[1] = zi[sa * nS + sb];
            return;
        }
        Arrays.fill(wr, 0);
        Arrays.fill(wi, 0);
        wr[into] = 1.0;
        lu.solve(wr, wi);
        out[0] = wr[at];
        out[1] = wi[at];
    }

    /**
     * Column {@code into} of the factorised network's impedance matrix: the voltage at every node
     * per ampere injected at {@code into} (ohms), into {@code re}/{@code im} (length: node count).
     * One sparse substitution.
     */
    public void transferColumn(int into, double[] re, double[] im) {
        ensureFactorized();
        Arrays.fill(re, 0, n, 0.0);
        Arrays.fill(im, 0, n, 0.0);
        re[into] = 1.0;
        lu.solve(re, im);
    }

    /**
     * Transfer impedances among {@code nodes} (ohms): {@code zr[i n + j] + j zi[i n + j] = Z(nodes[i], nodes[j])},
     * the voltage at {@code nodes[i]} per ampere injected at {@code nodes[j]}. One substitution per column
     * restricted to the elimination-tree closure of the nodes ({@link SparseLu#solveRestricted}): the
     * same values as {@link #transferColumn} to the last bit, at the cost of the closure (a few hundred
     * rows for the households of one LV feeder of an MV network) instead of the whole network.
     * De-energised nodes (and -1) give zero rows and columns.
     */
    public void transferBlock(int[] nodes, double[] zr, double[] zi) {
        ensureFactorized();
        int m = nodes.length;
        int[] live = new int[m];
        int count = 0;
        for (int node : nodes) {
            if (node >= 0 && net.energised(node)) {
                live[count++] = node;
            }
        }
        int[] positions = lu.closure(Arrays.copyOf(live, count));
        double[] br = new double[n];
        double[] bi = new double[n];
        int[] pos = new int[m];
        for (int k = 0; k < m; k++) {
            pos[k] = nodes[k] >= 0 && net.energised(nodes[k]) ? lu.positionOf(nodes[k]) : -1;
        }
        for (int j = 0; j < m; j++) {
            if (pos[j] < 0) {
                for (int i = 0; i < m; i++) {
                    zr[i * m + j] = 0;
                    zi[i * m + j] = 0;
                }
                continue;
            }
            for (int p : positions) {
                br[p] = 0;
                bi[p] = 0;
            }
            br[pos[j]] = 1.0;
            lu.solveRestricted(positions, br, bi);
            for (int i = 0; i < m; i++) {
                zr[i * m + j] = pos[i] < 0 ? 0 : br[pos[i]];
                zi[i * m + j] = pos[i] < 0 ? 0 : bi[pos[i]];
            }
        }
    }

    /** The Norton current the sources inject into a node (for balance checks). */
    public void sourceInjection(int node, double[] out) {
        ensureV0();
        out[0] = isr[node];
        out[1] = isi[node];
    }

    /** The assembled system matrix (for Kirchhoff checks in tests). */
    public SystemMatrix systemMatrix() {
        ensureFactorized();
        return matrix;
    }

    /** Solves with a zero-load network: only series elements and sources (Calcvoltagebases). */
    public static void zeroLoadVoltages(Network net, double[] re, double[] im) {
        int n = net.nodeCount();
        List<SystemMatrix.Stamp> st = new ArrayList<>();
        double[] ir = new double[n];
        double[] ii = new double[n];
        for (Source s : net.sources()) {
            int[] nodes = net.nodesOf(s);
            st.add(SystemMatrix.Stamp.of(nodes, s::seriesY));
            double[] a = new double[nodes.length];
            double[] b = new double[nodes.length];
            s.injection(a, b);
            for (int c = 0; c < nodes.length; c++) {
                if (nodes[c] >= 0) {
                    ir[nodes[c]] += a[c];
                    ii[nodes[c]] += b[c];
                }
            }
        }
        for (PowerDelivery d : net.deliveries()) {
            st.add(SystemMatrix.Stamp.of(net.nodesOf(d), d::seriesY));
        }
        // a tiny shunt everywhere (OpenDSS adds the CAP_EPSILON of lines for the same purpose)
        for (int i = 0; i < n; i++) {
            st.add(SystemMatrix.Stamp.toGround(i, 0.0, 4.2e-8));
        }
        SystemMatrix m = new SystemMatrix(n, st);
        SparseLu f;
        try {
            f = m.factorize();
        } catch (SparseLu.SingularException e) {
            int node = e.index();
            throw new PacketGridException("bus " + net.busName(net.nodeBus(node)), "singular system at node " + net.nodeLabel(node)
                    + " while finding voltage bases");
        }
        f.solve(ir, ii);
        System.arraycopy(ir, 0, re, 0, n);
        System.arraycopy(ii, 0, im, 0, n);
    }
}
