package io.packetgrid.studies.sweep.testkind;

/**
 * A Java agent that registers the test-only study kind before {@code main} runs, so end-to-end tests
 * can drive the real {@code ./packetgrid} launcher with it:
 * {@code PACKETGRID_JAVA_OPTS=-javaagent:sweep-test-kind.jar} (the agent's jar joins the class path).
 */
public final class TestKindsAgent {
    private TestKindsAgent() {
    }

    public static void premain(String args) {
        TestKinds.register();
    }
}
