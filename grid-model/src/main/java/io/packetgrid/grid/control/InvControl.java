package io.packetgrid.grid.control;

import io.packetgrid.grid.model.InverterDer;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.Storage;
import io.packetgrid.grid.model.XyCurve;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Smart-inverter control of PV systems and storage (OpenDSS InvControl, re-derived from
 * InvControl.pas Sample, DoPendingAction, UpdateInvControl and the Calc* helpers) in the modes
 * volt-var, volt-watt and both combined (IEEE 1547-2018 functions). After each solution it reads
 * each unit's voltage (the average of its phase conductors' magnitudes, or a monitored bus, in per
 * unit of the unit's base or of a rolling average), and when the voltage moved more than
 * {@code VoltageChangeTolerance}, the output is more than {@code VarChangeTolerance} from the curve,
 * or at the first control iteration of a time step, it moves the unit's set point towards the
 * curve's value: by a fraction {@code deltaQ_factor} ({@code deltaP_factor}) of the distance, a
 * fraction OpenDSS adapts from the last voltage changes when left at -1. Reactive power is in per
 * unit of the available kvar ({@code VARAVAL}, the kVA left after active power) or of kvarMax
 * ({@code VARMAX}); active power in per unit of Pmpp (or as {@code VoltwattYAxis} says). A low-pass
 * filter ({@code LPFTau}) or a rise/fall limit ({@code RiseFallLimit}, per unit per second) can
 * shape the desired value. In a time series the settled set point carries into the next step.
 */
public final class InvControl implements Control {

    /** OpenDSS InvControl modes implemented here. */
    public enum Mode { VOLTVAR, VOLTWATT, VV_VW }

    /** Rate-of-change shaping of the desired value. */
    public enum RateOfChange { INACTIVE, LPF, RISEFALL }

    /**
     * Settings.
     *
     * @param curveXRef          0 rated, 1 average, 2 rolling average (voltage_curvex_ref)
     * @param avgWindowS         rolling-average window (s)
     * @param deltaQFactor       step fraction towards the volt-var point, -1: adaptive
     * @param deltaPFactor       step fraction towards the volt-watt limit, -1: adaptive
     * @param voltWattYAxis      0 available power, 1 Pmpp, 2 Pmpp x %Pmpp, 3 kVA
     * @param varMaxReference    reactive power in per unit of kvarMax (VARMAX) rather than of the available kvar
     * @param monPhase           phase selection for the monitored voltage: 1..n, or {@link CapControl#AVG}/MAX/MIN
     */
    public record Settings(Mode mode, XyCurve voltVar, XyCurve voltWatt, XyCurve voltWattCharging, int curveXRef, double avgWindowS,
                           double deltaQFactor, double deltaPFactor, double voltageChangeTolerance, double varChangeTolerance,
                           double activePChangeTolerance, int voltWattYAxis, RateOfChange rateOfChange, double lpfTauS,
                           double riseFallLimit, boolean varMaxReference, int monPhase) {
    }

    private static final double DELTA_DEFAULT = 0.5;

    /** A monitored bus node (or node pair) and its voltage base. */
    public record MonitoredBus(int node1, int node2, double vbase) {
    }

    private final String name;
    private final Settings s;
    private final InverterDer[] ders;
    private final int[][] derNodes;        // each unit's phase conductors' system nodes
    private final List<MonitoredBus> monBuses;
    private final Unit[] units;
    private int handle;
    private boolean queued;

    /** The per-unit memory of the control (OpenDSS TInvVars). */
    private static final class Unit {
        double presentVpu;
        double avgVpuPrior;
        double qDesiredVV;
        double qOldVV = -1.0;
        double qHeadroom;
        double qHeadroomNeg;
        double pBase;
        double qOutputPu;
        double qOutputVVpu;
        double qDesireEndPu;
        double qDesireVVpu;
        double qDesireLimitedPu;
        double qDesireOptionPu;
        double pLimitEndPu;
        double pLimitVWpu;
        double pLimitLimitedPu;
        double pLimitOptionPu;
        double pLimitVW;
        double pOldVWpu;
        double deltaQFactor = DELTA_DEFAULT;
        double deltaPFactor = DELTA_DEFAULT;
        double deltaVOld = -1.0;
        double priorPLimitOptionPu;
        double priorQDesireOptionPu;
        double kwOutDesired;
        boolean flagVWOperates;
        double vvOperation;
        double vwOperation;
        boolean pending;
        final ArrayDeque<Double> window = new ArrayDeque<>();
        final ArrayDeque<Double> windowTimes = new ArrayDeque<>();
        double windowSum;
        double windowTimeSum;
        boolean windowFull;

