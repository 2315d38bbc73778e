package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.pem.internet.EnergyInternetServer;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.policy.CommunityRules;
import io.packetgrid.pem.policy.EmergencyMode;
import io.packetgrid.pem.policy.StorageMeasurements;
import io.packetgrid.pem.schedule.Supply;
import io.packetgrid.pem.service.ServiceRequest;
import io.packetgrid.studies.coupled.scenario.CommunitySpec;
import io.packetgrid.studies.coupled.scenario.UserClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User classes per household ({@code households.classes}): the founding paper's industrial, special and
 * flexible users (§III-C), the class setting the priority band of every device of the household.
 */
class UserClassesTest {
    @TempDir
    Path out;

    /**
     * Three households (load1–3) with one EV each, all plugged in at 17:00 to leave at 18:00 with 4.5 kWh more
     * (30 kWh from 50 % to 65 %, η = 1, 5 kW charger); every household's other appliances draw 0.5 kW and there is
     * no PV. The feeder may import 2.5 kW per household: 7.5 kW, of which the base load takes 1.5 kW, so 6 kW
     * (6 kWh in the hour) are left for the EVs: one fits, two (9 kWh) do not. Their requests reach the server
     * together (an ideal network), as one batch. {@code %s}: the households block's extra lines; {@code %d}: seed.
     */
    static final String STUDY = """
            kind: coupled
            name: classes
            seed: %d
            start: 2026-01-15T16:00
            duration: 2h30m
            grid_step: 1m
            device_step: 10s
            site: {latitude_deg: 60.17, longitude_deg: 24.94, time_zone: Europe/Helsinki}
            inputs: {base_load: %s}
            feeder:
              script: builtin:european-lv
              commands:
                - BatchEdit Load..* vminpu=0.5 vmaxpu=1.5
            households:
              loads: [load1, load2, load3]
              mix: {ev_charger: 1.0}
            %s
            devices:
              ev_charger: {battery_kwh: 30, charger_kw: 5, efficiency: 1, arrival_h: 17, departure_h: 18, arrival_soc: 0.5, target_soc: 0.65}
            network: {model: ideal}
            energy_internet: {import_limit_kw_per_household: 2.5, forecast: {rmse_kw: 0}}
            variants:
              - {name: energy_internet, control: energy_internet}
            outputs: {plots: false}
            """;

    private String study(long seed, String classes) throws Exception {
        StringBuilder b = new StringBuilder("time,kw\n");
        for (int i = 0; i <= 8; i++) {
            b.append(String.format("2026-01-15T%02d:%02d,0.5%n", 15 + i / 2, 30 * (i % 2)));
        }
        Path base = out.resolve("base.csv");
        Files.writeString(base, b);
        return String.format(STUDY, seed, base, classes.isEmpty() ? "" : "  " + classes);
    }

