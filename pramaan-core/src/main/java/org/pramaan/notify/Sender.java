package org.pramaan.notify;

/** Adapter: sends one message over one channel. Throws {@link DeliveryException} when it was not accepted. */
public interface Sender {
    Channel channel();

    /** Returns what the receiver answered (status line, message id, statement uuid). */
    String send(Delivery d) throws DeliveryException;
}
