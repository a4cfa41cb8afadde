/** {@code blobs=s3} (issue 15): the {@link org.pramaan.intake.BlobStore} port on an S3-compatible object store. */
package org.pramaan.blob.s3;
