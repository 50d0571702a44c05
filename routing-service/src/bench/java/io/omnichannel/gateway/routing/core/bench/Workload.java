package io.omnichannel.gateway.routing.core.bench;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.core.AgentProfile;
import io.omnichannel.gateway.routing.core.WorkRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, reproducible contact-centre population: agents with per-channel capacities, skills and a team,
 * already holding some work; waiting items of mixed channels, most without constraints, some with skills,
 * teams, exclusions or a preferred agent.
 *
 * <p>Agents: chat 3 (80 %), email 10 (60 %), sms 5 (50 %), social 5 (30 %), phone 1 (25 %; phone is
 * exclusive); skills en 90 %, es 30 %, fr 10 %, de 5 %, billing 20 %, tech 20 %; one of 20 teams; each
 * starts with up to half of each non-phone capacity in use (a tenth of the phone agents are on a call).
 * Items: chat 35 %, email 30 %, sms 15 %, social 10 %, phone 10 %; 80 % unconstrained, 10 % one language
 * (es, fr, de), 5 % billing or tech plus optional en, 2 % one team, 2 % a preferred agent for 60 s,
 * 1 % excluding two agents; arrived within the last hour, due at arrival + the channel's target minus
 * one minute per priority level.
 */
final class Workload {

    static final long NOW = 1_000_000_000L;
    private static final Channel[] ITEM_CHANNELS = {Channel.CHAT, Channel.EMAIL, Channel.SMS, Channel.SOCIAL, Channel.PHONE};
    private static final int[] ITEM_CHANNEL_PERCENT = {35, 30, 15, 10, 10};
    private static final String[] LANGUAGES = {"es", "fr", "de"};

    final List<AgentProfile> agents = new ArrayList<>();
    final List<Map<Channel, Integer>> loads = new ArrayList<>();
    final List<Long> lastAssigned = new ArrayList<>();
    final List<WorkRequest> items = new ArrayList<>();
    /** One entry per conversation the agents hold at the start, in random order: who releases what next. */
    final List<Held> held = new ArrayList<>();
    private final Random random;
    private long nextItem;

    record Held(String agentId, Channel channel) {
    }

    private Workload(long seed) {
        random = new Random(seed);
    }

    static Workload generate(int agentCount, int itemCount, long seed) {
        Workload workload = new Workload(seed);
        for (int i = 0; i < agentCount; i++) {
            workload.addAgent(String.format("agent-%05d", i));
        }
        for (int i = 0; i < itemCount; i++) {
            workload.items.add(workload.item(NOW - workload.random.nextInt(3_600_000)));
        }
        java.util.Collections.shuffle(workload.held, workload.random);
        return workload;
    }

    /** Loads agents and waiting items into the router. */
    void into(Router router) {
        for (int i = 0; i < agents.size(); i++) {
            router.putAgent(agents.get(i), true, loads.get(i), lastAssigned.get(i));
        }
        for (WorkRequest item : items) {
            router.addWork(item);
        }
    }

    /** A new item arriving at {@code arrivedAtMillis}. */
    WorkRequest item(long arrivedAtMillis) {
        Channel channel = pick(ITEM_CHANNELS, ITEM_CHANNEL_PERCENT);
        int priority = random.nextInt(4);
        long due = arrivedAtMillis + target(channel) - 60_000L * (3 - priority);
        Set<String> required = Set.of();
        Set<String> optional = Set.of();
        Set<String> teams = Set.of();
        Set<String> excluded = Set.of();
        String preferred = null;
        long preferUntil = 0;
        int kind = random.nextInt(100);
        if (kind < 10) {
            required = Set.of(LANGUAGES[random.nextInt(LANGUAGES.length)]);
        } else if (kind < 15) {
            required = Set.of(random.nextBoolean() ? "billing" : "tech");
            optional = Set.of("en");
        } else if (kind < 17) {
            teams = Set.of(team(random.nextInt(20)));
        } else if (kind < 19) {
            preferred = agents.get(random.nextInt(agents.size())).id();
            preferUntil = arrivedAtMillis + 60_000;
        } else if (kind < 20) {
            int first = random.nextInt(agents.size());
            int second = (first + 1 + random.nextInt(agents.size() - 1)) % agents.size();
            excluded = Set.of(agents.get(first).id(), agents.get(second).id());
        }
        return new WorkRequest("item-" + nextItem++, channel, due, arrivedAtMillis, priority, required, optional, false,
                teams, excluded, preferred, preferUntil);
    }

    private void addAgent(String id) {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        putIf(capacity, Channel.CHAT, 3, 80);
        putIf(capacity, Channel.EMAIL, 10, 60);
        putIf(capacity, Channel.SMS, 5, 50);
        putIf(capacity, Channel.SOCIAL, 5, 30);
        putIf(capacity, Channel.PHONE, 1, 25);
        if (capacity.isEmpty()) {
            capacity.put(Channel.CHAT, 3);
        }
        Set<String> skills = new HashSet<>();
        addIf(skills, "en", 90);
        addIf(skills, "es", 30);
        addIf(skills, "fr", 10);
        addIf(skills, "de", 5);
        addIf(skills, "billing", 20);
        addIf(skills, "tech", 20);
        Map<Channel, Integer> load = new EnumMap<>(Channel.class);
        if (capacity.containsKey(Channel.PHONE) && random.nextInt(10) == 0) {
            load.put(Channel.PHONE, 1);
        } else {
            capacity.forEach((channel, slots) -> {
                if (channel != Channel.PHONE) {
                    load.put(channel, random.nextInt(slots / 2 + 1));
                }
            });
        }
        load.forEach((channel, count) -> {
            for (int i = 0; i < count; i++) {
                held.add(new Held(id, channel));
            }
        });
        agents.add(new AgentProfile(id, capacity, skills, Set.of(team(random.nextInt(20)))));
        loads.add(load);
        lastAssigned.add(NOW - random.nextInt(600_000));
    }

    private void putIf(Map<Channel, Integer> capacity, Channel channel, int slots, int percent) {
        if (random.nextInt(100) < percent) {
            capacity.put(channel, slots);
        }
    }

    private void addIf(Set<String> skills, String skill, int percent) {
        if (random.nextInt(100) < percent) {
            skills.add(skill);
        }
    }

    private Channel pick(Channel[] channels, int[] percents) {
        int dice = random.nextInt(100);
        for (int i = 0; i < channels.length; i++) {
            dice -= percents[i];
            if (dice < 0) {
                return channels[i];
            }
        }
        return channels[channels.length - 1];
    }

    private static String team(int number) {
        return String.format("team-%02d", number);
    }

    private static long target(Channel channel) {
        return switch (channel) {
            case CHAT -> 600_000L;
            case SMS -> 3_600_000L;
            case PHONE -> 14_400_000L;
            case EMAIL -> 86_400_000L;
            case SOCIAL -> 172_800_000L;
        };
    }
}
