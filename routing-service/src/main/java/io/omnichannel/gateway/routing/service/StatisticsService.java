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

    /** @param expectedWaitSeconds null when it cannot be estimated (nobody picked anything up recently) */
    public record ExpectedWait(String channel, String inbox, long waitingAhead, double pickupsPerMinute,
            Long expectedWaitSeconds) {
    }

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

    /** Conversations waiting ahead (in the channel, or in the inbox when given) divided by the recent pick-up rate. */
    @Transactional
    public ExpectedWait expectedWait(Channel channel, String inbox) {
        Instant now = Instant.now();
        long ahead = count(entityManager.createNativeQuery("""
                SELECT count(*) FROM work_item WHERE status = 'WAITING' AND channel = :channel
                  AND (CAST(:inbox AS TEXT) IS NULL OR inbox = :inbox)
                """).setParameter("channel", channel.name()).setParameter("inbox", inbox).getSingleResult());
        double rate = pickupsPerMinute(channel, now);
        Long seconds = null;
        if (rate > 0) {
            seconds = Math.round(ahead / rate * 60);
        }
        return new ExpectedWait(channel.wireName(), inbox, ahead, rate, seconds);
    }

    private double pickupsPerMinute(Channel channel, Instant now) {
        long picked = count(entityManager.createNativeQuery("""
                SELECT count(*) FROM work_item WHERE channel = :channel AND assigned_at > :since
                """).setParameter("channel", channel.name()).setParameter("since", now.minus(RATE_WINDOW)).getSingleResult());
        return picked / (double) RATE_WINDOW.toMinutes();
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant : ((java.sql.Timestamp) value).toInstant();
    }
}
