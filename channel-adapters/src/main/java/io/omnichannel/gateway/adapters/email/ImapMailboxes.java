package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.outbound.StatusReports;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/** Starts a watcher for every inbox with {@code provider=imap} when the service starts, and stops them with it. */
@ApplicationScoped
public class ImapMailboxes {

    public static final String PROVIDER = "imap";

    private final List<ImapMailbox> mailboxes = new ArrayList<>();

    void start(@Observes StartupEvent started, InboxRegistry inboxes, EmailConfig config, EmailIntake intake,
            InboundPipeline pipeline, StatusReports statusReports) {
        inboxes.ofProvider(PROVIDER).forEach(inbox -> {
            ImapMailbox mailbox = new ImapMailbox(inbox, config, intake, pipeline, statusReports);
            mailboxes.add(mailbox);
            mailbox.start();
        });
    }

    void stop(@Observes ShutdownEvent stopping) {
        mailboxes.forEach(ImapMailbox::stop);
    }
}