        double average() {
            return window.isEmpty() ? 0.0 : windowSum / window.size();
        }

        /** OpenDSS TRollAvgWindow.Add (buffer length = the window in seconds, as OpenDSS sets it). */
        void add(double v, double stepS, double windowS) {
            int bufferLength = (int) windowS;
            double value = bufferLength == 0 ? 0.0 : v;
            if (!window.isEmpty() && windowFull) {
                windowSum -= window.removeFirst();
                window.addLast(value);
                windowTimes.removeFirst();
                windowTimes.addLast(stepS);
                windowSum += value;
            } else {
                window.addLast(value);
                windowTimes.addLast(stepS);
                windowSum += value;
                windowTimeSum += stepS;
                if (windowTimeSum > windowS || window.size() == bufferLength) {
                    windowFull = true;
                }
            }
        }
    }

    /**
     * @param ders     the controlled units, in the order of the DER list
     * @param derNodes each unit's phase conductors' system nodes
     * @param monBuses monitored buses, empty to use each unit's own terminal
     */
    public InvControl(String name, Settings settings, List<InverterDer> ders, int[][] derNodes, List<MonitoredBus> monBuses) {
        this.name = name;
        this.s = settings;
        this.ders = ders.toArray(new InverterDer[0]);
        this.derNodes = derNodes;
        this.monBuses = List.copyOf(monBuses);
        this.units = new Unit[this.ders.length];
        for (int i = 0; i < units.length; i++) {
            units[i] = new Unit();
        }
        // InvControl.pas RecalcElementData: power-factor priority only for volt-watt
        if (settings.mode() != Mode.VOLTWATT) {
            for (InverterDer d : this.ders) {
                d.setPfPriority(false);
            }
        }
    }

    @Override
    public String name() {
        return "InvControl." + name;
    }

    public Settings settings() {
        return s;
    }

    /** The controlled units. */
    public List<InverterDer> ders() {
        return List.of(ders);
    }

    /** The per-unit voltage the control last used for unit {@code i} (OpenDSS FPresentVpu, "Vreg"). */
    public double presentVpu(int i) {
        return units[i].presentVpu;
    }

    @Override
    public int[] trackedNodes(Network net) {
        int count = 0;
        for (int[] n : derNodes) {
            count += n.length;
        }
        int[] all = new int[count + 2 * monBuses.size()];
        int k = 0;
        for (int[] n : derNodes) {
            for (int node : n) {
                all[k++] = node;
            }
        }
        for (MonitoredBus b : monBuses) {
            all[k++] = b.node1();
            all[k++] = b.node2();
        }
        return all;
    }

    /** InvControl.Reset does nothing in OpenDSS (the memory stays). */
    @Override
    public void reset() {
        queued = false;
    }

    // ---------------------------------------------------------------- sampling

