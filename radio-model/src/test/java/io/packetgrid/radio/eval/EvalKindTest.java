package io.packetgrid.radio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input names its column; formatting keeps at least 13 significant digits. */
class EvalKindTest {

    private static Row row(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Row(m);
    }

    private static BadValueException bad(EvalKind k, String... kv) {
        return assertThrows(BadValueException.class, () -> k.evaluate(row(kv)));
    }

    @Test
    void badValuesNameTheirColumn() {
        assertEquals("n", bad(EvalKind.AWGN, "channel", "complex", "n", "0", "k_bits", "10", "snr_db", "3").column());
        assertEquals("n", bad(EvalKind.AWGN, "channel", "complex", "n", "-5", "k_bits", "10", "snr_db", "3").column());
        assertEquals("channel", bad(EvalKind.AWGN, "channel", "quantum", "n", "100", "k_bits", "10", "snr_db", "3").column());
        assertEquals("eps", bad(EvalKind.AWGN_MAXRATE, "channel", "real", "n", "100", "snr_db", "3", "eps", "0").column());
        assertEquals("eps", bad(EvalKind.AWGN_MAXRATE, "channel", "real", "n", "100", "snr_db", "3", "eps", "1").column());
        assertEquals("eps", bad(EvalKind.AWGN_MINSNR, "channel", "real", "n", "100", "k_bits", "50", "eps", "1.5").column());
        assertEquals("k_bits", bad(EvalKind.AWGN_MINSNR, "channel", "real", "n", "100", "k_bits", "3", "eps", "0.1").column());
        assertEquals("snr_db", bad(EvalKind.AWGN, "channel", "complex", "n", "100", "k_bits", "10", "snr_db", "NaN").column());
        assertEquals("snr_db", bad(EvalKind.AWGN, "channel", "complex", "n", "100", "k_bits", "10", "snr_db", "1e999").column());
        assertEquals("snr_avg_db", bad(EvalKind.RAYLEIGH, "n", "100", "k_bits", "10").column());
        assertEquals("alpha_far", bad(EvalKind.NOMA, "n", "100", "k_far", "10", "k_near", "10", "snr_db", "0",
                "alpha_far", "1.2", "g_far", "1", "g_near", "2", "xi", "0").column());
        assertEquals("xi", bad(EvalKind.NOMA_UPLINK, "n", "100", "k_1", "10", "k_2", "10", "snr_1_db", "0",
                "snr_2_db", "3", "xi", "-0.1").column());
        assertEquals("N", bad(EvalKind.ALOHA, "N", "0", "p", "0.1", "M", "4").column());
        assertEquals("M", bad(EvalKind.ALOHA, "N", "10", "p", "0.1", "M", "2.5").column());
        assertEquals("p", bad(EvalKind.ALOHA, "N", "10", "p", "1.1", "M", "2").column());
    }

    @Test
    void numbersCarrySixteenSignificantDigits() {
        assertEquals("1.234567890123457e-05", EvalKind.format(1.2345678901234567e-5));
        assertEquals("42", EvalKind.format(42L));
        String[] out = EvalKind.AWGN.evaluate(row("channel", "complex", "n", "150", "k_bits", "118", "snr_db", "2"));
        assertTrue(out[4].matches("\\d\\.\\d{15}e[-+]\\d{2,3}"), out[4]);
    }

    @Test
    void otherColumnsAreIgnoredAndOrderIsTheReadmes() {
        String[] out = EvalKind.ALOHA.evaluate(row("M", "48", "extra", "x", "p", "0.005", "N", "50"));
        assertEquals(EvalKind.ALOHA.columns().size(), out.length);
        assertEquals("50", out[0]);
        assertEquals("0.005", out[1]);
        assertEquals("48", out[2]);
        assertEquals(java.util.List.of("N", "p", "M", "p_success", "p_collision", "throughput", "throughput_per_channel",
                "G", "poisson_per_channel"), EvalKind.ALOHA.columns());
    }
}
