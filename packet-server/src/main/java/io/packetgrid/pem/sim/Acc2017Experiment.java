package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.kernel.ProgressListener;
import io.packetgrid.cosim.kernel.RunReport;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.Acc2017Population;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.policy.BaselineReference;
import io.packetgrid.pem.policy.MeasuredEstimator;
import io.packetgrid.pem.policy.PolicyMode;
import io.packetgrid.pem.policy.RampLimiter;
import io.packetgrid.pem.policy.TrackingPolicy;
import io.packetgrid.pem.policy.TrackingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The ACC 2017 experiment (Almassalkhi, Frolik &amp; Hines, "Packetized energy management:
 * asynchronous and anonymous coordination of thermostatically controlled loads", ACC 2017, §IV;
 * PEM-NOTES §4.1): 1000 heterogeneous water heaters (Table I), 6 h at Δt = 10 s, reference
 * tracking from minute 120; schemes T1 thermostat, T2 uncoordinated PEM(5), T3 tracking PEM(5),
 * T4 tracking PEM(30); and the rebound test (deny all for 6 h, then release, with and without a
 * 300 kW/min ramp limit).
 *
 * <p>The devices run in one fleet federate; requests, events and replies are kernel messages
 * through the given network (ideal by default). The server is {@link TrackingPolicy} with the
 * relay rule, accounting each accepted packet at the fleet's average rating (5 kW, ACC 2017 §III),
 * and a measured aggregate (the fleet's meter at each step plus packets accepted since).
 *
 * <p>The paper's reference signal is not published; ours is a deterministic, zero-mean regulation
 * shape around the fleet's own baseline B (mean power over minutes 60–120, accepting all):
 * {@code r = B·(1 + o + s(τ))}, {@code s(τ) = A·(0.6 sin(2πτ/60 min) + 0.3 sin(2πτ/20 min + 0.7)
 * + 0.1 sin(2πτ/7 min + 1.9))}, A = 0.25, o = −10 %. The offset places the operating point inside
 * the fleet's capability: at the accept-all level the fleet has no up-reserve (every request it
 * makes is already granted), so a reference centred there cannot be followed upwards; a
 * regulation resource is scheduled with reserve both ways.
 */
public final class Acc2017Experiment {

    /** Fixed facts of the experiment (defaults from Table I). */
    public record Config(int devices, long durationNs, long stepNs, long baselineFromNs, long trackFromNs,
                         double mRHz, long replyTimeoutNs, double nominalKw, double referenceOffset, double referenceAmplitude) {
        public static Config table1() {
            long min = 60_000_000_000L;
            return new Config(1000, 360 * min, 10_000_000_000L, 60 * min, 120 * min, 1.0 / 300, 5_000_000_000L, 5.0, -0.10, 0.25);
        }

        public Config withReference(double offset, double amplitude) {
            return new Config(devices, durationNs, stepNs, baselineFromNs, trackFromNs, mRHz, replyTimeoutNs, nominalKw, offset, amplitude);
        }

        public Config withDevices(int n) {
            return new Config(n, durationNs, stepNs, baselineFromNs, trackFromNs, mRHz, replyTimeoutNs, nominalKw, referenceOffset, referenceAmplitude);
        }

        public Config withDuration(long ns) {
            return new Config(devices, ns, stepNs, baselineFromNs, trackFromNs, mRHz, replyTimeoutNs, nominalKw, referenceOffset, referenceAmplitude);
        }

        public Config withMrHz(double m) {
            return new Config(devices, durationNs, stepNs, baselineFromNs, trackFromNs, m, replyTimeoutNs, nominalKw, referenceOffset, referenceAmplitude);
        }
    }

    /**
     * One scheme.
     *
     * @param control     thermostat or PEM
     * @param packetNs    packet length (PEM)
     * @param modes       the server's mode over time (PEM)
     * @param rampKwPerMin VPP ramp limit, 0 for none
     */
    public record Variant(String name, Control control, long packetNs, TrackingPolicy.ModeSchedule modes, double rampKwPerMin) {
    }

    /** What a scheme did, over the tracking window [trackFrom, end). */
    public record Result(String name, double[] timeS, double[] powerKw, double[] referenceKw, double baselineKw,
                         double trackingMaePct, double trackingRmsKw, double cyclesPerHour, double cyclesPerHourStd,
                         double switchingsPerHour,
                         double tempDeviationMeanC, double tempDeviationStdC, double messagesPerDevice,
                         double latencyP50Ms, double latencyP99Ms, long requests, long accepted, long denied,
                         long timeouts, long lateStarts, RunReport report) {
    }