    @Override
    public void sample(ControlContext ctx) {
        PowerFlowSolver solver = ctx.solver();
        boolean any = false;
        for (int i = 0; i < ders.length; i++) {
            InverterDer d = ders[i];
            Unit u = units[i];
            double basekV = d.vbase() / 1000.0;
            double vpresent = monitoredVoltage(solver, i, basekV);
            if (ctx.controlIteration() == 1) {
                u.avgVpuPrior = u.presentVpu;
            }
            u.kwOutDesired = d.presentKw();
            double avg = u.average();
            if (s.curveXRef() == 1 && avg != 0.0) {
                u.presentVpu = vpresent / avg;
            } else if (s.curveXRef() == 2 && avg != 0.0) {
                u.presentVpu = avg / (basekV * 1000.0);
            } else {
                u.presentVpu = vpresent / (basekV * 1000.0);
            }
            report(d, u);
            boolean first = ctx.controlIteration() == 1;
            boolean vChanged = Math.abs(u.presentVpu - u.avgVpuPrior) > s.voltageChangeTolerance();
            switch (s.mode()) {
                case VOLTVAR -> {
                    if (!d.inverterOn() && d.varFollowInverter()) {
                        continue;
                    }
                    d.setControlModes(true, false);
                    if (vChanged || Math.abs(Math.abs(u.qOutputVVpu) - Math.abs(u.qDesireEndPu)) > s.varChangeTolerance() || first) {
                        u.vvOperation = 0;
                        u.pending = true;
                    }
                }
                case VOLTWATT -> {
                    if (!d.inverterOn()) {
                        continue;
                    }
                    d.setControlModes(false, true);
                    if (vChanged || Math.abs(u.pLimitEndPu - u.pOldVWpu) > s.activePChangeTolerance() || first) {
                        u.vwOperation = 0;
                        u.pending = true;
                    }
                }
                case VV_VW -> {
                    if (!d.inverterOn() && d.varFollowInverter()) {
                        continue;
                    }
                    d.setControlModes(true, true);
                    if (vChanged || Math.abs(u.pLimitEndPu - u.pOldVWpu) > s.activePChangeTolerance() || first) {
                        u.vwOperation = 0;
                        u.pending = true;
                    }
                    if (vChanged || Math.abs(Math.abs(u.qOutputPu) - Math.abs(u.qDesireEndPu)) > s.varChangeTolerance() || first) {
                        u.vvOperation = 0;
                        u.pending = true;
                    }
                }
            }
            any |= u.pending;
        }
        if (any && !queued) {
            // TimeDelay is 0: the action is due now (one queued action serves every unit with a pending change)
            handle = ctx.queue().push(ctx.nowSec(), now -> act(ctx));
            queued = true;
        }
    }

    private void report(InverterDer d, Unit u) {
        d.report(u.presentVpu, u.vvOperation, u.vwOperation);
    }

    /** OpenDSS GetMonVoltage: the monitored buses' voltages scaled to the unit's base, or the unit's own conductors. */
    private double monitoredVoltage(PowerFlowSolver solver, int i, double basekV) {
        double[] v = new double[2];
        double[] w = new double[2];
        int n;
        double[] mags;
        if (!monBuses.isEmpty()) {
            n = monBuses.size();
            mags = new double[n];
            for (int j = 0; j < n; j++) {
                MonitoredBus b = monBuses.get(j);
                solver.voltage(b.node1(), v);
                if (b.node2() >= 0) {
                    solver.voltage(b.node2(), w);
                    v[0] -= w[0];
                    v[1] -= w[1];
                }
                mags[j] = Math.hypot(v[0], v[1]) * (basekV * 1000.0 / b.vbase());
            }
        } else {
            int[] nodes = derNodes[i];
            n = nodes.length;
            mags = new double[n];
            for (int j = 0; j < n; j++) {
                if (nodes[j] >= 0) {
                    solver.voltage(nodes[j], v);
                    mags[j] = Math.hypot(v[0], v[1]);
                }
            }
        }
        int p = s.monPhase();
        if (p == CapControl.AVG) {
            double sum = 0;
            for (double m : mags) {
                sum += m;
            }
            return sum / n;
        }
        if (p == CapControl.MAX) {
            double max = 0;
            for (double m : mags) {
                max = Math.max(max, m);
            }
            return max;
        }
        if (p == CapControl.MIN) {
            double min = 1e50;
            for (double m : mags) {
                min = Math.min(min, m);
            }
            return min;
        }
        return mags[Math.min(p, n) - 1];
    }

    // ---------------------------------------------------------------- the action

