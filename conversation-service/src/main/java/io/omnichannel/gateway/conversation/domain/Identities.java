package io.omnichannel.gateway.conversation.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.omnichannel.gateway.contract.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the handles channels report into normalized identities: phone numbers in E.164 (with
 * libphonenumber, numbers without a country code read in the default region), email addresses in
 * lower case, platform ids by the platform their handle names ({@code whatsapp:+1555...}).
 *
 * <p>An identity is verified when the channel proves the sender owns it: an SMS or a call comes from
 * the number, WhatsApp verifies its users' numbers, a message whose metadata says
 * {@code authenticated=true} (e.g. an email with DKIM and SPF passing) comes from the address.
 */
public final class Identities {

    /** Inbound metadata naming another address of the sender, which a provider verified. */
    public static final String VERIFIED_EMAIL = "customer.verifiedEmail";
    public static final String VERIFIED_PHONE = "customer.verifiedPhone";
    /** Inbound metadata saying the channel authenticated the sender's address. */
    public static final String AUTHENTICATED = "authenticated";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public Identities(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The identity behind a conversation key's handle on {@code channel}. */
    public IdentityRef ofHandle(Channel channel, String handle, Map<String, String> metadata) {
        boolean authenticated = "true".equalsIgnoreCase(metadata.get(AUTHENTICATED));
        return switch (channel) {
            case SMS, PHONE -> phone(handle).map(e164 -> new IdentityRef(IdentityKind.PHONE, e164, true))
                    .orElseGet(() -> new IdentityRef(IdentityKind.PHONE, handle.trim(), false));
            case EMAIL -> new IdentityRef(IdentityKind.EMAIL, email(handle), authenticated);
            case CHAT -> new IdentityRef(IdentityKind.CHAT_VISITOR, handle, false);
            case SOCIAL -> social(handle, authenticated);
        };
    }

    /** Addresses of the sender that a provider verified and reported in the message's metadata. */
    public List<IdentityRef> verifiedClaims(Map<String, String> metadata) {
        java.util.ArrayList<IdentityRef> claims = new java.util.ArrayList<>();
        String email = metadata.get(VERIFIED_EMAIL);
        if (email != null && email.contains("@")) {
            claims.add(new IdentityRef(IdentityKind.EMAIL, email(email), true));
        }
        String phone = metadata.get(VERIFIED_PHONE);
        if (phone != null) {
            phone(phone).ifPresent(e164 -> claims.add(new IdentityRef(IdentityKind.PHONE, e164, true)));
        }
        return claims;
    }

    /**
     * Other identities that are provably the same person as {@code identity}: a verified WhatsApp
     * number and the same number texting or calling.
     */
    public List<IdentityRef> twins(IdentityRef identity) {
        if (!identity.verified()) {
            return List.of();
        }
        return switch (identity.kind()) {
            case PHONE -> List.of(new IdentityRef(IdentityKind.WHATSAPP, identity.value(), true));
            case WHATSAPP -> identity.value().startsWith("+")
                    ? List.of(new IdentityRef(IdentityKind.PHONE, identity.value(), true))
                    : List.of();
            default -> List.of();
        };
    }

    /**
     * An address an agent typed, normalized like the channels' handles.
     *
     * @throws IllegalArgumentException when it is not a valid address of that kind
     */
    public IdentityRef typed(IdentityKind kind, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the address is empty");
        }
        return switch (kind) {
            case PHONE -> new IdentityRef(kind, phone(trimmed).orElseThrow(() -> new IllegalArgumentException(
                    "'" + trimmed + "' is not a valid phone number (E.164, or a national number in " + defaultRegion + ")")), false);
            case EMAIL -> {
                if (!trimmed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new IllegalArgumentException("'" + trimmed + "' is not an email address");
                }
                yield new IdentityRef(kind, email(trimmed), false);
            }
            case WHATSAPP -> new IdentityRef(kind, phone(strip(trimmed, "whatsapp:")).orElse(strip(trimmed, "whatsapp:")), false);
            default -> new IdentityRef(kind, trimmed, false);
        };
    }

    /** The identity kinds whose handles a channel can send to. */
    public static List<IdentityKind> kindsServing(Channel channel) {
        return switch (channel) {
            case SMS, PHONE -> List.of(IdentityKind.PHONE);
            case EMAIL -> List.of(IdentityKind.EMAIL);
            case CHAT -> List.of(IdentityKind.CHAT_VISITOR);
            case SOCIAL -> List.of(IdentityKind.WHATSAPP, IdentityKind.MESSENGER, IdentityKind.INSTAGRAM, IdentityKind.OTHER);
        };
    }

    /** The number in E.164, when it is a valid number. */
    public Optional<String> phone(String raw) {
        try {
            PhoneNumber number = PHONES.parse(raw.trim(), defaultRegion);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private IdentityRef social(String handle, boolean authenticated) {
        int colon = handle.indexOf(':');
        String platform = colon > 0 ? handle.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        String id = colon > 0 ? handle.substring(colon + 1) : handle;
        return switch (platform) {
            // WhatsApp ids are phone numbers WhatsApp verified; some providers leave out the '+'
            case "whatsapp" -> phone(id.startsWith("+") ? id : "+" + id)
                    .map(e164 -> new IdentityRef(IdentityKind.WHATSAPP, e164, true))
                    .orElseGet(() -> new IdentityRef(IdentityKind.WHATSAPP, id, false));
            case "messenger" -> new IdentityRef(IdentityKind.MESSENGER, id, authenticated);
            case "instagram" -> new IdentityRef(IdentityKind.INSTAGRAM, id, authenticated);
            default -> new IdentityRef(IdentityKind.OTHER, handle, authenticated);
        };
    }

    private static String email(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static String strip(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length()) ? value.substring(prefix.length()) : value;
    }
}
