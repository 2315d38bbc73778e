package io.packetgrid.pem.schedule;

import java.util.List;

/**
 * What the plan may draw in each slot, as tiers with a price: e.g. the local renewable surplus (its
 * price the feed-in tariff it would otherwise earn), storage discharge, then import up to the
 * connection's limit at the market price. Powers in kW over the slot, prices per kWh.
 *
 * @param name       for reports
 * @param capacityKw per slot
 * @param price      per slot, currency per kWh
 */
public record Supply(String name, double[] capacityKw, double[] price) {

    public Supply {
        if (capacityKw.length != price.length) {
            throw new IllegalArgumentException("supply " + name + ": one price per slot");
        }
        capacityKw = capacityKw.clone();
        price = price.clone();
        for (int t = 0; t < capacityKw.length; t++) {
            if (!(capacityKw[t] >= 0) || !Double.isFinite(price[t])) {
                throw new IllegalArgumentException("supply " + name + ": slot " + t + " needs capacity ≥ 0 and a finite price");
            }
        }
    }

    /** A constant capacity and price over {@code slots} slots. */
    public static Supply flat(String name, int slots, double kw, double price) {
        double[] c = new double[slots];
        double[] p = new double[slots];
        java.util.Arrays.fill(c, kw);
        java.util.Arrays.fill(p, price);
        return new Supply(name, c, p);
    }

    static int slots(List<Supply> tiers) {
        return tiers.isEmpty() ? 0 : tiers.get(0).capacityKw.length;
    }
}
