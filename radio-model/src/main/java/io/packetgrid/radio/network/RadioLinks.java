package io.packetgrid.radio.network;

import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.radio.propagation.PathLossModel;
import io.packetgrid.radio.propagation.Point;
import io.packetgrid.radio.propagation.ShadowingField;
import io.packetgrid.radio.propagation.ShadowingGeometry;
import io.packetgrid.radio.propagation.Tr36942Macro;
import io.packetgrid.radio.propagation.Tr38901;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Where the devices and aggregators are and what their links look like: positions (listed, or drawn
 * for unlisted endpoints from each endpoint's own seeded stream, so a device's position does not
 * depend on when it first sends), LOS state per link (Bernoulli with the model's LOS probability, from
 * the device's own stream), correlated shadowing per aggregator (one field for LOS and one for NLOS
 * links, {@link ShadowingField}), and the serving aggregator (largest mean received power).
 */
final class RadioLinks {

    /** A base station / NOMA aggregator. */
    record Aggregator(int index, String name, Point position, double heightM) {
    }

    /** One device–aggregator link: large-scale state fixed for the run. */
    record Link(boolean los, double pathLossDb, double shadowDb) {
        /** −(path loss + shadowing) in dB. */
        double gainDb() {
            return -pathLossDb - shadowDb;
        }
    }

    /** A radio device: its position, links to every aggregator, and the one serving it. */
    record Device(String endpoint, int index, Point position, Link[] links, int serving) {
        Link servingLink() {
            return links[serving];
        }
    }

    private final RadioConfig cfg;
    private final RandomStreams streams;
    final PathLossModel model;
    final List<Aggregator> aggregators = new ArrayList<>();
    private final Set<String> wired;
    private final Map<String, Device> devices = new HashMap<>();
    private final List<Device> deviceList = new ArrayList<>();
    /**
     * By the kernel's endpoint number ({@code Message.fromEndpoint/toEndpoint}): 0 not asked yet, 1 wired, 2 a
     * radio device, then in {@link #deviceById}. Each message's ends are found in arrays instead of hashing names.
     */
    private byte[] kindById = new byte[0];
    private Device[] deviceById = new Device[0];
    private final ShadowingField[] losField;
    private final ShadowingField[] nlosField;

    RadioLinks(RadioConfig cfg, RandomStreams streams) {
        this.cfg = cfg;
        this.streams = streams;
        this.model = switch (cfg.propagation()) {
            case UMA -> new Tr38901(Tr38901.Scenario.UMA, cfg.carrierGhz());
            case UMI -> new Tr38901(Tr38901.Scenario.UMI, cfg.carrierGhz());
            case RMA -> new Tr38901(Tr38901.Scenario.RMA, cfg.carrierGhz());
            case MACRO36942 -> new Tr36942Macro(cfg.carrierGhz(), cfg.bsAboveRooftopM());
        };
        double defaultHeight = model instanceof Tr38901 t ? t.defaultBsHeightM() : 30;
        for (RadioConfig.AggregatorConfig a : cfg.aggregators()) {
            aggregators.add(new Aggregator(aggregators.size(), a.name(), new Point(a.xM(), a.yM()),
                    a.heightM() == null ? defaultHeight : a.heightM()));
        }
        this.wired = new HashSet<>(cfg.wired());
        losField = new ShadowingField[aggregators.size()];
        nlosField = new ShadowingField[aggregators.size()];
        // every aggregator's field is drawn at the same device positions in the same order: the neighbour
        // search and kriging weights are done once per device for all of them (the same numbers as apart)
        ShadowingGeometry losPoints = new ShadowingGeometry(model.correlationDistanceM(true));
        ShadowingGeometry nlosPoints = new ShadowingGeometry(model.correlationDistanceM(false));
        for (Aggregator a : aggregators) {
            losField[a.index()] = new ShadowingField(cfg.shadowing() ? model.shadowingSigmaDb(true) : 0,
                    losPoints, streams.stream("radio:shadowing:" + a.name() + ":los"));
            nlosField[a.index()] = new ShadowingField(cfg.shadowing() ? model.shadowingSigmaDb(false) : 0,
                    nlosPoints, streams.stream("radio:shadowing:" + a.name() + ":nlos"));
        }
        for (RadioConfig.DeviceConfig d : cfg.devices()) {
            add(d.endpoint(), new Point(d.xM(), d.yM()));
        }
    }

    boolean isWired(String endpoint) {
        return wired.contains(endpoint);
    }

    /** As {@link #isWired(String)}, remembered under the endpoint's number {@code id} (−1: by name only). */
    boolean isWired(String endpoint, int id) {
        if (id < 0) {
            return isWired(endpoint);
        }
        numbered(id);
        if (kindById[id] == 0) {
            kindById[id] = (byte) (isWired(endpoint) ? 1 : 2);
        }
        return kindById[id] == 1;
    }

    /** As {@link #device(String)}, remembered under the endpoint's number {@code id} (−1: by name only). */
    Device device(String endpoint, int id) {
        if (id < 0) {
            return device(endpoint);
        }
        numbered(id);
        Device d = deviceById[id];
        if (d == null) {
            d = device(endpoint); // placed now if new, as by name
            deviceById[id] = d;
        }
        return d;
    }

    private void numbered(int id) {
        if (id >= kindById.length) {
            int n = Math.max(id + 1, 2 * kindById.length);
            kindById = java.util.Arrays.copyOf(kindById, n);
            deviceById = java.util.Arrays.copyOf(deviceById, n);
        }
    }

    /** The device behind {@code endpoint}, placed on first use; null for a wired endpoint. */
    Device device(String endpoint) {
        if (wired.contains(endpoint)) {
            return null;
        }
        Device d = devices.get(endpoint);
        if (d == null) {
            d = add(endpoint, place(endpoint));
        }
        return d;
    }

    List<Device> devices() {
        return deviceList;
    }

    /** Uniform in the configured annulus (area-uniform radius), from the endpoint's own stream. */
    private Point place(String endpoint) {
        UniformRandomProvider r = streams.stream("radio:place:" + endpoint);
        RadioConfig.AreaConfig a = cfg.deviceArea();
        double r0 = a.minRadiusM();
        double r1 = a.radiusM();
        double rad = Math.sqrt(r0 * r0 + r.nextDouble() * (r1 * r1 - r0 * r0));
        double th = 2 * Math.PI * r.nextDouble();
        return new Point(a.centerXM() + rad * Math.cos(th), a.centerYM() + rad * Math.sin(th));
    }

    private Device add(String endpoint, Point p) {
        UniformRandomProvider losDraw = streams.stream("radio:los:" + endpoint);
        Link[] links = new Link[aggregators.size()];
        int best = 0;
        for (Aggregator a : aggregators) {
            double d2 = p.distanceTo(a.position());
            boolean los = losDraw.nextDouble() < model.losProbability(d2, cfg.deviceHeightM());
            double pl = model.pathLossDb(d2, a.heightM(), cfg.deviceHeightM(), los);
            double sfLos = losField[a.index()].add(p);
            double sfNlos = nlosField[a.index()].add(p);
            links[a.index()] = new Link(los, pl, los ? sfLos : sfNlos);
            if (links[a.index()].gainDb() > links[best].gainDb()) {
                best = a.index();
            }
        }
        Device d = new Device(endpoint, deviceList.size(), p, links, best);
        devices.put(endpoint, d);
        deviceList.add(d);
        return d;
    }
}
