package io.omnichannel.gateway.routing.core;

import io.omnichannel.gateway.contract.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The in-memory routing decision core: which waiting work item goes to which agent, now.
 *
 * <p>Pure Java and single-threaded: the caller synchronizes. The service loads agents and waiting items
 * into it, asks for decisions ({@link #next}, {@link #drain}) and commits each one; a decision is applied
 * here at once (the item leaves the queue, the agent's load goes up by one), so the next decision already
 * sees it.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li><b>Order.</b> Per channel, earliest {@code dueAtMillis} first, then lower priority number, then
 * earlier arrival, then id ({@link WorkRequest#ORDER}). Across channels, {@link #next} returns the
 * earliest item (same order) among those that can be assigned now: an item nobody can take does not hold
 * up later ones.</li>
 * <li><b>Eligibility.</b> The agent is online; its load on the item's channel is below its capacity there
 * (no capacity entry: it does not take the channel); it is not excluded; it has every required skill, and
 * every optional one unless they were dropped; it belongs to one of the eligible teams when there are
 * any. Mixing rule for the {@code exclusiveChannels} (e.g. PHONE): an agent holding any work on an
 * exclusive channel takes nothing else, and an agent holding any work takes no item of an exclusive
 * channel (so an agent on an exclusive channel holds exactly one item, whatever its capacity there).</li>
 * <li><b>Choice</b> among eligible agents by {@link Strategy}: LEAST_BUSY (lowest load/capacity on the
 * channel, then oldest last assignment, then id), LONGEST_IDLE (oldest last assignment, then id),
 * ROUND_ROBIN (assigned least recently by this core, never assigned first, then id).</li>
 * <li><b>Sticky routing.</b> While {@code now < preferUntilMillis}: a preferred agent who is eligible gets
 * the item; one who is online and would be eligible but has no free slot (full, or busy on an exclusive
 * channel) is waited for; one who is offline, unknown, or could never take the item (no capacity on the
 * channel, lacks a skill or team, excluded) is not waited for: anyone eligible. Afterwards, anyone
 * eligible. Time is expected not to go backwards: once a preference has lapsed for the core it stays
 * lapsed.</li>
 * </ul>
 *
 * <h2>Data structures and cost</h2>
 * <ul>
 * <li><b>Agents:</b> per channel, an ordered index (a {@link Treap}) of the agents with a free slot there,
 * in strategy order. An assignment moves the agent in the index of each channel where it has a free slot
 * (its last assignment is part of every key); a release moves it in one.</li>
 * <li><b>Waiting items</b> are grouped by their constraints (channel, effective skills, teams,
 * exclusions, preferred agent): items of a group are assignable or not together. Each group keeps its
 * items in assignment order, and the groups that may be assignable are kept in one ordered set across
 * channels, by their first item; {@link #next} takes the first and looks for its agent.</li>
 * <li><b>Blocked groups.</b> A group that no agent with a free slot fits is set aside in its channel's
 * ordered set of blocked groups. When an agent gets {@code k} more free slots on a channel, the first
 * {@code k} blocked groups it fits (in assignment order) are made ready again and reserved for it; if one
 * of those then goes to another agent, or has to wait for its preferred agent, the next blocked group
 * the agent fits is made ready. So a blocked group is never passed over while an agent that fits it has
 * a slot nobody else will fill first, and a free slot does not make every blocked group ready again.
 * Work waiting for its preferred agent is parked on that agent until it gets a free slot, changes
 * presence or profile, or the preference ends. Nothing is ever rebuilt.</li>
 * </ul>
 * Costs: a decision for an item without skill, team or exclusion constraints is O(log n) in agents and
 * items (the first agent of the channel index, a few tree updates). An item with skills, teams or
 * exclusions scans the channel's agent index in strategy order until the first agent that fits; a group
 * that no free agent fits costs one full scan, then stays blocked until an agent that fits gets a free
 * slot. An agent getting a free slot costs O(log n) plus a walk over the channel's blocked groups up to
 * the ones it fits.
 */
public final class DecisionCore {

    private static final Channel[] CHANNELS = Channel.values();
    private static final int ALL_CHANNELS = (1 << CHANNELS.length) - 1;

    /** {@link WorkRequest#ORDER} on the copies of the keys in {@link Waiting} (one object less to read). */
    private static final Comparator<Waiting> ITEM_ORDER = DecisionCore::compareItems;

    private static final Comparator<WorkGroup> HEAD_ORDER = (a, b) -> compareItems(a.head, b.head);

    private static final Comparator<Waiting> PREFERENCE_END_ORDER = (a, b) -> {
        int order = Long.compare(a.work.preferUntilMillis(), b.work.preferUntilMillis());
        return order != 0 ? order : compareItems(a, b);
    };

    private final Strategy strategy;
    private final int exclusiveMask;
    private final Map<String, AgentState> agents = new HashMap<>();
    private final ChannelState[] channels = new ChannelState[CHANNELS.length];
    private final Map<String, Waiting> waiting = new HashMap<>();
    private final Map<GroupKey, WorkGroup> groups = new HashMap<>();
    /** Groups that may be assignable, by their first item: {@link #next} takes them in this order. */
    private final Treap<WorkGroup> ready = new Treap<>(HEAD_ORDER);
    /** Groups with a preferred agent, by that agent's id. */
    private final Map<String, Set<WorkGroup>> stickyGroups = new HashMap<>();
    /** Items still preferring an agent, by the end of that preference. */
    private final TreeSet<Waiting> preferenceEnds = new TreeSet<>(PREFERENCE_END_ORDER);
    /** Bit positions for skill and team names, so that most eligibility checks are a mask test. */
    private final NameBits skillBits = new NameBits();
    private final NameBits teamBits = new NameBits();
    private long assignmentSequence;
    private long clock = Long.MIN_VALUE;

    public DecisionCore(Strategy strategy, Set<Channel> exclusiveChannels) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        int mask = 0;
        if (exclusiveChannels != null) {
            for (Channel channel : exclusiveChannels) {
                mask |= 1 << channel.ordinal();
            }
        }
        this.exclusiveMask = mask;
        for (int c = 0; c < CHANNELS.length; c++) {
            channels[c] = new ChannelState(agentOrder());
        }
    }

    public Strategy strategy() {
        return strategy;
    }

    // ---------------------------------------------------------------- agents

    /**
     * Adds or replaces an agent.
     *
     * @param load conversations the agent holds now, per channel (may include channels it no longer takes)
     * @param lastAssignedAtMillis when the agent was last given work (for LONGEST_IDLE and LEAST_BUSY ties)
     */
    public void putAgent(AgentProfile profile, boolean online, Map<Channel, Integer> load, long lastAssignedAtMillis) {
        Objects.requireNonNull(profile, "profile");
        int[] loads = new int[CHANNELS.length];
        if (load != null) {
            load.forEach((channel, held) -> {
                if (held < 0) {
                    throw new IllegalArgumentException("load of agent " + profile.id() + " on " + channel + " is negative: " + held);
                }
                loads[channel.ordinal()] = held;
            });
        }
        AgentState agent = agents.get(profile.id());
        if (agent == null) {
            agent = new AgentState(profile.id());
            agents.put(agent.id, agent);
        }
        agent.skills = profile.skills();
        agent.teams = profile.teams();
        agent.skillMask = skillBits.maskOf(agent.skills);
        agent.teamMask = teamBits.maskOf(agent.teams);
        agent.totalLoad = 0;
        agent.exclusiveLoad = 0;
        for (int c = 0; c < CHANNELS.length; c++) {
            agent.capacity[c] = profile.capacityOn(CHANNELS[c]);
            agent.load[c] = loads[c];
            agent.totalLoad += loads[c];
            if (isExclusive(c)) {
                agent.exclusiveLoad += loads[c];
            }
        }
        agent.online = online;
        agent.lastAssignedAt = lastAssignedAtMillis;
        reindex(agent, ALL_CHANNELS);
        // skills, teams or capacities may have changed: every free slot counts as new
        for (int mask = agent.freeMask; mask != 0; mask &= mask - 1) {
            int c = Integer.numberOfTrailingZeros(mask);
            unblockFor(agent, c, agent.freeSlots(c));
        }
        reconsiderStickyGroupsOf(agent.id);
    }

    /** Marks a known agent online or not; unknown agents are ignored. */
    public void setOnline(String agentId, boolean online) {
        AgentState agent = agents.get(agentId);
        if (agent == null || agent.online == online) {
            return;
        }
        agent.online = online;
        reindex(agent, 0);
        for (int mask = agent.freeMask; mask != 0; mask &= mask - 1) {
            int c = Integer.numberOfTrailingZeros(mask);
            unblockFor(agent, c, agent.freeSlots(c));
        }
        reconsiderStickyGroupsOf(agentId);
    }

    /** Forgets an agent; work preferring it no longer waits for it. Unknown agents are ignored. */
    public void removeAgent(String agentId) {
        AgentState agent = agents.remove(agentId);
        if (agent == null) {
            return;
        }
        for (int mask = agent.freeMask; mask != 0; mask &= mask - 1) {
            int c = Integer.numberOfTrailingZeros(mask);
            channels[c].free.remove(agent.slots[c]);
        }
        agent.freeMask = 0;
        agent.removed = true;
        reconsiderStickyGroupsOf(agentId);
    }

    /**
     * The agent finished one conversation on {@code channel}: its load there goes down by one. Ignored for
     * an unknown agent or one holding nothing on that channel.
     */
    public void release(String agentId, Channel channel) {
        AgentState agent = agents.get(agentId);
        int c = channel.ordinal();
        if (agent == null || agent.load[c] == 0) {
            return;
        }
        int before = agent.freeMask;
        agent.load[c]--;
        agent.totalLoad--;
        if (isExclusive(c)) {
            agent.exclusiveLoad--;
        }
        // only LEAST_BUSY orders by load; the others' keys did not change
        reindex(agent, strategy == Strategy.LEAST_BUSY ? 1 << c : 0);
        for (int mask = agent.freeMask; mask != 0; mask &= mask - 1) {
            int free = Integer.numberOfTrailingZeros(mask);
            if ((before >>> free & 1) == 0) {
                unblockFor(agent, free, agent.freeSlots(free)); // free there again (this channel or, mixing, another)
            } else if (free == c) {
                unblockFor(agent, c, 1); // one more slot where it was free already
            }
        }
        unparkFor(agent, agent.freeMask & ~before);
    }

    /** The agent's load on {@code channel} as the core counts it; 0 for an unknown agent. */
    public int load(String agentId, Channel channel) {
        AgentState agent = agents.get(agentId);
        return agent == null ? 0 : agent.load[channel.ordinal()];
    }

    /** Whether some online agent could take work on {@code channel} now: a free slot there, and no mixing rule against it. */
    public boolean hasFreeSlot(Channel channel) {
        return !channels[channel.ordinal()].free.isEmpty();
    }

    public boolean hasAgent(String agentId) {
        return agents.containsKey(agentId);
    }

    public int agentCount() {
        return agents.size();
    }

    // ---------------------------------------------------------------- work

    /** Adds waiting work, replacing a waiting item with the same id. */
    public void addWork(WorkRequest work) {
        Objects.requireNonNull(work, "work");
        Waiting previous = waiting.remove(work.id());
        if (previous != null) {
            forget(previous);
        }
        Waiting item = new Waiting(work);
        boolean sticky = work.preferredAgent() != null && work.preferUntilMillis() > clock;
        WorkGroup plain = channels[work.channel().ordinal()].unconstrained;
        addToGroup(item, plain != null && !sticky && isUnconstrained(work) ? plain : groupFor(keyOf(work, sticky)));
        if (sticky) {
            preferenceEnds.add(item);
        }
        waiting.put(work.id(), item);
        channels[work.channel().ordinal()].waiting++;
    }

    /** @return whether the item was waiting */
    public boolean removeWork(String workId) {
        Waiting item = waiting.remove(workId);
        if (item == null) {
            return false;
        }
        forget(item);
        return true;
    }

    public boolean isWaiting(String workId) {
        return waiting.containsKey(workId);
    }

    public int waitingCount() {
        return waiting.size();
    }

    public int waitingCount(Channel channel) {
        return channels[channel.ordinal()].waiting;
    }

    /** Up to {@code limit} waiting items of {@code channel} in assignment order (whether assignable or not). */
    public List<WorkRequest> waitingInOrder(Channel channel, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        PriorityQueue<Cursor> cursors = new PriorityQueue<>((a, b) -> compareItems(a.current, b.current));
        for (WorkGroup group : channels[channel.ordinal()].groups) {
            Iterator<Waiting> items = group.items.iterator();
            cursors.add(new Cursor(items, items.next()));
        }
        List<WorkRequest> inOrder = new ArrayList<>(Math.min(limit, channels[channel.ordinal()].waiting));
        while (inOrder.size() < limit && !cursors.isEmpty()) {
            Cursor cursor = cursors.poll();
            inOrder.add(cursor.current.work);
            if (cursor.items.hasNext()) {
                cursor.current = cursor.items.next();
                cursors.add(cursor);
            }
        }
        return Collections.unmodifiableList(inOrder);
    }

    // ---------------------------------------------------------------- decisions

    /** The best decision now, already applied (the item leaves the queue, the agent's load goes up), or empty. */
    public Optional<Decision> next(long nowMillis) {
        return Optional.ofNullable(decide(nowMillis));
    }

    /** Up to {@code max} decisions now, in the order {@link #next} would give them. */
    public List<Decision> drain(long nowMillis, int max) {
        List<Decision> decisions = new ArrayList<>(Math.max(0, Math.min(max, 1024)));
        while (decisions.size() < max) {
            Decision decision = decide(nowMillis);
            if (decision == null) {
                break;
            }
            decisions.add(decision);
        }
        return decisions;
    }

    private Decision decide(long now) {
        advanceClock(now);
        WorkGroup group;
        while ((group = ready.pollFirst()) != null) {
            group.state = WorkGroup.TAKEN;
            AgentState agent = choose(group);
            if (agent == null) {
                continue; // choose() has blocked or parked the group
            }
            AgentState reservedFor = group.reservedFor;
            if (reservedFor != null && reservedFor != agent) {
                group.reservedFor = null;
            } else {
                reservedFor = null;
            }
            Waiting item = group.items.pollFirst();
            if (group.items.isEmpty()) {
                dropGroup(group);
            } else {
                group.head = group.items.first();
                group.state = WorkGroup.READY;
                ready.add(group);
            }
            waiting.remove(item.id);
            channels[group.channel].waiting--;
            if (group.preferredAgent != null) {
                preferenceEnds.remove(item);
            }
            assign(agent, group.channel, now);
            if (reservedFor != null) {
                unblockFor(reservedFor, group.channel, 1); // someone else took it: the slot is still free
            }
            return new Decision(item.work, agent.id);
        }
        return null;
    }

    /**
     * The agent that gets the first item of {@code group} (taken out of {@link #ready}), or null after
     * setting the group aside: parked on its preferred agent, or blocked on its channel.
     */
    private AgentState choose(WorkGroup group) {
        ChannelState channel = channels[group.channel];
        if (group.preferredAgent != null) {
            AgentState preferred = agents.get(group.preferredAgent);
            if (preferred != null && preferred.online && fits(preferred, group)) {
                if (preferred.isFreeOn(group.channel)) {
                    return preferred;
                }
                park(group);
                return null;
            }
        }
        if (group.unconstrained) {
            if (!channel.free.isEmpty()) {
                return channel.free.first().agent;
            }
        } else {
            for (Slot slot = channel.free.first(); slot != null; slot = Treap.successor(slot)) {
                if (fits(slot.agent, group)) {
                    return slot.agent;
                }
            }
        }
        // nobody with a free slot fits, so neither does an agent this group was reserved for
        group.reservedFor = null;
        group.state = WorkGroup.BLOCKED;
        channel.blocked.add(group);
        return null;
    }

    /** Everything but presence and a free slot: could this agent ever take the group's items? */
    private static boolean fits(AgentState agent, WorkGroup group) {
        if (agent.capacity[group.channel] <= 0 || (group.skillMask & ~agent.skillMask) != 0) {
            return false;
        }
        for (String skill : group.unindexedSkills) {
            if (!agent.skills.contains(skill)) {
                return false;
            }
        }
        if (!group.excluded.isEmpty() && group.excluded.contains(agent.id)) {
            return false;
        }
        if (group.teams.isEmpty() || (group.teamMask & agent.teamMask) != 0) {
            return true;
        }
        for (String team : group.unindexedTeams) {
            if (agent.teams.contains(team)) {
                return true;
            }
        }
        return false;
    }

    private void assign(AgentState agent, int c, long now) {
        agent.load[c]++;
        agent.totalLoad++;
        if (isExclusive(c)) {
            agent.exclusiveLoad++;
        }
        agent.lastAssignedAt = now;
        agent.sequence = ++assignmentSequence;
        reindex(agent, ALL_CHANNELS); // the last assignment orders (or breaks ties) on every channel
    }

    // ---------------------------------------------------------------- agent index

    private boolean isExclusive(int c) {
        return (exclusiveMask >>> c & 1) != 0;
    }

    private boolean hasFreeSlot(AgentState agent, int c) {
        if (!agent.online || agent.load[c] >= agent.capacity[c]) {
            return false;
        }
        return isExclusive(c) ? agent.totalLoad == 0 : agent.exclusiveLoad == 0;
    }

    /**
     * Brings the channel indexes up to date after the agent's state changed: in the index of every channel
     * where it has a free slot, filed under its current key. {@code rekey}: the channels whose key fields
     * (load, capacity, last assignment, turn) may have changed; a slot is only ever moved after it was
     * taken out under its old key, which it keeps as a copy.
     */
    private void reindex(AgentState agent, int rekey) {
        int free = 0;
        for (int c = 0; c < CHANNELS.length; c++) {
            boolean was = (agent.freeMask >>> c & 1) != 0;
            boolean is = hasFreeSlot(agent, c);
            boolean moved = (rekey >>> c & 1) != 0;
            Slot slot = agent.slots[c];
            if (was && (!is || moved)) {
                channels[c].free.remove(slot);
            }
            if (is && (!was || moved)) {
                slot.refresh();
                channels[c].free.add(slot);
            }
            if (is) {
                free |= 1 << c;
            }
        }
        agent.freeMask = free;
    }

    private Comparator<Slot> agentOrder() {
        return switch (strategy) {
            case LEAST_BUSY -> (a, b) -> {
                if (a == b) {
                    return 0;
                }
                // load/capacity compared without division; agents in the index have capacity > 0
                int order = Long.compare((long) a.load * b.capacity, (long) b.load * a.capacity);
                if (order != 0) {
                    return order;
                }
                order = Long.compare(a.lastAssignedAt, b.lastAssignedAt);
                return order != 0 ? order : a.id.compareTo(b.id);
            };
            case LONGEST_IDLE -> (a, b) -> {
                if (a == b) {
                    return 0;
                }
                int order = Long.compare(a.lastAssignedAt, b.lastAssignedAt);
                return order != 0 ? order : a.id.compareTo(b.id);
            };
            case ROUND_ROBIN -> (a, b) -> {
                if (a == b) {
                    return 0;
                }
                int order = Long.compare(a.sequence, b.sequence);
                return order != 0 ? order : a.id.compareTo(b.id);
            };
        };
    }

    // ---------------------------------------------------------------- blocked and parked groups

    /**
     * The agent has {@code slots} more free slots on channel {@code c}: the first that many blocked groups
     * of the channel it fits become ready, reserved for it.
     */
    private void unblockFor(AgentState agent, int c, int slots) {
        if (slots <= 0 || agent.removed || !agent.isFreeOn(c)) {
            return;
        }
        Treap<WorkGroup> blocked = channels[c].blocked;
        WorkGroup next;
        for (WorkGroup group = blocked.first(); slots > 0 && group != null; group = next) {
            next = Treap.successor(group);
            if (fits(agent, group)) {
                blocked.remove(group);
                group.reservedFor = agent;
                group.state = WorkGroup.READY;
                ready.add(group);
                slots--;
            }
        }
    }

    /** A group waits for its preferred agent, who is online and could take it but has no free slot. */
    private void park(WorkGroup group) {
        AgentState reservedFor = group.reservedFor;
        group.reservedFor = null;
        group.state = WorkGroup.PARKED;
        if (reservedFor != null) {
            unblockFor(reservedFor, group.channel, 1); // it will not take this one now
        }
    }

    /** The agent has a free slot again on the channels of {@code gained}: work waiting for it there is ready. */
    private void unparkFor(AgentState agent, int gained) {
        Set<WorkGroup> preferring = stickyGroups.get(agent.id);
        if (gained == 0 || preferring == null) {
            return;
        }
        for (WorkGroup group : preferring) {
            if (group.state == WorkGroup.PARKED && (gained >>> group.channel & 1) != 0) {
                makeReady(group);
            }
        }
    }

    /** The agent's presence or profile changed: work preferring it is decided afresh. */
    private void reconsiderStickyGroupsOf(String agentId) {
        Set<WorkGroup> preferring = stickyGroups.get(agentId);
        if (preferring == null) {
            return;
        }
        for (WorkGroup group : preferring) {
            if (group.state == WorkGroup.BLOCKED) {
                channels[group.channel].blocked.remove(group);
                makeReady(group);
            } else if (group.state == WorkGroup.PARKED) {
                makeReady(group);
            }
        }
    }

    /** A blocked (already out of its channel's set) or parked group becomes ready, reserved for nobody. */
    private void makeReady(WorkGroup group) {
        group.reservedFor = null;
        group.state = WorkGroup.READY;
        group.head = group.items.first();
        ready.add(group);
    }

    // ---------------------------------------------------------------- groups of waiting work

    private void advanceClock(long now) {
        if (now > clock) {
            clock = now;
        }
        while (!preferenceEnds.isEmpty() && preferenceEnds.first().work.preferUntilMillis() <= clock) {
            Waiting item = preferenceEnds.pollFirst();
            removeFromGroup(item);
            addToGroup(item, groupFor(keyOf(item.work, false)));
        }
    }

    private static boolean isUnconstrained(WorkRequest work) {
        return work.requiredSkills().isEmpty() && (work.optionalSkillsDropped() || work.optionalSkills().isEmpty())
                && work.eligibleTeams().isEmpty() && work.excludedAgents().isEmpty();
    }

    private static GroupKey keyOf(WorkRequest work, boolean sticky) {
        Set<String> skills = work.requiredSkills();
        if (!work.optionalSkillsDropped() && !work.optionalSkills().isEmpty()) {
            Set<String> all = new HashSet<>(skills);
            all.addAll(work.optionalSkills());
            skills = Set.copyOf(all);
        }
        return new GroupKey(work.channel(), skills, work.eligibleTeams(), work.excludedAgents(),
                sticky ? work.preferredAgent() : null);
    }

    private WorkGroup groupFor(GroupKey key) {
        WorkGroup group = groups.get(key);
        if (group == null) {
            group = new WorkGroup(key, skillBits, teamBits);
            groups.put(key, group);
            channels[group.channel].groups.add(group);
            if (group.unconstrained) {
                channels[group.channel].unconstrained = group;
            }
            if (group.preferredAgent != null) {
                stickyGroups.computeIfAbsent(group.preferredAgent, agent -> new HashSet<>()).add(group);
            }
        }
        return group;
    }

    private void addToGroup(Waiting item, WorkGroup group) {
        item.group = group;
        if (group.items.isEmpty()) {
            group.items.add(item);
            group.head = item;
            group.reservedFor = null;
            group.state = WorkGroup.READY;
            ready.add(group);
            return;
        }
        if (group.state == WorkGroup.PARKED || compareItems(item, group.head) > 0) {
            group.items.add(item); // a blocked or parked group stays so: the new item has the same constraints
            return;
        }
        // a new first item: refile the group under it; a blocked one is looked at again (its place in the
        // blocked order, which reservations rely on, has moved forward)
        if (group.state == WorkGroup.READY) {
            ready.remove(group);
        } else {
            channels[group.channel].blocked.remove(group);
            group.reservedFor = null;
            group.state = WorkGroup.READY;
        }
        group.items.add(item);
        group.head = item;
        ready.add(group);
    }

    private void removeFromGroup(Waiting item) {
        WorkGroup group = item.group;
        item.group = null;
        if (group.state == WorkGroup.PARKED || group.head != item) {
            group.items.remove(item);
            if (group.items.isEmpty()) {
                dropGroup(group);
            }
            return;
        }
        Treap<WorkGroup> filed = group.state == WorkGroup.READY ? ready : channels[group.channel].blocked;
        filed.remove(group);
        group.items.remove(item);
        AgentState reservedFor = group.reservedFor;
        group.reservedFor = null;
        if (group.items.isEmpty()) {
            dropGroup(group);
        } else {
            group.head = group.items.first();
            filed.add(group);
        }
        if (reservedFor != null) {
            unblockFor(reservedFor, group.channel, 1); // what was reserved for it is gone
        }
    }

    /** An item leaves the queue without a decision (removed or replaced). */
    private void forget(Waiting item) {
        if (item.group.preferredAgent != null) {
            preferenceEnds.remove(item);
        }
        channels[item.group.channel].waiting--;
        removeFromGroup(item);
    }

    /** Forgets an empty group that is in no set any more. */
    private void dropGroup(WorkGroup group) {
        group.state = WorkGroup.TAKEN;
        group.head = null;
        group.reservedFor = null;
        groups.remove(group.key);
        channels[group.channel].groups.remove(group);
        if (channels[group.channel].unconstrained == group) {
            channels[group.channel].unconstrained = null;
        }
        if (group.preferredAgent != null) {
            Set<WorkGroup> preferring = stickyGroups.get(group.preferredAgent);
            preferring.remove(group);
            if (preferring.isEmpty()) {
                stickyGroups.remove(group.preferredAgent);
            }
        }
    }

    private static int compareItems(Waiting a, Waiting b) {
        if (a == b) {
            return 0;
        }
        int order = Long.compare(a.due, b.due);
        if (order != 0) {
            return order;
        }
        order = Integer.compare(a.priority, b.priority);
        if (order != 0) {
            return order;
        }
        order = Long.compare(a.arrived, b.arrived);
        return order != 0 ? order : a.id.compareTo(b.id);
    }

    // ---------------------------------------------------------------- state

    private static final class AgentState {
        final String id;
        final int[] capacity = new int[CHANNELS.length];
        final int[] load = new int[CHANNELS.length];
        /** The agent's entry in each channel's index. */
        final Slot[] slots = new Slot[CHANNELS.length];
        Set<String> skills = Set.of();
        Set<String> teams = Set.of();
        long skillMask;
        long teamMask;
        boolean online;
        boolean removed;
        long lastAssignedAt;
        /** When this core last assigned the agent work (0: never), for ROUND_ROBIN. */
        long sequence;
        int totalLoad;
        int exclusiveLoad;
        /** The channels whose index holds the agent, i.e. where it has a free slot. */
        int freeMask;

        AgentState(String id) {
            this.id = id;
            for (int c = 0; c < slots.length; c++) {
                slots[c] = new Slot(this, c);
            }
        }

        boolean isFreeOn(int c) {
            return (freeMask >>> c & 1) != 0;
        }

        int freeSlots(int c) {
            return capacity[c] - load[c];
        }
    }

    /**
     * An agent's entry in one channel's index, with a copy of the fields the strategy orders by: the tree
     * compares entries without reading the agent (fewer memory reads), and an entry can always be found
     * under the key it was filed with.
     */
    private static final class Slot extends Treap.Node<Slot> {
        final AgentState agent;
        final String id;
        final int channel;
        int load;
        int capacity;
        long lastAssignedAt;
        long sequence;

        Slot(AgentState agent, int channel) {
            this.agent = agent;
            this.id = agent.id;
            this.channel = channel;
        }

        void refresh() {
            load = agent.load[channel];
            capacity = agent.capacity[channel];
            lastAssignedAt = agent.lastAssignedAt;
            sequence = agent.sequence;
        }
    }

    private static final class ChannelState {
        /** The agents with a free slot on the channel, in strategy order. */
        final Treap<Slot> free;
        /** Groups no agent with a free slot fits (as far as the reservations go), by their first item. */
        final Treap<WorkGroup> blocked = new Treap<>(HEAD_ORDER);
        /** Non-empty groups of waiting work on this channel. */
        final Set<WorkGroup> groups = new HashSet<>();
        /** The group of items without constraints, while there are any (found without hashing a key). */
        WorkGroup unconstrained;
        int waiting;

        ChannelState(Comparator<Slot> order) {
            free = new Treap<>(order);
        }
    }

    /** What makes waiting items interchangeable for eligibility: all are assignable, or none. */
    private record GroupKey(Channel channel, Set<String> skills, Set<String> teams, Set<String> excluded,
            String preferredAgent) {
    }

    private static final class WorkGroup extends Treap.Node<WorkGroup> {
        /** In {@link #ready}, filed under {@link #head}. */
        static final int READY = 0;
        /** In its channel's blocked set, filed under {@link #head}. */
        static final int BLOCKED = 1;
        /** Waiting for its preferred agent to get a free slot; in no set. */
        static final int PARKED = 2;
        /** Being decided, or dropped; in no set. */
        static final int TAKEN = 3;

        final GroupKey key;
        final int channel;
        /** The group's skills that have a bit, as a mask; the others (past 64 names) by name. */
        final long skillMask;
        final String[] unindexedSkills;
        final long teamMask;
        final String[] unindexedTeams;
        final Set<String> teams;
        final Set<String> excluded;
        final String preferredAgent;
        /** No skills, teams, exclusions or preference: any agent with a free slot takes it. */
        final boolean unconstrained;
        final Treap<Waiting> items = new Treap<>(ITEM_ORDER);
        /** The first item while READY or BLOCKED: the key the group is filed under. */
        Waiting head;
        int state = TAKEN;
        /** The agent whose new free slot made this (ready) group ready, if any. */
        AgentState reservedFor;

        WorkGroup(GroupKey key, NameBits skillBits, NameBits teamBits) {
            this.key = key;
            this.channel = key.channel().ordinal();
            this.skillMask = skillBits.maskOf(key.skills());
            this.unindexedSkills = skillBits.unindexed(key.skills());
            this.teamMask = teamBits.maskOf(key.teams());
            this.unindexedTeams = teamBits.unindexed(key.teams());
            this.teams = key.teams();
            this.excluded = key.excluded();
            this.preferredAgent = key.preferredAgent();
            this.unconstrained = key.skills().isEmpty() && teams.isEmpty() && excluded.isEmpty() && preferredAgent == null;
        }
    }

    private static final class Waiting extends Treap.Node<Waiting> {
        final WorkRequest work;
        final long due;
        final int priority;
        final long arrived;
        final String id;
        WorkGroup group;

        Waiting(WorkRequest work) {
            this.work = work;
            this.due = work.dueAtMillis();
            this.priority = work.priority();
            this.arrived = work.arrivedAtMillis();
            this.id = work.id();
        }
    }

    /**
     * Gives the first 64 skill (or team) names seen a bit each, for mask tests; names seen later are
     * checked by name. A name gets its bit when first seen, on an agent or on work, so every agent's mask
     * has the bits of all its names that have one.
     */
    private static final class NameBits {
        private final Map<String, Integer> bits = new HashMap<>();

        long maskOf(Set<String> names) {
            long mask = 0;
            for (String name : names) {
                Integer bit = bits.get(name);
                if (bit == null && bits.size() < Long.SIZE) {
                    bit = bits.size();
                    bits.put(name, bit);
                }
                if (bit != null) {
                    mask |= 1L << bit;
                }
            }
            return mask;
        }

        /** The names without a bit (call after {@link #maskOf} on the same names). */
        String[] unindexed(Set<String> names) {
            return names.stream().filter(name -> !bits.containsKey(name)).toArray(String[]::new);
        }
    }

    private static final class Cursor {
        final Iterator<Waiting> items;
        Waiting current;

        Cursor(Iterator<Waiting> items, Waiting current) {
            this.items = items;
            this.current = current;
        }
    }
}
