package io.packetgrid.studies.sweep.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.spec.MetricRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricColumnsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode summary(String variants) throws Exception {
        return JSON.readTree("{\"study\": \"s\", \"variants\": " + variants + "}");
    }

    private static List<String> names(List<MetricColumn> cols) {
        return cols.stream().map(MetricColumn::name).toList();
    }

    @Test
    void everySingleValueOfEveryVariantInFirstSeenOrderWithoutSections() throws Exception {
        List<JsonNode> s = List.of(
                summary("{\"thermostat\": {\"mae_pct\": 23, \"published\": {\"mae_pct\": 23.0}}, \"pem\": {\"mae_pct\": 0.6, \"ok\": true}}"),
                summary("{\"pem\": {\"mae_pct\": 0.7, \"late\": 2}, \"pem_30\": {\"mae_pct\": 1.3}}"));
        assertEquals(List.of("thermostat.mae_pct", "pem.mae_pct", "pem.ok", "pem.late", "pem_30.mae_pct"),
                names(MetricColumns.resolve(null, s)));
    }

    @Test
    void bareNamesExpandPerVariantAndQualifiedNamesPickOne() throws Exception {
        List<JsonNode> s = List.of(summary("{\"a\": {\"m\": 1, \"k\": 2}, \"b\": {\"m\": 3}}"));
        List<MetricRequest> req = List.of(new MetricRequest(null, "m", "s.yaml:3: metrics[0]"),
                new MetricRequest("a", "k", "s.yaml:3: metrics[1]"), new MetricRequest("b", "m", "s.yaml:3: metrics[2]"));
        assertEquals(List.of("a.m", "b.m", "a.k"), names(MetricColumns.resolve(req, s)), "no column twice");
    }

    @Test
    void unknownMetricsNameTheirSweepEntry() throws Exception {
        List<JsonNode> s = List.of(summary("{\"a\": {\"m\": 1, \"sec\": {\"x\": 1}}}"));
        assertEquals("s.yaml:3: metrics[0]: no variant reports a metric 'q' (metrics: m)", assertThrows(PacketGridException.class,
                () -> MetricColumns.resolve(List.of(new MetricRequest(null, "q", "s.yaml:3: metrics[0]")), s)).userMessage());
        assertEquals("s.yaml:3: metrics[0]: no variant 'z' in the runs' summary.json (variants: a)", assertThrows(PacketGridException.class,
                () -> MetricColumns.resolve(List.of(new MetricRequest("z", "m", "s.yaml:3: metrics[0]")), s)).userMessage());
        assertEquals("s.yaml:3: metrics[0]: variant 'a' has no metric 'sec' (it has: m)", assertThrows(PacketGridException.class,
                () -> MetricColumns.resolve(List.of(new MetricRequest("a", "sec", "s.yaml:3: metrics[0]")), s)).userMessage());
    }
}