    /** OpenDSS DoPendingAction. */
    private void act(ControlContext ctx) {
        queued = false;
        double stepS = ctx.stepSec();
        for (int k = 0; k < ders.length; k++) {
            Unit u = units[k];
            if (!u.pending) {
                continue;
            }
            InverterDer d = ders[k];
            calcQHeadroom(d, u);
            calcPBase(d, u);
            double kwDesiredPu = u.kwOutDesired / u.pBase;
            switch (s.mode()) {
                case VOLTVAR -> {
                    d.setControlModes(true, false);
                    u.qDesireVVpu = s.voltVar().yAt(u.presentVpu);
                    u.qDesireEndPu = shapeQ(u, d, stepS);
                    calcVoltVarVars(u);
                    d.requestKvar(u.qDesiredVV);
                    d.updateOutput();
                    u.qOutputPu = d.presentKvar() / (u.qDesiredVV >= 0.0 ? u.qHeadroom : u.qHeadroomNeg);
                    u.qOutputVVpu = u.qOutputPu;
                    u.avgVpuPrior = u.presentVpu;
                    u.qOldVV = d.presentKvar();
                }
                case VOLTWATT -> {
                    d.setControlModes(false, true);
                    u.pLimitVWpu = voltWattLimit(d, u);
                    u.pLimitEndPu = shapeP(u, d, stepS);
                    calcVoltWattWatts(u, kwDesiredPu, ctx.controlIteration());
                    d.limitKw(u.pLimitVW);
                    d.updateOutput();
                    u.avgVpuPrior = u.presentVpu;
                    u.pOldVWpu = u.pLimitVW / u.pBase;
                    if (Math.abs(u.pLimitVW) > 0.0 && Math.abs(Math.abs(d.presentKw()) - u.pLimitVW) / u.pLimitVW > 0.0001) {
                        u.vwOperation = 0;
                    }
                }
                case VV_VW -> {
                    d.setControlModes(true, true);
                    u.pLimitVWpu = voltWattLimit(d, u);
                    u.qDesireVVpu = s.voltVar().yAt(u.presentVpu);
                    u.qDesireEndPu = shapeQ(u, d, stepS);
                    u.pLimitEndPu = shapeP(u, d, stepS);
                    calcVoltWattWatts(u, kwDesiredPu, ctx.controlIteration());
                    calcVoltVarVars(u);
                    d.requestKvar(u.qDesiredVV);
                    d.limitKw(u.pLimitVW);
                    d.updateOutput();
                    u.qOutputPu = d.presentKvar() / (u.qDesiredVV >= 0.0 ? u.qHeadroom : u.qHeadroomNeg);
                    u.qOutputVVpu = u.qOutputPu;
                    u.avgVpuPrior = u.presentVpu;
                    u.pOldVWpu = u.pLimitVW / u.pBase;
                    u.qOldVV = d.presentKvar();
                    if (Math.abs(Math.abs(d.presentKw()) - u.pLimitVW) / u.pLimitVW > 0.0001) {
                        u.vwOperation = 0;
                    }
                }
            }
            u.pending = false;
            report(d, u);
        }
    }

    /** The desired reactive power after the rate-of-change shaping and the limits (per unit of the headroom). */
    private double shapeQ(Unit u, InverterDer d, double stepS) {
        switch (s.rateOfChange()) {
            case LPF -> {
                double alpha = Math.exp(-stepS / s.lpfTauS());
                u.qDesireOptionPu = u.qDesireVVpu * (1 - alpha) + u.priorQDesireOptionPu * alpha;
            }
            case RISEFALL -> u.qDesireOptionPu = riseFall(u.qDesireVVpu, u.priorQDesireOptionPu, stepS);
            default -> {
                checkQLimits(d, u, u.qDesireVVpu);
                return Math.min(Math.abs(u.qDesireVVpu), Math.abs(u.qDesireLimitedPu)) * Math.signum(u.qDesireVVpu);
            }
        }
        checkQLimits(d, u, u.qDesireOptionPu);
        return Math.min(Math.abs(u.qDesireLimitedPu), Math.abs(u.qDesireOptionPu)) * Math.signum(u.qDesireOptionPu);
    }

    /** The active-power limit after the rate-of-change shaping and the limits (per unit of the base). */
    private double shapeP(Unit u, InverterDer d, double stepS) {
        switch (s.rateOfChange()) {
            case LPF -> {
                double alpha = Math.exp(-stepS / s.lpfTauS());
                u.pLimitOptionPu = u.pLimitVWpu * (1 - alpha) + u.priorPLimitOptionPu * alpha;
            }
            case RISEFALL -> u.pLimitOptionPu = riseFall(u.pLimitVWpu, u.priorPLimitOptionPu, stepS);
            default -> {
                checkPLimits(d, u, u.pLimitVWpu);
                return Math.min(Math.abs(u.pLimitLimitedPu), Math.abs(u.pLimitVWpu)) * Math.signum(u.pLimitVWpu);
            }
        }
        checkPLimits(d, u, u.pLimitOptionPu);
        return Math.min(u.pLimitLimitedPu, u.pLimitOptionPu);
    }

    /** OpenDSS CalcRF: at most RiseFallLimit (per unit per second) times the step away from the prior value. */
    private double riseFall(double desired, double prior, double stepS) {
        double max = s.riseFallLimit() * stepS;
        if (desired - prior > max) {
            return prior + max;
        }
        if (desired - prior < -max) {
            return prior - max;
        }
        return desired;
    }

