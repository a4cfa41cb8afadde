/** Units of work: changes that must be stored together or not at all (a case event and its audit entry). */
package org.pramaan.tx;
