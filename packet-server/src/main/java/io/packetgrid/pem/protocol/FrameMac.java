package io.packetgrid.pem.protocol;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The frame MAC: HMAC-SHA256 (RFC 2104, FIPS 198-1) over bytes 0…23 of the frame, truncated to
 * its first 64 bits (RFC 2104 §5; NIST SP 800-107 Rev. 1 §5.3.3). One {@link Mac} per thread.
 */
public final class FrameMac {
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    });

    private FrameMac() {
    }

    /** Computes the MAC of {@code frame[0..24)} with the key at {@code keys[keyOffset..+32)} into frame[24..32). */
    public static void sign(byte[] frame, byte[] keys, int keyOffset) {
        byte[] full = compute(frame, keys, keyOffset);
        System.arraycopy(full, 0, frame, Frames.MAC_OFFSET, Frames.MAC_BYTES);
    }

    /** Whether frame[24..32) is the MAC of frame[0..24) under the key (constant-time compare). */
    public static boolean verify(byte[] frame, byte[] keys, int keyOffset) {
        byte[] full = compute(frame, keys, keyOffset);
        int diff = 0;
        for (int i = 0; i < Frames.MAC_BYTES; i++) {
            diff |= full[i] ^ frame[Frames.MAC_OFFSET + i];
        }
        return diff == 0;
    }

    private static byte[] compute(byte[] frame, byte[] keys, int keyOffset) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec(keys, keyOffset, Frames.KEY_BYTES, "HmacSHA256"));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        mac.update(frame, 0, Frames.MAC_OFFSET);
        return mac.doFinal();
    }

    /** Constant-time equality of two byte arrays (for tests and tools). */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
