package io.packetgrid.studies.coupled.sim;

import io.packetgrid.cosim.stats.ValueCounts;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.sim.DeviceAgent;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.FleetStats;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a feeder's fleet did, read from packet-server's {@link DeviceFleetFederate} after the run for
 * the study's metrics and files.
 *
 * @param flexKw             the fleet's power over each device interval [k·Δt, (k+1)·Δt), after every
 *                           decision at its start, kW (NaN where the run did not reach)
 * @param pvKw               the households' PV output at each device step, kW
 * @param householdEnergyKwh each household's device energy over the observation window, kWh
 * @param requests           requests sent
 * @param events             device events sent
 * @param replies            replies received
 * @param acceptsIgnored     acceptances that reached their device and started no packet
 * @param timeouts           replies that did not come within the timeout
 * @param lateStarts         packets started by a late acceptance
 * @param executed           packets the devices ran
 * @param optOuts            opt-outs
 * @param evUnmetKwh         what EVs leaving short of their target lacked, kWh
 * @param evDeparturesShort  EVs that left short of their target (beyond the band's tolerance)
 * @param latencies          request → reply round trips of requests sent in the window, ns (counts per value)
 * @param devices            each device's type, household and comfort counters, agent order
 */
public record FleetResults(double[] flexKw, double[] pvKw, double[] householdEnergyKwh, long requests, long events, long replies,
                           long acceptsIgnored, long timeouts, long lateStarts, long executed, long optOuts, double evUnmetKwh,
                           long evDeparturesShort, ValueCounts latencies, List<DeviceResult> devices) {

    /**
     * One device over the observation window.
     *
     * @param onTransitions off → on switchings
     * @param meanDeviation mean |x − set| of its state (°C for tanks)
     * @param observedS     the window's length as the device saw it, s
     */
    public record DeviceResult(DeviceType type, int household, long onTransitions, double meanDeviation, double observedS) {
    }

    /**
     * @param types the device type of each agent (agent order)
     * @param steps device steps of the run
     */
    public static FleetResults of(DeviceFleetFederate fleet, List<DeviceType> types, int steps) {
        double[] flex = new double[steps];
        double[] pv = new double[steps];
        Arrays.fill(flex, Double.NaN);
        List<double[]> intervals = fleet.intervalTrace();
        for (int k = 0; k < Math.min(steps, intervals.size()); k++) {
            flex[k] = intervals.get(k)[1];
        }
        List<double[]> meter = fleet.trace();
        for (int k = 0; k < Math.min(steps, meter.size()); k++) {
            pv[k] = meter.get(k)[2];
        }
        long timeouts = 0;
        long late = 0;
        long executed = 0;
        long optOuts = 0;
        List<DeviceResult> devices = new ArrayList<>();
        List<DeviceAgent> agents = fleet.agents();
        for (int i = 0; i < agents.size(); i++) {
            DeviceAgent a = agents.get(i);
            PemAutomaton m = a.automaton();
            if (m != null) {
                timeouts += m.timeouts();
                late += m.lateStarts();
                executed += m.acceptedCount();
                optOuts += m.optOuts();
            }
            devices.add(new DeviceResult(types.get(i), a.at().bus() - 1, a.onTransitions(), a.meanDeviation(), a.observedS()));
        }
        FleetStats s = fleet.stats();
        ValueCounts latencies = new ValueCounts();
        latencies.addAll(s.latencies());
        return new FleetResults(flex, pv, fleet.pointEnergyKwh(), s.requests(), s.events(), s.replies(), s.acceptsIgnored(), timeouts,
                late, executed, optOuts, s.shortfallKwh(), s.departuresShort(), latencies, List.copyOf(devices));
    }
}
