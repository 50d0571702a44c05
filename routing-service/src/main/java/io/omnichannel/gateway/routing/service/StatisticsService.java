package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Queue statistics per channel and the expected wait a new conversation faces. */
@ApplicationScoped
public class StatisticsService {

    /** The window over which pick-up rates are measured. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(15);
    static final Duration ATTAINMENT_WINDOW = Duration.ofHours(24);

    /**
     * @param oldestAgeSeconds    how long the longest-waiting conversation has waited
     * @param oldestTargetSeconds its response target (due − clock start), to compare with its age
     * @param slaAttainment       share of responses in the last 24 h given before their due time; null without responses
     */
    public record ChannelStatistics(String channel, long waiting, long offered, long assigned, Long oldestAgeSeconds,
            Long oldestTargetSeconds, double assignmentsPerMinute, Double slaAttainment, long breachedWaiting) {
    }

    /**
     * @param pickupsPerMinute    the rate used: the inbox's own when it has at least {@value #MIN_INBOX_PICKUPS}
     *                            pick-ups in the window, otherwise the channel's ({@code rateScope} says which)
     * @param expectedWaitSeconds null when it cannot be estimated (nobody picked anything up recently)
     */
    public record ExpectedWait(String channel, String inbox, long waitingAhead, double pickupsPerMinute, String rateScope,
            Long expectedWaitSeconds) {
    }

    /** Pick-ups an inbox needs in the window before its own rate is trusted over its channel's. */
    static final int MIN_INBOX_PICKUPS = 10;

    private final EntityManager entityManager;

    StatisticsService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public List<ChannelStatistics> perChannel() {
        Instant now = Instant.now();
        List<ChannelStatistics> all = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            Object[] queue = (Object[]) entityManager.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE status = 'WAITING'),
                           count(*) FILTER (WHERE status = 'OFFERED'),
                           count(*) FILTER (WHERE status = 'ASSIGNED'),
                           count(*) FILTER (WHERE status = 'WAITING' AND sla_state = 'BREACHED')
                    FROM work_item WHERE channel = :channel AND status <> 'RESOLVED'
                    """).setParameter("channel", channel.name()).getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object[]> oldest = entityManager.createNativeQuery("""
                    SELECT clock_started_at, due_at FROM work_item
                    WHERE channel = :channel AND status = 'WAITING' ORDER BY clock_started_at LIMIT 1
                    """).setParameter("channel", channel.name()).getResultList();
            Object[] responses = (Object[]) entityManager.createNativeQuery("""
                    SELECT count(*), count(*) FILTER (WHERE responded_at <= due_at)
                    FROM response_log WHERE channel = :channel AND responded_at > :since
                    """).setParameter("channel", channel.name()).setParameter("since", now.minus(ATTAINMENT_WINDOW))
                    .getSingleResult();
            long answered = ((Number) responses[0]).longValue();
            Long oldestAge = oldest.isEmpty() ? null : Duration.between(instant(oldest.get(0)[0]), now).toSeconds();
            Long oldestTarget = oldest.isEmpty() ? null
                    : Duration.between(instant(oldest.get(0)[0]), instant(oldest.get(0)[1])).toSeconds();
            all.add(new ChannelStatistics(channel.wireName(), count(queue[0]), count(queue[1]), count(queue[2]),
                    oldestAge, oldestTarget, pickupsPerMinute(channel, now),
                    answered == 0 ? null : count(responses[1]) / (double) answered, count(queue[3])));
        }
        return all;
    }

    /**
     * Conversations waiting ahead (in the channel, or in the inbox when given) divided by the recent
     * pick-up rate: the inbox's own when it has enough pick-ups to go by, otherwise the channel's.
     */
    @Transactional
    public ExpectedWait expectedWait(Channel channel, String inbox) {
        Instant now = Instant.now();
        long ahead = count(entityManager.createNativeQuery("""
                SELECT count(*) FROM work_item WHERE status = 'WAITING' AND channel = :channel
                  AND (CAST(:inbox AS TEXT) IS NULL OR inbox = :inbox)
                """).setParameter("channel", channel.name()).setParameter("inbox", inbox).getSingleResult());
        long inboxPickups = inbox == null ? 0 : pickups(channel, inbox, now);
        boolean ownRate = inboxPickups >= MIN_INBOX_PICKUPS;
        double rate = (ownRate ? inboxPickups : pickups(channel, null, now)) / (double) RATE_WINDOW.toMinutes();
        Long seconds = null;
        if (rate > 0) {
            seconds = Math.round(ahead / rate * 60);
        }
        return new ExpectedWait(channel.wireName(), inbox, ahead, rate, ownRate ? "inbox" : "channel", seconds);
    }

    private double pickupsPerMinute(Channel channel, Instant now) {
        return pickups(channel, null, now) / (double) RATE_WINDOW.toMinutes();
    }

    /** Items of the channel (and inbox, when given) offered or assigned within the rate window. */
    private long pickups(Channel channel, String inbox, Instant now) {
        return count(entityManager.createNativeQuery("""
                SELECT count(*) FROM work_item WHERE channel = :channel AND assigned_at > :since
                  AND (CAST(:inbox AS TEXT) IS NULL OR inbox = :inbox)
                """).setParameter("channel", channel.name()).setParameter("inbox", inbox)
                .setParameter("since", now.minus(RATE_WINDOW)).getSingleResult());
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant : ((java.sql.Timestamp) value).toInstant();
    }
}
