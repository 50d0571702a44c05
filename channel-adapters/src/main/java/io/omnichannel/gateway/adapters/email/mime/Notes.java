package io.omnichannel.gateway.adapters.email.mime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The notes of one parse: each said once, in the order they arose, and not without end for a hostile message. */
final class Notes implements Consumer<String> {

    static final int MAX_NOTES = 50;

    private final Set<String> notes = new LinkedHashSet<>();
    private boolean overflow;

    @Override
    public void accept(String note) {
        if (note == null || notes.contains(note)) {
            return;
        }
        if (notes.size() < MAX_NOTES) {
            notes.add(note);
        } else {
            overflow = true;
        }
    }

    List<String> list() {
        List<String> list = new ArrayList<>(notes);
        if (overflow) {
            list.add("more than " + MAX_NOTES + " notes: the rest were left out");
        }
        return list;
    }
}
