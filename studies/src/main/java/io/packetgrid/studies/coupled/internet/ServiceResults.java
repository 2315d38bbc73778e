package io.packetgrid.studies.coupled.internet;

import io.packetgrid.pem.service.ServiceRequest;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.ServiceAgent;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a feeder's deadline devices did in one variant (and, under the Energy-Internet server, its forecasts
 * and emergency mode), read from the fleet's {@link ServiceAgent}s after the run.
 *
 * @param services       each deadline device, fleet order
 * @param internet       whether the Energy-Internet server served them (else their owners ran them)
 * @param forecastRmseKw RMSE of the server's day-ahead forecasts of the net local supply, kW (NaN without server)
 * @param forecastSlots  slots behind it
 * @param emergencyNs    time the server spent in emergency mode, ns
 * @param plans          plans the server made (admissions and re-plans)
 * @param planNanos      their wall time, ns
 */
public record ServiceResults(List<Service> services, boolean internet, double forecastRmseKw, int forecastSlots, long emergencyNs,
                             long plans, long planNanos) {

    /** No deadline devices. */
    public static final ServiceResults NONE = new ServiceResults(List.of(), false, Double.NaN, 0, 0, 0, 0);

    /**
     * One deadline device.
     *
     * @param household   its household's index in the feeder
     * @param needNs      when its owner's need arose (its first request)
     * @param deadlineNs  its deadline (NaN-like −1 if it never asked)
     * @param requestKwh  the energy its first request asked for
     * @param accepted    whether the server accepted it (always, run alone)
     * @param met         whether it was done by its deadline
     * @param doneNs      when it was done, or −1
     * @param forcedNs    when it went to forced use, or −1
     * @param energyKwh   what it drew over the observation window
     * @param forcedKwh   what it drew in forced use
     */
    public record Service(DeviceType type, int household, String endpoint, long needNs, long deadlineNs, double requestKwh,
                          boolean accepted, int rejections, boolean met, long doneNs, long forcedNs, double energyKwh,
                          double forcedKwh) {
    }

    /**
     * @param types the type of each of the fleet's deadline devices (fleet order)
     * @param eis   the feeder's Energy-Internet server, or null
     */
    public static ServiceResults of(DeviceFleetFederate fleet, List<DeviceType> types, InternetServer eis, long endNs) {
        List<ServiceAgent> agents = fleet.serviceAgents();
        if (agents.isEmpty()) {
            return NONE;
        }
        List<Service> out = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            ServiceAgent a = agents.get(i);
            ServiceRequest r = a.request();
            out.add(new Service(types.get(i), a.at().bus() - 1, a.endpoint(), a.device().needNs(), r == null ? -1 : r.deadlineNs(),
                    r == null ? 0 : r.energyKwh(), a.isLocal() ? r != null : a.accepted(), a.rejections(), a.met(), a.doneAtNs(),
                    a.isLocal() ? -1 : a.forcedSinceNs(), a.energyKwh(), a.isLocal() ? 0 : a.forcedKwh()));
        }
        if (eis == null) {
            return new ServiceResults(List.copyOf(out), false, Double.NaN, 0, 0, 0, 0);
        }
        return new ServiceResults(List.copyOf(out), true, eis.forecast().dayAheadRmseKw(), eis.forecast().dayAheadSlots(),
                eis.server().emergencyNs(endNs), eis.server().plans(), eis.server().planNanos());
    }
}
