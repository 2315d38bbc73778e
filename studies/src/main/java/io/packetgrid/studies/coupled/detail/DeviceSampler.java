package io.packetgrid.studies.coupled.detail;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.pem.sim.DeviceAgent;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The per-device table of {@code outputs.detail.devices}: at every written grid step, after the fleet has
 * stepped, each device's power, controlled state (tank temperature in °C for water heaters and heat pumps,
 * state of charge 0–1 for EVs and batteries: the units of the device's comfort band) and control mode
 * (the PEM automaton's, or {@code local}).
 */
public final class DeviceSampler implements Federate {
    public static final List<String> COLUMNS = List.of("time_s", "feeder", "household", "device", "class", "p_kw", "state", "mode");

    private final String name;
    private final String feeder;
    private final DeviceFleetFederate fleet;
    private final long periodNs;
    private final long endNs;
    private final int stride;
    private final GzipTable table;

    /** @param part the feeder's part of the table; {@code first} whether it carries the header */
    public DeviceSampler(String feeder, DeviceFleetFederate fleet, long periodNs, long endNs, int stride, Path part, boolean first) {
        this.name = feeder + "/devices";
        this.feeder = feeder;
        this.fleet = fleet;
        this.periodNs = periodNs;
        this.endNs = endNs;
        this.stride = stride;
        this.table = new GzipTable(part, COLUMNS, first);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.after(fleet.name());
        return 0;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        if (now > endNs) {
            return SimTime.NEVER;
        }
        if ((now / periodNs) % stride == 0) {
            double t = now / 1e9;
            for (DeviceAgent a : fleet.agents()) {
                String ep = a.endpoint() == null ? feeder + "/?/" + a.id() : a.endpoint();
                String[] path = ep.split("/");
                String household = path.length >= 3 ? path[1] : "";
                table.row(t, feeder, household, ep, a.device().deviceClass().name().toLowerCase(Locale.ROOT), a.powerKw(),
                        a.device().state(), a.automaton() == null ? "local" : a.automaton().mode().name().toLowerCase(Locale.ROOT));
            }
        }
        return now + periodNs;
    }

    @Override
    public void finish(long endNs) {
        table.close();
    }
}
