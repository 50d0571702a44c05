/**
 * Inbound email as the gateway reads it: raw MIME in, one {@link io.omnichannel.gateway.adapters.email.mime.ParsedEmail}
 * out, whatever the transport (IMAP, a raw-MIME webhook, SendGrid or Mailgun fields).
 *
 * <h2>What the parser guarantees</h2>
 * <ul>
 * <li>{@link io.omnichannel.gateway.adapters.email.mime.EmailParser#parse(byte[])} either returns a message or throws
 * {@link io.omnichannel.gateway.adapters.email.mime.MalformedEmailException}, and throws only when nothing sensible can
 * be decoded: empty input, no header section, a message over {@code maxMessageBytes}, a top-level header section (or
 * one header field) over {@code maxHeaderBytes}. Everything else is best effort, and each repair, cut or guess is
 * written in {@code notes()} for a person to read (at most 50 notes).</li>
 * <li>{@code text} is never null: the text/plain parts (in a multipart/alternative, the plain one), else the text of the
 * HTML; line ends are {@code \n}, {@code format=flowed} text is unflowed. {@code newText} is {@code text} without quoted earlier messages and signature.
 * {@code html} is sanitized (OWASP) before it leaves the parser; right-to-left {@code dir} and {@code lang} survive.</li>
 * <li>Every non-body part is in {@code attachments}, in message order, with its decoded size; a forwarded
 * {@code message/rfc822} stays one attachment (its raw bytes), unless it is the whole message body, which is then
 * read as the message.</li>
 * <li>Charset labels never fail: they go through {@link io.omnichannel.gateway.adapters.email.mime.MailCharsets}
 * (gb2312/gbk → GB18030, iso-2022-jp → windows' NEC variant, ks_c_5601-1987 → windows-949, iso-8859-8-i → ISO-8859-8,
 * unknown or utf-7 → windows-1252 with a note); bytes a charset cannot decode become U+FFFD with a note. Unlabelled
 * or US-ASCII-labelled 8-bit text is read as UTF-8 when valid, else windows-1252.</li>
 * <li>Memory and stack are bounded by the limits, not by the message: mime4j's pull parser streams the content, bytes
 * of a part past {@code maxAttachmentBytes} are counted and dropped, parts deeper than {@code maxNestingDepth} are
 * not descended into.</li>
 * </ul>
 *
 * <h2>Limits ({@link io.omnichannel.gateway.adapters.email.mime.EmailLimits#defaults()})</h2>
 * <table>
 * <caption>What the limits do</caption>
 * <tr><th>limit</th><th>default</th><th>past it</th></tr>
 * <tr><td>maxMessageBytes</td><td>25 MiB</td><td>refused</td></tr>
 * <tr><td>maxHeaderBytes</td><td>64 KiB</td><td>refused for the top-level header and for any single field; a
 * part's header section keeps its first fields, with a note</td></tr>
 * <tr><td>maxHeaderCount</td><td>1000 fields per header section</td><td>later fields ignored, with a note</td></tr>
 * <tr><td>maxNestingDepth</td><td>20 levels</td><td>deeper parts skipped, with a note</td></tr>
 * <tr><td>maxParts</td><td>200 parts</td><td>later parts skipped, with a note</td></tr>
 * <tr><td>maxAttachmentBytes</td><td>10 MiB decoded per part</td><td>an attachment keeps name, type and size, its
 * content is null; a body text is cut; with a note</td></tr>
 * </table>
 *
 * <p>The webhook formats that hand over text, HTML and headers as separate fields get the same treatment through
 * {@link io.omnichannel.gateway.adapters.email.mime.EmailBodies}, {@link io.omnichannel.gateway.adapters.email.mime.AutomatedMail}
 * and {@link io.omnichannel.gateway.adapters.email.mime.MailCharsets}.
 */
package io.omnichannel.gateway.adapters.email.mime;
