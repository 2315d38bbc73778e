package io.packetgrid.studies.internet;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.pem.service.EvService;
import io.packetgrid.pem.service.ProgrammeService;
import io.packetgrid.pem.service.SaunaService;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.ServiceAgent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fleet after it at every device step (each device's power, the EVs' state of charge, the
 * saunas' temperature) and at each device's deadline whether its service is done: the study's record
 * of what the devices did, not what the server believes.
 */
final class Observer implements Federate {
    private final DeviceFleetFederate fleet;
    private final long stepNs;
    private final long[] deadlineNs;
    final List<double[]> rows = new ArrayList<>();
    final boolean[] met;
    final boolean[] checked;
    private long next;

    Observer(DeviceFleetFederate fleet, long stepNs, long[] deadlineNs) {
        this.fleet = fleet;
        this.stepNs = stepNs;
        this.deadlineNs = deadlineNs.clone();
        this.met = new boolean[deadlineNs.length];
        this.checked = new boolean[deadlineNs.length];
    }

    @Override
    public String name() {
        return "observer";
    }

    @Override
    public long initialize(Setup setup) {
        setup.after(fleet.name());
        return 0;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        List<ServiceAgent> agents = fleet.serviceAgents();
        if (now >= next) {
            double[] row = new double[1 + 3 * agents.size()];
            row[0] = now / 1e9;
            for (int i = 0; i < agents.size(); i++) {
                ServiceAgent a = agents.get(i);
                row[1 + i] = a.powerKw();
                row[1 + agents.size() + i] = a.device() instanceof EvService ev ? 100 * ev.ev().soc() : Double.NaN;
                row[1 + 2 * agents.size() + i] = a.device() instanceof SaunaService s ? s.sauna().tempC() : Double.NaN;
            }
            rows.add(row);
            next = now + stepNs;
        }
        long following = next;
        for (int i = 0; i < deadlineNs.length; i++) {
            if (!checked[i] && now >= deadlineNs[i]) {
                checked[i] = true;
                met[i] = done(agents.get(i), now);
            }
            if (!checked[i]) {
                following = Math.min(following, deadlineNs[i]);
            }
        }
        return following == Long.MAX_VALUE ? SimTime.NEVER : following;
    }

    private static boolean done(ServiceAgent a, long now) {
        if (a.device() instanceof ProgrammeService p) {
            return p.appliance().done(now);
        }
        return a.device().remainingKwh(now) <= 1e-6;
    }
}
