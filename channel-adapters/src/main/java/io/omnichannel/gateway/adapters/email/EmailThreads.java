package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.email.mime.ParsedEmail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The References chain of each customer mail, so a reply threads in the customer's mail client:
 * {@code In-Reply-To} = the mail answered, {@code References} = its chain followed by its own id.
 */
@ApplicationScoped
public class EmailThreads {

    /** Mail clients cope with long chains, but a header must stay sane: the root and the newest ids are kept. */
    private static final int MAX_REFERENCES = 20;

    private final EntityManager entityManager;

    EmailThreads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void record(String inbox, ParsedEmail email) {
        if (email.messageId() == null) {
            return;
        }
        List<String> chain = new ArrayList<>(email.references());
        if (chain.isEmpty() && email.inReplyTo() != null) {
            chain.add(email.inReplyTo());
        }
        entityManager.createNativeQuery("""
                        INSERT INTO email_thread (inbox, message_id, references_chain) VALUES (:inbox, :id, :chain)
                        ON CONFLICT (inbox, message_id) DO NOTHING""")
                .setParameter("inbox", inbox)
                .setParameter("id", email.messageId())
                .setParameter("chain", String.join(" ", chain))
                .executeUpdate();
    }

    /** The References of a reply to {@code answered} (a Message-ID without brackets): its chain, then itself. */
    @Transactional
    public List<String> referencesForReplyTo(String inbox, String answered) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT references_chain FROM email_thread WHERE inbox = :inbox AND message_id = :id")
                .setParameter("inbox", inbox)
                .setParameter("id", answered)
                .getResultList();
        List<String> references = new ArrayList<>();
        if (!rows.isEmpty() && !((String) rows.get(0)).isBlank()) {
            references.addAll(Arrays.asList(((String) rows.get(0)).trim().split("\\s+")));
        }
        references.remove(answered);
        references.add(answered);
        if (references.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>(references.subList(references.size() - MAX_REFERENCES + 1, references.size()));
            kept.add(0, references.get(0));
            return kept;
        }
        return references;
    }
}
