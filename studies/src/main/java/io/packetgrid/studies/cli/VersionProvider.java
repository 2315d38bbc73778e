package io.packetgrid.studies.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (set by Maven), with the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = PacketGridCommand.class.getPackage().getImplementationVersion();
        return new String[] {"packetgrid " + (v == null ? "development build" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
