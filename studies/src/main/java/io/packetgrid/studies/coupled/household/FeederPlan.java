package io.packetgrid.studies.coupled.household;

import java.util.List;

/**
 * One feeder copy under the substation: its name (which prefixes its federates and endpoints), its
 * households, and for every load of the script the load whose base shape it follows.
 */
public record FeederPlan(int copy, String name, List<Household> households, int[] loadShape) {

    public FeederPlan {
        households = List.copyOf(households);
        loadShape = loadShape.clone();
    }

    public String fleetName() {
        return name + "/fleet";
    }

    public String gridName() {
        return name + "/grid";
    }

    public String serverName() {
        return name + "/server";
    }

    /** Load index of each household. */
    public int[] householdLoads() {
        int[] l = new int[households.size()];
        for (int h = 0; h < l.length; h++) {
            l[h] = households.get(h).load();
        }
        return l;
    }

    public int deviceCount() {
        int n = 0;
        for (Household h : households) {
            n += h.devices().size() + h.services().size();
        }
        return n;
    }
}
