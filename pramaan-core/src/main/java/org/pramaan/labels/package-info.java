/**
 * Labels, for generators and for platforms that label: writing the explicit and implicit marks that
 * say a file is synthetic (IPTC DigitalSourceType, GB 45438 AIGC metadata; C2PA signing and the
 * visible labels sit with them). The container codecs are the {@code provenance} engine's.
 */
package org.pramaan.labels;
