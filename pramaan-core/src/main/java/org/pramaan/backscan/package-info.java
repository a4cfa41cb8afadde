/**
 * Back-scans of an existing corpus (issue 17 part 2): the "prevent, avoid and thoroughly cleanse" of
 * the seeds. When a hash is banked or a policy changes, the platform must find what it already
 * hosts. A {@link org.pramaan.backscan.ScanJob} walks a source (the media Pramaan stores, a folder of
 * the platform's own files, a list of ids or URLs fetched through a {@link org.pramaan.backscan.FetchHook})
 * in a fixed order, hashes and matches each item against the banks, and commits each batch's results
 * with its checkpoint in one unit of work, so a crash resumes after the last committed item and no
 * item is recorded twice. Matches become REVIEW items or cases by the job's policy, never silent
 * removals.
 */
package org.pramaan.backscan;
