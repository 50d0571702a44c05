package io.omnichannel.gateway.conversation.rest;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Reads query and path parameters; a bad value is a 400 naming the parameter. */
final class Params {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private Params() {
    }

    static Optional<String> present(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.trim());
    }

    /** A malformed id names nothing: 404 like an unknown one, not 400. */
    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static <T> Optional<T> parse(String name, String value, Function<String, T> parser) {
        return present(value).map(text -> {
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(name, e.getMessage());
            }
        });
    }

    /** A comma-separated list of values. */
    static <T> Set<T> parseAll(String name, String value, Function<String, T> parser) {
        Set<T> all = new LinkedHashSet<>();
        present(value).ifPresent(text -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(item -> all.add(parse(name, item, parser).orElseThrow())));
        return all;
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
    }
}
