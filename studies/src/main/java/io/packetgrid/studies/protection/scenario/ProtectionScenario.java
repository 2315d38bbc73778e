package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.radio.network.RadioConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenario of {@code protection validate} (annotated example and field reference in
 * docs/protection.md; the built-in example is {@code studies/scenarios/protection-example.yaml}).
 *
 * @param samples    Monte Carlo samples per variant (fault, positions, shadowing)
 * @param confidence two-sided confidence level of the reported intervals (default 0.95)
 * @param method     {@code analytic}: exact conditional miss probabilities averaged over the samples where
 *                   a requirement involves one radio message, sampling otherwise; {@code sampled}:
 *                   sample every radio outcome
 */
public record ProtectionScenario(@JsonProperty("kind") String kind,
                                 @JsonProperty("name") String name,
                                 @JsonProperty("seed") Long seed,
                                 @JsonProperty("samples") Integer samples,
                                 @JsonProperty("confidence") Double confidence,
                                 @JsonProperty("method") String method,
                                 @JsonProperty(value = "feeder", required = true) FeederSection feeder,
                                 @JsonProperty("faults") FaultSection faults,
                                 @JsonProperty(value = "relays", required = true) List<RelaySpec> relays,
                                 @JsonProperty(value = "breakers", required = true) List<BreakerSpec> breakers,
                                 @JsonProperty("dg") List<DgSpec> dg,
                                 @JsonProperty("schemes") List<SchemeSpec> schemes,
                                 @JsonProperty("messages") MessageSpec messages,
                                 @JsonProperty("requirements") List<RequirementSpec> requirements,
                                 @JsonProperty("placement") PlacementSpec placement,
                                 @JsonProperty("radio") RadioConfig radio,
                                 @JsonProperty("coexistence") CoexistenceSpec coexistence,
                                 @JsonProperty("variants") List<VariantSpec> variants) {

    public ProtectionScenario {
        if (kind != null && !kind.equals("protection")) {
            throw new IllegalArgumentException("kind must be protection (or absent), got '" + kind + "'");
        }
        name = name == null ? "protection" : name;
        Names.check(name, "name");
        seed = seed == null ? 1L : seed;
        samples = samples == null ? 1000 : samples;
        if (samples < 1 || samples > 100_000_000) {
            throw new IllegalArgumentException("samples must be in [1, 100000000], got " + samples);
        }
        confidence = confidence == null ? 0.95 : confidence;
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        method = method == null ? "analytic" : method;
        if (!method.equals("analytic") && !method.equals("sampled")) {
            throw new IllegalArgumentException("method must be analytic or sampled, got '" + method + "'");
        }
        faults = faults == null ? FaultSection.defaults() : faults;
        ProtectionSection section = new ProtectionSection(relays, breakers, dg, schemes, messages);
        relays = section.relays();
        breakers = section.breakers();
        dg = section.dg();
        schemes = section.schemes();
        messages = section.messages();
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        placement = placement == null ? PlacementSpec.defaults() : placement;
        radio = radio == null ? RadioConfig.defaults() : radio;
        coexistence = coexistence == null ? CoexistenceSpec.defaults() : coexistence;
        variants = variants == null ? List.of() : List.copyOf(variants);
        Set<String> vs = new HashSet<>();
        for (VariantSpec v : variants) {
            if (!vs.add(v.name())) {
                throw new IllegalArgumentException("two variants are named '" + v.name() + "'");
            }
        }
    }

    /** The protection itself (relays, breakers, DG units, schemes, messages), as a coupled study also reads it. */
    public ProtectionSection protection() {
        return new ProtectionSection(relays, breakers, dg, schemes, messages);
    }
}
