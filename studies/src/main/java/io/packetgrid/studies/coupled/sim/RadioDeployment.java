package io.packetgrid.studies.coupled.sim;

import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario's radio section completed by the study: every PEM device is a radio endpoint at its
 * household's map position (metres, the frame of the scenario's aggregator positions), and the
 * feeders' servers are behind the backhaul ({@code wired}).
 */
public final class RadioDeployment {
    private RadioDeployment() {
    }

    /**
     * @param endpoints per feeder, each device endpoint with its household index ({@code "<endpoint>"}
     *                  in fleet order, households looked up by the endpoint's middle part)
     */
    public static RadioConfig complete(RadioConfig r, List<FeederPlan> feeders, List<List<String>> endpoints) {
        return complete(r, feeders, endpoints, List.of());
    }

    /** @param servers more servers behind the backhaul (a feeder's Energy-Internet server), after the PEM servers */
    public static RadioConfig complete(RadioConfig r, List<FeederPlan> feeders, List<List<String>> endpoints, List<String> servers) {
        List<RadioConfig.DeviceConfig> devices = new ArrayList<>();
        List<String> wired = new ArrayList<>();
        for (int f = 0; f < feeders.size(); f++) {
            FeederPlan plan = feeders.get(f);
            wired.add(plan.name() + "/server");
            java.util.Map<String, Household> byId = new java.util.HashMap<>();
            for (Household h : plan.households()) {
                byId.put(h.id(), h);
            }
            for (String ep : endpoints.get(f)) {
                String id = ep.substring(ep.indexOf('/') + 1, ep.lastIndexOf('/'));
                Household h = byId.get(id);
                if (h != null && Double.isFinite(h.xM()) && Double.isFinite(h.yM())) {
                    devices.add(new RadioConfig.DeviceConfig(ep, h.xM(), h.yM()));
                }
            }
        }
        wired.addAll(servers);
        return new RadioConfig(r.carrierGhz(), r.numerology(), r.propagation(), r.bsAboveRooftopM(), r.deviceHeightM(),
                r.uePowerDbm(), r.bsPowerDbm(), r.carrierBandwidthMhz(), r.ueNoiseFigureDb(), r.bsNoiseFigureDb(),
                r.shadowing(), r.fastFading(), r.logTerm(), r.aggregators(), devices, r.deviceArea(), wired, r.backhaul(),
                r.urllc(), r.mmtc(), r.defaultClass(), r.background());
    }
}
