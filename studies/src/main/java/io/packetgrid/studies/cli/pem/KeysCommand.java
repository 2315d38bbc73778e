package io.packetgrid.studies.cli.pem;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.protocol.DeviceKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keys generate --devices N --out KEYS.csv}: per-device secret keys (CLI.md, docs/protocol.md). */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Per-device secret keys for the packet server's authenticated protocol.",
        subcommands = {KeysCommand.Generate.class})
public final class KeysCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Writes a 32-byte random key for each device id 1..N as CSV (device_id,key_hex).",
                    "The file is readable by its owner only (0600). Keep it secret: whoever has a key can request",
                    "packets for that device. Up to 100,000,000 devices (about 7.5 GB of CSV), in constant memory."})
    static final class Generate implements Callable<Integer> {
        @Option(names = "--devices", required = true, paramLabel = "N", description = "Number of devices (ids 1..N, N ≤ 100000000).")
        long devices;

        @Option(names = "--out", required = true, paramLabel = "KEYS.csv", description = "Output file (replaced).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (devices < 1 || devices > DeviceKeys.MAX_ID) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--devices must be in [1, " + DeviceKeys.MAX_ID + "], got " + devices);
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new PacketGridException(out.toString(), "the folder does not exist");
            }
            SecureRandom random = new SecureRandom();
            DeviceKeys.writeGenerated(devices, out, random::nextBytes);
            System.out.println("wrote " + devices + " device keys to " + out);
            return 0;
        }
    }
}
