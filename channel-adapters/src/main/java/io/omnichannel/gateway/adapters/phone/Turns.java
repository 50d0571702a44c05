package io.omnichannel.gateway.adapters.phone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Settles who is agent and who is customer in a transcript's turns, and renders them for people and programs. */
final class Turns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Turns() {
    }

    /**
     * The turns with roles: what the provider said, else the voices named as agents ({@code agents},
     * matched against label and name, case-insensitively) with everyone else the customer, else the
     * transcript's default customer voice with everyone else an agent. Consecutive turns of one voice
     * with the same sentiment become one.
     */
    static List<Turn> withRoles(ParsedTranscript transcript, Set<String> agents) {
        Set<String> agentNames = agents.stream().map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        List<Turn> turns = new ArrayList<>();
        for (Turn turn : transcript.turns()) {
            Speaker role = turn.speaker();
            if (role == null && !agentNames.isEmpty()) {
                role = agentNames.contains(turn.label().toLowerCase(Locale.ROOT))
                        || (turn.name() != null && agentNames.contains(turn.name().toLowerCase(Locale.ROOT)))
                        ? Speaker.AGENT : Speaker.CUSTOMER;
            }
            if (role == null) {
                String customer = transcript.defaultCustomer() != null ? transcript.defaultCustomer()
                        : transcript.turns().get(0).label();
                role = turn.label().equals(customer) ? Speaker.CUSTOMER : Speaker.AGENT;
            }
            Turn settled = turn.as(role);
            int last = turns.size() - 1;
            if (last >= 0 && turns.get(last).label().equals(settled.label()) && turns.get(last).speaker() == role
                    && Objects.equals(turns.get(last).sentiment(), settled.sentiment())) {
                turns.set(last, turns.get(last).join(settled));
            } else {
                turns.add(settled);
            }
        }
        return turns;
    }

    /** "Customer: …" and "Agent: …", one line per turn. */
    static String text(List<Turn> turns) {
        return turns.stream().map(turn -> turn.speaker().label() + ": " + turn.text()).collect(Collectors.joining("\n"));
    }

    /** The turns as a JSON array: speaker, label, name, text, start, end (seconds) and sentiment where known. */
    static String json(List<Turn> turns) {
        ArrayNode array = JSON.createArrayNode();
        for (Turn turn : turns) {
            ObjectNode node = array.addObject().put("speaker", turn.speaker().wireName()).put("label", turn.label());
            if (turn.name() != null) {
                node.put("name", turn.name());
            }
            node.put("text", turn.text());
            if (turn.start() != null) {
                node.put("start", Double.parseDouble(TranscriptJson.decimal(turn.start())));
            }
            if (turn.end() != null) {
                node.put("end", Double.parseDouble(TranscriptJson.decimal(turn.end())));
            }
            if (turn.sentiment() != null) {
                node.put("sentiment", turn.sentiment());
            }
        }
        return array.toString();
    }
}
