package org.pramaan.notify;

/** Where a message is in its life: waiting (first try or a retry), delivered, or given up on. */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    DEAD
}