    private final Config config;

    public Acc2017Experiment(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** The reference's normalised shape at τ after tracking starts. */
    public double shape(long tauNs) {
        double t = tauNs / 1e9;
        return config.referenceOffset() + config.referenceAmplitude() * (0.6 * Math.sin(2 * Math.PI * t / 3600)
                + 0.3 * Math.sin(2 * Math.PI * t / 1200 + 0.7)
                + 0.1 * Math.sin(2 * Math.PI * t / 420 + 1.9));
    }

    public static Variant thermostat() {
        return new Variant("thermostat", Control.THERMOSTAT, 0, TrackingPolicy.ModeSchedule.always(PolicyMode.ACCEPT_ALL), 0);
    }

    public static Variant uncoordinated(long packetNs) {
        return new Variant("pem_uncoordinated", Control.PEM, packetNs, TrackingPolicy.ModeSchedule.always(PolicyMode.ACCEPT_ALL), 0);
    }

    /** Accept all until tracking starts, then track (ACC 2017 T3/T4). */
    public Variant tracking(String name, long packetNs) {
        return new Variant(name, Control.PEM, packetNs, new TrackingPolicy.ModeSchedule(
                new long[] {Long.MIN_VALUE, config.trackFromNs()},
                new PolicyMode[] {PolicyMode.ACCEPT_ALL, PolicyMode.TRACK}), 0);
    }

    /** ACC 2017 rebound test: accept all, deny all over [denyFrom, denyFrom + denyFor), then accept all again. */
    public static Variant rebound(String name, long packetNs, long denyFromNs, long denyForNs, double rampKwPerMin) {
        return new Variant(name, Control.PEM, packetNs, new TrackingPolicy.ModeSchedule(
                new long[] {Long.MIN_VALUE, denyFromNs, denyFromNs + denyForNs},
                new PolicyMode[] {PolicyMode.ACCEPT_ALL, PolicyMode.DENY_ALL, PolicyMode.ACCEPT_ALL}), rampKwPerMin);
    }

    public Result run(Variant v, long seed) {
        return run(v, seed, Double.NaN);
    }

    public Result run(Variant v, long seed, double baselineKw) {
        return run(v, seed, baselineKw, s -> new io.packetgrid.cosim.message.IdealNetwork(), Recorder.discard(), ProgressListener.NONE);
    }

    /**
     * The reference baseline all schemes share: the mean power of uncoordinated PEM(5) (accept all)
     * over [baselineFrom, trackFrom), from a run up to trackFrom.
     */
    public double baseline(long seed, Function<RandomStreams, Network> network) {
        // same population and draws as the full run (they depend on the horizon), stopped at trackFrom
        Result r = run(uncoordinated(300_000_000_000L), seed, Double.NaN, network, Recorder.discard(), ProgressListener.NONE,
                config.trackFromNs());
        return r.baselineKw();
    }

    /**
     * Runs one scheme. {@code baselineKw}: the reference's baseline (NaN: learn it from this run's
     * own meter over [baselineFrom, trackFrom)).
     */
    public Result run(Variant v, long seed, double baselineKw, Function<RandomStreams, Network> network, Recorder recorder,
                      ProgressListener progress) {
        return run(v, seed, baselineKw, network, recorder, progress, config.durationNs());
    }

    private Result run(Variant v, long seed, double baselineKw, Function<RandomStreams, Network> network, Recorder recorder,
                       ProgressListener progress, long endNs) {
        RandomStreams streams = new RandomStreams(seed);
        double horizonS = config.durationNs() / 1e9;
        // the same population (and draws) for every scheme: derived from the seed only
        UniformRandomProvider popRng = streams.stream("acc2017/population");
        List<Acc2017Population.Member> members = Acc2017Population.generate(config.devices(), popRng, horizonS, config.stepNs() / 1e9);
        UniformRandomProvider initRng = streams.stream("acc2017/initial-epoch");
        long packetNs = v.packetNs() > 0 ? v.packetNs() : 300_000_000_000L;
        PemAutomaton.Config pem = new PemAutomaton.Config(config.mRHz(), packetNs, config.replyTimeoutNs());
        List<DeviceAgent> agents = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Acc2017Population.Member m = members.get(i);
            DeviceAgent a = new DeviceAgent(i + 1, m.create(), ConnectionPoint.UNKNOWN, 0, v.control(), pem);
            long remaining = (long) (initRng.nextDouble() * packetNs); // Table I: initial remaining epoch in [0, δt]
            if (m.initialTempC() < m.params().setpointC()) {
                a.initiallyOn(Math.max(1, remaining));
            }
            agents.add(a);
        }
        DeviceFleetFederate fleet = new DeviceFleetFederate("fleet", agents, config.stepNs(), "server", config.trackFromNs());
        BaselineReference reference = new BaselineReference(config.baselineFromNs(), config.trackFromNs(), this::shape)
                .fixedBaseline(baselineKw);
        MeasuredEstimator estimator = new MeasuredEstimator();
        TrackingPolicy.Builder pb = TrackingPolicy.builder()
                .target(reference).estimator(estimator).rule(TrackingRule.RELAY).nominalKw(config.nominalKw())
                .modes(v.modes());
        if (v.rampKwPerMin() > 0) {
            pb.ramp(RampLimiter.perMinute(v.rampKwPerMin(), config.stepNs() / 1e9));
        }
        ValueKey<double[]> meter = fleet.meterKey();
        ServerInputs inputs = ServerInputs.of(new MeterInput(estimator, meter), new ServerInputs() {
            @Override
            public void declare(Setup setup) {
            }

            @Override
            public void refresh(Step step) {
                double[] m = step.read(meter);
                reference.observe(m[1], (long) m[0]);
            }
        });
        PacketServerFederate server = new PacketServerFederate("server", "server", pb.build(), inputs, config.stepNs());
        RunReport report = new Federation().add(fleet).add(server).network(network).recorder(recorder).progress(progress)
                .run(KernelOptions.of(seed, endNs));
        return summarise(v, fleet, server, reference, report);
    }

