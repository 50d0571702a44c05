package io.omnichannel.gateway.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void readsBackTheTokenItGave() {
        PageCursor cursor = new PageCursor(ConversationSort.UPDATED, Instant.parse("2026-11-23T10:15:30.123456Z"),
                UUID.randomUUID());

        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.fromToken(cursor.token())).isEqualTo(cursor);
    }

    @Test
    void keepsAnAbsentDueTime() {
        PageCursor cursor = new PageCursor(ConversationSort.DUE, null, UUID.randomUUID());

        assertThat(PageCursor.fromToken(cursor.token())).isEqualTo(cursor);
    }

    @Test
    void rejectsTokensItDidNotGive() {
        for (String bad : new String[] {"not base64!", "bm8tc2VwYXJhdG9y", "eHx5", new TimelineCursor(Instant.now(), 3).token()}) {
            assertThatThrownBy(() -> PageCursor.fromToken(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a cursor");
        }
    }
}
