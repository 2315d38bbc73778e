package io.packetgrid.studies.cli;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.protection.scenario.ProtectionScenario;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.run.RunContext;
import io.packetgrid.studies.run.ScenarioText;
import io.packetgrid.studies.run.StudyRun;
import io.packetgrid.studies.run.Warnings;
import io.packetgrid.studies.protection.DeadlineExplanation;
import io.packetgrid.studies.protection.ProtectionReport;
import io.packetgrid.studies.protection.ProtectionScenarios;
import io.packetgrid.studies.protection.ProtectionValidator;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code protection validate [SCENARIO.yaml] --out DIR} (CLI.md): per scheme and requirement, the probability
 * of missing the deadline with a confidence interval; latency CCDF and fault-to-isolation plots. Without a
 * scenario it runs the built-in example (docs/protection.md).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validates communication-assisted protection over the radio model against latency requirements.",
                "Schemes: transfer trip, blocking, permissive; requirements: IEC 61850-5 transfer times, 100 ms",
                "trips and islanding, 3GPP URLLC. Monte Carlo over faults, positions and shadowing; writes",
                "summary.json (requirements table), ccdf.csv, isolation.csv, PNG plots and report.html",
                "(docs/protection.md). Without a scenario it runs the built-in example. Prints a verdict line",
                "last; exits 0 when every requirement passes, 3 when any fails."})
public final class ProtectionValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml", description = "Protection scenario (default: the built-in example).")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/<scenario-name>-<timestamp>/).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (overrides the scenario's).")
    Long seed;

    @Option(names = "--samples", paramLabel = "N", description = "Monte Carlo samples per variant (overrides the scenario's).")
    Integer samples;

    @Option(names = "--method", paramLabel = "M", description = "analytic (default: exact conditional probabilities where they exist) or sampled.")
    String method;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (results do not depend on it; default: available cores).")
    Integer threads;

    /** Exit code of a validation in which some requirement fails (CLI.md). */
    public static final int FAILED_REQUIREMENT = 3;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What a validation runs on: the protection system (feeder, devices, radio) and its variants. */
    record Setup(ProtectionSystem sys, List<ProtectionValidator.Variant> variants) {
    }

    /** Builds the system and its variants (what {@code scenario check} of a protection scenario also does). */
    static Setup setup(String text, String source, Path dir, Map<String, Object> overrides) {
        List<ProtectionScenarios.Variant> vs = ProtectionScenarios.variants(text, source, overrides);
        ProtectionSystem sys;
        try {
            sys = ProtectionSystem.build(vs.get(0).scenario(), dir);
        } catch (PacketGridException e) {
            throw e.within(source);
        }
        List<ProtectionValidator.Variant> variants = new ArrayList<>();
        for (ProtectionScenarios.Variant v : vs) {
            try {
                variants.add(ProtectionValidator.Variant.of(v, sys));
            } catch (PacketGridException e) {
                throw e.within(source + ": variant " + v.name());
            }
        }
        return new Setup(sys, variants);
    }

    @Override
    public Integer call() {
        ScenarioText in = ScenarioText.of(scenario, "built-in protection example", ProtectionScenarios::builtIn);
        String source = in.source();
        String text = in.text();
        Path dir = in.dir();
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (seed != null) {
            overrides.put("seed", seed);
        }
        if (samples != null) {
            if (samples < 1) {
                throw new PacketGridException("--samples", "must be ≥ 1, got " + samples);
            }
            overrides.put("samples", samples);
        }
        if (method != null) {
            overrides.put("method", method);
        }
        int k = ScenarioText.threads(threads, "--threads");
        long t0 = System.nanoTime();
        ProtectionScenario base = ProtectionScenarios.base(text, source, overrides);
        Setup setup = setup(text, source, dir, overrides);
        ProtectionSystem sys = setup.sys();
        List<ProtectionValidator.Variant> variants = setup.variants();
        long t1 = System.nanoTime();
        int n = sys.scenario().samples();
        boolean tty = System.console() != null;
        Path outDir = out != null ? out : Path.of("runs", sys.scenario().name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        RunContext ctx = new RunContext(outDir, dir, k, label -> io.packetgrid.cosim.kernel.ProgressListener.NONE, System.out,
                new Warnings(System.err));
        ProtectionValidator.Result[] result = new ProtectionValidator.Result[1];
        long[] runNs = new long[1];
        StudyRun.Outcome done = StudyRun.execute("protection", base,
                yaml -> ProtectionScenarios.base(yaml, StudyRun.RESOLVED, Map.of()), ctx, RunCommand.commandLine(spec), folder -> {
                    long r0 = System.nanoTime();
                    ProtectionValidator.Result r;
                    try {
                        r = ProtectionValidator.run(sys, variants, k, d -> {
                            if (tty) {
                                synchronized (System.err) {
                                    System.err.printf(Locale.ROOT, "\rprotection validate: %d / %d samples", d, n);
                                    System.err.flush();
                                }
                            }
                        });
                    } catch (PacketGridException e) {
                        throw e.within(source);
                    }
                    if (tty) {
                        System.err.println();
                    }
                    runNs[0] = System.nanoTime() - r0;
                    result[0] = r;
                    for (ProtectionValidator.RowResult x : r.table()) {
                        String why = DeadlineExplanation.of(r, x);
                        if (why != null) {
                            ctx.warn(ProtectionReport.label(r, x) + " / " + x.row().requirementName() + ": " + why);
                        }
                    }
                    ProtectionReport.write(folder, r, sys);
                    return Summary.read(folder);
                });
        ProtectionValidator.Result r = result[0];
        print(r);
        System.out.printf(Locale.ROOT, "setup %.1f s, %d samples x %d variants in %.1f s on %d threads%n", (t1 - t0) / 1e9, n,
                variants.size(), runNs[0] / 1e9, k);
        System.out.println("results: " + done.dir());
        long failed = r.table().stream().filter(x -> !x.pass()).count();
        // the verdict, last: what a script or a person looks for first
        if (failed == 0) {
            System.out.printf(Locale.ROOT, "verdict: PASS (all %d requirements met)%n", r.table().size());
            return 0;
        }
        System.out.printf(Locale.ROOT, "verdict: FAIL (%d of %d requirements missed)%n", failed, r.table().size());
        return FAILED_REQUIREMENT;
    }

    private static void print(ProtectionValidator.Result r) {
        System.out.printf(Locale.ROOT, "%-42s %-28s %9s %11s %23s %5s %s%n", "scheme", "requirement", "deadline", "miss", "interval",
                "pass", "method");
        for (ProtectionValidator.RowResult x : r.table()) {
            String label = r.variants().size() > 1 || !x.variant().name().equals("base")
                    ? x.variant().name() + "/" + x.row().schemeName() : x.row().schemeName();
            System.out.printf(Locale.ROOT, "%-42s %-28s %7.1fms %11.3g [%9.3g, %9.3g] %5s %s%n", label, x.row().requirementName(),
                    x.row().deadlineNs() / 1e6, x.missProbability(), x.ciLow(), x.ciHigh(), x.pass() ? "yes" : "NO", x.method());
        }
    }
}