    /** OpenDSS CalcPVWcurve_limitpu. */
    private double voltWattLimit(InverterDer d, Unit u) {
        if (d instanceof Storage st) {
            if (st.state() == Storage.DISCHARGING) {
                return s.voltWatt() != null ? s.voltWatt().yAt(u.presentVpu) : 1.0;
            }
            if (st.state() == Storage.CHARGING && s.voltWattCharging() != null) {
                return s.voltWattCharging().yAt(u.presentVpu);
            }
            return 1.0;
        }
        return s.voltWatt().yAt(u.presentVpu);
    }

    /** OpenDSS Calc_QHeadRoom. */
    private void calcQHeadroom(InverterDer d, Unit u) {
        double kva = d.kvaRating();
        double p = d.presentKw();
        if (!s.varMaxReference()) {
            u.qHeadroom = Math.abs(p) < kva ? Math.sqrt(kva * kva - p * p) : 0.0;
            u.qHeadroomNeg = u.qHeadroom;
        } else {
            u.qHeadroom = d.kvarLimit();
            u.qHeadroomNeg = d.kvarLimitNeg();
        }
        if (u.qHeadroom == 0.0) {
            u.qHeadroom = d.kvarLimit();
        }
        if (u.qHeadroomNeg == 0.0) {
            u.qHeadroomNeg = d.kvarLimitNeg();
        }
    }

    /** OpenDSS Calc_PBase. */
    private void calcPBase(InverterDer d, Unit u) {
        u.pBase = switch (s.voltWattYAxis()) {
            case 0 -> d.dcKw() * d.efficiency();
            case 1 -> d.dcKwRated();
            case 2 -> d.dcKwRated() * d.pctDcKwRated();
            default -> d.kvaRating();
        };
    }

    /** OpenDSS Check_Qlimits: the kvar limits (and the kVA under watt priority with VARMAX) in per unit of the headroom. */
    private void checkQLimits(InverterDer d, Unit u, double q) {
        double op = q < -0.005 ? -1.0 : q > 0.005 ? 1.0 : 0.0;
        u.qDesireLimitedPu = 1.0;
        double limPu = Math.min(d.currentKvarLimit() / u.qHeadroom, 1.0);
        double limNegPu = Math.min(d.currentKvarLimitNeg() / u.qHeadroomNeg, 1.0);
        if (q > 0.0 && Math.abs(q) >= Math.abs(limPu)) {
            op = 0.2 * Math.signum(q);
            u.qDesireLimitedPu = limPu * Math.signum(q);
        } else if (q < 0.0 && Math.abs(q) >= Math.abs(limNegPu)) {
            op = 0.2 * Math.signum(q);
            u.qDesireLimitedPu = limNegPu * Math.signum(q);
        }
        if (d.wattPriority() && s.varMaxReference()) {
            double kva = d.kvaRating();
            double p = d.presentKw();
            double qp = Math.sqrt(kva * kva - p * p) / (q >= 0.0 ? u.qHeadroom : u.qHeadroomNeg);
            if (Math.abs(qp) < Math.abs(u.qDesireLimitedPu) && Math.abs(qp) < Math.abs(q)) {
                op = 0.6 * Math.signum(q);
                if (Math.abs(q) < 0.0001 || Math.abs(qp) < 1e-12) {
                    op = 0.0;
                }
                u.qDesireLimitedPu = qp * Math.signum(q);
            }
        }
        u.vvOperation = op;
    }

    /** OpenDSS Check_Plimits: %Pmpp (or %kWrated), and the kVA under reactive priority. */
    private void checkPLimits(InverterDer d, Unit u, double p) {
        u.pLimitLimitedPu = 1.0;
        if (p < 1.0) {
            u.vwOperation = 1.0;
        }
        double pctLimit = d.pctDcKwRated() * d.dcKwRated();
        if (!d.wattPriority()) {
            double kva = d.kvaRating();
            double q = d.presentKvar();
            double pp = Math.sqrt(kva * kva - q * q);
            if (pp < Math.abs(p) * u.pBase) {
                u.pLimitLimitedPu = pp / u.pBase * Math.signum(p);
                u.vwOperation = 0.0;
            }
        }
        if (Math.abs(p) * u.pBase > pctLimit) {
            u.vwOperation = 0.0;
            u.pLimitLimitedPu = pctLimit / u.pBase * Math.signum(p);
        }
    }

