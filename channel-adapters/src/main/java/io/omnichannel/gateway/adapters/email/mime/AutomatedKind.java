package io.omnichannel.gateway.adapters.email.mime;

/** Whether a message was written by a person or sent by a machine, and which kind of machine message it is. */
public enum AutomatedKind {
    /** Written by a person, as far as the headers tell. */
    NONE,
    /** An out-of-office or other automatic answer (RFC 3834 Auto-Submitted, Exchange's X-Auto-Response-Suppress, ...). */
    AUTO_REPLY,
    /** A delivery status notification: a message of ours could not be delivered. */
    BOUNCE,
    /** Mailing-list or bulk mail (Precedence, List-Id, List-Unsubscribe). */
    LIST_OR_BULK,
    /** A message the gateway sent itself coming back (it carries the X-Gateway-Loop header). */
    LOOP
}
