package io.packetgrid.pem.protocol;

import io.netty.util.concurrent.FastThreadLocal;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The frame MAC: HMAC-SHA256 (RFC 2104, FIPS 198-1) over bytes 0…23 of the frame, truncated to
 * its first 64 bits (RFC 2104 §5; NIST SP 800-107 Rev. 1 §5.3.3). Computed without allocation (per-thread digest and buffers).
 */
public final class FrameMac {
    private static final int BLOCK = 64;
    private static final int DIGEST = 32;

    /**
     * Per-thread scratch: one SHA-256 digest and the pad and digest buffers, so a MAC allocates
     * nothing (HMAC by hand, RFC 2104: H((K ^ opad) || H((K ^ ipad) || m)); the 32-byte key is
     * shorter than the 64-byte block, so it is zero-padded, never hashed).
     */
    private static final class Scratch {
        final MessageDigest sha;
        /** K ^ ipad and K ^ opad: bytes 32..63 are the constant pad (the key is 32 bytes), set once. */
        final byte[] ipad = new byte[BLOCK];
        final byte[] opad = new byte[BLOCK];
        final byte[] inner = new byte[DIGEST];
        final byte[] outer = new byte[DIGEST];

        Scratch() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
            java.util.Arrays.fill(ipad, (byte) 0x36);
            java.util.Arrays.fill(opad, (byte) 0x5c);
        }
    }

    /** A FastThreadLocal: an array index on Netty's event-loop threads (a JDK ThreadLocal elsewhere). */
    private static final FastThreadLocal<Scratch> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected Scratch initialValue() {
            return new Scratch();
        }
    };

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

    /** The full HMAC-SHA256 of frame[0..24), in a per-thread buffer (valid until the next call on this thread). */
    private static byte[] compute(byte[] frame, byte[] keys, int keyOffset) {
        Scratch s = SCRATCH.get();
        MessageDigest sha = s.sha; // digest(...) leaves it reset
        byte[] ipad = s.ipad;
        byte[] opad = s.opad;
        for (int i = 0; i < Frames.KEY_BYTES; i++) {
            byte k = keys[keyOffset + i];
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        try {
            sha.update(ipad, 0, BLOCK);
            sha.update(frame, 0, Frames.MAC_OFFSET);
            sha.digest(s.inner, 0, DIGEST);
            sha.update(opad, 0, BLOCK);
            sha.update(s.inner, 0, DIGEST);
            sha.digest(s.outer, 0, DIGEST);
        } catch (java.security.DigestException e) {
            sha.reset();
            throw new IllegalStateException(e);
        }
        return s.outer;
    }

    /** Constant-time equality of two byte arrays (for tests and tools). */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