    /** The households whose EV request was accepted, and each one's rejections, from requests.csv. */
    private List<String> accepted(long seed, String classes, String run) throws Exception {
        Scenarios.run(study(seed, classes), out.resolve(run), 1);
        List<String> rows = Files.readAllLines(out.resolve(run).resolve("energy_internet/requests.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int household = header.indexOf("household");
        int accepted = header.indexOf("accepted");
        int met = header.indexOf("met");
        List<String> who = new ArrayList<>();
        for (String r : rows.subList(1, rows.size())) {
            String[] c = r.split(",");
            if (c[accepted].equals("true")) {
                who.add(c[household]);
                assertEquals("true", c[met], "an accepted request is met: " + r);
            }
        }
        assertEquals(3, rows.size() - 1, "one EV per household");
        return who;
    }

    @Test
    void underATightImportLimitTheHigherClassIsServedAndEqualsAreDrawnAtRandom() throws Exception {
        // the special household's request is accepted whatever the seed; then the industrial one over the flexible ones
        assertEquals(List.of("load2"), accepted(1, "classes: {special: [load2]}", "s1"));
        assertEquals(List.of("load2"), accepted(2, "classes: {special: [load2]}", "s2"));
        assertEquals(List.of("load3"), accepted(1, "classes: {industrial: [load1], special: [load3]}", "s3"));
        assertEquals(List.of("load1"), accepted(1, "classes: {industrial: [load1]}", "i1"));
        // all flexible: exactly one of the three, drawn by the server's seeded stream (fairness by randomisation)
        java.util.Set<String> winners = new java.util.TreeSet<>();
        for (long seed = 1; seed <= 4; seed++) {
            List<String> who = accepted(seed, "", "f" + seed);
            assertEquals(1, who.size(), "one fits: " + who);
            winners.add(who.get(0));
        }
        assertTrue(winners.size() >= 2, "the draw varies with the seed: " + winners);
    }

    @Test
    void aSpecialUsersRequestsAreBasicNeedsInEmergencyMode() {
        // community.basic_priority unset: the basic needs by level are the special class's (priority 32 and up). The
        // same rules go to the Energy-Internet server: islanded at 20 % SoC (below the 30 % threshold), the special
        // household's EV request is accepted, the flexible and the industrial households' are refused ("emergency")
        CommunityRules rules = VariantRunner.rules(CommunitySpec.none(), 3);
        assertTrue(rules.basicNeed(DeviceClass.EV_CHARGER, UserClass.SPECIAL.basePriority()));
        assertFalse(rules.basicNeed(DeviceClass.EV_CHARGER, UserClass.INDUSTRIAL.basePriority() + 15));
        assertFalse(rules.basicNeed(DeviceClass.EV_CHARGER, 0));
        long h = 3_600_000_000_000L;
        StorageMeasurements site = new StorageMeasurements();
        EnergyInternetServer s = new EnergyInternetServer(new EnergyInternetServer.Config(h / 4, 96, h),
                (grid, issued) -> List.of(Supply.flat("import", grid.count(), 20, 0.1)), RandomSource.XO_RO_SHI_RO_128_PP.create(1L))
                .emergency(new EmergencyMode(30, 50), rules, site);
        site.update(true, 20, 5, 10, 17 * h);
        List<ServiceRequest> batch = new ArrayList<>();
        int[] priority = {0, UserClass.INDUSTRIAL.basePriority(), UserClass.SPECIAL.basePriority()};
        for (int i = 0; i < 3; i++) {
            batch.add(ServiceRequest.energy(i + 1, i + 1, DeviceClass.EV_CHARGER, priority[i], new ConnectionPoint(i + 1, 1), 4.5, 0, 5,
                    17 * h, 18 * h));
        }
        List<EnergyInternetServer.Admission> a = s.submit(batch, 17 * h);
        assertEquals(List.of(false, false, true), a.stream().map(EnergyInternetServer.Admission::accepted).toList());
        assertEquals("emergency", a.get(0).reason());
        assertEquals("emergency", a.get(1).reason());
        // a basic_priority of its own overrides the default: from the industrial class up
        CommunitySpec industrialUp = YamlFiles.read("{basic_priority: 16}", "community", CommunitySpec.class);
        assertTrue(VariantRunner.rules(industrialUp, 3).basicNeed(DeviceClass.EV_CHARGER, UserClass.INDUSTRIAL.basePriority()));
    }

    @Test
    void badClassesAreOneLineNamingTheFileAndTheField() throws Exception {
        PacketGridException unknown = assertThrows(PacketGridException.class,
                () -> Scenarios.run(study(1, "classes: {hospital: [load2]}"), out.resolve("a"), 1));
        // the coupled study reads its scenario as a tree (overrides, sweeps), so its errors name the field's path, not a line
        assertEquals("test.yaml: households.classes: expected one of flexible, industrial, special, got 'hospital'", unknown.userMessage());
        PacketGridException missing = assertThrows(PacketGridException.class,
                () -> Scenarios.run(study(1, "classes: {special: [load2, load99]}"), out.resolve("b"), 1));
        assertTrue(missing.userMessage().startsWith("test.yaml: households.classes.special[1]: no load 'load99'"), missing.userMessage());
        PacketGridException notHousehold = assertThrows(PacketGridException.class,
                () -> Scenarios.run(study(1, "classes: {special: [load7]}"), out.resolve("c"), 1));
        assertTrue(notHousehold.userMessage().startsWith("test.yaml: households.classes.special[0]: load 'load7' is not a household"),
                notHousehold.userMessage());
        PacketGridException twice = assertThrows(PacketGridException.class,
                () -> Scenarios.run(study(1, "classes: {industrial: [load1], special: [load1]}"), out.resolve("d"), 1));
        assertEquals("test.yaml: households.classes.special[0]: load 'load1' is already in class industrial", twice.userMessage());
        assertEquals(Map.of(), YamlFiles.read("{}", "households", io.packetgrid.studies.coupled.scenario.HouseholdsSpec.class).classes());
    }
}