    /** OpenDSS CalcVoltVar_vars (linear model): a fraction of the way from the last output to the desired one. */
    private void calcVoltVarVars(Unit u) {
        double deltaQ = u.qDesireEndPu * (u.qDesireEndPu >= 0.0 ? u.qHeadroom : u.qHeadroomNeg) - u.qOldVV;
        if (s.deltaQFactor() == -1.0) {
            adaptDeltaQ(u);
        } else {
            u.deltaQFactor = s.deltaQFactor();
        }
        u.qDesiredVV = u.qOldVV + deltaQ * u.deltaQFactor;
    }

    /** OpenDSS CalcVoltWatt_watts. */
    private void calcVoltWattWatts(Unit u, double kwDesiredPu, int controlIteration) {
        if ((u.pLimitEndPu < 1.0 && u.pLimitEndPu <= Math.abs(kwDesiredPu)) || u.flagVWOperates) {
            if (controlIteration == 1) {
                u.pOldVWpu = Math.abs(kwDesiredPu);
            }
            u.flagVWOperates = true;
            double deltaP = u.pLimitEndPu - u.pOldVWpu;
            if (s.deltaPFactor() == -1.0) {
                adaptDeltaP(u);
            } else {
                u.deltaPFactor = s.deltaPFactor();
            }
            u.pLimitVW = (u.pOldVWpu + deltaP * u.deltaPFactor) * u.pBase;
        } else {
            u.pLimitVW = u.pLimitEndPu * u.pBase;
        }
    }

    /** OpenDSS Change_deltaQ_factor: smaller steps while the voltage keeps moving as much, larger when it settles. */
    private static void adaptDeltaQ(Unit u) {
        double dv = Math.abs(u.presentVpu - u.avgVpuPrior);
        if (u.deltaVOld >= 0.0) {
            if (dv > 0.8 * u.deltaVOld && u.deltaQFactor > 0.2) {
                u.deltaQFactor -= 0.1;
            } else if (dv > 0.6 * u.deltaVOld && u.deltaQFactor > 0.2) {
                u.deltaQFactor -= 0.05;
            } else if (dv < 0.2 * u.deltaVOld && u.deltaQFactor < 0.9) {
                u.deltaQFactor += 0.1;
            } else if (dv < 0.4 * u.deltaVOld && u.deltaQFactor < 0.9) {
                u.deltaQFactor += 0.05;
            }
        }
        u.deltaVOld = dv;
    }

    /** OpenDSS Change_deltaP_factor. */
    private static void adaptDeltaP(Unit u) {
        double dv = Math.abs(u.presentVpu - u.avgVpuPrior);
        if (u.deltaVOld >= 0.0) {
            if (dv > 0.9 * u.deltaVOld && u.deltaPFactor > 0.2) {
                u.deltaPFactor -= 0.1;
            } else if (dv > 0.8 * u.deltaVOld && u.deltaPFactor > 0.1) {
                u.deltaPFactor -= 0.05;
            } else if (dv < 0.2 * u.deltaVOld && u.deltaPFactor < 0.9) {
                u.deltaPFactor += 0.05;
            } else if (dv < 0.1 * u.deltaVOld && u.deltaPFactor < 0.9) {
                u.deltaPFactor += 0.1;
            }
        }
        u.deltaVOld = dv;
    }

    // ---------------------------------------------------------------- the end of a time step

    /** OpenDSS UpdateInvControl: the units' flags are released, the rolling average takes this step's voltage. */
    @Override
    public void endOfStep(ControlContext ctx) {
        for (int j = 0; j < ders.length; j++) {
            Unit u = units[j];
            InverterDer d = ders[j];
            u.priorPLimitOptionPu = u.pLimitOptionPu;
            u.priorQDesireOptionPu = u.qDesireOptionPu;
            d.clearControlModes();
            u.flagVWOperates = false;
            u.vvOperation = 0;
            u.vwOperation = 0;
            u.deltaPFactor = DELTA_DEFAULT;
            double v = monitoredVoltage(ctx.solver(), j, d.vbase() / 1000.0);
            u.add(v, ctx.stepSec(), s.avgWindowS());
        }
    }
}
