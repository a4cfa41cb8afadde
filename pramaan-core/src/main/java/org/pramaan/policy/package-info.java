/**
 * Assessment (how sure are we that a file is synthetic, and why) and decision (what the platform
 * does about it) under a jurisdiction policy that is data, not code.
 */
package org.pramaan.policy;
