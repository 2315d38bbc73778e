package io.packetgrid.grid.control;

import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.solve.PowerFlowSolver;

/**
 * A tap-changer control for one transformer (OpenDSS RegControl, static control mode,
 * re-derived from RegControl.pas Sample and DoPendingAction): after each converged solution it
 * measures the winding voltage through the PT (optionally with line-drop compensation
 * {@code Vc = V/PT + (R + jX) I/CT}); outside {@code vreg +- band/2} it queues a tap change of
 * {@code round((vreg - |Vc|) PT / Vbase / step)} steps after its delay; when executed the change
 * is 70 % of that, at least one step and at most {@code maxTapChange}. Back in band, a queued
 * change is cancelled.
 */
public final class RegulatorControl implements Control {
    private final String name;
    private final Transformer transformer;
    private final RegulatorSettings s;
    private final int regulatedNode;   // system node of a regulated bus, -1 = the winding itself
    private double pending;
    private boolean armed;
    private boolean timed;
    private ControlQueue queue;
    private int handle;
    private int lastChange;

    public RegulatorControl(String name, Transformer transformer, RegulatorSettings settings, int regulatedNode) {
        this.name = name;
        this.transformer = transformer;
        this.s = settings;
        this.regulatedNode = regulatedNode;
    }

    @Override
    public String name() {
        return "RegControl." + name;
    }

    @Override
    public void sample(ControlContext ctx) {
        sample(ctx.solver(), ctx.queue(), ctx.nowSec());
    }

    @Override
    public int[] trackedNodes(Network net) {
        if (regulatedNode < 0) {
            return net.nodesOf(transformer);
        }
        int[] w = net.nodesOf(transformer);
        int[] all = java.util.Arrays.copyOf(w, w.length + 1);
        all[w.length] = regulatedNode;
        return all;
    }

    public Transformer transformer() {
        return transformer;
    }

    public RegulatorSettings settings() {
        return s;
    }

    /** Tap position in steps from 1.0 pu (OpenDSS TapNum). */
    public int tapPosition() {
        int w = s.tapWinding() - 1;
        double inc = transformer.winding(w).tapIncrement();
        return inc == 0 ? 0 : (int) Math.round((transformer.tap(w) - 1.0) / inc);
    }

    @Override
    public void reset() {
        pending = 0;
        armed = false;
        handle = 0;
    }

    /** Samples the solution and queues, keeps or cancels a tap change. */
    public void sample(PowerFlowSolver solver, ControlQueue queue, double nowSec) {
        this.queue = queue;
        if (s.maxTapChange() == 0) {
            pending = 0;
            return;
        }
        int w = s.winding() - 1;
        int tw = s.tapWinding() - 1;
        int nph = transformer.phases();
        double[][] f = ElementFlows.solve(solver, transformer);
        int nc = nph + 1;
        int off = w * nc;
        double[] vbr = new double[nph];
        double[] vbi = new double[nph];
        double pt;
        if (regulatedNode >= 0) {
            double[] v = new double[2];
            solver.voltage(regulatedNode, v);
            for (int i = 0; i < nph; i++) {
                vbr[i] = v[0];
                vbi[i] = v[1];
            }
            pt = s.remotePtRatio();
        } else {
            boolean delta = transformer.winding(w).delta();
            for (int i = 0; i < nph; i++) {
                int j = delta ? rotate(i + 1) - 1 : nc - 1;
                vbr[i] = f[0][off + i] - f[0][off + j];
                vbi[i] = f[1][off + i] - f[1][off + j];
            }
            pt = s.ptRatio();
        }
        int phase = controlledPhase(vbr, vbi, nph);
        double vcr = vbr[phase] / pt;
        double vci = vbi[phase] / pt;
        double vlocal = s.vlimit() > 0 ? Math.hypot(vcr, vci) : 0.0;
        if (regulatedNode < 0 && (s.r() != 0 || s.x() != 0 || s.ldcZ() > 0)) {
            double ir = f[2][off + phase] / s.ctPrim();
            double ii = f[3][off + phase] / s.ctPrim();
            if (s.ldcZ() == 0) {
                vcr += s.r() * ir - s.x() * ii;
                vci += s.r() * ii + s.x() * ir;
            } else {
                vcr = Math.hypot(vcr, vci) - Math.hypot(ir, ii) * s.ldcZ();
                vci = 0;
            }
        }
        double vactual = Math.hypot(vcr, vci);
        boolean needed = Math.abs(s.vreg() - vactual) > s.band() / 2.0;
        if (s.vlimit() > 0 && vlocal > s.vlimit()) {
            needed = true;
        }
        if (needed) {
            double vboost = s.vreg() - vactual;
            if (s.vlimit() > 0 && vlocal > s.vlimit()) {
                vboost = s.vlimit() - vlocal;
            }
            double boost = vboost * pt / transformer.vbase(w);
            double inc = transformer.winding(tw).tapIncrement();
            pending = inc == 0 ? 0 : Math.rint(boost / inc) * inc;
            if (tw != w) {
                pending = -pending;
            }
            if (pending != 0.0 && !armed) {
                double tap = transformer.tap(tw);
                boolean possible = pending > 0 ? tap < transformer.winding(tw).maxTap() : tap > transformer.winding(tw).minTap();
                if (possible) {
                    handle = queue.push(nowSec + delay(vactual), this::act);
                    armed = true;
                }
            }
        } else {
            pending = 0;
            if (armed) {
                queue.delete(handle);
                armed = false;
                handle = 0;
            }
        }
    }

