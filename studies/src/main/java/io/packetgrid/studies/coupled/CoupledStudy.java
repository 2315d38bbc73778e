package io.packetgrid.studies.coupled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.studies.coupled.events.Timeline;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.HouseholdPlanner;
import io.packetgrid.studies.coupled.inputs.StudyInputs;
import io.packetgrid.studies.coupled.internet.InternetReport;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.FeederSpec;
import io.packetgrid.studies.coupled.scenario.TargetSpec;
import io.packetgrid.studies.coupled.scenario.VariantSpec;
import io.packetgrid.studies.coupled.target.BaselineSeries;
import io.packetgrid.studies.report.CombinedProgress;
import io.packetgrid.studies.coupled.report.CoupledCsv;
import io.packetgrid.studies.coupled.report.CoupledPlots;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.report.SummaryTable;
import io.packetgrid.studies.run.RunContext;
import io.packetgrid.studies.run.Study;
import io.packetgrid.studies.run.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code kind: coupled} — the product's main study (ARCHITECTURE.md, "A study's data flow"): LV
 * feeders whose households' flexible loads are managed as energy packets by a server per feeder, with
 * every request and reply carried by the radio model and the power flow solved every grid step; the
 * same households under several variants (by default {@code uncontrolled}, {@code pem},
 * {@code pem_grid_aware}).
 *
 * <p>On one feeder or an MV network the variants run side by side from the start (up to one more than
 * the threads; {@link #concurrentRuns}), the baseline variant of a baseline target among them: its power
 * is handed to the tracking variants as it is produced ({@link BaselineSeries}), and a tracking variant
 * waits only where its target needs a block the baseline has not finished. With one thread, or several
 * feeder copies (stepped in parallel by the kernel), they run one after another, the baseline first.
 * Results never depend on the number of threads.
 */
public final class CoupledStudy implements Study {
    /** Metrics shown in the printed table, in order. */
    static final List<String> TABLE = List.of("tracking_mae_pct", "tracking_rms_kw", "flexible_mean_kw", "target_mean_kw",
            "cycles_per_hour", "voltage_violation_node_minutes", "customer_violation_minutes", "households_with_violations",
            "v_min_pu", "v_max_pu", "transformer_peak_loading_pct", "radio_loss_pct", "latency_p50_ms", "latency_p99_ms",
            "messages_per_device", "packets_granted", "packets_executed", "denied_voltage", "reply_timeouts", "late_starts",
            "opt_outs", "ev_unmet_kwh", "energy_balance_error_pct", "grid_steps_held");
    /** Rows an MV network adds to the table. */
    static final List<String> MV_TABLE = List.of("mv_v_min_pu", "mv_v_max_pu", "substation_peak_loading_pct", "tap_changes");

    @Override
    public String kind() {
        return "coupled";
    }

    @Override
    public CoupledScenario scenario(JsonNode tree, String source, Path scenarioDir) {
        return YamlFiles.convert(tree, source, CoupledScenario.class);
    }

    /**
     * Every check {@link #run} makes before it simulates, without simulating: the scenario's fields, the feeder (with the
     * protection's DG units), the households' loads, the variants' references and the time line (events against the
     * feeder, the radio and the study's span; the protection bound to a copy of the feeder).
     */
    @Override
    public void check(JsonNode tree, String source, Path scenarioDir) {
        prepare(tree, source, scenarioDir, new Warnings(System.err));
    }

    /** What {@link #run} and {@link #check} share: the scenario read and checked, ready to simulate. */
    private record Prepared(CoupledScenario s, VariantSpec baseline, FeederTemplate template, List<FeederPlan> plans,
                            VariantRunner runner, StudyInputs inputs) {
    }

    private Prepared prepare(JsonNode tree, String source, Path scenarioDir, Warnings warnings) {
        CoupledScenario s = scenario(tree, source, scenarioDir);
        VariantSpec baseline = baselineVariant(s, source);
        int gridSteps = (int) (s.duration().ns() / s.gridStep().ns()) + 1;
        FeederTemplate template = FeederTemplate.load(s.feeder(), scenarioDir, source + ": feeder", s.start().seconds() / 3600,
                s.gridStep().ns(), gridSteps);
        template = Timeline.withProtectionDg(s, template, scenarioDir, source, gridSteps);
        StudyInputs inputs = StudyInputs.load(s, scenarioDir, source, template, s.gridStep().seconds());
        List<FeederPlan> plans = new HouseholdPlanner(s, template, source, inputs.weather()).plan();
        warnings(s, template, plans, warnings);
        VariantRunner runner = new VariantRunner(s, template, plans).inputs(inputs);
        Timeline.check(s, template, plans, runner, source);
        io.packetgrid.studies.coupled.der.FeederDer.check(s, template, plans, source);
        return new Prepared(s, baseline, template, plans, runner, inputs);
    }

    @Override
    public Summary run(JsonNode tree, String source, RunContext ctx) {
        long wall0 = System.nanoTime();
        Prepared p = prepare(tree, source, ctx.scenarioDir(), ctx.warnings());
        CoupledScenario s = p.s();
        VariantSpec baseline = p.baseline();
        FeederTemplate template = p.template();
        List<FeederPlan> plans = p.plans();
        VariantRunner runner = p.runner();
        StudyInputs inputs = p.inputs();

        // the baseline variant first: it is started first and never waits; a tracking variant waits (blocked) for the
        // baseline's power only as far as its target needs it (a streamed baseline)
        List<VariantSpec> order = new ArrayList<>(s.variants());
        List<BaselineSeries> streamed = null;
        if (baseline != null) {
            order.remove(baseline);
            order.add(0, baseline);
            streamed = new ArrayList<>();
            for (int f = 0; f < plans.size(); f++) {
                streamed.add(BaselineSeries.streamed(baseline.name(), runner.deviceSteps()));
            }
        }
        int threads = Math.max(1, ctx.threads());
        int copies = s.feeder().copies();
        boolean mvNetwork = template.mv() != null;
        int concurrent = copies == 1 ? concurrentRuns(threads, order.size()) : 1;
        int kernelThreads = kernelThreads(copies, mvNetwork, threads, concurrent);
        CombinedProgress progress = new CombinedProgress(ctx.progress(s.name()), s.variants().size());
        Map<String, VariantResult> results = new LinkedHashMap<>();
        // per variant: when its run ended and the CPU of its own thread (profile.txt; not a result)
        Map<String, String> timing = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(threads, concurrent), r -> {
            Thread t = new Thread(r, "coupled-variant");
            t.setDaemon(true);
            return t;
        });
        FeederPool feeders = new FeederPool(template, copies, pool);
        try {
            BlockingQueue<List<Feeder>> sets = new ArrayBlockingQueue<>(concurrent);
            java.util.concurrent.atomic.AtomicInteger freshNeeded = new java.util.concurrent.atomic.AtomicInteger(
                    order.size() - concurrent);
            // every run that starts at once gets its own set now (parsed side by side); the first of them is the baseline's,
            // so the baseline never waits for a set behind a run that waits for the baseline
            List<List<Feeder>> first = feeders.acquire(concurrent);
            if (mvNetwork && freshNeeded.get() > 0) {
                // a used MV set is never handed on: the later runs' sets are parsed meanwhile, one ahead
                feeders.parseAhead(freshNeeded.get());
            }
            List<Future<VariantResult>> futures = new ArrayList<>();
            long runs0 = System.nanoTime();
            for (int i = 0; i < order.size(); i++) {
                VariantSpec v = order.get(i);
                int runIndex = i;
                boolean given = i < first.size();
                List<BaselineSeries> in = v == baseline ? null : streamed;
                List<BaselineSeries> out = v == baseline ? streamed : null;
                Path events = ctx.outDir().resolve(v.name());
                futures.add(pool.submit(() -> {
                    // taken out of the list: a finished run's network is garbage, not held until every run has ended
                    List<Feeder> set = given ? take(first, runIndex) : sets.take();
                    Thread.currentThread().setName("variant " + v.name());
                    long wall0Run = System.nanoTime();
                    long cpu0 = THREAD_CPU.getCurrentThreadCpuTime();
                    try {
                        VariantResult r = runner.run(v, set, in, out, events, kernelThreads, progress.run(runIndex));
                        timing.put(v.name(), String.format(Locale.ROOT, "run: from %.1f to %.1f s after the runs started, "
                                        + "%.1f s CPU on its own thread (with %d kernel thread%s)%n", (wall0Run - runs0) / 1e9,
                                (System.nanoTime() - runs0) / 1e9, (THREAD_CPU.getCurrentThreadCpuTime() - cpu0) / 1e9,
                                kernelThreads, kernelThreads == 1 ? "" : "s"));
                        return r;
                    } catch (RuntimeException | Error e) {
                        if (out != null) {
                            // the tracking variants waiting for this baseline fail with its error instead of waiting for ever
                            out.forEach(b -> b.fail(e));
                        }
                        throw e;
                    } finally {
                        // an MV network's tap changer moves taps, which a rebuild keeps: a run still to start gets a
                        // fresh parse (started in the background, not on the pool, whose threads may all be waiting
                        // for a set); a used set is never handed on
                        if (!mvNetwork) {
                            sets.put(set);
                        } else if (freshNeeded.getAndDecrement() > 0) {
                            sets.put(feeders.nextAhead());
                        }
                    }
                }));
            }
            // the baseline's own failure first: a tracking variant's is then only its consequence
            for (int i = 0; i < order.size(); i++) {
                results.put(order.get(i).name(), futures.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacketGridException(source, "interrupted");
        } catch (ExecutionException e) {
            throw PacketGridException.ofTask(source, "a variant", e);
        } finally {
            pool.shutdownNow();
            feeders.close();
        }
        if (baseline != null) {
            long waits = 0;
            long waitedNs = 0;
            for (BaselineSeries b : streamed) {
                waits += b.waited()[0];
                waitedNs += b.waited()[1];
            }
            timing.merge(baseline.name(), String.format(Locale.ROOT, "the tracking variants waited for this baseline %d time%s, "
                    + "%.1f s in all%n", waits, waits == 1 ? "" : "s", waitedNs / 1e9), String::concat);
            List<BaselineSeries> finished = new ArrayList<>();
            for (FeederRun f : results.get(baseline.name()).feeders()) {
                finished.add(BaselineSeries.of(f.fleet().flexKw()));
            }
            results.put(baseline.name(), runner.withTargets(results.get(baseline.name()), finished));
        }
        double wallS = (System.nanoTime() - wall0) / 1e9;
        return report(s, source, template, plans, results, ctx, wallS, inputs, timing);
    }

    /**
     * How many variants run at once on one feeder or one MV network: all of them, up to one more than the threads (the
     * variants are CPU-bound and unequal: with a run more than the cores, the cores stay busy when the shortest run ends,
     * as the operating system shares them; each run at once holds its own network copy); with one thread one after
     * another, the baseline first.
     */
    static int concurrentRuns(int threads, int variants) {
        return threads <= 1 ? 1 : Math.max(1, Math.min(variants, threads + 1));
    }

    private static List<Feeder> take(List<List<Feeder>> sets, int i) {
        synchronized (sets) {
            return sets.set(i, null);
        }
    }

    /**
     * The kernel's threads for each of {@code running} variants run side by side: several feeders (copies, or an MV
     * network's LV feeders, each with its fleet and server) are stepped in parallel by the kernel with the threads the
     * variants running together leave (rounded up); one LV feeder has nothing to spread. The results are the same
     * whatever the number (the kernel commits in registration order).
     */
    static int kernelThreads(int copies, boolean mvNetwork, int threads, int running) {
        if (copies > 1) {
            return threads;
        }
        int r = Math.max(1, running);
        return mvNetwork ? Math.max(1, (threads + r - 1) / r) : 1;
    }

    /** What the user should know about this study although it runs (stderr, run.json, report.html). */
    static void warnings(CoupledScenario s, FeederTemplate template, List<FeederPlan> plans, Warnings ctx) {
        int devices = 0;
        int households = 0;
        int placed = 0;
        int mv = 0;
        double mvNominal = 0;
        for (FeederPlan p : plans) {
            devices += p.deviceCount();
            for (var h : p.households()) {
                households++;
                if (Double.isFinite(h.xM()) && Double.isFinite(h.yM())) {
                    placed++;
                }
                double vn = template.loadNominalV(h.load());
                if (vn > LV_MAX_PHASE_V) {
                    mv++;
                    mvNominal = vn;
                }
            }
        }
        if (devices == 0) {
            ctx.add("the households have no devices (households.mix and households.overrides give none): every variant runs "
                    + "the base load alone, with no flexible load and no messages");
        }
        if (placed < households) {
            String radio = "households without a position get their radio devices placed uniformly at random in "
                    + "radio.device_area (an annulus around its centre, " + s.radio().deviceArea().minRadiusM() + "–"
                    + s.radio().deviceArea().radiusM() + " m), from each device's own seeded stream";
            ctx.add(placed == 0
                    ? "feeder " + template.label() + " has no bus coordinates: the households' x_m, y_m are empty (NaN), no feeder "
                    + "map is drawn, and " + radio + " (give feeder.bus_coords or a BusCoords command for real positions)"
                    : (households - placed) + " of " + households + " households' buses have no coordinates: " + radio);
        }
        if (mv > 0) {
            ctx.add(String.format(Locale.ROOT, "%d of %d households are loads above LV (%.0f V nominal phase voltage): their "
                    + "voltages are in pu of their own nominal and scored against grid_limits' MV band (mv_v_min_pu, mv_v_max_pu), "
                    + "not EN 50160's LV limits; "
                    + "choose LV customer loads in households.loads for an LV study", mv, households, mvNominal));
        }
    }

    private static final java.lang.management.ThreadMXBean THREAD_CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** EN 50160 applies to LV supply up to 1 kV between phases, about 577 V phase to neutral. */
    static final double LV_MAX_PHASE_V = 1000.0 / Math.sqrt(3);

    /** The variant whose power is the baseline of the target, if a tracking variant needs one. */
    static VariantSpec baselineVariant(CoupledScenario s, String source) {
        if (s.target().kind() != TargetSpec.Kind.BASELINE) {
            return null;
        }
        boolean needed = s.variants().stream().anyMatch(v -> v.control() == VariantSpec.Control.PEM && v.mode() == VariantSpec.Mode.TRACK);
        VariantSpec b = s.variants().stream().filter(v -> v.name().equals(s.target().baselineVariant())).findFirst().orElse(null);
        if (b == null) {
            if (!needed) {
                return null;
            }
            throw new PacketGridException(source + ": target.baseline_variant", "no variant named '" + s.target().baselineVariant()
                    + "' (variants: " + String.join(", ", s.variants().stream().map(VariantSpec::name).toList()) + ")");
        }
        if (b.control() == VariantSpec.Control.PEM && b.mode() == VariantSpec.Mode.TRACK) {
            throw new PacketGridException(source + ": target.baseline_variant", "variant '" + b.name()
                    + "' tracks the target itself; name a local or accept_all variant");
        }
        return b;
    }

    private Summary report(CoupledScenario s, String source, FeederTemplate template, List<FeederPlan> plans,
                           Map<String, VariantResult> results, RunContext ctx, double wallS, StudyInputs inputs,
                           Map<String, String> timing) {
        Path dir = ctx.outDir();
        Summary summary = new Summary(kind(), s.name(), s.seed());
        ObjectNode root = summary.root();
        int households = 0;
        int devices = 0;
        for (FeederPlan p : plans) {
            households += p.households().size();
            devices += p.deviceCount();
        }
        root.put("feeder", template.label());
        root.put("feeders", plans.size());
        root.put("households", households);
        root.put("devices", devices);
        root.put("start", s.start().toString());
        root.put("duration_s", s.duration().seconds());
        root.put("grid_step_s", s.gridStep().seconds());
        root.put("device_step_s", s.deviceStep().seconds());
        root.put("observe_from_s", s.observeFrom().seconds());
        root.put("network", s.network().model().name().toLowerCase(Locale.ROOT));
        Map<String, Map<String, Object>> table = new LinkedHashMap<>();
        for (VariantSpec v : s.variants()) {
            VariantResult r = results.get(v.name());
            Map<String, Object> m = CoupledMetrics.of(s, r);
            if (s.feeder().onNonconvergence() == FeederSpec.NonConvergence.HOLD_LAST && r.feeders().get(0).grid() != null) {
                // only under hold_last (a failing step fails the run otherwise): the steps held, reported
                int held = 0;
                for (FeederRun f : r.feeders()) {
                    held += f.grid().heldSteps;
                }
                m = new LinkedHashMap<>(m);
                m.put("grid_steps_held", held);
                if (held > 0) {
                    ctx.warn(String.format(Locale.ROOT, "variant %s: %d grid step%s held (the power flow did not converge; "
                            + "feeder.on_nonconvergence: hold_last kept the last solution): its results at those steps are the "
                            + "previous step's", v.name(), held, held == 1 ? "" : "s"));
                }
            }
            if (r.events() != null) {
                m.putAll(Timeline.metrics(r.events()));
            }
            if (InternetReport.applies(s)) {
                m = new LinkedHashMap<>(m);
                m.putAll(InternetReport.metrics(s, r, inputs));
            }
            if (r.der() != null) {
                m = new LinkedHashMap<>(m);
                m.putAll(r.der().metrics());
            }
            table.put(v.name(), m);
            ObjectNode node = summary.variant(v.name());
            for (Map.Entry<String, Object> e : m.entrySet()) {
                Object val = e.getValue();
                if (val == null) {
                    node.putNull(e.getKey());
                } else if (val instanceof Boolean b) {
                    node.put(e.getKey(), b);
                } else if (val instanceof Double d) {
                    if (Double.isFinite(d)) {
                        node.put(e.getKey(), d);
                    } else {
                        node.putNull(e.getKey());
                    }
                } else if (val instanceof Long l) {
                    node.put(e.getKey(), l);
                } else if (val instanceof Integer i) {
                    node.put(e.getKey(), i);
                } else {
                    node.put(e.getKey(), String.valueOf(val));
                }
            }
            if (r.radio() != null) {
                ObjectNode radio = node.putObject("radio");
                var all = r.radio().all();
                radio.put("sent", all.sent());
                radio.put("delivered", all.delivered());
                radio.put("lost", all.lost());
                ObjectNode reasons = radio.putObject("lost_by_reason");
                new java.util.TreeMap<>(all.lostByReason()).forEach(reasons::put);
                radio.put("mean_attempts", CoupledMetrics.round(all.meanAttempts(), 4));
                radio.put("latency_p90_ms", CoupledMetrics.round(all.latencyP90Ms(), 4));
                radio.put("latency_max_ms", CoupledMetrics.round(all.latencyMaxMs(), 4));
                radio.put("in_flight_at_end", r.radio().inFlight());
            }
            if (r.events() != null) {
                Timeline.write(node, r.events());
            }
            Path vdir = dir.resolve(v.name());
            CoupledCsv.write(vdir, s, r);
            InternetReport.write(vdir, r);
            writeText(vdir.resolve("profile.txt"), timing.getOrDefault(v.name(), "") + profile(r.report()));
        }
        summary.write(dir);
        if (s.outputs().plots()) {
            CoupledPlots.all(dir, s, template, results, Math.max(1, ctx.threads()));
            Timeline.plots(dir, s, results);
        }
        String text = String.format(Locale.ROOT, "PacketGrid coupled study '%s': %d feeder%s (%s), %d households, %d devices, %s from %s, "
                        + "grid every %s, devices every %s, seed %d%n", s.name(), plans.size(), plans.size() == 1 ? "" : "s",
                template.label(), households, devices, s.duration(), clock(s.start().seconds()), s.gridStep(), s.deviceStep(), s.seed())
                + SummaryTable.format(io.packetgrid.studies.coupled.der.DerResults.table(s, rows(s)), table);
        writeText(dir.resolve("summary.txt"), text);
        SummaryTable.print(ctx.out(), text);
        ctx.out().printf(Locale.ROOT, "simulated %d variant%s in %.1f s%n", results.size(), results.size() == 1 ? "" : "s", wallS);
        return summary;
    }

    /**
     * The printed table's rows: the study's, the time line's with events, the Energy Internet's where it
     * applies, an MV network's after the transformer loading.
     */
    static List<String> rows(CoupledScenario s) {
        List<String> rows = s.events() == null ? TABLE : Timeline.table(TABLE);
        rows = InternetReport.applies(s) ? InternetReport.table(rows) : rows;
        if (s.feeder().mv() != null) {
            rows = new ArrayList<>(rows);
            rows.addAll(rows.indexOf("transformer_peak_loading_pct") + 1, MV_TABLE);
        }
        return rows;
    }

    /** The kernel's wall-time profile: the heaviest federates, then the totals per kind of federate. */
    static String profile(io.packetgrid.cosim.kernel.RunReport report) {
        Map<String, long[]> byKind = new java.util.TreeMap<>();
        for (var p : report.profile()) {
            String kind = p.federate().substring(p.federate().lastIndexOf('/') + 1);
            long[] a = byKind.computeIfAbsent(kind, k -> new long[3]);
            a[0]++;
            a[1] += p.steps();
            a[2] += p.wallNs();
        }
        StringBuilder b = new StringBuilder(report.profileTable(40)).append('\n');
        b.append(String.format(Locale.ROOT, "%-12s %8s %12s %12s%n", "kind", "count", "steps", "wall_ms"));
        byKind.forEach((k, a) -> b.append(String.format(Locale.ROOT, "%-12s %8d %12d %12.1f%n", k, a[0], a[1], a[2] / 1e6)));
        return b.toString();
    }

    private static String clock(double seconds) {
        long m = Math.round(seconds / 60);
        return String.format(Locale.ROOT, "%02d:%02d", m / 60 % 24, m % 60);
    }

    private static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }
}
