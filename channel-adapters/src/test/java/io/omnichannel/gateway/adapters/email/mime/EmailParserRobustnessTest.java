package io.omnichannel.gateway.adapters.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.support.Samples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged mail (cut short, bytes overwritten, stray MIME syntax inserted) is parsed or refused, never a crash. */
class EmailParserRobustnessTest {

    private static final byte[] DEBRIS = ("\r\n--\r\nContent-Type: multipart/mixed; boundary=\"\"\r\n\r\n=?gb2312?Q?=A9=60?= <a@\r\n"
            + "\tContent-Disposition: attachment; filename*0*=x''%FF\"<>;:*'%=?utf-8?B?").getBytes(StandardCharsets.US_ASCII);

    @Test
    void parsesOrRefusesDamagedSamplesButNeverFails() {
        List<byte[]> samples = new ArrayList<>();
        Samples.json("email/expected_decoded.json").path("files").fieldNames()
                .forEachRemaining(file -> samples.add(EmailSamples.bytes(file)));
        EmailParser parser = new EmailParser(EmailLimits.defaults());
        Random random = new Random(20261202);
        int parsed = 0;
        int refused = 0;

        for (int round = 0; round < 2000; round++) {
            byte[] damaged = damage(samples.get(random.nextInt(samples.size())), random);
            try {
                ParsedEmail email = parser.parse(damaged);
                assertThat(email.text()).isNotNull();
                assertThat(email.newText()).isNotNull();
                parsed++;
            } catch (MalformedEmailException expected) {
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " failed on " + new String(damaged, StandardCharsets.ISO_8859_1), e);
            }
        }

        assertThat(parsed).isGreaterThan(1600);
        assertThat(refused).isPositive();
    }

    private static byte[] damage(byte[] sample, Random random) {
        byte[] bytes = Arrays.copyOf(sample, sample.length);
        switch (random.nextInt(3)) {
            case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1 -> {
                for (int i = 1 + random.nextInt(20); i > 0; i--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            default -> {
                for (int i = 1 + random.nextInt(5); i > 0; i--) {
                    int at = random.nextInt(bytes.length);
                    int from = random.nextInt(DEBRIS.length / 2);
                    int length = random.nextInt(DEBRIS.length - from);
                    byte[] longer = new byte[bytes.length + length];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    System.arraycopy(DEBRIS, from, longer, at, length);
                    System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }

    @Test
    void keepsEachDistinctPlainAlternative() {
        JsonNode expected = Samples.json("email/expected_decoded.json").path("files").path("mime/enmime_mime-alternative.eml");
        ParsedEmail email = EmailSamples.parse("mime/enmime_mime-alternative.eml");

        assertThat(expected.path("parts")).hasSize(2);
        assertThat(email.text()).isEqualTo("Section one\n\nSection two");
    }
}
