package io.packetgrid.studies.protection.eval;

import java.util.Arrays;

/**
 * What one sample of one variant contributes: per row an analytic part (weight = probability that the
 * requirement's event happens in this sample, and the exact conditional miss probability; NaN when it
 * has no closed form here) and a sampled part (trials and misses from one draw of every radio outcome);
 * per scheme the fault-to-isolation time of that draw and the latency CCDF of its first message.
 */
public final class SampleOutput {
    public final double[] weight;
    public final double[] miss;
    public final int[] trials;
    public final int[] misses;
    public final double[] isolationMs;
    public final double[] ccdfWeight;
    public final double[][] ccdf;

    public SampleOutput(int rows, int schemes, int grid) {
        weight = new double[rows];
        miss = new double[rows];
        trials = new int[rows];
        misses = new int[rows];
        isolationMs = new double[schemes];
        ccdfWeight = new double[schemes];
        ccdf = new double[schemes][grid];
    }

    void clear() {
        Arrays.fill(weight, 0);
        Arrays.fill(miss, 0);
        Arrays.fill(trials, 0);
        Arrays.fill(misses, 0);
        Arrays.fill(isolationMs, Double.NaN);
        Arrays.fill(ccdfWeight, 0);
        for (double[] c : ccdf) {
            Arrays.fill(c, 0);
        }
    }
}
