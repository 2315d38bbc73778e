package io.packetgrid.grid.result;

import java.util.Locale;

/**
 * The feeder-wide figures of one solution: voltage range and limit counts, the three sides of the
 * active and reactive power balance, and the worst line and transformer loadings. A mutable holder
 * that {@link FlowAccounting#summarize} fills in place, so a caller stepping every minute keeps one
 * and allocates nothing; {@link #copy()} makes a snapshot.
 *
 * <p>Balance: {@code source = loads + losses}. Each side is computed on its own from the node
 * voltages (the sources' Thevenin branches, each power-conversion element's own voltage law, the
 * delivery elements' primitive matrices), so {@link #balanceResidualKw()} is the power-flow's
 * convergence residual: about {@code tolerance x loads} at OpenDSS's default tolerance, 1e-9
 * relative at a tight one.
 */
public final class FlowSummary {
    double vMinPu = Double.NaN;
    double vMaxPu = Double.NaN;
    int nodesBelow;
    int nodesAbove;
    double sourceKw;
    double sourceKvar;
    double loadsKw;
    double loadsKvar;
    double lossesKw;
    double lossesKvar;
    double lineLoadingPu;
    int linesOverloaded;
    double transformerLoadingPu;
    int transformersOverloaded;

    /** Lowest phase-node voltage, pu of nominal (EN 50160 230 V for LV nodes); NaN if no node has a base. */
    public double vMinPu() {
        return vMinPu;
    }

    /** Highest phase-node voltage, pu of nominal. */
    public double vMaxPu() {
        return vMaxPu;
    }

    /** Phase nodes below the lower voltage limit. */
    public int nodesBelow() {
        return nodesBelow;
    }

    /** Phase nodes above the upper voltage limit. */
    public int nodesAbove() {
        return nodesAbove;
    }

    /** Active power the sources deliver into the network, kW. */
    public double sourceKw() {
        return sourceKw;
    }

    public double sourceKvar() {
        return sourceKvar;
    }

    /** Active power drawn by the power-conversion elements at their terminal voltages (loads minus generation), kW. */
    public double loadsKw() {
        return loadsKw;
    }

    public double loadsKvar() {
        return loadsKvar;
    }

    /** Active power lost in the delivery elements (lines, transformers, capacitors), kW. */
    public double lossesKw() {
        return lossesKw;
    }

    public double lossesKvar() {
        return lossesKvar;
    }

    /** {@code source - loads - losses}, kW: what the solution leaves unbalanced. */
    public double balanceResidualKw() {
        return sourceKw - loadsKw - lossesKw;
    }

    /** Largest line loading (worst conductor current at either end over normamps), pu; 0 without rated lines. */
    public double lineLoadingPu() {
        return lineLoadingPu;
    }

    /** Lines loaded above the line limit. */
    public int linesOverloaded() {
        return linesOverloaded;
    }

    /** Largest transformer loading (terminal apparent power over the winding's kVA), pu. */
    public double transformerLoadingPu() {
        return transformerLoadingPu;
    }

    /** Transformers loaded above the transformer limit. */
    public int transformersOverloaded() {
        return transformersOverloaded;
    }

    /** Number of violations: nodes outside the voltage band, overloaded lines and transformers. */
    public int violations() {
        return nodesBelow + nodesAbove + linesOverloaded + transformersOverloaded;
    }

    /** Copies every figure from {@code o}. */
    public void set(FlowSummary o) {
        vMinPu = o.vMinPu;
        vMaxPu = o.vMaxPu;
        nodesBelow = o.nodesBelow;
        nodesAbove = o.nodesAbove;
        sourceKw = o.sourceKw;
        sourceKvar = o.sourceKvar;
        loadsKw = o.loadsKw;
        loadsKvar = o.loadsKvar;
        lossesKw = o.lossesKw;
        lossesKvar = o.lossesKvar;
        lineLoadingPu = o.lineLoadingPu;
        linesOverloaded = o.linesOverloaded;
        transformerLoadingPu = o.transformerLoadingPu;
        transformersOverloaded = o.transformersOverloaded;
    }

    /** A snapshot of the present figures. */
    public FlowSummary copy() {
        FlowSummary c = new FlowSummary();
        c.set(this);
        return c;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FlowSummary[v %.5f..%.5f pu (%d below, %d above), source %.4f kW, loads %.4f kW, "
                        + "losses %.4f kW, line %.1f %% (%d over), transformer %.1f %% (%d over)]", vMinPu, vMaxPu, nodesBelow, nodesAbove,
                sourceKw, loadsKw, lossesKw, 100 * lineLoadingPu, linesOverloaded, 100 * transformerLoadingPu, transformersOverloaded);
    }
}
