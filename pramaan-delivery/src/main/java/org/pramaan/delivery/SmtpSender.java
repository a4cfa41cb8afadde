package org.pramaan.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryException;
import org.pramaan.notify.Sender;

/**
 * E-mails a message over SMTP as UTF-8 text (Hindi and English alike). The case event id goes in
 * the {@code Message-ID}, so a repeat delivery is recognisable as the same message.
 */
public final class SmtpSender implements Sender {
    /** Where and how to send. */
    public record Settings(
            String host,
            int port,
            String from,
            Optional<String> username,
            Optional<String> password,
            boolean startTls) {}

    private final Settings settings;
    private final Session session;

    public SmtpSender(Settings settings) {
        this.settings = settings;
        try {
            new InternetAddress(settings.from(), true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException(
                    "the sender address '" + settings.from() + "' is not an e-mail address: " + e.getMessage(), e);
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        p.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        this.session = Session.getInstance(p);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** The SMTP reply code behind a failure, or -1 when the server never answered. */
    static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a) return a.getReturnCode();
            if (x instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException s) return s.getReturnCode();
        }
        return -1;
    }

    @Override
    @SuppressWarnings(
            "JavaUtilDate") // Jakarta Mail's setSentDate takes a java.util.Date; the Date header is when the message
    // really left (RFC 5322 §3.6.1)
    public String send(Delivery d) throws DeliveryException {
        try {
            MimeMessage m = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + org.pramaan.limits.PlainText.safeIdentifier(d.id()) + "@pramaan>");
                }
            };
            m.setFrom(new InternetAddress(settings.from()));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(d.destination(), true));
            m.setSubject(d.subject(), StandardCharsets.UTF_8.name());
            m.setText(d.body(), StandardCharsets.UTF_8.name());
            m.setSentDate(new Date());
            m.setHeader("X-Pramaan-Event-Id", d.eventId());
            if (settings.username().isPresent()) {
                Transport.send(m, settings.username().get(), settings.password().orElse(""));
            } else {
                Transport.send(m);
            }
            return "SMTP accepted " + m.getMessageID();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new DeliveryException(
                    "'" + d.destination() + "' is not an e-mail address: " + e.getMessage(), true, e);
        } catch (MessagingException e) {
            // A 5xx reply refuses this recipient or message for good; 4xx and network trouble are worth retrying.
            int code = replyCode(e);
            if (code >= 500)
                throw new DeliveryException(
                        "SMTP refused the message to " + d.destination() + " (" + code + "): " + e.getMessage(),
                        true,
                        e);
            throw new DeliveryException(
                    "SMTP delivery to " + d.destination() + " via " + settings.host() + ":" + settings.port()
                            + " failed: " + e.getMessage(),
                    false,
                    e);
        }
    }
}
