package io.packetgrid.studies.coupled.internet;

import io.packetgrid.studies.coupled.CoupledMetrics;
import io.packetgrid.studies.coupled.FeederRun;
import io.packetgrid.studies.coupled.VariantResult;
import io.packetgrid.studies.coupled.grid.GridSeries;
import io.packetgrid.studies.coupled.inputs.StudyInputs;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.VariantSpec;
import io.packetgrid.studies.report.CsvTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Energy-Internet metrics of a coupled study (CLI.md's names), for studies that have an
 * {@code energy_internet} variant, deadline devices or prices; each where it applies:
 * <ul>
 *   <li>every variant: {@code import_kwh} and {@code export_kwh} (the feeders' source power, positive and
 *       negative, over the observation window), {@code self_sufficiency_pct} = 100·(1 − import / consumption),
 *       consumption the loads' energy before their own generation plus the losses, and {@code energy_cost} = Σ import·price − export·export price at each
 *       grid step;</li>
 *   <li>variants with deadline devices: {@code deadlines_met_pct}, the share of accepted services due within the
 *       run that were done by their deadline (run alone, every service counts as accepted);</li>
 *   <li>{@code energy_internet} variants: {@code requests_rejected} (rejections, a device asking again counts
 *       again), {@code forced_use_kwh} (drawn in forced use), {@code forecast_rmse_kw} (the day-ahead forecast of
 *       the net local supply against its truth, RMS over slots and feeders) and, in an island,
 *       {@code emergency_minutes}.</li>
 * </ul>
 * Also {@code requests.csv} per variant with deadline devices.
 */
public final class InternetReport {
    /** Rows added to the printed table. */
    public static final List<String> ROWS = List.of("deadlines_met_pct", "requests_rejected", "forced_use_kwh", "import_kwh",
            "export_kwh", "self_sufficiency_pct", "energy_cost", "emergency_minutes", "forecast_rmse_kw");

    private InternetReport() {
    }

    /** Whether the study reports Energy-Internet metrics. */
    public static boolean applies(CoupledScenario s) {
        return s.variants().stream().anyMatch(VariantSpec::energyInternet) || s.inputs().prices() != null
                || s.households().mix().dishwasher() > 0 || s.households().mix().sauna() > 0
                || s.households().overrides().stream().anyMatch(o -> o.devices().stream().anyMatch(t -> t.deadline()));
    }

    /** The printed table's rows: the study's, then these. */
    public static List<String> table(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        out.addAll(ROWS);
        return out;
    }

    public static Map<String, Object> metrics(CoupledScenario s, VariantResult r, StudyInputs inputs) {
        Map<String, Object> m = new LinkedHashMap<>();
        long g0 = (s.observeFrom().ns() + s.gridStep().ns() - 1) / s.gridStep().ns();
        double stepH = s.gridStep().seconds() / 3600;
        double imp = 0;
        double exp = 0;
        double load = 0;
        double cost = 0;
        long d0 = (s.observeFrom().ns() + s.deviceStep().ns() - 1) / s.deviceStep().ns();
        double dStepH = s.deviceStep().seconds() / 3600;
        boolean grid = false;
        for (FeederRun f : r.feeders()) {
            GridSeries g = f.grid();
            if (g == null) {
                continue;
            }
            grid = true;
            for (int k = (int) g0; k < g.steps; k++) {
                long t = k * s.gridStep().ns();
                double src = g.sourceKw[k];
                double in = Math.max(0, src) * stepH;
                double out = Math.max(0, -src) * stepH;
                imp += in;
                exp += out;
                load += (g.loadsKw[k] + g.lossesKw[k]) * stepH;
                cost += in * inputs.importPrice(t) - out * inputs.exportPrice(t);
            }
            double[] gen = f.fleet().pvKw(); // the households' generation, netted in their loads: counted back as consumption
            for (int k = (int) d0; k < gen.length; k++) {
                load += gen[k] * dStepH;
            }
        }
        int accepted = 0;
        int met = 0;
        long rejected = 0;
        double forced = 0;
        double sq = 0;
        int slots = 0;
        long emergencyNs = 0;
        boolean services = false;
        boolean internet = r.spec().energyInternet();
        for (FeederRun f : r.feeders()) {
            ServiceResults sr = f.services();
            for (ServiceResults.Service sv : sr.services()) {
                services = true;
                if (sv.accepted() && sv.deadlineNs() >= 0 && sv.deadlineNs() <= s.duration().ns()) { // judged when due within the run
                    accepted++;
                    met += sv.met() ? 1 : 0;
                }
                rejected += sv.rejections();
                forced += sv.forcedKwh();
            }
            if (sr.internet() && sr.forecastSlots() > 0) {
                sq += sr.forecastRmseKw() * sr.forecastRmseKw() * sr.forecastSlots();
                slots += sr.forecastSlots();
            }
            emergencyNs += sr.emergencyNs();
        }
        m.put("deadlines_met_pct", services && accepted > 0 ? CoupledMetrics.round(100.0 * met / accepted, 3) : Double.NaN);
        m.put("requests_rejected", internet ? (Object) rejected : Double.NaN);
        m.put("forced_use_kwh", internet ? CoupledMetrics.round(forced, 3) : Double.NaN);
        m.put("import_kwh", grid ? CoupledMetrics.round(imp, 3) : Double.NaN);
        m.put("export_kwh", grid ? CoupledMetrics.round(exp, 3) : Double.NaN);
        m.put("self_sufficiency_pct", grid && load > 0 ? CoupledMetrics.round(100 * (1 - imp / load), 3) : Double.NaN);
        m.put("energy_cost", grid ? CoupledMetrics.round(cost, 3) : Double.NaN);
        boolean island = s.island() != null && s.events() != null;
        m.put("emergency_minutes", internet && island ? CoupledMetrics.round(emergencyNs / 6e10, 3) : Double.NaN);
        m.put("forecast_rmse_kw", internet && slots > 0 ? CoupledMetrics.round(Math.sqrt(sq / slots), 3) : Double.NaN);
        return m;
    }

    /** {@code requests.csv}: each deadline device's service, when the variant has any. */
    public static void write(Path dir, VariantResult r) {
        boolean any = r.feeders().stream().anyMatch(f -> !f.services().services().isEmpty());
        if (!any) {
            return;
        }
        try (CsvTable c = new CsvTable(dir.resolve("requests.csv"), List.of("feeder", "household", "device", "type", "need_s",
                "deadline_s", "request_kwh", "accepted", "rejections", "done_s", "met", "forced_from_s", "energy_kwh", "forced_kwh"), 6)) {
            for (FeederRun f : r.feeders()) {
                for (ServiceResults.Service sv : f.services().services()) {
                    c.row(f.plan().name(), f.plan().households().get(sv.household()).id(), sv.endpoint(), sv.type().label(),
                            sv.needNs() / 1e9, sv.deadlineNs() < 0 ? "" : sv.deadlineNs() / 1e9, sv.requestKwh(), sv.accepted(),
                            sv.rejections(), sv.doneNs() < 0 ? "" : sv.doneNs() / 1e9, sv.met(), sv.forcedNs() < 0 ? "" : sv.forcedNs() / 1e9,
                            sv.energyKwh(), sv.forcedKwh());
                }
            }
        }
    }
}
