/**
 * The review console (issue 13): server-rendered pages for reviewers and admins, mounted by pramaan-app on the same
 * server as the API. It sees core only; sessions live in memory on the server.
 */
package org.pramaan.console;
