package descent.grade.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The line protocol from the grading JVM to its parent: one JSON event per line, signed with an
 * HMAC-SHA256 under a key the parent made for this run and sent on the child's standard input.
 *
 * <p>The student's code shares the child's standard output; it can print a line that looks like
 * an event, but cannot sign it (the key lives only in the runner's stack frame and the parent), so
 * the parent ignores it. Events: {@code cell-start}, {@code cell-end}, {@code test-start},
 * {@code test-end}, {@code done}.
 */
final class Protocol {
    static final String PREFIX = "\u0001descent ";
    static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] key;
    private final OutputStream out;

    Protocol(byte[] key, OutputStream out) {
        this.key = key.clone();
        this.out = out;
    }

    /** A fresh object node for an event. */
    static ObjectNode event(String type) {
        return JSON.createObjectNode().put("event", type);
    }

    /** Signs and writes one event line. */
    synchronized void send(ObjectNode event) {
        try {
            String json = JSON.writeValueAsString(event);
            out.write((PREFIX + sign(key, json) + " " + json + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the parent is gone: nothing left to report to
        }
    }

    /** The event in {@code line} when it is correctly signed with {@code key}, else null. */
    static JsonNode verify(byte[] key, String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        String mac = rest.substring(0, space);
        String json = rest.substring(space + 1);
        if (!MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
                sign(key, json).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    static String sign(byte[] key, String json) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal(json.getBytes(StandardCharsets.UTF_8));
            StringBuilder s = new StringBuilder();
            for (byte b : h) {
                s.append(String.format("%02x", b & 0xff));
            }
            return s.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
