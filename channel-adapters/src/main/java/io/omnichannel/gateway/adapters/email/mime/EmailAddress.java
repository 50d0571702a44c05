package io.omnichannel.gateway.adapters.email.mime;

/**
 * A mailbox of an address header.
 *
 * @param address     the addr-spec ({@code local@domain}), lower-cased
 * @param displayName the decoded display name, or null when the header has none
 */
public record EmailAddress(String address, String displayName) {
}
