package io.packetgrid.studies.coupled;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.run.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scenario texts and runners shared by the coupled-study tests. */
final class Scenarios {
    private Scenarios() {
    }

    /** The evening of the default study (17:00–20:00, the EV peak), on the bundled feeder; {@code %s} = network, variants. */
    static final String EVENING = """
            kind: coupled
            name: evening
            seed: 6
            start: 17h
            duration: 3h
            grid_step: 1m
            device_step: 10s
            observe_from: 10m
            feeder:
              script: builtin:european-lv
              commands:
                - BatchEdit Load..* vminpu=0.5 vmaxpu=1.5
                - Edit Transformer.TR1 Taps=[1.05 1.0]
            households:
              mix: {water_heater: 1.0, heat_pump: 0.3, ev_charger: 0.5, pv: 0.3}
            devices:
              heat_pump: {rated_kw: 3.0}
              ev_charger: {charger_kw: 7.0, arrival_h: [17, 19.5]}
            network: %s
            radio:
              aggregators: [{name: gnb1, x_m: 250, y_m: -300}]
            pem: {packet: 5m, ev_packet: 15m, mttr: 5m, ev_mttr: 1m}
            target: {kind: baseline, baseline_variant: uncontrolled, window: 30m, offset_pct: -5, amplitude_pct: 10}
            grid_limits: {gate_margin_pu: 0.02}
            variants:
            %s
            outputs: {plots: false}
            """;

    static String evening(String network, String... variants) {
        StringBuilder v = new StringBuilder();
        for (String s : variants) {
            v.append("  - ").append(s).append('\n');
        }
        return String.format(EVENING, network, v.toString().stripTrailing());
    }

    static Summary run(String yaml, Path out, int threads) {
        JsonNode tree = YamlFiles.read(yaml, "test.yaml", JsonNode.class);
        return new CoupledStudy().run(tree, "test.yaml", RunContext.quiet(out, null, threads));
    }

    static double metric(Summary s, String variant, String name) {
        JsonNode v = s.variants().get(variant).get(name);
        if (v == null || v.isNull()) {
            throw new AssertionError(variant + "." + name + " is missing from summary.json");
        }
        return v.asDouble();
    }

    /** ../shared beside the repository, or null. */
    static Path shared() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isExecutable(p.resolve("packetgrid"))) {
            p = p.getParent();
        }
        if (p == null) {
            return null;
        }
        Path s = p.resolveSibling("shared");
        return Files.isDirectory(s) ? s : null;
    }
}
