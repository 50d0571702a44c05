package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.CustomerNote;
import io.omnichannel.gateway.conversation.domain.NoteCursor;
import java.util.List;
import java.util.Optional;

/** One page of a customer's notes, newest first, and where the next one starts. */
public record NotePage(List<CustomerNote> items, Optional<NoteCursor> next) {
}
