package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.email.mime.ParsedEmail;

/**
 * A mail as one of the ways in delivered it: parsed, and the bytes it came as (the raw MIME, or the
 * webhook body for formats that give the parts separately): the id of a mail without Message-ID is
 * their hash, and a bounce names the reply it bounced in them.
 */
public record ReceivedEmail(ParsedEmail email, byte[] raw) {
}