    private int rotate(int phase1) {
        return transformer.rotate(phase1);
    }

    private int controlledPhase(double[] vr, double[] vi, int nph) {
        int p = s.ptPhase();
        if (p == -1 || p == -2) {
            int best = 0;
            double bv = Math.hypot(vr[0], vi[0]);
            for (int i = 1; i < nph; i++) {
                double m = Math.hypot(vr[i], vi[i]);
                if (p == -1 ? m > bv : m < bv) {
                    bv = m;
                    best = i;
                }
            }
            return best;
        }
        return Math.min(p, nph) - 1;
    }

    private double delay(double vavg) {
        if (s.inverseTime()) {
            return s.delay() / Math.min(10.0, 2.0 * Math.abs(s.vreg() - vavg) / s.band());
        }
        return s.delay();
    }

    /**
     * Time-driven control (OpenDSS controlmode=time): queued changes move one step at a time,
     * {@code tapDelay} apart, in simulated time; static mode (default) moves 70 % at once.
     */
    @Override
    public void setTimed(boolean timed) {
        this.timed = timed;
    }

    /** The queued action. */
    private void act(double nowSec) {
        if (pending == 0.0) {
            armed = false;
            return;
        }
        int tw = s.tapWinding() - 1;
        double inc = transformer.winding(tw).tapIncrement();
        if (timed) {
            // OpenDSS OneInDirectionOf: one step towards the pending change, the rest after tapdelay
            double change = pending > 0 ? inc : -inc;
            lastChange = pending > 0 ? 1 : -1;
            pending -= change;
            if (Math.abs(pending) < 0.9 * inc) {
                pending = 0.0;
            }
            transformer.setTap(tw, transformer.tap(tw) + change);
            if (pending != 0.0 && queue != null) {
                handle = queue.push(nowSec + s.tapDelay(), this::act);
            } else {
                armed = false;
            }
            return;
        }
        int n = (int) (0.7 * Math.abs(pending) / inc);
        if (n == 0) {
            n = 1;
        }
        if (n > s.maxTapChange()) {
            n = s.maxTapChange();
        }
        double change = pending > 0 ? n * inc : -n * inc;
        lastChange = pending > 0 ? n : -n;
        transformer.setTap(tw, transformer.tap(tw) + change);
        pending = 0;
        armed = false;
    }

    public int lastChange() {
        return lastChange;
    }
}
