package io.omnichannel.gateway.adapters.bench;

import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.sms.twilio.TwilioSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Correctly signed Twilio SMS webhooks, each with its own MessageSid, prepared before a run so that
 * signing costs the load generator nothing while it measures. Customers rotate over a few thousand
 * numbers, so messages spread over the topic's partitions as real traffic does.
 */
final class SignedSms {

    static final String TEXT = "Hello, my parcel 4711 has not arrived yet. Can you check where it is? Thanks!";
    static final String INBOX_NUMBER = "+15550001111";
    private static final int CUSTOMERS = 5000;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    record Request(String body, String signature) {
    }

    private final String token;
    private final String publicUrl;

    SignedSms(String token, String publicUrl) {
        this.token = token;
        this.publicUrl = publicUrl;
    }

    Request[] prepare(int count) {
        Request[] requests = new Request[count];
        for (int i = 0; i < count; i++) {
            long n = SEQUENCE.incrementAndGet();
            String body = "MessageSid=SM" + String.format("%032x", n) + "&AccountSid=ACbench&From="
                    + enc("+1415" + (5_000_000 + n % CUSTOMERS)) + "&To=" + enc(INBOX_NUMBER) + "&Body=" + enc(TEXT)
                    + "&NumMedia=0&NumSegments=1";
            requests[i] = new Request(body, TwilioSignature.sign(token, publicUrl, FormBody.parse(body).pairs()));
        }
        return requests;
    }

    static String customer(long n) {
        return "+1415" + (5_000_000 + n % CUSTOMERS);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
