package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.email.mime.EmailAddress;
import io.omnichannel.gateway.adapters.email.mime.ParsedEmail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Message-IDs and Reply-To addresses of our replies, and how a customer's mail is tied back to
 * the conversation it answers. Our Message-ID is {@code <reply-<reply id>.conv-<conversation id>@<domain>>},
 * so any reply whose {@code In-Reply-To} or {@code References} names it (every mail client keeps
 * them) carries the conversation; mail clients that drop them still write to the Reply-To, which is
 * plus-addressed: {@code support+conv-<conversation id>@example.com}.
 */
public final class GatewayMessageIds {

    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern REPLY_ID = Pattern.compile("reply-(" + UUID + ")\\.conv-([0-9A-Za-z-]+)@");
    /** A whole Message-ID of ours, as it stands between angle brackets. */
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("reply-" + UUID + "\\.conv-[0-9A-Za-z-]+@[^>\\s]{1,255}");
    private static final Pattern PLUS_TOKEN = Pattern.compile("\\+conv-([0-9A-Za-z-]+)@");

    private GatewayMessageIds() {
    }

    /** The Message-ID (without angle brackets) of reply {@code replyId} in {@code conversationId}, sent from {@code from}. */
    public static String forReply(String replyId, String conversationId, String from) {
        return "reply-" + replyId + ".conv-" + (conversationId == null ? "none" : conversationId) + "@" + domain(from);
    }

    /** {@code support+conv-<id>@example.com} for {@code support@example.com}. */
    public static String replyTo(String address, String conversationId) {
        int at = address.lastIndexOf('@');
        if (conversationId == null || at < 0) {
            return address;
        }
        String local = address.substring(0, at);
        int plus = local.indexOf('+');
        return (plus < 0 ? local : local.substring(0, plus)) + "+conv-" + conversationId + address.substring(at);
    }

    /** The conversation a customer's mail answers: from our Message-IDs it references, else our plus-addressed recipient. */
    public static Optional<String> conversationOf(ParsedEmail email) {
        List<String> ids = new ArrayList<>(email.references());
        if (email.inReplyTo() != null) {
            ids.add(email.inReplyTo());
        }
        for (int i = ids.size() - 1; i >= 0; i--) {
            Matcher matcher = REPLY_ID.matcher(ids.get(i));
            if (matcher.find() && !"none".equals(matcher.group(2))) {
                return Optional.of(matcher.group(2));
            }
        }
        List<EmailAddress> recipients = new ArrayList<>(email.to());
        recipients.addAll(email.cc());
        for (EmailAddress recipient : recipients) {
            Matcher matcher = PLUS_TOKEN.matcher(recipient.address());
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** Our reply Message-IDs (without brackets) that a text names: a bounce quotes the Message-ID it bounced. */
    public static List<String> repliesNamedIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = OUR_MESSAGE_ID.matcher(text);
        while (matcher.find()) {
            if (!found.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    /** {@code example.com} of {@code support@example.com}; {@code localhost} when there is none. */
    static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
