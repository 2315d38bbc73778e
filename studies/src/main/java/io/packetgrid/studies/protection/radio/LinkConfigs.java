package io.packetgrid.studies.protection.radio;

import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.radio.network.RadioNetwork;
import io.packetgrid.radio.network.UrllcConfig;
import io.packetgrid.radio.nr.LinkTiming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The radio configurations a run needs, numbered once before the samples: for each variant, one per
 * number m of combined repetitions (one HARQ round, no background: all that decides one round's error),
 * and one cheap probe (no fast fading) that only serves to find which aggregator serves whom. Variants
 * that differ only in their background load share them, so a sample asks the radio model for each link
 * once, whatever the number of variants.
 */
public final class LinkConfigs {
    private final List<RadioConfig> configs = new ArrayList<>();
    private final Map<RadioConfig, Integer> ids = new HashMap<>();

    /** What one variant uses. */
    public record VariantRadio(RadioConfig base, List<String> wired, LinkTiming uplink, LinkTiming downlink, int repetitions,
                               int rounds, long backhaulNs, int multiAggregator, int[] roundIds, int probeId, double erasure) {
    }

    /** Numbers the configurations of a variant's radio section. */
    public VariantRadio register(RadioConfig base, double erasure) {
        List<String> wired = new ArrayList<>(base.wired());
        if (wired.isEmpty()) {
            wired.add("protection/core");
        }
        RadioConfig b = RadioSample.with(base, List.of(), wired, base.urllc());
        RadioNetwork template = new RadioNetwork(b, new RandomStreams(0));
        int k = b.urllc().repetitions();
        int[] round = new int[k + 1];
        round[0] = -1;
        for (int m = 1; m <= k; m++) {
            round[m] = id(normalised(b, m, true, b.urllc().resourceBlocks()));
        }
        // the probe: no fast fading (a closed-form error), a large allocation: delivered whatever the link
        int probe = id(normalised(b, 1, false, 100));
        return new VariantRadio(b, wired, template.urllcUplinkTiming(), template.urllcDownlinkTiming(), k,
                b.urllc().harqRounds(), b.backhaul().ns(), b.aggregators().size(), round, probe, erasure);
    }

    private int id(RadioConfig c) {
        return ids.computeIfAbsent(c, x -> {
            configs.add(x);
            return configs.size() - 1;
        });
    }

    public int size() {
        return configs.size();
    }

    RadioConfig config(int id) {
        return configs.get(id);
    }

    private static RadioConfig normalised(RadioConfig cfg, int m, boolean fastFading, int rbs) {
        UrllcConfig u = cfg.urllc();
        UrllcConfig one = new UrllcConfig(u.uplink(), u.symbols(), u.occasionEvery(), rbs, m, 1, u.capability(),
                u.gnbProcessingSymbols(), u.srPeriodSymbols(), u.headerBytes(), null, false);
        return new RadioConfig(cfg.carrierGhz(), cfg.numerology(), cfg.propagation(), cfg.bsAboveRooftopM(),
                cfg.deviceHeightM(), cfg.uePowerDbm(), cfg.bsPowerDbm(), cfg.carrierBandwidthMhz(), cfg.ueNoiseFigureDb(),
                cfg.bsNoiseFigureDb(), cfg.shadowing(), fastFading, cfg.logTerm(), cfg.aggregators(), List.of(),
                cfg.deviceArea(), cfg.wired(), cfg.backhaul(), one, cfg.mmtc(), cfg.defaultClass(), null);
    }
}
