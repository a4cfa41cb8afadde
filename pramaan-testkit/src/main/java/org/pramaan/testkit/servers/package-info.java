/** Real servers (S3Mock, a Kafka broker) started in child JVMs from class paths Maven resolved at build time (issue 15). */
package org.pramaan.testkit.servers;
