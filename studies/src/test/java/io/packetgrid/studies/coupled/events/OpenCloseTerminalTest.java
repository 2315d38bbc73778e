package io.packetgrid.studies.coupled.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.grid.federate.SwitchInput;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coupled {@code open}/{@code close} events switch one terminal, terminal 1 when none is given, as OpenDSS's
 * {@code Open}/{@code Close} commands do. The reference is OpenDSS's source (DSS C-API, ExecHelper.pas
 * DoOpenCmd/DoCloseCmd: {@code Terminal := Parser.IntValue} is 0 for a missing parameter;
 * CktElement.pas Set_ActiveTerminal ignores 0, so a fresh element's active terminal, index 0 = terminal 1,
 * is switched, every phase conductor of it, since the conductor is 0 too).
 */
class OpenCloseTerminalTest {

    private static final String STUDY = """
            kind: coupled
            duration: 1h
            feeder: {script: builtin:european-lv}
            events:
            %s
            """;

    private static EventPlan plan(String events) {
        CoupledScenario s = YamlFiles.read(String.format(STUDY, events), "test.yaml", CoupledScenario.class);
        FeederTemplate t = FeederTemplate.load(s.feeder(), null, "test.yaml: feeder", 0, 60_000_000_000L, 2);
        return EventPlan.of(s, t.feeder(), List.of(), "f1", "test.yaml");
    }

    @Test
    void openAndCloseWithoutATerminalSwitchTerminalOneAsOpenDss() {
        EventPlan p = plan("  - {at: 10m, kind: open, element: Line.LINE5}\n  - {at: 20m, kind: close, element: LINE5}");
        assertEquals(1, p.switches().size(), "open and close act on the same terminal");
        SwitchInput sw = p.switches().get(0);
        assertEquals(1, sw.terminal());
        assertEquals("f1/events/switch/line.line5/1", sw.key());
        assertEquals(2, p.switching().size());
        assertEquals(true, p.switching().get(0).open());
        assertEquals(false, p.switching().get(1).open());
    }

    @Test
    void aGivenTerminalIsThatTerminalAndClosingTheOtherOneLeavesItOpen() {
        EventPlan p = plan("  - {at: 10m, kind: open, element: Line.LINE5, terminal: 2}\n  - {at: 20m, kind: close, element: LINE5}");
        assertEquals(List.of(2, 1), p.switches().stream().map(SwitchInput::terminal).toList());
        assertEquals(p.switches().get(0).key(), p.switching().get(0).key());
        assertEquals(p.switches().get(1).key(), p.switching().get(1).key());
    }

    @Test
    void terminalZeroOrBeyondTheElementIsRefused() {
        for (int t : new int[] {0, 3}) {
            PacketGridException e = assertThrows(PacketGridException.class,
                    () -> plan("  - {at: 10m, kind: open, element: Line.LINE5, terminal: " + t + "}"));
            assertEquals("test.yaml: events[0].terminal: Line.line5 has terminals 1..2 (one terminal per event, default 1 as "
                    + "OpenDSS's Open/Close)", e.userMessage());
        }
    }
}
