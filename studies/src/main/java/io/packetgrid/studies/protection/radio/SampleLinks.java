package io.packetgrid.studies.protection.radio;

import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.radio.network.RadioNetwork;
import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import io.packetgrid.radio.reliability.Hop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The radio links of one Monte Carlo sample, shared by every variant: the devices' positions and the
 * sample's seed (hence shadowing and line of sight) are common. Per numbered configuration
 * ({@link LinkConfigs}), device, direction and payload it asks the radio model once for the failure
 * probability of one HARQ round: the loss probability of {@code urllcAnalysis} between the device and a
 * wired endpoint on a network configured with m repetitions and one round.
 */
public final class SampleLinks {
    private final LinkConfigs configs;
    private final List<String> endpoints;
    private final List<RadioConfig.DeviceConfig> devices;
    private final long seed;
    private final RadioNetwork[] networks;
    private final Map<Integer, double[][]> eps = new HashMap<>();   // bytes → [id * devices + d][uplink? 0 : 1]
    private final Map<Long, Boolean> sameAgg = new HashMap<>();

    /**
     * @param endpoints device endpoints (index = device)
     * @param xy        device positions this sample (metres)
     * @param seed      the sample's radio seed
     */
    public SampleLinks(LinkConfigs configs, List<String> endpoints, double[][] xy, long seed) {
        this.configs = configs;
        this.endpoints = List.copyOf(endpoints);
        List<RadioConfig.DeviceConfig> d = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            d.add(new RadioConfig.DeviceConfig(endpoints.get(i), xy[i][0], xy[i][1]));
        }
        this.devices = List.copyOf(d);
        this.seed = seed;
        this.networks = new RadioNetwork[configs.size()];
    }

    public List<String> endpoints() {
        return endpoints;
    }

    private RadioNetwork network(int id) {
        if (networks[id] == null) {
            RadioConfig c = configs.config(id);
            networks[id] = new RadioNetwork(RadioSample.with(c, devices, c.wired(), c.urllc()), new RandomStreams(seed));
        }
        return networks[id];
    }

    /** ε of one round (configuration {@code id}) between device {@code d} and its aggregator. */
    double roundFailure(int id, int d, int bytes, boolean uplink) {
        double[][] table = eps.computeIfAbsent(bytes, b -> {
            double[][] t = new double[configs.size() * endpoints.size()][2];
            for (double[] row : t) {
                Arrays.fill(row, Double.NaN);
            }
            return t;
        });
        double[] cell = table[id * endpoints.size() + d];
        int dir = uplink ? 0 : 1;
        if (Double.isNaN(cell[dir])) {
            RadioNetwork n = network(id);
            String w = configs.config(id).wired().get(0);
            cell[dir] = uplink ? n.urllcAnalysis(endpoints.get(d), w, bytes).lossProbability()
                    : n.urllcAnalysis(w, endpoints.get(d), bytes).lossProbability();
        }
        return cell[dir];
    }

    /**
     * Whether devices {@code a} and {@code b} are served by the same aggregator. The radio model does not
     * expose the serving aggregator; its device-to-device analysis has the core latency (two backhauls) in
     * it or not, which a composition of its own hops without that latency tells apart (the means differ by
     * the core latency). The probe configuration has no fast fading, so the answer costs closed forms.
     */
    boolean sameAggregator(LinkConfigs.VariantRadio v, int a, int b) {
        if (v.multiAggregator() <= 1) {
            return true;
        }
        long key = ((long) v.probeId() << 40) | ((long) a << 20) | b;
        return sameAgg.computeIfAbsent(key, k -> {
            RadioNetwork n = network(v.probeId());
            double ea = roundFailure(v.probeId(), a, 1, true);
            double eb = roundFailure(v.probeId(), b, 1, false);
            double direct = n.urllcAnalysis(endpoints.get(a), endpoints.get(b), 1).meanDelivered();
            double local = DeliveryTimeDistribution.of(List.of(Hop.uniform(n.urllcUplinkTiming(), ea, 0),
                    Hop.uniform(n.urllcDownlinkTiming(), eb, 0)), 0).meanDelivered();
            double core = local + 2.0 * v.backhaulNs();
            return Math.abs(direct - local) <= Math.abs(direct - core);
        });
    }
}
