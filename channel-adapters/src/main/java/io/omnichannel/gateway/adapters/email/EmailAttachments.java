package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.email.mime.EmailAttachment;
import io.omnichannel.gateway.contract.Attachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the files of inbound mail are kept: in the adapters' database, each served at
 * {@code <public-base-url>/email/attachments/<random id>}, the URL agents' desktops fetch. A file over
 * {@code adapters.email.max-attachment-bytes} is not kept: it stays in the message as name, type and size
 * without a {@code ref}, and the message says so in a note.
 */
@ApplicationScoped
public class EmailAttachments {

    public record StoredFile(String name, String contentType, byte[] content) {
    }

    private final EntityManager entityManager;
    private final String baseUrl;

    EmailAttachments(EntityManager entityManager, AdaptersConfig config) {
        this.entityManager = entityManager;
        this.baseUrl = config.publicBaseUrl().replaceAll("/+$", "") + "/email/attachments/";
    }

    /** Stores the files of message {@code messageId} (once: a retry gets the same refs) and returns them as the contract's attachments. */
    @Transactional
    public List<Attachment> store(String messageId, List<EmailAttachment> files) {
        List<Attachment> attachments = new ArrayList<>();
        for (int index = 0; index < files.size(); index++) {
            EmailAttachment file = files.get(index);
            String ref = null;
            if (file.content() != null) {
                Object id = entityManager.createNativeQuery("""
                                INSERT INTO email_attachment (id, message_id, part_index, name, content_type, size, content)
                                VALUES (:id, :message, :index, :name, :type, :size, :content)
                                ON CONFLICT (message_id, part_index) DO UPDATE SET message_id = EXCLUDED.message_id
                                RETURNING id""")
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("message", messageId)
                        .setParameter("index", index)
                        .setParameter("name", file.name())
                        .setParameter("type", file.contentType())
                        .setParameter("size", file.size())
                        .setParameter("content", file.content())
                        .getSingleResult();
                ref = baseUrl + id;
            }
            attachments.add(new Attachment(file.name(), file.contentType(), file.size(), ref));
        }
        return attachments;
    }

    @Transactional
    public Optional<StoredFile> find(UUID id) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT name, content_type, content FROM email_attachment WHERE id = :id")
                .setParameter("id", id)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new StoredFile((String) row[0], (String) row[1], (byte[]) row[2]));
    }
}
