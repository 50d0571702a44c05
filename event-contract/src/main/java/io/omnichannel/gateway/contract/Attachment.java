package io.omnichannel.gateway.contract;

/** A file that came with a message; {@code ref} is where to fetch it (provider URL or storage reference). */
public record Attachment(String name, String contentType, Long size, String ref) {
}
