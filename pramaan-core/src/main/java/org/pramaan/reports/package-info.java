/**
 * Reports the regulators ask for, computed from the stores (issue 17 part 1): the Indian monthly
 * compliance report (IT Rules r.4(1)(d)), the EU DSA transparency report (arts.15, 24, 42; the
 * templates of Implementing Regulation (EU) 2024/2835), the US TAKE IT DOWN record and the Chinese
 * labelling and complaint summary. Every figure carries the ids (or the query) behind it, and a
 * figure Pramaan has no data for says "not recorded" rather than 0. Beside the flow: it reads cases,
 * uploads, generations and the outbox through {@link org.pramaan.reports.ReportSource}.
 */
package org.pramaan.reports;
