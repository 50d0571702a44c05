package io.omnichannel.gateway.adapters.sms.vonage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of concatenated SMS until all have arrived, in the database so that they survive a
 * restart (the provider does not send a part twice once it was answered 200). A group is the
 * sender's {@code concat-ref} at one inbox; its parts are kept after publishing so that a late
 * retry of a part is recognized.
 */
@ApplicationScoped
public class ConcatBuffer {

    /** One part as the provider sent it. */
    public record Part(String provider, String inbox, String sender, String ref, int total, int number,
            String externalId, String text, Instant sentAt, Instant receivedAt) {

        String groupKey() {
            return provider + "\n" + inbox + "\n" + sender + "\n" + ref + "\n" + total;
        }
    }

    /** What the buffer holds for the part's group after adding it. */
    public enum State {
        INCOMPLETE, COMPLETE, ALREADY_PUBLISHED
    }

    public record Group(State state, List<Part> parts) {
    }

    private final EntityManager entityManager;

    ConcatBuffer(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds a part (once: a retried part is not added again) and says whether its group is complete. */
    @Transactional
    public Group add(Part part) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", part.groupKey()).getSingleResult();
        List<?> earlier = entityManager.createNativeQuery(
                        "SELECT published_at FROM concat_part WHERE provider = :provider AND external_id = :id")
                .setParameter("provider", part.provider()).setParameter("id", part.externalId()).getResultList();
        if (!earlier.isEmpty() && earlier.get(0) != null) {
            return new Group(State.ALREADY_PUBLISHED, List.of());
        }
        if (earlier.isEmpty()) {
            entityManager.createNativeQuery("""
                            INSERT INTO concat_part (provider, external_id, inbox, sender, concat_ref, part_total, part_number,
                                text, sent_at, received_at)
                            VALUES (:provider, :id, :inbox, :sender, :ref, :total, :number, :text, :sentAt, :receivedAt)""")
                    .setParameter("provider", part.provider()).setParameter("id", part.externalId())
                    .setParameter("inbox", part.inbox()).setParameter("sender", part.sender())
                    .setParameter("ref", part.ref()).setParameter("total", part.total())
                    .setParameter("number", part.number()).setParameter("text", part.text())
                    .setParameter("sentAt", part.sentAt()).setParameter("receivedAt", part.receivedAt())
                    .executeUpdate();
        }
        List<Part> parts = openParts(part);
        return new Group(parts.size() == part.total() ? State.COMPLETE : State.INCOMPLETE, parts);
    }

    /** Marks the group published once its message is on the broker. */
    @Transactional
    public void markPublished(Part anyPart) {
        entityManager.createNativeQuery("""
                        UPDATE concat_part SET published_at = :now
                        WHERE provider = :provider AND inbox = :inbox AND sender = :sender AND concat_ref = :ref
                          AND part_total = :total AND published_at IS NULL""")
                .setParameter("now", Instant.now()).setParameter("provider", anyPart.provider())
                .setParameter("inbox", anyPart.inbox()).setParameter("sender", anyPart.sender())
                .setParameter("ref", anyPart.ref()).setParameter("total", anyPart.total())
                .executeUpdate();
    }

    /** Groups still incomplete whose first part arrived before {@code cutoff}, each as its parts. */
    @Transactional
    public List<List<Part>> overdue(Instant cutoff) {
        List<?> firstParts = entityManager.createNativeQuery("""
                        SELECT provider, inbox, sender, concat_ref, part_total FROM concat_part WHERE published_at IS NULL
                        GROUP BY provider, inbox, sender, concat_ref, part_total HAVING min(received_at) < :cutoff""")
                .setParameter("cutoff", cutoff).getResultList();
        List<List<Part>> groups = new ArrayList<>();
        for (Object row : firstParts) {
            Object[] key = (Object[]) row;
            groups.add(openParts(new Part((String) key[0], (String) key[1], (String) key[2], (String) key[3],
                    ((Number) key[4]).intValue(), 0, null, null, null, null)));
        }
        return groups;
    }

    /** Forgets published groups received before {@code cutoff}. */
    @Transactional
    public int purge(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM concat_part WHERE published_at IS NOT NULL AND received_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    /** The open parts of the group, one per part number (the first that arrived), in order. */
    private List<Part> openParts(Part key) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT part_number, external_id, text, sent_at, received_at FROM concat_part
                        WHERE provider = :provider AND inbox = :inbox AND sender = :sender AND concat_ref = :ref
                          AND part_total = :total AND published_at IS NULL
                        ORDER BY part_number, received_at""")
                .setParameter("provider", key.provider()).setParameter("inbox", key.inbox())
                .setParameter("sender", key.sender()).setParameter("ref", key.ref()).setParameter("total", key.total())
                .getResultList();
        Map<Integer, Part> byNumber = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] column = (Object[]) row;
            int number = ((Number) column[0]).intValue();
            byNumber.putIfAbsent(number, new Part(key.provider(), key.inbox(), key.sender(), key.ref(), key.total(), number,
                    (String) column[1], (String) column[2], instant(column[3]), instant(column[4])));
        }
        return List.copyOf(byNumber.values());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
