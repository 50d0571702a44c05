package io.omnichannel.gateway.adapters.email.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The email samples under {@code src/test/resources/samples/email}, and messages written in a test. */
final class EmailSamples {

    private EmailSamples() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = EmailSamples.class.getResourceAsStream("/samples/email/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample email/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedEmail parse(String path) {
        return new EmailParser(EmailLimits.defaults()).parse(bytes(path));
    }

    /** A message from lines joined with CRLF, as mail is sent. */
    static byte[] message(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