    private Result summarise(Variant v, DeviceFleetFederate fleet, PacketServerFederate server, BaselineReference ref,
                             RunReport report) {
        List<double[]> trace = fleet.intervalTrace();
        int n = trace.size();
        double[] t = new double[n];
        double[] p = new double[n];
        double[] r = new double[n];
        double absPct = 0;
        double sq = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            t[i] = trace.get(i)[0];
            p[i] = trace.get(i)[1];
            long tn = Math.round(t[i] * 1e9);
            r[i] = ref.targetKw(tn);
            if (tn >= config.trackFromNs()) {
                double e = r[i] - p[i];
                absPct += Math.abs(e) / r[i];
                sq += e * e;
                k++;
            }
        }
        double hours = (config.durationNs() - config.trackFromNs()) / 3.6e12;
        double[] cycles = new double[fleet.agents().size()];
        double switchings = 0;
        double[] dev = new double[cycles.length];
        long timeouts = 0;
        long late = 0;
        for (int i = 0; i < cycles.length; i++) {
            DeviceAgent a = fleet.agents().get(i);
            cycles[i] = a.onTransitions() / hours;
            switchings += (a.onTransitions() + a.offTransitions()) / hours;
            dev[i] = a.meanDeviation();
            if (a.automaton() != null) {
                timeouts += a.automaton().timeouts();
                late += a.automaton().lateStarts();
            }
        }
        FleetStats fs = fleet.stats();
        double messages = (fs.requests() + fs.events() + fs.replies()) / (double) cycles.length;
        return new Result(v.name(), t, p, r, ref.baselineKw(), k == 0 ? Double.NaN : 100 * absPct / k,
                k == 0 ? Double.NaN : Math.sqrt(sq / k), mean(cycles), std(cycles), switchings / cycles.length, mean(dev), std(dev), messages,
                fs.latencyQuantileMs(0.5), fs.latencyQuantileMs(0.99), fs.requests(),
                server.policy().stats().accepted(), server.policy().stats().deniedTotal(), timeouts, late, report);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    static double std(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return x.length < 2 ? 0 : Math.sqrt(s / (x.length - 1));
    }

    /** The first peak after {@code releaseNs} within {@code windowNs}, and the level just before release. */
    public static double[] reboundPeak(Result r, long releaseNs, long windowNs) {
        double before = Double.NaN;
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < r.timeS().length; i++) {
            long tn = Math.round(r.timeS()[i] * 1e9);
            if (tn < releaseNs) {
                before = r.powerKw()[i];
            } else if (tn < releaseNs + windowNs) {
                peak = Math.max(peak, r.powerKw()[i]);
            }
        }
        return new double[] {before, peak};
    }
}
