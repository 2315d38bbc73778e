package io.packetgrid.studies.protection.model;

import io.packetgrid.grid.fault.FaultSpec;
import io.packetgrid.grid.fault.FaultType;
import io.packetgrid.studies.protection.scenario.FaultSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws a fault: a candidate bus (uniform), a type (by the scenario's weights), its phases (uniform among
 * the bus's phases: any one for a line-to-ground fault, any pair for line-to-line and double
 * line-to-ground), and a resistance (uniform over the range).
 */
public final class FaultSampler {
    private final List<ProtectionSystem.FaultBus> buses;
    private final List<FaultType> types = new ArrayList<>();
    private final double[] cumulative;
    private final double rMin;
    private final double rMax;

    public FaultSampler(ProtectionSystem sys) {
        this.buses = sys.faultBuses();
        FaultSection f = sys.scenario().faults();
        double total = 0;
        List<Double> w = new ArrayList<>();
        for (Map.Entry<String, Double> e : f.types().entrySet()) {
            if (e.getValue() > 0) {
                types.add(FaultType.byLabel(e.getKey()));
                total += e.getValue();
                w.add(total);
            }
        }
        this.cumulative = new double[w.size()];
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] = w.get(i) / total;
        }
        this.rMin = f.resistanceOhm().get(0);
        this.rMax = f.resistanceOhm().get(1);
    }

    public FaultSpec draw(UniformRandomProvider rng) {
        ProtectionSystem.FaultBus bus = buses.get(rng.nextInt(buses.size()));
        double u = rng.nextDouble();
        int t = 0;
        while (t < cumulative.length - 1 && u >= cumulative[t]) {
            t++;
        }
        FaultType type = types.get(t);
        int[] ph = bus.phases();
        int[] chosen;
        switch (type.phases()) {
            case 1 -> chosen = new int[] {ph[rng.nextInt(ph.length)]};
            case 2 -> {
                int a = rng.nextInt(ph.length);
                int b = (a + 1 + rng.nextInt(ph.length - 1)) % ph.length;
                chosen = a < b ? new int[] {ph[a], ph[b]} : new int[] {ph[b], ph[a]};
            }
            default -> chosen = ph.clone();
        }
        double r = rMin + (rMax - rMin) * rng.nextDouble();
        return new FaultSpec(bus.bus(), type, chosen, r);
    }
}
