package io.omnichannel.gateway.adapters.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP and IMAP server (GreenMail) on free ports: replies are sent through its SMTP, and the
 * IMAP inbox {@code mail-imap} ({@value #SUPPORT}) is polled on it.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    public static final String SUPPORT = "support@gateway.test";
    public static final String SUPPORT_PASSWORD = "imap-password";

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD);
        String inbox = "adapters.inboxes.\"mail-imap\".";
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()),
                inbox + "channel", "email",
                inbox + "provider", "imap",
                inbox + "address", SUPPORT,
                inbox + "secret", SUPPORT_PASSWORD,
                inbox + "options.host", "127.0.0.1",
                inbox + "options.port", String.valueOf(greenMail.getImap().getPort()),
                inbox + "options.tls", "false",
                inbox + "options.from-name", "Example Support");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail,
                new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
