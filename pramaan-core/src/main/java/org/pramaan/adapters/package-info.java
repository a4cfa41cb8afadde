/**
 * The composition seam (issue 12 item 5): what a deployment plugs into the core. {@link org.pramaan.adapters.Adapters}
 * bundles the storage ports, the unit of work and the decoders; an {@link org.pramaan.adapters.AdaptersProvider}
 * opens one kind (configuration key {@code store}), found through {@link java.util.ServiceLoader} by
 * {@link org.pramaan.adapters.AdapterRegistry}, so a scaled deployment (PostgreSQL, Kafka, S3) arrives as a jar
 * on the class path without a change to the application. Depends on the port packages only.
 */
package org.pramaan.adapters;
